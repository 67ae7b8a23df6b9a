// jsforce connections to an emulated org, for tests.
import jsforce, { type Connection } from 'jsforce';
import jwt from 'jsonwebtoken';
import type { OrgHandle, Persona } from '../index';

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

export type LoginFlow = 'password' | 'soap' | 'client_credentials' | 'jwt';

/**
 * Logs in as one of the org's persona users (`org.users`) with the given flow; client credentials
 * use the persona's own connected app (Salesforce runs that flow as the app's configured user).
 */
export async function personaConnection(org: OrgHandle, persona: Persona, flow: LoginFlow = 'password'): Promise<Connection> {
  const login = org.users[persona];
  const oauth2 = { clientId: login.clientId, clientSecret: login.clientSecret, loginUrl: org.loginUrl };
  const conn = new jsforce.Connection(flow === 'soap' ? { loginUrl: org.loginUrl, version: org.apiVersion } : { loginUrl: org.loginUrl, instanceUrl: org.instanceUrl, version: org.apiVersion, oauth2 });
  if (flow === 'password' || flow === 'soap') await conn.login(login.username, login.password);
  else if (flow === 'client_credentials') await conn.authorize({ grant_type: 'client_credentials' });
  else {
    const assertion = jwt.sign({ iss: login.clientId, sub: login.username, aud: org.loginUrl }, org.privateKeyPem, { algorithm: 'RS256', expiresIn: 180 });
    await conn.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });
  }
  return conn;
}
