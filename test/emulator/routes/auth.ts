// Authentication: OAuth 2.0 token endpoint (password, client_credentials, authorization_code with
// an auto-approving authorize step, refresh_token, JWT bearer), token revocation, the identity URL, and the SOAP partner login() jsforce falls back to.
import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Org } from '../org';
import { zoneOffsetMs } from '../timeZone';
import { json, type Reply, type RequestContext } from '../http/router';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Audiences Salesforce accepts for JWT bearer: production and sandbox login, or this emulator. */
const STANDARD_AUDIENCES = ['https://login.salesforce.com', 'https://test.salesforce.com'];

function oauthError(status: number, error: string, description: string): Reply {
  return json(status, { error, error_description: description });
}

function tokenAnswer(org: Org, userRow: number, withRefreshToken: boolean): Reply {
  const { accessToken, refreshToken } = org.issueSession(userRow, withRefreshToken);
  const id = `${org.instanceUrl}/id/${org.orgId}/${org.userId(userRow)}`;
  const issuedAt = String(Date.now());
  const signature = crypto.createHmac('sha256', org.credentials.clientSecret).update(id + issuedAt).digest('base64');
  return json(200, {
    access_token: accessToken,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    signature,
    scope: withRefreshToken ? 'refresh_token api' : 'api',
    instance_url: org.instanceUrl,
    id,
    token_type: 'Bearer',
    issued_at: issuedAt
  });
}

/** client_id/client_secret from the form or an HTTP Basic header. */
function clientOf(ctx: RequestContext, form: URLSearchParams): { id: string | null; secret: string | null } {
  const basic = /^Basic\s+(.+)$/i.exec(ctx.headers.authorization ?? '');
  if (basic) {
    const [id, secret] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    return { id: id ?? null, secret: secret ?? null };
  }
  return { id: form.get('client_id'), secret: form.get('client_secret') };
}

function token(ctx: RequestContext): Reply {
  const org = ctx.org;
  const form = new URLSearchParams(ctx.body.toString('utf8'));
  const grant = form.get('grant_type');
  const client = clientOf(ctx, form);
  // Each persona has a connected app of its own (client_credentials runs as the app's user); any
  // of them may be used with the other flows.
  const app = org.users.app(client.id);
  const checkClient = (secretRequired: boolean): Reply | null => {
    if (!app) return oauthError(400, 'invalid_client_id', 'client identifier invalid');
    if ((secretRequired || client.secret !== null) && client.secret !== app.clientSecret) {
      return oauthError(400, 'invalid_client', 'invalid client credentials');
    }
    return null;
  };
  switch (grant) {
    case 'password': {
      const rejected = checkClient(true);
      if (rejected) return rejected;
      const row = org.userRow(form.get('username') ?? '');
      if (row < 0 || !org.users.passwordMatches(row, form.get('password'))) return oauthError(400, 'invalid_grant', 'authentication failure');
      // The username-password flow never issues refresh tokens.
      return tokenAnswer(org, row, false);
    }
    case 'authorization_code': {
      const rejected = checkClient(true);
      if (rejected) return rejected;
      const row = org.redeemAuthorizationCode(form.get('code') ?? '');
      if (row === undefined) return oauthError(400, 'invalid_grant', 'invalid authorization code');
      return tokenAnswer(org, row, true);
    }
    case 'client_credentials': {
      const rejected = checkClient(true);
      if (rejected) return rejected;
      return tokenAnswer(org, app!.runAsRow, false);
    }
    case 'refresh_token': {
      const rejected = checkClient(false);
      if (rejected) return rejected;
      const row = org.userOfRefreshToken(form.get('refresh_token') ?? '');
      if (row === undefined) return oauthError(400, 'invalid_grant', 'expired access/refresh token');
      return tokenAnswer(org, row, false);
    }
    case JWT_GRANT:
      return jwtBearer(org, form.get('assertion') ?? '');
    default:
      return oauthError(400, 'unsupported_grant_type', 'grant type not supported');
  }
}

