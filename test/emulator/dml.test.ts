// sObject CRUD, upsert, collections, composite and describe through jsforce, with Salesforce's
// error codes and data semantics.
import type { Connection } from 'jsforce';
import { startOrg, type OrgHandle } from './index';
import { passwordConnection, rawRequest } from './testing/clients';

let org: OrgHandle;
let conn: Connection;
let accountId: string;

beforeAll(async () => {
  org = await startOrg({ data: 'empty', today: '2026-06-15' });
  conn = await passwordConnection(org);
  accountId = (await conn.sobject('Account').create({ Name: 'Hartwell Logistics', Strategic_Account__c: true })).id!;
});

afterAll(async () => {
  await org.close();
});

const errorOf = async (promise: Promise<unknown>): Promise<{ errorCode: string; message: string; data?: { fields?: string[] } }> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: { errorCode: string; message: string }) => error
  );

describe('sObject rows', () => {
  it('creates, reads, updates and deletes a record, maintaining system fields', async () => {
    const created = await conn.sobject('Contact').create({ FirstName: 'Ada', LastName: 'Byron', AccountId: accountId });
    expect(created).toEqual({ id: expect.stringMatching(/^003\w{15}$/), success: true, errors: [] });
    const read = await conn.sobject('Contact').retrieve(created.id!, { fields: ['Name', 'CreatedDate', 'SystemModstamp', 'IsDeleted'] }) as unknown as Record<string, unknown>;
    expect(read).toMatchObject({ Name: 'Ada Byron', IsDeleted: false });
    expect(read.CreatedDate).toBe(read.SystemModstamp);
    await conn.sobject('Contact').update({ Id: created.id!, LastName: 'Lovelace' });
    const updated = (await conn.query<Record<string, unknown>>(`SELECT Name FROM Contact WHERE Id = '${created.id}'`)).records[0]!;
    expect(updated.Name).toBe('Ada Lovelace');
    await conn.sobject('Contact').destroy(created.id!);
    await expect(conn.sobject('Contact').retrieve(created.id!)).rejects.toMatchObject({ errorCode: 'ENTITY_IS_DELETED' });
  });

  it('derives IsWon, IsClosed and the default Probability from the stage, and keeps them read-only', async () => {
    const opportunity = await conn.sobject('Opportunity').create({ Name: 'Deal', AccountId: accountId, StageName: 'Negotiation/Review', CloseDate: '2026-07-01', Amount: 1000 });
    const fields = async (): Promise<Record<string, unknown>> =>
      (await conn.query<Record<string, unknown>>(`SELECT IsWon, IsClosed, Probability, ForecastCategoryName FROM Opportunity WHERE Id = '${opportunity.id}'`)).records[0]!;
    expect(await fields()).toMatchObject({ IsWon: false, IsClosed: false, Probability: 90, ForecastCategoryName: 'Pipeline' });
    await conn.sobject('Opportunity').update({ Id: opportunity.id!, StageName: 'Closed Won' });
    expect(await fields()).toMatchObject({ IsWon: true, IsClosed: true, Probability: 100, ForecastCategoryName: 'Closed' });
    const error = await errorOf(conn.sobject('Opportunity').update({ Id: opportunity.id!, IsWon: false }));
    expect(error.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });

  it('upserts by external id: 201 and created on insert, 200 and not created on update', async () => {
    const key = `${accountId}:2026-Q1`;
    const first = await rawRequest(org, conn, 'PATCH', `/services/data/v64.0/sobjects/Account_Metric__c/Snapshot_Key__c/${encodeURIComponent(key)}`, { Account__c: accountId, Period__c: 'FY2026-Q1' });
    expect(first.status).toBe(201);
    expect(JSON.parse(first.text)).toMatchObject({ success: true, created: true });
    const again = await conn.sobject('Account_Metric__c').upsert({ Snapshot_Key__c: key, Revenue_TTM__c: 12.345 }, 'Snapshot_Key__c');
    expect(again).toMatchObject({ success: true, created: false });
    const stored = (await conn.query<Record<string, unknown>>(`SELECT Revenue_TTM__c, Period__c FROM Account_Metric__c WHERE Snapshot_Key__c = '${key}'`)).records;
    // Currency(18,2) rounds half away from zero: 12.345 → 12.35.
    expect(stored).toEqual([expect.objectContaining({ Revenue_TTM__c: 12.35, Period__c: 'FY2026-Q1' })]);
  });

  it.each([
    ['INVALID_FIELD', () => conn.sobject('Account').create({ Name: 'x', Nope__c: 1 })],
    ['NOT_FOUND', () => conn.sobject('Nope__c').create({ Name: 'x' })],
    ['MALFORMED_ID', () => conn.sobject('Account').update({ Id: '001notanid', Name: 'x' })],
    ['INVALID_CROSS_REFERENCE_KEY', () => conn.sobject('Opportunity').create({ Name: 'x', StageName: 'Prospecting', CloseDate: '2026-01-01', AccountId: '001Dg0000009999IAA'.slice(0, 15) })],
    ['REQUIRED_FIELD_MISSING', () => conn.sobject('Opportunity').create({ Name: 'x' })],
    ['INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', () => conn.sobject('Opportunity').create({ Name: 'x', StageName: 'Dreaming', CloseDate: '2026-01-01' })],
    ['STRING_TOO_LONG', () => conn.sobject('Sync_Request__c').create({ Account__c: accountId, Message__c: 'x'.repeat(256) })],
    ['JSON_PARSER_ERROR', () => conn.sobject('Opportunity').create({ Name: 'x', StageName: 'Prospecting', CloseDate: 'soon' })],
    ['FIELD_CUSTOM_VALIDATION_EXCEPTION', () => conn.sobject('Account_Plan__c').create({ Account__c: accountId, Influence_Rating__c: 7 })],
    ['INVALID_TYPE_FOR_OPERATION', () => conn.sobject('Strategic_Score_Weight__mdt').create({ Weight__c: 1 })]
  ])('answers %s with Salesforce\'s error body', async (errorCode, call) => {
    const error = await errorOf(call());
    expect(error.errorCode).toBe(errorCode);
    expect(typeof error.message).toBe('string');
  });

  it('enforces unique external ids with DUPLICATE_VALUE naming the field', async () => {
    const contact = await conn.sobject('Contact').create({ LastName: 'Unique', AccountId: accountId });
    const key = `${accountId}:${contact.id}`;
    await conn.sobject('Stakeholder__c').create({ Account__c: accountId, Contact__c: contact.id, Unique_Key__c: key });
    const raw = await rawRequest(org, conn, 'POST', '/services/data/v64.0/sobjects/Stakeholder__c', { Account__c: accountId, Contact__c: contact.id, Unique_Key__c: key.toLowerCase() });
    expect(raw.status).toBe(400);
    expect(JSON.parse(raw.text)).toEqual([{ errorCode: 'DUPLICATE_VALUE', message: expect.stringContaining('duplicate value found: Unique_Key__c'), fields: ['Unique_Key__c'] }]);
  });

  it('deletes master-detail children with their parent and clears lookups', async () => {
    const parent = (await conn.sobject('Account').create({ Name: 'Parent' })).id!;
    const plan = (await conn.sobject('Account_Plan__c').create({ Account__c: parent, Status__c: 'Draft' })).id!;
    await conn.sobject('Plan_Objective__c').create({ Account_Plan__c: plan, Name: 'Objective' });
    const request = (await conn.sobject('Sync_Request__c').create({ Account__c: parent })).id!;
    await expect(conn.sobject('Account').destroy(parent)).rejects.toMatchObject({ errorCode: 'DELETE_FAILED' });
    await conn.sobject('Sync_Request__c').destroy(request);
    await conn.sobject('Account').destroy(parent);
    const plans = await conn.query<Record<string, unknown>>(`SELECT Id, IsDeleted FROM Account_Plan__c WHERE Id = '${plan}'`, { scanAll: true });
    expect(plans.records).toEqual([expect.objectContaining({ IsDeleted: true })]);
    expect((await conn.query('SELECT COUNT() FROM Plan_Objective__c')).totalSize).toBe(0);
  });

  it('computes formula fields with the org\'s today', async () => {
    const user = (await conn.query<{ Id: string }>('SELECT Id FROM User LIMIT 1')).records[0]!.Id;
    const rows = await conn.sobject('Executive_Sponsor__c').create(
      [
        { Account__c: accountId, Sponsor__c: user, Last_Engagement__c: '2026-01-01' },
        { Account__c: accountId, Sponsor__c: user, Last_Engagement__c: '2026-05-01', Cadence_Days__c: 30 },
        { Account__c: accountId, Sponsor__c: user }
      ],
      { allOrNone: true }
    );
    const result = await conn.query<Record<string, unknown>>(
      `SELECT Id, Cadence_Days__c, Days_Since_Engagement__c, Engagement_Status__c FROM Executive_Sponsor__c WHERE Id IN ('${rows.map((r) => r.id).join("','")}') ORDER BY Last_Engagement__c NULLS LAST`
    );
    // Today 2026-06-15: 2026-01-01 is 165 days ago (> default cadence 90 → Overdue); 2026-05-01 is 45 (> 30 → Overdue); none → No engagement.
    expect(result.records.map((r) => [r.Cadence_Days__c, r.Days_Since_Engagement__c, r.Engagement_Status__c])).toEqual([
      [90, 165, 'Overdue'],
      [30, 45, 'Overdue'],
      [90, null, 'No engagement']
    ]);
    const onCadence = await conn.query(`SELECT Id FROM Executive_Sponsor__c WHERE Engagement_Status__c = 'On cadence'`);
    expect(onCadence.totalSize).toBe(0);
  });
});

describe('sObject Collections', () => {
  const metric = (key: string, extra: Record<string, unknown> = {}) => ({ Snapshot_Key__c: key, Account__c: accountId, Period__c: 'FY2026-Q3', ...extra });

  it('upserts up to 200 records with per-record results and partial failure (allOrNone false)', async () => {
    const results = await conn.sobject('Account_Metric__c').upsert(
      [metric('c-1'), metric('c-2', { Account__c: '001Dg0000000999' }), metric('c-3', { Period__c: 'x'.repeat(13) })],
      'Snapshot_Key__c'
    );
    expect(results).toEqual([
      { id: expect.stringMatching(/^a\w{17}$/), success: true, errors: [], created: true },
      { id: null, success: false, errors: [expect.objectContaining({ statusCode: 'INVALID_CROSS_REFERENCE_KEY' })], created: false },
      { id: null, success: false, errors: [expect.objectContaining({ statusCode: 'STRING_TOO_LONG', fields: ['Period__c'] })], created: false }
    ]);
    const second = await conn.sobject('Account_Metric__c').upsert([metric('c-1', { Revenue_TTM__c: 5 })], 'Snapshot_Key__c');
    expect(second).toEqual([{ id: results[0]!.id, success: true, errors: [], created: false }]);
  });

  it('rolls every record back when allOrNone is true and one fails', async () => {
    const results = await conn.sobject('Account_Metric__c').upsert([metric('r-1'), metric('r-2', { Account__c: null })], 'Snapshot_Key__c', { allOrNone: true });
    expect(results.map((r) => [r.success, (r.errors as Array<{ statusCode: string }>)[0]?.statusCode])).toEqual([
      [false, 'ALL_OR_NONE_OPERATION_ROLLED_BACK'],
      [false, 'REQUIRED_FIELD_MISSING']
    ]);
    expect((await conn.query("SELECT COUNT() FROM Account_Metric__c WHERE Snapshot_Key__c LIKE 'r-%'")).totalSize).toBe(0);
  });

  it('creates, updates and deletes in collections, and refuses more than 200 records', async () => {
    const created = await conn.sobject('Contact').create([{ LastName: 'One' }, { LastName: 'Two' }, { FirstName: 'No last name' }]);
    expect(created.map((r) => r.success)).toEqual([true, true, false]);
    const updated = await conn.sobject('Contact').update([{ Id: created[0]!.id!, Title: 'CFO' }, { Id: '003Dg0000009999IAA'.slice(0, 15), Title: 'x' }]);
    expect(updated.map((r) => r.success)).toEqual([true, false]);
    const deleted = await conn.sobject('Contact').destroy([created[0]!.id!, created[1]!.id!], { allOrNone: true });
    expect(deleted.every((r) => r.success)).toBe(true);
    const tooMany = Array.from({ length: 201 }, (_v, i) => ({ LastName: `n${i}` }));
    await expect(conn.sobject('Contact').create(tooMany)).rejects.toMatchObject({ errorCode: 'EXCEEDED_ID_LIMIT' });
  });
});

describe('composite', () => {
  it('runs subrequests with references and counts one API call', async () => {
    const before = org.apiUsage().used;
    const response = await conn.request<{ compositeResponse: Array<{ httpStatusCode: number; body: unknown; referenceId: string }> }>({
      method: 'POST',
      url: '/composite',
      body: JSON.stringify({
        allOrNone: true,
        compositeRequest: [
          { method: 'POST', url: '/services/data/v64.0/sobjects/Account', referenceId: 'acct', body: { Name: 'Composite Co' } },
          { method: 'POST', url: '/services/data/v64.0/sobjects/Contact', referenceId: 'ct', body: { LastName: 'Ref', AccountId: '@{acct.id}' } },
          { method: 'GET', url: '/services/data/v64.0/sobjects/Contact/@{ct.id}?fields=AccountId', referenceId: 'read' }
        ]
      }),
      headers: { 'Content-Type': 'application/json' }
    });
    expect(org.apiUsage().used - before).toBe(1);
    const [acct, , read] = response.compositeResponse;
    expect(acct!.httpStatusCode).toBe(201);
    expect((read!.body as { AccountId: string }).AccountId).toBe((acct!.body as { id: string }).id);
  });

  it('rolls back an allOrNone composite and reports PROCESSING_HALTED for the others', async () => {
    const response = await conn.request<{ compositeResponse: Array<{ httpStatusCode: number; body: Array<{ errorCode: string }> }> }>({
      method: 'POST',
      url: '/composite',
      body: JSON.stringify({
        allOrNone: true,
        compositeRequest: [
          { method: 'POST', url: '/services/data/v64.0/sobjects/Account', referenceId: 'a', body: { Name: 'Rolled Back Co' } },
          { method: 'POST', url: '/services/data/v64.0/sobjects/Account', referenceId: 'b', body: { Nope__c: 1 } }
        ]
      }),
      headers: { 'Content-Type': 'application/json' }
    });
    expect(response.compositeResponse.map((r) => [r.httpStatusCode, r.body[0]!.errorCode])).toEqual([
      [400, 'PROCESSING_HALTED'],
      [400, 'INVALID_FIELD']
    ]);
    expect((await conn.query("SELECT COUNT() FROM Account WHERE Name = 'Rolled Back Co'")).totalSize).toBe(0);
  });

  it('counts each subrequest of /composite/batch against the budget', async () => {
    const before = org.apiUsage().used;
    const response = await conn.request<{ hasErrors: boolean; results: Array<{ statusCode: number }> }>({
      method: 'POST',
      url: '/composite/batch',
      body: JSON.stringify({ batchRequests: [{ method: 'GET', url: 'v64.0/limits' }, { method: 'GET', url: 'v64.0/query?q=SELECT+Id+FROM+Account' }, { method: 'GET', url: 'v64.0/sobjects/Nope__c/describe' }] }),
      headers: { 'Content-Type': 'application/json' }
    });
    expect(org.apiUsage().used - before).toBe(3);
    expect(response.hasErrors).toBe(true);
    expect(response.results.map((r) => r.statusCode)).toEqual([200, 200, 404]);
  });
});

describe('describe', () => {
  it('lists objects and describes fields with types, nillable, updateable, externalId, referenceTo and picklists', async () => {
    const global = await conn.describeGlobal();
    expect(global.sobjects.map((o) => o.name)).toEqual(expect.arrayContaining(['Account', 'Opportunity', 'Account_Metric__c', 'Strategic_Score_Weight__mdt']));
    const metric = await conn.describe('Account_Metric__c');
    const field = (name: string) => metric.fields.find((f) => f.name === name)!;
    expect(field('Snapshot_Key__c')).toMatchObject({ type: 'string', length: 40, externalId: true, unique: true, nillable: true, updateable: true });
    expect(field('Account__c')).toMatchObject({ type: 'reference', referenceTo: ['Account'], relationshipName: 'Account__r', nillable: false });
    expect(field('Revenue_Growth_YoY__c')).toMatchObject({ type: 'percent', precision: 18, scale: 2 });
    const opportunity = await conn.describe('Opportunity');
    const stage = opportunity.fields.find((f) => f.name === 'StageName')!;
    expect(stage.picklistValues!.map((p) => p.value)).toContain('Closed Won');
    expect(opportunity.fields.find((f) => f.name === 'IsWon')).toMatchObject({ type: 'boolean', updateable: false, createable: false });
    const account = await conn.describe('Account');
    expect(account.childRelationships).toEqual(expect.arrayContaining([expect.objectContaining({ childSObject: 'Account_Plan__c', relationshipName: 'Account_Plans__r', cascadeDelete: true })]));
    // find() without a field list expands '*' through describe.
    const plans = await conn.sobject('Account').find({ Name: 'Hartwell Logistics' });
    expect(plans[0]).toMatchObject({ Name: 'Hartwell Logistics', Strategic_Account__c: true });
  });
});
