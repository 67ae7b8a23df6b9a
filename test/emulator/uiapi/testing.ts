// Shared by the UI API suites: an org with a session and a JSON caller for its data API.
import type { OrgHandle } from '../index';

export interface ApiReply {
  status: number;
  body: unknown;
}

export type ApiCall = (method: string, path: string, body?: unknown, token?: string | null) => Promise<ApiReply>;

/**
 * Calls `/services/data/v64.0{path}` as the org's API user, or with the session `as` (a persona's
 * access token); a call's own `token` overrides it, null sends none.
 */
export function apiCaller(org: OrgHandle, as?: string): ApiCall {
  const session = as ?? org.org.issueSession(org.org.userRow(org.username), false).accessToken;
  return async (method, path, body, token) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    const bearer = token === undefined ? session : token;
    if (bearer !== null) headers.Authorization = `Bearer ${bearer}`;
    const response = await fetch(`${org.instanceUrl}/services/data/v64.0${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
}

/** The GraphQL answer's shape, loosely typed for assertions. */
export interface GraphqlAnswer {
  data: { uiapi: { query: Record<string, { edges: Array<{ node: Record<string, unknown> }> } | null> } } | null;
  errors?: Array<{ message: string; locations: Array<{ line: number; column: number }>; extensions: { classification: string } }>;
}

export async function graphql(call: ApiCall, query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<GraphqlAnswer> {
  const reply = await call('POST', '/graphql', { query, variables, operationName });
  if (reply.status !== 200) throw new Error(`graphql answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body as GraphqlAnswer;
}

/** The nodes of one connection of a successful answer. */
export function nodes(answer: GraphqlAnswer, object: string): Array<Record<string, unknown>> {
  if (answer.errors) throw new Error(`unexpected errors: ${JSON.stringify(answer.errors)}`);
  return answer.data!.uiapi.query[object]!.edges.map((edge) => edge.node);
}
