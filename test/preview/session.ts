// The preview server's own session with the org: an OAuth username-password login, renewed when the
// org answers 401 (expired or revoked session).
import type { OrgSession } from './server';

export interface PasswordLogin {
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

interface TokenResponse {
  access_token?: string;
  instance_url?: string;
  id?: string;
  error?: string;
  error_description?: string;
}

export async function passwordLogin(login: PasswordLogin): Promise<OrgSession> {
  const response = await fetch(new URL('/services/oauth2/token', login.loginUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: login.clientId,
      client_secret: login.clientSecret,
      username: login.username,
      password: login.password
    })
  });
  const body = (await response.json()) as TokenResponse;
  if (!response.ok || !body.access_token || !body.instance_url) {
    throw new Error(`login as ${login.username} failed: ${body.error ?? response.status} ${body.error_description ?? ''}`.trim());
  }
  // The identity URL ends with the user's id: /id/<orgId>/<userId>.
  const userId = body.id ? body.id.split('/').pop() : undefined;
  return { instanceUrl: body.instance_url, accessToken: body.access_token, userId };
}

/** A session source for the preview server: one login, repeated after the org rejects the token. */
export function sessionSource(login: PasswordLogin): { current(): Promise<OrgSession>; renew(): Promise<OrgSession> } {
  let session: Promise<OrgSession> | undefined;
  const renew = () => {
    session = passwordLogin(login);
    session.catch(() => {
      session = undefined;
    });
    return session;
  };
  return { current: () => session ?? renew(), renew };
}
