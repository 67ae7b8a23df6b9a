// A jsforce connection logged in with one of the three auth modes. JWT and client credentials get
// no refresh token, and the password grant gets none either, so every mode installs a refreshFn
// that runs its grant again: jsforce calls it on a 401 and retries the request once.
import jsforce, { type Connection } from 'jsforce';
import jwt from 'jsonwebtoken';
import type { AuthMode } from '../config';
import type { Logger } from '../logger';

export interface SalesforceAuth {
  loginUrl: string;
  mode: AuthMode;
  apiVersion: string;
  clientId?: string;
  clientSecret?: string;
  username?: string;
  password?: string;
  /** PEM private key for the JWT bearer flow. */
  privateKey?: string;
}

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Salesforce accepts login/test.salesforce.com as JWT audience; other hosts (an emulator) name themselves. */
export function jwtAudience(loginUrl: string): string {
  const host = new URL(loginUrl).hostname;
  if (host === 'test.salesforce.com' || host.endsWith('.sandbox.my.salesforce.com')) return 'https://test.salesforce.com';
  if (host.endsWith('salesforce.com')) return 'https://login.salesforce.com';
  return loginUrl.replace(/\/$/, '');
}

export function jwtAssertion(auth: SalesforceAuth, now = Date.now()): string {
  if (!auth.privateKey || !auth.clientId || !auth.username) throw new Error('JWT auth needs a client id, a username and a private key');
  const claims = { iss: auth.clientId, sub: auth.username, aud: jwtAudience(auth.loginUrl), exp: Math.floor(now / 1000) + 180 };
  return jwt.sign(claims, auth.privateKey, { algorithm: 'RS256' });
}

/** Runs the mode's grant on `conn` (first login and every refresh). */
async function grant(conn: Connection, auth: SalesforceAuth): Promise<void> {
  switch (auth.mode) {
    case 'password':
      await conn.login(auth.username ?? '', auth.password ?? '');
      return;
    case 'client_credentials':
      await conn.authorize({ grant_type: 'client_credentials' });
      return;
    case 'jwt':
      await conn.authorize({ grant_type: JWT_GRANT, assertion: jwtAssertion(auth) });
      return;
  }
}

/** Counts the HTTP requests this connection sends to the data API (`/services/data/…`). */
export interface CallCounter {
  calls: number;
  /** The `Date` header of the latest data answer (the server's clock), in ms; null before any. */
  serverTime: number | null;
}

export async function openConnection(auth: SalesforceAuth, logger: Logger, counter: CallCounter): Promise<Connection> {
  const conn: Connection = new jsforce.Connection({
    loginUrl: auth.loginUrl,
    version: auth.apiVersion,
    oauth2: { clientId: auth.clientId, clientSecret: auth.clientSecret, loginUrl: auth.loginUrl },
    refreshFn: (c, callback) => {
      logger.info({ mode: auth.mode }, 'salesforce session expired: signing in again');
      grant(c, auth).then(
        () => callback(null, c.accessToken ?? undefined),
        (error: Error) => callback(error)
      );
    }
  });
  countDataRequests(conn, counter);
  await grant(conn, auth);
  logger.info({ mode: auth.mode, instanceUrl: conn.instanceUrl }, 'signed in to salesforce');
  return conn;
}

/** Wraps the connection's transport: every data request jsforce sends passes through it (OrgClient.readCsv, which fetches CSV answers itself, counts its own). */
function countDataRequests(conn: Connection, counter: CallCounter): void {
  const holder = conn as unknown as { _transport: { httpRequest: (req: { url: string }, ...rest: unknown[]) => unknown } };
  const transport = holder._transport;
  const original = transport.httpRequest.bind(transport);
  transport.httpRequest = (req, ...rest) => {
    if (!/\/services\/data\//.test(req.url)) return original(req, ...rest);
    counter.calls++;
    const answer = original(req, ...rest) as Promise<{ headers?: Record<string, string | undefined> }>;
    answer.then(
      (response) => {
        const date = Date.parse(response?.headers?.date ?? '');
        if (Number.isFinite(date)) counter.serverTime = date;
      },
      () => undefined
    );
    return answer;
  };
}
