// Bulk API 2.0 query as jsforce's bulk2.query drives it, over 100,000 generated opportunities.
import { parse } from 'csv-parse/sync';
import type { Connection } from 'jsforce';
import { startOrg, type OrgHandle } from './index';
import { passwordConnection, rawRequest } from './testing/clients';

let org: OrgHandle;
let conn: Connection;

beforeAll(async () => {
  org = await startOrg({ data: 'bench:100000', today: '2026-06-15' });
  conn = await passwordConnection(org);
});

afterAll(async () => {
  await org.close();
});

describe('Bulk API 2.0 query', () => {
  it('streams 100,000 records through jsforce bulk2.query', async () => {
    const before = org.apiUsage().used;
    const stream = await conn.bulk2.query('SELECT Id, AccountId, Amount, CloseDate, IsWon, SystemModstamp, Account.Name FROM Opportunity', { pollInterval: 50, pollTimeout: 30_000 });
    const records: Array<Record<string, string>> = [];
    await new Promise<void>((resolve, reject) => {
      stream.on('record', (record: Record<string, string>) => records.push(record));
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    // Every results page is a whole CSV file with its header row, as Salesforce sends them, and
    // jsforce 3.10.16 feeds all pages to one parser: the header of page 2 (of 2 pages of 50,000)
    // comes out as a record. Consumers must drop such rows.
    const headerRows = records.filter((r) => r.Id === 'Id');
    expect(headerRows).toHaveLength(1);
    const data = records.filter((r) => r.Id !== 'Id');
    expect(data).toHaveLength(100_000);
    expect(new Set(data.map((r) => r.Id)).size).toBe(100_000);
    expect(data[0]).toEqual({
      Id: expect.stringMatching(/^006\w{15}$/),
      AccountId: expect.stringMatching(/^001\w{15}$/),
      Amount: expect.stringMatching(/^\d+$/),
      CloseDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      IsWon: expect.stringMatching(/^(true|false)$/),
      SystemModstamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/),
      'Account.Name': expect.stringMatching(/^Bench Account \d+$/)
    });
    // Calls: create, at least one poll, two result pages (50,000 each) — each counted once.
    expect(org.apiUsage().used - before).toBeGreaterThanOrEqual(4);
  });

  it('pages results with maxRecords and Sforce-Locator, ending with the string null', async () => {
    const created = await rawRequest(org, conn, 'POST', '/services/data/v64.0/jobs/query', { operation: 'query', query: "SELECT Id FROM Opportunity WHERE StageName = 'Closed Won' ORDER BY CloseDate" });
    expect(created.status).toBe(200);
    expect(created.headers.get('sforce-locator')).toBeNull();
    const job = JSON.parse(created.text) as { id: string; state: string };
    expect(job.state).toBe('UploadComplete');
    let info: { state: string; numberRecordsProcessed?: number } = { state: '' };
    for (let i = 0; i < 100 && info.state !== 'JobComplete'; i++) {
      info = JSON.parse((await rawRequest(org, conn, 'GET', `/services/data/v64.0/jobs/query/${job.id}`)).text) as typeof info;
      if (info.state !== 'JobComplete') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const won = (await conn.query("SELECT COUNT() FROM Opportunity WHERE StageName = 'Closed Won'")).totalSize;
    expect(info.numberRecordsProcessed).toBe(won);
    let locator: string | null = '';
    let rows = 0;
    let pages = 0;
    while (locator !== 'null') {
      const page = await rawRequest(org, conn, 'GET', `/services/data/v64.0/jobs/query/${job.id}/results?maxRecords=10000${locator ? `&locator=${locator}` : ''}`);
      expect(page.headers.get('content-type')).toBe('text/csv');
      const records = parse(page.text, { columns: true }) as Array<{ Id: string }>;
      expect(Number(page.headers.get('sforce-numberofrecords'))).toBe(records.length);
      rows += records.length;
      pages++;
      locator = page.headers.get('sforce-locator');
    }
    expect(rows).toBe(won);
    expect(pages).toBe(Math.ceil(won / 10_000));
  });

  it('rejects what Bulk 2.0 does not support and deletes jobs', async () => {
    const aggregate = await rawRequest(org, conn, 'POST', '/services/data/v64.0/jobs/query', { operation: 'query', query: 'SELECT COUNT() FROM Opportunity' });
    expect(aggregate.status).toBe(400);
    const job = JSON.parse((await rawRequest(org, conn, 'POST', '/services/data/v64.0/jobs/query', { operation: 'query', query: 'SELECT Id FROM Account' })).text) as { id: string };
    expect((await rawRequest(org, conn, 'DELETE', `/services/data/v64.0/jobs/query/${job.id}`)).status).toBe(204);
    expect((await rawRequest(org, conn, 'GET', `/services/data/v64.0/jobs/query/${job.id}`)).status).toBe(404);
  });
});
