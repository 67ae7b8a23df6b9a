// API usage as Salesforce counts it, the budget's end (403 REQUEST_LIMIT_EXCEEDED), and injected
// faults (deterministic from the seed).
import jsforce from 'jsforce';
import { startOrg, type OrgHandle } from './index';
import { passwordConnection } from './testing/clients';

let org: OrgHandle;

beforeEach(async () => {
  org = await startOrg({ data: 'empty', schemaDirs: [], seed: 7 });
});

afterEach(async () => {
  await org.close();
});

async function rawGet(handle: OrgHandle, token: string, path: string): Promise<Response> {
  return fetch(`${handle.instanceUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
}

describe('API usage', () => {
  it('counts data API calls but not logins, and reports them in Sforce-Limit-Info and /limits', async () => {
    const conn = await passwordConnection(org);
    expect(org.apiUsage()).toEqual({ used: 0, max: 100_000 });
    await conn.query('SELECT Id FROM User');
    expect(conn.limitInfo).toEqual({ apiUsage: { used: 1, limit: 100_000 } });
    const limits = (await conn.limits()) as unknown as { DailyApiRequests: { Max: number; Remaining: number } };
    // The limits call counts too: 2 used.
    expect(limits.DailyApiRequests).toEqual({ Max: 100_000, Remaining: 99_998 });
    const failed = await rawGet(org, conn.accessToken!, '/services/data/v64.0/sobjects/Nope__c/describe');
    expect(failed.status).toBe(404);
    expect(failed.headers.get('sforce-limit-info')).toBe('api-usage=3/100000');
  });

  it('answers 403 REQUEST_LIMIT_EXCEEDED once the daily budget is spent', async () => {
    const conn = await passwordConnection(org);
    org.setApiBudget(10, 9);
    await conn.query('SELECT Id FROM User');
    const error = await conn.query('SELECT Id FROM User').then(
      () => null,
      (e: unknown) => e
    );
    expect(error).toMatchObject({ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' });
    expect(org.apiUsage()).toEqual({ used: 10, max: 10 });
  });
});

describe('faults', () => {
  it('answers a seeded fraction of calls with 503, the same calls for the same seed', async () => {
    const statuses = async (handle: OrgHandle): Promise<number[]> => {
      const conn = await passwordConnection(handle);
      handle.setFaults('error503=0.3');
      const out: number[] = [];
      for (let i = 0; i < 30; i++) out.push((await rawGet(handle, conn.accessToken!, '/services/data/v64.0/limits')).status);
      return out;
    };
    const first = await statuses(org);
    const twin = await startOrg({ data: 'empty', schemaDirs: [], seed: 7 });
    try {
      expect(await statuses(twin)).toEqual(first);
    } finally {
      await twin.close();
    }
    const failures = first.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(2);
    expect(failures).toBeLessThan(20);
    // A 503 is not charged.
    expect(org.apiUsage().used).toBe(30 - failures);
  });

  it('surfaces a 503 on a POST at once (jsforce retries only idempotent methods)', async () => {
    const conn = await passwordConnection(org);
    org.setFaults('error503=1');
    await expect(conn.sobject('User').create({ Username: 'x@y.z', LastName: 'X', Alias: 'x', Email: 'x@y.z' })).rejects.toMatchObject({ errorCode: 'SERVER_UNAVAILABLE' });
  });

  it('drops the connection after processing the call', async () => {
    const conn = await passwordConnection(org);
    org.setFaults('drop=1');
    await expect(
      fetch(`${org.instanceUrl}/services/data/v64.0/sobjects/User`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${conn.accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ Username: 'dropped@y.z', LastName: 'Dropped', Alias: 'd', Email: 'dropped@y.z' })
      })
    ).rejects.toThrow();
    org.setFaults(null);
    expect((await conn.query("SELECT COUNT() FROM User WHERE LastName = 'Dropped'")).totalSize).toBe(1);
  });

  it('expires the session every n-th call', async () => {
    const conn = await passwordConnection(org);
    org.setFaults('expireEvery=3');
    const token = conn.accessToken!;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await rawGet(org, token, '/services/data/v64.0/limits')).status);
    expect(statuses).toEqual([200, 200, 401]);
    expect((await rawGet(org, token, '/services/data/v64.0/limits')).status).toBe(401);
  });

  it('truncates JSON answers and changes value types', async () => {
    const conn = await passwordConnection(org);
    org.setFaults('truncate=1');
    const truncated = await (await rawGet(org, conn.accessToken!, `/services/data/v64.0/query?q=${encodeURIComponent('SELECT Username FROM User')}`)).text();
    expect(() => JSON.parse(truncated)).toThrow();
    org.setFaults('wrongType=1');
    const body = (await (await rawGet(org, conn.accessToken!, `/services/data/v64.0/query?q=${encodeURIComponent('SELECT Username FROM User')}`)).json()) as { records: Array<{ Username: unknown }> };
    // The first scalar of the first record flips type: the username string becomes its length.
    expect(body.records[0]!.Username).toBe(org.username.length);
  });

  it('adds latency to a fraction of calls', async () => {
    const conn = new jsforce.Connection({ loginUrl: org.loginUrl, version: '64.0' });
    await conn.login(org.username, org.password);
    org.setFaults('latency=300@1');
    const started = Date.now();
    await conn.query('SELECT Id FROM User');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('rejects a malformed fault spec naming the problem', () => {
    expect(() => org.setFaults('error503=2')).toThrow('fault error503: expected a probability between 0 and 1, got "2"');
    expect(() => org.setFaults('explode=1')).toThrow(/unknown fault "explode"/);
  });
});