function jwtBearer(org: Org, assertion: string): Reply {
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(assertion, org.jwtPublicKey, { algorithms: ['RS256'] }) as jwt.JwtPayload;
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) return oauthError(400, 'invalid_grant', 'expired authorization code');
    return oauthError(400, 'invalid_grant', 'invalid assertion');
  }
  if (typeof claims.exp !== 'number') return oauthError(400, 'invalid_grant', 'invalid assertion');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  const accepted = [...STANDARD_AUDIENCES, org.instanceUrl];
  if (!audiences.some((aud) => typeof aud === 'string' && accepted.includes(aud.replace(/\/$/, '')))) {
    return oauthError(400, 'invalid_grant', 'audience is invalid');
  }
  if (!org.users.app(typeof claims.iss === 'string' ? claims.iss : null)) return oauthError(400, 'invalid_client_id', 'client identifier invalid');
  const row = org.userRow(String(claims.sub ?? ''));
  if (row < 0) return oauthError(400, 'invalid_grant', 'user hasn\'t approved this consumer');
  return tokenAnswer(org, row, false);
}

/** The web-server flow's authorize step, approved at once for the admin (or `login_hint`) user. */
function authorize(ctx: RequestContext): Reply {
  const params = ctx.url.searchParams;
  const redirect = params.get('redirect_uri');
  if (!ctx.org.users.app(params.get('client_id')) || !redirect) {
    return { status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'error=invalid_client_id&error_description=client%20identifier%20invalid' };
  }
  const row = ctx.org.userRow(params.get('login_hint') ?? ctx.org.credentials.username);
  const target = new URL(redirect);
  if (row < 0) target.searchParams.set('error', 'access_denied');
  else target.searchParams.set('code', ctx.org.issueAuthorizationCode(row));
  const state = params.get('state');
  if (state) target.searchParams.set('state', state);
  return { status: 302, headers: { Location: target.toString() }, body: '' };
}

function revoke(ctx: RequestContext): Reply {
  const form = new URLSearchParams(ctx.body.toString('utf8'));
  const tokenValue = form.get('token') ?? ctx.url.searchParams.get('token');
  if (tokenValue) ctx.org.revoke(tokenValue);
  return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: '' };
}

