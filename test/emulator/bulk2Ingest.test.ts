// Bulk API 2.0 ingest as jsforce's bulk2 client drives it, plus the wire details jsforce does not
// show: states, delimiters, line endings, result files and per-record errors as Salesforce words them.
import { parse } from 'csv-parse/sync';
import type { Connection } from 'jsforce';
import { grantHardDelete } from './bulk/ingest';
import { startOrg, type OrgHandle } from './index';
import { passwordConnection } from './testing/clients';

let org: OrgHandle;
let conn: Connection;
let accountId: string;

beforeAll(async () => {
  org = await startOrg({ data: 'empty', today: '2026-06-15' });
  conn = await passwordConnection(org);
  conn.bulk2.pollInterval = 50;
  accountId = (await conn.sobject('Account').create({ Name: 'Hartwell Logistics' })).id!;
});

afterAll(async () => {
  await org.close();
});

const base = '/services/data/v64.0/jobs/ingest';

async function call(method: string, path: string, body?: string, contentType = 'application/json'): Promise<{ status: number; text: string; json: () => Record<string, unknown> }> {
  const response = await fetch(`${org.instanceUrl}${path}`, { method, headers: { Authorization: `Bearer ${conn.accessToken}`, 'Content-Type': contentType }, body });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

async function waitForEnd(id: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const info = (await call('GET', `${base}/${id}`)).json();
    if (['JobComplete', 'Failed', 'Aborted'].includes(String(info.state))) return info;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('job did not end');
}

/** Creates a job, uploads `csv`, closes it and waits: the raw sequence jsforce runs. */
async function runJob(job: Record<string, unknown>, csv: string): Promise<{ id: string; info: Record<string, unknown> }> {
  const created = await call('POST', base, JSON.stringify(job));
  expect(created.status).toBe(200);
  const id = String(created.json().id);
  expect(created.json()).toMatchObject({ state: 'Open', contentType: 'CSV', jobType: 'V2Ingest', contentUrl: `services/data/v64.0/jobs/ingest/${id}/batches` });
  expect((await call('PUT', `${base}/${id}/batches`, csv, 'text/csv')).status).toBe(201);
  const closed = await call('PATCH', `${base}/${id}`, JSON.stringify({ state: 'UploadComplete' }));
  expect(closed.json().state).toBe('UploadComplete');
  return { id, info: await waitForEnd(id) };
}

const rowsOf = async (id: string, file: string): Promise<Array<Record<string, string>>> =>
  parse((await call('GET', `${base}/${id}/${file}`)).text, { columns: true }) as Array<Record<string, string>>;

describe('Bulk API 2.0 ingest through jsforce', () => {
  it('inserts valid records and fails the invalid one with Salesforce wording', async () => {
    const records = [...Array.from({ length: 250 }, (_, i) => ({ Name: `Bulk ${i}`, NumberOfEmployees: 10 * i })), { Name: '', NumberOfEmployees: 1 }];
    const before = org.apiUsage().used;
    const result = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'insert', input: records });
    expect(result.successfulResults).toHaveLength(250);
    expect(result.successfulResults[0]).toEqual({ sf__Id: expect.stringMatching(/^001\w{15}$/), sf__Created: 'true', Name: 'Bulk 0', NumberOfEmployees: '0' });
    expect(result.failedResults).toEqual([{ sf__Id: '', sf__Error: 'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --', Name: '', NumberOfEmployees: '1' }]);
    expect(result.unprocessedRecords).toEqual([]);
    // create, upload, close, at least one poll, three result files: each one API call.
    expect(org.apiUsage().used - before).toBeGreaterThanOrEqual(7);
    const count = await conn.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Bulk %'");
    expect(count.totalSize).toBe(250);
  });

  it('updates (with #N/A for null) and deletes, reporting sf__Created false', async () => {
    const inserted = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'insert', input: [{ Name: 'U1', BillingState: 'CA' }, { Name: 'U2', BillingState: 'NY' }] });
    const ids = inserted.successfulResults.map((r) => r.sf__Id);
    const updated = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'update', input: ids.map((Id) => ({ Id, Name: 'Renamed', BillingState: null })) });
    expect(updated.successfulResults.map((r) => r.sf__Created)).toEqual(['false', 'false']);
    const after = await conn.query<{ Name: string; BillingState: string | null }>(`SELECT Name, BillingState FROM Account WHERE Id IN ('${ids.join("','")}')`);
    expect(after.records.map((r) => [r.Name, r.BillingState])).toEqual([['Renamed', null], ['Renamed', null]]);
    const deleted = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'delete', input: ids.map((Id) => ({ Id })) });
    expect(deleted.successfulResults).toHaveLength(2);
    const again = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'delete', input: ids.map((Id) => ({ Id })) });
    expect(again.failedResults.map((r) => r.sf__Error)).toEqual(['ENTITY_IS_DELETED:entity is deleted:--', 'ENTITY_IS_DELETED:entity is deleted:--']);
    expect(again.failedResults.map((r) => r.sf__Id)).toEqual(ids);
  });

  it('upserts by external id: creates new keys, updates known ones, and checks types', async () => {
    const csv = `Snapshot_Key__c,Account__c,Period__c,Revenue_TTM__c\nK1,${accountId},FY2026-Q1,100\nK2,${accountId},FY2026-Q2,abc\n`;
    const first = await conn.bulk2.loadAndWaitForResults({ object: 'Account_Metric__c', operation: 'upsert', externalIdFieldName: 'Snapshot_Key__c', input: csv });
    expect(first.successfulResults.map((r) => [(r as unknown as Record<string, string>).Snapshot_Key__c, r.sf__Created])).toEqual([['K1', 'true']]);
    expect(first.failedResults[0]!.sf__Error).toBe('INVALID_TYPE_ON_FIELD_IN_RECORD:Revenue TTM: value not of required type: abc:Revenue_TTM__c --');
    const second = await conn.bulk2.loadAndWaitForResults({ object: 'Account_Metric__c', operation: 'upsert', externalIdFieldName: 'Snapshot_Key__c', input: `Snapshot_Key__c,Revenue_TTM__c\nK1,250\n` });
    expect(second.successfulResults.map((r) => [r.sf__Id, r.sf__Created])).toEqual([[first.successfulResults[0]!.sf__Id, 'false']]);
    const row = await conn.query<{ Revenue_TTM__c: number }>("SELECT Revenue_TTM__c FROM Account_Metric__c WHERE Snapshot_Key__c = 'K1'");
    expect(row.records[0]!.Revenue_TTM__c).toBe(250);
  });

  it('refuses hardDelete without the Bulk API Hard Delete permission, and purges with it', async () => {
    const created = await conn.sobject('Account').create({ Name: 'To purge' });
    const refused = await call('POST', base, JSON.stringify({ object: 'Account', operation: 'hardDelete' }));
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toEqual([{ errorCode: 'FEATURENOTENABLED', message: 'hardDelete operation requires special user profile permission, please contact your system administrator', fields: [] }]);
    grantHardDelete(org.org, conn.userInfo ? org.store.table('User')!.rowOf(conn.userInfo.id) : -1);
    const purged = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'hardDelete', input: [{ Id: created.id! }] });
    expect(purged.successfulResults).toHaveLength(1);
    const all = await conn.query(`SELECT Id FROM Account WHERE Id = '${created.id}'`, { scanAll: true });
    expect(all.totalSize).toBe(0);
  });
});

