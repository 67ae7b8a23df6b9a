// Bulk API 1.0 as jsforce uses it: conn.bulk.load, Query#update and Query#destroy above the
// collection threshold, conn.bulk.query, and the 1.0 error documents jsforce turns into errors.
import jsforce, { type Connection } from 'jsforce';
import { startOrg, type OrgHandle } from './index';
import { passwordConnection } from './testing/clients';

let org: OrgHandle;
let conn: Connection;

beforeAll(async () => {
  org = await startOrg({ data: 'empty', today: '2026-06-15' });
  conn = await passwordConnection(org);
  conn.bulk.pollInterval = 50;
});

afterAll(async () => {
  await org.close();
});

async function raw(method: string, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string; type: string | null }> {
  const response = await fetch(`${org.instanceUrl}/services/async/64.0${path}`, { method, headers, body: method === 'GET' ? undefined : body });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

describe('Bulk API 1.0 through jsforce', () => {
  it('loads records, reporting each failure in the order uploaded', async () => {
    const records = [...Array.from({ length: 300 }, (_, i) => ({ Name: `Loaded ${i}`, NumberOfEmployees: i })), { Name: '', NumberOfEmployees: 1 }, { Name: 'Last', NumberOfEmployees: 2 }];
    const before = org.apiUsage().used;
    const results = await conn.bulk.load('Account', 'insert', records);
    expect(results).toHaveLength(302);
    expect(results[0]).toEqual({ id: expect.stringMatching(/^001\w{15}$/), success: true, created: true, errors: [] });
    expect(results[300]).toEqual({ id: null, success: false, created: false, errors: ['REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --'] });
    expect(results[301]!.success).toBe(true);
    // create job, add batch, at least one batch poll, the result: each counted (jsforce closes the job after answering).
    expect(org.apiUsage().used - before).toBeGreaterThanOrEqual(4);
  });

  it('updates and destroys through Query#update and Query#destroy above 200 records', async () => {
    const updated = await conn.sobject('Account').find({ Name: { $like: 'Loaded %' } }).update({ Name: '${Name} (Updated)' } as Record<string, string>);
    expect(updated).toHaveLength(300);
    expect(updated.every((r) => r.success)).toBe(true);
    const names = await conn.sobject('Account').find<{ Name: string }>({ Name: { $like: 'Loaded %' } }, ['Name']);
    expect(names.every((r) => r.Name.endsWith(' (Updated)'))).toBe(true);
    const destroyed = await conn.sobject('Account').find({ Name: { $like: 'Loaded %' } }).destroy();
    expect(destroyed).toHaveLength(300);
    expect((await conn.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Loaded %'")).totalSize).toBe(0);
  });

  it('answers a bulk query with its result set as CSV', async () => {
    await conn.bulk.load('Account', 'insert', [{ Name: 'Queried, with comma' }]);
    const stream = await conn.bulk.query("SELECT Id, Name FROM Account WHERE Name LIKE 'Queried%'");
    const records: Array<Record<string, string>> = [];
    await new Promise<void>((resolve, reject) => {
      stream.on('record', (record: Record<string, string>) => records.push(record));
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    expect(records).toEqual([{ Id: expect.stringMatching(/^001\w{15}$/), Name: 'Queried, with comma' }]);
  });

  it('refuses an invalid session with InvalidSessionId, and hardDelete with FeatureNotEnabled', async () => {
    const stranger = new jsforce.Connection({ instanceUrl: org.instanceUrl, accessToken: 'invalid_token' });
    await expect(stranger.bulk.load('Account', 'insert', [{ Name: 'Never' }])).rejects.toMatchObject({ name: 'InvalidSessionId' });
    await expect(conn.bulk.load('Account', 'hardDelete', [{ Id: '001000000000000AAA' }])).rejects.toMatchObject({
      name: 'FeatureNotEnabled',
      message: 'hardDelete operation requires special user profile permission, please contact your system administrator'
    });
  });
});

describe('Bulk API 1.0 on the wire', () => {
  it('answers XML documents and 400 errors in the dataload namespace', async () => {
    const xml = { 'X-SFDC-Session': conn.accessToken!, 'Content-Type': 'application/xml; charset=utf-8' };
    const created = await raw('POST', '/job', '<?xml version="1.0" encoding="UTF-8"?><jobInfo xmlns="http://www.force.com/2009/06/asyncapi/dataload"><operation>upsert</operation><object>Account</object><contentType>CSV</contentType></jobInfo>', xml);
    expect(created.status).toBe(400);
    expect(created.text).toContain('<exceptionCode>InvalidJob</exceptionCode>');
    expect(created.text).toContain('<exceptionMessage>External ID was blank for Account. An External ID must be specified for upsert.</exceptionMessage>');
    const job = await raw('POST', '/job', '<jobInfo xmlns="http://www.force.com/2009/06/asyncapi/dataload"><operation>insert</operation><object>Account</object><contentType>CSV</contentType></jobInfo>', xml);
    expect(job.status).toBe(201);
    expect(job.type).toBe('application/xml');
    const id = /<id>(\w+)<\/id>/.exec(job.text)![1]!;
    expect(job.text).toContain('<state>Open</state>');
    const closed = await raw('POST', `/job/${id}`, '<jobInfo xmlns="http://www.force.com/2009/06/asyncapi/dataload"><state>Closed</state></jobInfo>', xml);
    expect(closed.text).toContain('<state>Closed</state>');
    const late = await raw('POST', `/job/${id}/batch`, 'Name\nLate\n', { 'X-SFDC-Session': conn.accessToken!, 'Content-Type': 'text/csv' });
    expect(late.status).toBe(400);
    expect(late.text).toContain('<exceptionCode>InvalidJobState</exceptionCode>');
    const anonymous = await raw('GET', `/job/${id}`, '', {});
    expect(anonymous.status).toBe(400);
    expect(anonymous.text).toContain('<exceptionCode>InvalidSessionId</exceptionCode>');
  });

  it('takes JSON jobs and batches, answering in JSON', async () => {
    const headers = { 'X-SFDC-Session': conn.accessToken!, 'Content-Type': 'application/json' };
    const job = await raw('POST', '/job', JSON.stringify({ operation: 'insert', object: 'Account', contentType: 'JSON' }), headers);
    expect(job.status).toBe(201);
    const info = JSON.parse(job.text) as { id: string; state: string; contentType: string; apiVersion: number };
    expect(info).toMatchObject({ state: 'Open', contentType: 'JSON', apiVersion: 64 });
    const batch = await raw('POST', `/job/${info.id}/batch`, JSON.stringify([{ Name: 'From JSON', NumberOfEmployees: 12, BillingState: null }, { NumberOfEmployees: 'many' }]), headers);
    const batchId = (JSON.parse(batch.text) as { id: string }).id;
    let state = '';
    for (let i = 0; i < 100 && state !== 'Completed'; i++) {
      state = (JSON.parse((await raw('GET', `/job/${info.id}/batch/${batchId}`, '', headers)).text) as { state: string }).state;
      if (state !== 'Completed') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const results = JSON.parse((await raw('GET', `/job/${info.id}/batch/${batchId}/result`, '', headers)).text) as Array<Record<string, unknown>>;
    expect(results).toEqual([
      { success: true, created: true, id: expect.stringMatching(/^001\w{15}$/), errors: [] },
      { success: false, created: false, id: null, errors: [{ statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD', message: 'Employees: value not of required type: many', fields: ['NumberOfEmployees'], extendedErrorDetails: null }] }
    ]);
    const missing = await raw('GET', '/job/750000000000000AAA', '', headers);
    expect(JSON.parse(missing.text)).toEqual({ exceptionCode: 'InvalidJob', exceptionMessage: 'Unable to find job: 750000000000000AAA' });
  });
});