function identity(ctx: RequestContext): Reply {
  const org = ctx.org;
  const header = ctx.headers.authorization ?? (ctx.url.searchParams.get('oauth_token') ? `Bearer ${ctx.url.searchParams.get('oauth_token')}` : undefined);
  let userRow: number;
  try {
    userRow = org.authenticate(header).userRow;
  } catch {
    return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: 'Bad_OAuth_Token' };
  }
  const users = org.store.table('User')!;
  const read = (field: string): unknown => users.column(field)?.get(userRow) ?? null;
  const userId = users.id(userRow);
  if (ctx.params.userId !== userId && ctx.params.userId?.slice(0, 15) !== userId.slice(0, 15)) {
    return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: 'Bad_Id' };
  }
  const data = (path: string): string => `${org.instanceUrl}/services/data/v{version}/${path}`;
  return json(200, {
    id: `${org.instanceUrl}/id/${org.orgId}/${userId}`,
    asserted_user: true,
    user_id: userId,
    organization_id: org.orgId,
    username: read('Username'),
    nick_name: read('Alias'),
    display_name: read('Name'),
    email: read('Email'),
    email_verified: true,
    first_name: read('FirstName'),
    last_name: read('LastName'),
    timezone: read('TimeZoneSidKey'),
    photos: { picture: read('FullPhotoUrl'), thumbnail: read('SmallPhotoUrl') },
    active: true,
    user_type: 'STANDARD',
    language: read('LanguageLocaleKey') || 'en_US',
    locale: read('LocaleSidKey') || 'en_US',
    utcOffset: zoneOffsetMs(String(read('TimeZoneSidKey') ?? 'GMT'), org.store.clock.now()),
    urls: {
      enterprise: `${org.instanceUrl}/services/Soap/c/{version}/${org.orgId.slice(0, 15)}`,
      partner: `${org.instanceUrl}/services/Soap/u/{version}/${org.orgId.slice(0, 15)}`,
      rest: data(''),
      sobjects: data('sobjects/'),
      query: data('query/'),
      limits: data('limits/')
    },
    is_app_installed: true
  });
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmlUnescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function soapLogin(ctx: RequestContext): Reply {
  const org = ctx.org;
  const body = ctx.body.toString('utf8');
  const username = xmlUnescape(/<username>([^<]*)<\/username>/.exec(body)?.[1] ?? '');
  const password = xmlUnescape(/<password>([^<]*)<\/password>/.exec(body)?.[1] ?? '');
  const row = org.userRow(username);
  const envelope = (inner: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>${inner}</soapenv:Body></soapenv:Envelope>`;
  if (row < 0 || !org.users.passwordMatches(row, password)) {
    return {
      status: 500,
      headers: { 'Content-Type': 'text/xml;charset=UTF-8' },
      body: envelope(
        '<soapenv:Fault><faultcode>INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: Invalid username, password, security token; or user locked out.</faultstring><detail><sf:LoginFault xmlns:sf="urn:fault.partner.soap.sforce.com"><sf:exceptionCode>INVALID_LOGIN</sf:exceptionCode><sf:exceptionMessage>Invalid username, password, security token; or user locked out.</sf:exceptionMessage></sf:LoginFault></detail></soapenv:Fault>'
      )
    };
  }
  const { accessToken } = org.issueSession(row, false);
  const version = ctx.params.version ?? '64.0';
  const orgId = org.orgId;
  const userId = org.userId(row);
  const users = org.store.table('User')!;
  const read = (field: string): string => xmlEscape(String(users.column(field)?.get(row) ?? ''));
  return {
    status: 200,
    headers: { 'Content-Type': 'text/xml;charset=UTF-8' },
    body: envelope(
      `<loginResponse><result><metadataServerUrl>${org.instanceUrl}/services/Soap/m/${version}/${orgId}</metadataServerUrl><passwordExpired>false</passwordExpired><sandbox>false</sandbox><serverUrl>${org.instanceUrl}/services/Soap/u/${version}/${orgId}</serverUrl><sessionId>${accessToken}</sessionId><userId>${userId}</userId><userInfo><currencySymbol xsi:nil="true"/><orgDefaultCurrencyIsoCode>${xmlEscape(org.store.corporateCurrency())}</orgDefaultCurrencyIsoCode><organizationId>${orgId}</organizationId><organizationMultiCurrency>${org.schema.multiCurrency}</organizationMultiCurrency><organizationName>${xmlEscape(String(org.store.table('Organization')!.column('Name')!.get(0) ?? ''))}</organizationName><userEmail>${read('Email')}</userEmail><userFullName>${read('Name')}</userFullName><userId>${userId}</userId><userName>${read('Username')}</userName><userTimeZone>${read('TimeZoneSidKey')}</userTimeZone></userInfo></result></loginResponse>`
    )
  };
}

export function registerAuthRoutes(org: Org): void {
  org.router.add({ method: 'POST', kind: 'public', pattern: /^\/services\/oauth2\/token\/?$/, handle: token });
  org.router.add({ method: 'GET', kind: 'public', pattern: /^\/services\/oauth2\/authorize\/?$/, handle: authorize });
  org.router.add({ method: 'POST', kind: 'public', pattern: /^\/services\/oauth2\/revoke\/?$/, handle: revoke });
  org.router.add({ method: 'GET', kind: 'public', pattern: /^\/services\/oauth2\/revoke\/?$/, handle: revoke });
  org.router.add({ method: 'GET', kind: 'public', pattern: /^\/id\/(?<orgId>\w+)\/(?<userId>\w+)\/?$/, handle: identity });
  org.router.add({ method: 'POST', kind: 'public', pattern: /^\/services\/Soap\/u\/(?<version>\d+\.\d)(\/.*)?$/, handle: soapLogin });
}
