// jsforce connections to an emulated org, for tests.
import jsforce, { type Connection } from 'jsforce';
import type { OrgHandle } from '../index';

/** Logs in with the OAuth 2.0 password grant (jsforce refreshes with the refresh token on 401). */
export async function passwordConnection(org: OrgHandle, version = org.apiVersion): Promise<Connection> {
  const conn = new jsforce.Connection({
    loginUrl: org.loginUrl,
    version,
    oauth2: { clientId: org.clientId, clientSecret: org.clientSecret, loginUrl: org.loginUrl }
  });
  await conn.login(org.username, org.password);
  return conn;
}

/** Logs in with SOAP login(), as `conn.login()` does without OAuth client settings. */
export async function soapConnection(org: OrgHandle, version = org.apiVersion): Promise<Connection> {
  const conn = new jsforce.Connection({ loginUrl: org.loginUrl, version });
  await conn.login(org.username, org.password);
  return conn;
}

/** Raw HTTP against the org with a bearer token, for wire-level assertions. */
export async function rawRequest(
  org: OrgHandle,
  conn: Connection,
  method: string,
  path: string,
  body?: unknown
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${org.instanceUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${conn.accessToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