describe('Bulk API 2.0 ingest on the wire', () => {
  it.each([
    ['BACKQUOTE', '`', 'LF', '\n'],
    ['CARET', '^', 'CRLF', '\r\n'],
    ['COMMA', ',', 'LF', '\n'],
    ['PIPE', '|', 'CRLF', '\r\n'],
    ['SEMICOLON', ';', 'LF', '\n'],
    ['TAB', '\t', 'CRLF', '\r\n']
  ])('reads %s-delimited data (%j) with %s line endings', async (columnDelimiter, delimiter, lineEnding, newline) => {
    const csv = [`Name${delimiter}Description`, `"${columnDelimiter} one"${delimiter}"multi${newline}line, ""quoted"""`, `${columnDelimiter} two${delimiter}plain`].join(newline) + newline;
    const { id, info } = await runJob({ object: 'Account', operation: 'insert', columnDelimiter, lineEnding }, csv);
    expect(info).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: 2, numberRecordsFailed: 0, columnDelimiter, lineEnding });
    const results = await rowsOf(id, 'successfulResults');
    expect(results.map((r) => r.Name)).toEqual([`${columnDelimiter} one`, `${columnDelimiter} two`]);
    const saved = await conn.query<{ Description: string }>(`SELECT Description FROM Account WHERE Id = '${results[0]!.sf__Id}'`);
    expect(saved.records[0]!.Description).toBe(`multi${newline}line, "quoted"`);
  });

  it('fails the job when the data does not use the declared line ending or names an unknown field', async () => {
    const crlf = await runJob({ object: 'Account', operation: 'insert' }, 'Name\r\nA\r\n');
    expect(crlf.info).toMatchObject({ state: 'Failed', errorMessage: 'ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF' });
    const unknown = await runJob({ object: 'Account', operation: 'insert' }, 'Name,Nope__c\nA,1\n');
    expect(unknown.info).toMatchObject({ state: 'Failed', errorMessage: 'InvalidBatch : Field name not found : Nope__c' });
  });

  it('returns every row as unprocessed when the job is aborted before processing', async () => {
    const created = (await call('POST', base, JSON.stringify({ object: 'Account', operation: 'insert' }))).json();
    await call('PUT', `${base}/${String(created.id)}/batches`, 'Name\nA\nB\n', 'text/csv');
    const second = await call('PUT', `${base}/${String(created.id)}/batches`, 'Name\nC\n', 'text/csv');
    expect(second.status).toBe(400);
    const aborted = await call('PATCH', `${base}/${String(created.id)}`, JSON.stringify({ state: 'Aborted' }));
    expect(aborted.json()).toMatchObject({ state: 'Aborted', numberRecordsProcessed: 0 });
    expect(await rowsOf(String(created.id), 'unprocessedrecords')).toEqual([{ Name: 'A' }, { Name: 'B' }]);
    expect(await rowsOf(String(created.id), 'successfulResults')).toEqual([]);
  });

  it('validates the job: upsert needs an external id field, objects must exist', async () => {
    const noKey = await call('POST', base, JSON.stringify({ object: 'Account', operation: 'upsert' }));
    expect(JSON.parse(noKey.text)[0]).toMatchObject({ errorCode: 'INVALIDJOB', message: 'External ID was blank for Account. An External ID must be specified for upsert.' });
    const notExternal = await call('POST', base, JSON.stringify({ object: 'Account', operation: 'upsert', externalIdFieldName: 'Name' }));
    expect(JSON.parse(notExternal.text)[0].message).toBe('Field name provided, Name is not an External ID or indexed field for Account');
    expect((await call('POST', base, JSON.stringify({ object: 'Nope__c', operation: 'insert' }))).status).toBe(400);
  });

  it('counts every request against the API budget and refuses when it is spent', async () => {
    const used = org.apiUsage().used;
    org.setApiBudget(used + 1);
    expect((await call('POST', base, JSON.stringify({ object: 'Account', operation: 'insert' }))).status).toBe(200);
    const refused = await call('POST', base, JSON.stringify({ object: 'Account', operation: 'insert' }));
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)[0].errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    org.setApiBudget(100_000);
  });
});
