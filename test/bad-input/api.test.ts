// Bad requests to the running service's HTTP API: each is answered 4xx with a message that says
// what is wrong, and nothing reaches the queue. (test/sync/api.test.ts checks the routes' normal
// answers on the bare express app; here the service runs whole, and the queue is counted.)
import type { OrgHandle } from '../emulator';
import { startDemoOrg } from '../sync/support';
import { TOKEN, startService, type RunningService } from './support';

const ACCOUNT = '001Dg0000000001IAA';

interface Answer {
  status: number;
  body: { error?: string; message?: string; fields?: Array<{ field: string }> };
  headers: Headers;
}

describe('the HTTP API refuses bad input and queues nothing', () => {
  let org: OrgHandle;
  let service: RunningService;

  beforeAll(async () => {
    org = await startDemoOrg();
    service = await startService(org);
  });

  afterAll(async () => {
    await service.stop();
    await org.close();
  });

  async function send(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
    const response = await fetch(`${service.url}${path}`, {
      method: init.method ?? 'POST',
      body: init.body,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...init.headers }
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : {}, headers: response.headers };
  }

  afterEach(async () => {
    expect(await service.jobCount()).toBe(0);
  });

  it.each([
    ['truncated JSON', '{"mode": ', 'invalid_json', /not valid JSON/],
    ['a JSON string instead of an object', '"full"', 'invalid_json', /not valid JSON/],
    ['single quotes', "{'mode': 'full'}", 'invalid_json', /not valid JSON/],
    ['a trailing comma', '{"mode": "full",}', 'invalid_json', /not valid JSON/]
  ])('malformed JSON (%s) → 400', async (_what, body, error, message) => {
    const answer = await send('/api/sync', { body });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe(error);
    expect(answer.body.message).toMatch(message);
  });

  it.each([
    [{ mode: 5 }, 'mode'],
    [{ mode: ['full'] }, 'mode'],
    [{ mode: null }, 'mode'],
    [{ mode: 'account', accountIds: ACCOUNT }, 'accountIds'],
    [{ mode: 'account', accountIds: [1234567890123456] }, 'accountIds.0'],
    [{ mode: 'account', accountIds: [{ $ne: null }] }, 'accountIds.0']
  ])('wrong types %j → 400 naming %s', async (body, field) => {
    const answer = await send('/api/sync', { body: JSON.stringify(body) });
    expect(answer.status).toBe(400);
    expect(answer.body.fields?.map((f) => f.field)).toContain(field);
    expect(answer.body.message).toContain(`${field}:`);
  });

  it.each([
    [{ mode: 'full', priority: 'high' }, 'priority'],
    [{ mode: 'full', asOf: '2020-01-01' }, 'asOf'],
    [JSON.parse('{"mode": "full", "__proto__": {"admin": true}}') as object, '__proto__']
  ])('unknown fields %j → 400 naming %s', async (body, field) => {
    const answer = await send('/api/sync', { body: JSON.stringify(body) });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain(field);
  });

  it.each([
    "001' OR Name != '",
    "001Dg0000000001' OR Id != '",
    '001Dg0000000001IAA; DELETE',
    '001Dg0000000001IAA\nSELECT Id FROM User',
    '../../../etc/passwd',
    '<script>alert(1)</script>',
    '001Dg0000000001IA%27'
  ])('injection attempt in an account id (%j) → 400 naming accountIds.0', async (accountId) => {
    const answer = await send('/api/sync', { body: JSON.stringify({ mode: 'account', accountIds: [accountId] }) });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/^accountIds\.0: expected a 15- or 18-character Salesforce id/);
  });

  it('an injection attempt in a job id → 400', async () => {
    const answer = await send(`/api/jobs/${encodeURIComponent("1' OR '1'='1")}`, { method: 'GET' });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/^id: /);
  });

  it('a body over 16 kB → 413 with the limit in the message', async () => {
    const answer = await send('/api/sync', { body: JSON.stringify({ mode: 'account', accountIds: Array.from({ length: 1000 }, () => ACCOUNT) }) });
    expect(answer.status).toBe(413);
    expect(answer.body.message).toMatch(/16kb/);
  });

  it('more account ids than a request may carry → 400', async () => {
    const answer = await send('/api/sync', { body: JSON.stringify({ mode: 'account', accountIds: Array.from({ length: 201 }, () => ACCOUNT) }) });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/accountIds: expected at most 200/);
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { Authorization: 'Bearer not-the-token-not-the-token' }],
    ['the token with another scheme', { Authorization: `Basic ${TOKEN}` }],
    ['the token with a suffix', { Authorization: `Bearer ${TOKEN}x` }],
    ['an empty bearer', { Authorization: 'Bearer ' }]
  ])('%s → 401 even with a valid body', async (_what, headers) => {
    const response = await fetch(`${service.url}/api/sync`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'full' }),
      headers: { 'Content-Type': 'application/json', ...headers }
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = (await response.json()) as { message?: string };
    expect(body.message).toEqual(expect.any(String));
  });

  it('the token in the query string is not accepted → 401', async () => {
    const response = await fetch(`${service.url}/api/sync?access_token=${TOKEN}`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'full' }),
      headers: { 'Content-Type': 'application/json' }
    });
    expect(response.status).toBe(401);
  });

  it('a body that is not JSON at all (text/plain) → 400 asking for mode', async () => {
    const answer = await send('/api/sync', { body: 'mode=full', headers: { 'Content-Type': 'text/plain' } });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/mode/);
  });
});
