// Routing for the emulator's HTTP server. Modules (such as the UI API) add their own routes to the
// same router and reuse the org's store and query engine through the request context.
import type { IncomingHttpHeaders } from 'node:http';
import { SfError } from '../errors';
import type { Org, Session } from '../org';

export interface RequestContext {
  org: Org;
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The API version named by a `/services/data/vXX.X/` URL. */
  version: string;
  /** The caller's session on routes that require one. */
  session: Session | null;
  /** `/services/data/vXX.X` for this request's version. */
  base: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** JSON answers can be altered by the "wrong types" fault. */
  json?: boolean;
}

/**
 * `data`: under /services/data/vXX.X/, needs a session, counts against the API budget and carries
 * Sforce-Limit-Info. `async`: Bulk API 1.0 under /services/async/XX.X/, session in the
 * X-SFDC-Session header, counted likewise. `public`: no session (OAuth, SOAP login, versions list).
 */
export type RouteKind = 'data' | 'async' | 'public';

export interface Route {
  method: string;
  /** Matched against the path (for data routes, the part after `/services/data/vXX.X`); named groups become `params`. */
  pattern: RegExp;
  kind: RouteKind;
  /** API calls this request counts as (default 1 for data routes). */
  cost?: (ctx: RequestContext) => number;
  handle: (ctx: RequestContext) => Reply | Promise<Reply>;
  /** How this route words errors (default: the REST API's JSON array). */
  errorReply?: (error: SfError, ctx: RequestContext) => Reply;
}

export class Router {
  private readonly routes: Route[] = [];

  add(route: Route): void {
    this.routes.push(route);
  }

  match(kind: RouteKind, method: string, path: string): { route: Route; params: Record<string, string> } | 'method' | null {
    let pathMatched = false;
    for (const route of this.routes) {
      if (route.kind !== kind) continue;
      const match = route.pattern.exec(path);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(match.groups ?? {})) params[key] = decodeURIComponent(value ?? '');
      return { route, params };
    }
    return pathMatched ? 'method' : null;
  }
}

export const JSON_TYPE = 'application/json;charset=UTF-8';

export function json(status: number, value: unknown): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE }, body: typeof value === 'string' ? value : JSON.stringify(value), json: true };
}

export function noContent(): Reply {
  return { status: 204 };
}

export function errorReply(error: SfError): Reply {
  return json(error.status, [{ message: error.message, errorCode: error.errorCode, fields: error.fields }]);
}

/** Parses a JSON request body, answering Salesforce's JSON_PARSER_ERROR when it is not JSON. */
export function jsonBody<T>(ctx: RequestContext): T {
  const text = ctx.body.toString('utf8');
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new SfError(400, 'JSON_PARSER_ERROR', `Unexpected character in request body: ${(error as Error).message}`);
  }
}
