// Logins jsforce performs against the emulator: SOAP login(), OAuth 2.0 password, client
// credentials, refresh token and JWT bearer; session expiry and refresh.
import crypto from 'node:crypto';
import jsforce, { type Connection } from 'jsforce';
import jwt from 'jsonwebtoken';
import { startOrg, type OrgHandle } from './index';
import { passwordConnection, soapConnection } from './testing/clients';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
let org: OrgHandle;

beforeAll(async () => {
  org = await startOrg({ data: 'empty', schemaDirs: [] });
});

afterAll(async () => {
  await org.close();
});

function jwtConnection(): Connection {
  return new jsforce.Connection({ loginUrl: org.loginUrl, version: '64.0', oauth2: { clientId: org.clientId, clientSecret: org.clientSecret, loginUrl: org.loginUrl } });
}

function assertion(claims: Record<string, unknown>, key = org.privateKeyPem): string {
  return jwt.sign({ iss: org.clientId, sub: org.username, aud: 'https://login.salesforce.com', exp: Math.floor(Date.now() / 1000) + 180, ...claims }, key, { algorithm: 'RS256' });
}

describe('login', () => {
  it('accepts SOAP login() and rejects a wrong password with INVALID_LOGIN', async () => {
    const conn = await soapConnection(org);
    expect(conn.instanceUrl).toBe(org.instanceUrl);
    expect(conn.userInfo?.organizationId).toMatch(/^00D/);
    expect((await conn.query('SELECT COUNT() FROM User')).totalSize).toBe(4);
    const bad = new jsforce.Connection({ loginUrl: org.loginUrl, version: '64.0' });
    await expect(bad.login(org.username, 'wrong')).rejects.toThrow(/INVALID_LOGIN/);
  });

  it('issues tokens for the OAuth password grant (no refresh token) with an identity URL', async () => {
    const conn = await passwordConnection(org);
    expect(conn.refreshToken).toBeFalsy();
    const identity = await conn.identity();
    expect(identity).toMatchObject({ username: org.username, organization_id: conn.userInfo!.organizationId });
    const bad = new jsforce.Connection({ loginUrl: org.loginUrl, oauth2: { clientId: org.clientId, clientSecret: org.clientSecret, loginUrl: org.loginUrl } });
    await expect(bad.login(org.username, 'wrong')).rejects.toMatchObject({ name: 'invalid_grant', message: 'authentication failure' });
    const wrongClient = new jsforce.Connection({ loginUrl: org.loginUrl, oauth2: { clientId: 'nope', clientSecret: org.clientSecret, loginUrl: org.loginUrl } });
    await expect(wrongClient.login(org.username, org.password)).rejects.toMatchObject({ name: 'invalid_client_id' });
  });

  it('issues a refresh token through the web-server flow and refreshes with it', async () => {
    const conn = jwtConnection();
    const redirect = 'http://localhost/callback';
    (conn.oauth2 as unknown as { redirectUri: string }).redirectUri = redirect;
    const authorizeUrl = `${org.loginUrl}/services/oauth2/authorize?response_type=code&client_id=${org.clientId}&redirect_uri=${encodeURIComponent(redirect)}&state=s1`;
    const answer = await fetch(authorizeUrl, { redirect: 'manual' });
    const location = new URL(answer.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe('s1');
    await conn.authorize(location.searchParams.get('code')!);
    expect(conn.refreshToken).toBeTruthy();
    const refreshed = await conn.oauth2.refreshToken(conn.refreshToken!);
    expect(refreshed.access_token).not.toBe(conn.accessToken);
    await expect(conn.authorize(location.searchParams.get('code')!)).rejects.toMatchObject({ name: 'invalid_grant' });
    await expect(conn.oauth2.refreshToken('bogus')).rejects.toMatchObject({ name: 'invalid_grant', message: 'expired access/refresh token' });
    // After the session is gone, jsforce's own refresh (refresh_token grant) gets a new one.
    org.expireAllSessions();
    expect((await conn.query('SELECT COUNT() FROM User')).totalSize).toBe(4);
  });

  it('issues tokens for client credentials, without a refresh token', async () => {
    const conn = jwtConnection();
    await conn.authorize({ grant_type: 'client_credentials' });
    expect(conn.refreshToken).toBeFalsy();
    // The admin's connected app runs as the admin.
    expect((await conn.identity()).username).toBe(org.username);
  });

  it('accepts a JWT bearer assertion signed with the configured key', async () => {
    const conn = jwtConnection();
    await conn.authorize({ grant_type: JWT_GRANT, assertion: assertion({}) });
    expect(conn.accessToken).toBeTruthy();
    expect(conn.refreshToken).toBeFalsy();
    expect((await conn.query('SELECT COUNT() FROM Organization')).totalSize).toBe(1);
  });

  it.each([
    ['a bad signature', () => assertion({}, crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()), 'invalid_grant', 'invalid assertion'],
    ['a wrong audience', () => assertion({ aud: 'https://evil.example.com' }), 'invalid_grant', 'audience is invalid'],
    ['an expired assertion', () => assertion({ exp: Math.floor(Date.now() / 1000) - 60 }), 'invalid_grant', 'expired authorization code'],
    ['an unknown issuer', () => assertion({ iss: 'someone-else' }), 'invalid_client_id', 'client identifier invalid']
  ])('rejects a JWT with %s', async (_case, make, name, message) => {
    await expect(jwtConnection().authorize({ grant_type: JWT_GRANT, assertion: make() })).rejects.toMatchObject({ name, message });
  });
});

describe('sessions', () => {
  it('answers 401 INVALID_SESSION_ID once a session is gone, and jsforce refreshes and retries', async () => {
    const conn = await passwordConnection(org);
    const refreshed: string[] = [];
    conn.on('refresh', (token: string) => refreshed.push(token));
    const before = conn.accessToken;
    org.expireAllSessions();
    expect((await conn.query('SELECT COUNT() FROM User')).totalSize).toBe(4);
    expect(refreshed).toHaveLength(1);
    expect(conn.accessToken).not.toBe(before);
    const stale = new jsforce.Connection({ instanceUrl: org.instanceUrl, accessToken: before!, version: '64.0' });
    await expect(stale.query('SELECT Id FROM User')).rejects.toMatchObject({ errorCode: 'INVALID_SESSION_ID' });
  });

  it('expires tokens after their lifetime', async () => {
    const shortLived = await startOrg({ data: 'empty', schemaDirs: [], tokenTtlSeconds: 1 });
    try {
      const conn = await soapConnection(shortLived);
      expect((await conn.query('SELECT COUNT() FROM User')).totalSize).toBe(4);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const stale = new jsforce.Connection({ instanceUrl: shortLived.instanceUrl, accessToken: conn.accessToken!, version: '64.0' });
      await expect(stale.query('SELECT Id FROM User')).rejects.toMatchObject({ errorCode: 'INVALID_SESSION_ID' });
    } finally {
      await shortLived.close();
    }
  });
});
