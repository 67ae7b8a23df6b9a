// Users, object permissions and field-level security through jsforce, one connection per persona:
// what each may read, describe and write, with Salesforce's error codes and bodies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'jsforce';
import { DEFAULT_SCHEMA_DIR, DEMO_GAP_ACCOUNT, PERSONAS, startOrg, type OrgHandle, type Persona } from '../index';
import { fieldXml } from '../testing/fieldXml';
import { personaConnection, rawRequest, type LoginFlow } from '../testing/clients';

const TODAY = '2026-06-15';
/** A field added to the org that no permission set grants (as a new field is, until someone does). */
const HIDDEN = 'Internal_Notes__c';

let org: OrgHandle;
const conns = {} as Record<Persona, Connection>;
let accountId: string;
let planId: string;

beforeAll(async () => {
  const extra = fs.mkdtempSync(path.join(os.tmpdir(), 'access-'));
  fs.mkdirSync(path.join(extra, 'objects', 'Account_Plan__c', 'fields'), { recursive: true });
  fs.writeFileSync(path.join(extra, 'objects', 'Account_Plan__c', 'fields', `${HIDDEN}.field-meta.xml`), fieldXml(HIDDEN, { type: 'Text', length: 255 }));
  org = await startOrg({ data: 'demo', seed: 3, today: TODAY, schemaDirs: [DEFAULT_SCHEMA_DIR, extra] });
  for (const persona of PERSONAS) conns[persona] = await personaConnection(org, persona);
  accountId = (await conns.admin.query<{ Id: string }>(`SELECT Id FROM Account WHERE Name = '${DEMO_GAP_ACCOUNT}'`)).records[0]!.Id;
  planId = (await conns.admin.query<{ Id: string }>(`SELECT Id FROM Account_Plan__c WHERE Account__c = '${accountId}' LIMIT 1`)).records[0]!.Id;
});

afterAll(async () => {
  await org.close();
});

type SfFailure = { errorCode: string; message: string; data?: unknown };

async function failure(promise: PromiseLike<unknown>): Promise<SfFailure> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: SfFailure) => error
  );
}

const INSUFFICIENT = { errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'insufficient access rights on object id' };
const notEditable = (...fields: string[]): string =>
  `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`;

describe('users', () => {
  it.each(PERSONAS.flatMap((p) => (['password', 'soap', 'client_credentials', 'jwt'] as LoginFlow[]).map((flow) => [p, flow] as const)))(
    '%s logs in with %s and is that user',
    async (persona, flow) => {
      const conn = await personaConnection(org, persona, flow);
      const identity = await conn.identity();
      expect(identity.username).toBe(org.users[persona].username);
      const me = (await conn.query<Record<string, unknown>>(`SELECT Name, Title, Email, TimeZoneSidKey, LocaleSidKey, LanguageLocaleKey, DefaultCurrencyIsoCode FROM User WHERE Id = '${identity.user_id}'`)).records[0]!;
      expect(me).toMatchObject({ TimeZoneSidKey: 'GMT', LocaleSidKey: 'en_US', LanguageLocaleKey: 'en_US', DefaultCurrencyIsoCode: 'USD', Email: org.users[persona].username });
      expect(me.Name).toEqual(expect.any(String));
      expect(me.Title).toEqual(expect.any(String));
    }
  );

  it('each user has a password of their own', async () => {
    const { rep, sponsor } = org.users;
    expect(new Set(PERSONAS.map((p) => org.users[p].password)).size).toBe(4);
    const oauth = await fetch(`${org.loginUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: rep.clientId, client_secret: rep.clientSecret, username: rep.username, password: sponsor.password })
    });
    expect(oauth.status).toBe(400);
    expect(await oauth.json()).toEqual({ error: 'invalid_grant', error_description: 'authentication failure' });
  });

  it('the demo sponsor sponsors accounts, the overdue gap account among them', async () => {
    const me = await conns.sponsor.identity();
    const mine = await conns.sponsor.query<{ Account__r: { Name: string } }>(`SELECT Account__r.Name FROM Executive_Sponsor__c WHERE Sponsor__c = '${me.user_id}' AND Active__c = true`);
    expect(mine.records.map((r) => r.Account__r.Name)).toContain(DEMO_GAP_ACCOUNT);
  });
});

describe('reading: SOQL', () => {
  it('a field outside the permission set does not exist for the user (INVALID_FIELD, Salesforce wording)', async () => {
    const error = await failure(conns.sponsor.query(`SELECT Name, ${HIDDEN} FROM Account_Plan__c`));
    expect(error).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: `No such column '${HIDDEN}' on entity 'Account_Plan__c'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
    });
    // In WHERE, ORDER BY, through a relationship path and in FIELDS(ALL) alike.
    await expect(conns.rep.query(`SELECT Name FROM Account_Plan__c WHERE ${HIDDEN} != null`)).rejects.toMatchObject({ errorCode: 'INVALID_FIELD' });
    await expect(conns.rep.query(`SELECT Name FROM Account_Plan__c ORDER BY ${HIDDEN}`)).rejects.toMatchObject({ errorCode: 'INVALID_FIELD' });
    await expect(conns.integration.query(`SELECT Account_Plan__r.${HIDDEN} FROM Plan_Objective__c`)).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringContaining(`No such column '${HIDDEN}' on entity 'Account_Plan__c'`)
    });
    const all = await conns.sponsor.query<Record<string, unknown>>('SELECT FIELDS(ALL) FROM Account_Plan__c LIMIT 1');
    expect(Object.keys(all.records[0]!)).not.toContain(HIDDEN);
    expect(all.records[0]).toHaveProperty('Status__c');
    // The admin reads it.
    expect((await conns.admin.query(`SELECT ${HIDDEN} FROM Account_Plan__c LIMIT 1`)).records).toHaveLength(1);
  });

  it('an object outside the permission sets does not exist for the user (INVALID_TYPE)', async () => {
    for (const persona of ['rep', 'sponsor'] as const) {
      await expect(conns[persona].query('SELECT Criterion__c FROM Strategic_Score_Weight__mdt')).rejects.toMatchObject({
        errorCode: 'INVALID_TYPE',
        message: expect.stringContaining("sObject type 'Strategic_Score_Weight__mdt' is not supported")
      });
    }
    // Tandem_Integration is granted the custom metadata type.
    expect((await conns.integration.query('SELECT Criterion__c FROM Strategic_Score_Weight__mdt')).totalSize).toBe(6);
  });

  it('reads what the permission sets and the baseline grant: relationship paths and subqueries included', async () => {
    const rows = await conns.sponsor.query<Record<string, unknown>>(
      `SELECT Name, Account__r.Name, Account__r.Owner.Name, (SELECT Name, Status__c FROM Plan_Objectives__r) FROM Account_Plan__c WHERE Account__c = '${accountId}'`
    );
    expect(rows.totalSize).toBeGreaterThan(0);
    expect((rows.records[0]!.Account__r as { Name: string }).Name).toBe(DEMO_GAP_ACCOUNT);
    expect((await conns.integration.query('SELECT Id, Amount, StageName, Account.Strategic_Account__c FROM Opportunity LIMIT 5')).records).toHaveLength(5);
  });

  it('sObject retrieve shows only readable fields; a hidden object is NOT_FOUND', async () => {
    const plan = (await conns.sponsor.sobject('Account_Plan__c').retrieve(planId)) as unknown as Record<string, unknown>;
    expect(plan).toHaveProperty('Status__c');
    expect(plan).not.toHaveProperty(HIDDEN);
    const admin = (await conns.admin.sobject('Account_Plan__c').retrieve(planId)) as unknown as Record<string, unknown>;
    expect(admin).toHaveProperty(HIDDEN);
    const weight = (await conns.admin.query<{ Id: string }>('SELECT Id FROM Strategic_Score_Weight__mdt LIMIT 1')).records[0]!.Id;
    const hidden = await rawRequest(org, conns.rep, 'GET', `/services/data/v${org.apiVersion}/sobjects/Strategic_Score_Weight__mdt/${weight}`);
    expect(hidden.status).toBe(404);
    expect(JSON.parse(hidden.text)).toEqual([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist', fields: [] }]);
  });
});

describe('reading: describe', () => {
  it('lists only readable objects and fields, with createable/updateable for the user', async () => {
    const global = await conns.sponsor.describeGlobal();
    const names = global.sobjects.map((o) => o.name);
    expect(names).toContain('Account_Plan__c');
    expect(names).not.toContain('Strategic_Score_Weight__mdt');
    expect(global.sobjects.find((o) => o.name === 'Account_Plan__c')).toMatchObject({ createable: false, updateable: false, deletable: false, queryable: true });
    expect(global.sobjects.find((o) => o.name === 'Executive_Sponsor__c')).toMatchObject({ createable: false, updateable: true, deletable: false });

    const plan = await conns.sponsor.sobject('Account_Plan__c').describe();
    const fields = new Map(plan.fields.map((f) => [f.name, f]));
    expect(fields.has(HIDDEN)).toBe(false);
    expect(fields.get('Status__c')).toMatchObject({ createable: false, updateable: false });

    const sponsorship = new Map((await conns.sponsor.sobject('Executive_Sponsor__c').describe()).fields.map((f) => [f.name, f]));
    expect(sponsorship.get('Last_Engagement__c')).toMatchObject({ createable: false, updateable: true });
    expect(sponsorship.get('Role__c')).toMatchObject({ createable: false, updateable: false });

    const repPlan = new Map((await conns.rep.sobject('Account_Plan__c').describe()).fields.map((f) => [f.name, f]));
    expect(repPlan.get('Status__c')).toMatchObject({ createable: true, updateable: true });
    expect(repPlan.get('Account__c')).toMatchObject({ createable: true });
    expect(repPlan.has(HIDDEN)).toBe(false);
    const adminPlan = new Map((await conns.admin.sobject('Account_Plan__c').describe()).fields.map((f) => [f.name, f]));
    expect(adminPlan.get(HIDDEN)).toMatchObject({ createable: true, updateable: true });

    const hidden = await rawRequest(org, conns.sponsor, 'GET', `/services/data/v${org.apiVersion}/sobjects/Strategic_Score_Weight__mdt/describe`);
    expect(hidden.status).toBe(404);
  });
});

describe('writing', () => {
  it('the sponsor cannot create, edit or delete a plan (INSUFFICIENT_ACCESS_OR_READONLY)', async () => {
    await expect(conns.sponsor.sobject('Account_Plan__c').create({ Account__c: accountId, Name: 'Sponsor plan', Status__c: 'Draft' })).rejects.toMatchObject(INSUFFICIENT);
    await expect(conns.sponsor.sobject('Account_Plan__c').update({ Id: planId, Status__c: 'Archived' })).rejects.toMatchObject(INSUFFICIENT);
    await expect(conns.sponsor.sobject('Account_Plan__c').destroy(planId)).rejects.toMatchObject(INSUFFICIENT);
    const raw = await rawRequest(org, conns.sponsor, 'POST', `/services/data/v${org.apiVersion}/sobjects/Account_Plan__c`, { Account__c: accountId, Name: 'Sponsor plan' });
    expect(raw.status).toBe(400);
    expect(JSON.parse(raw.text)).toEqual([{ ...INSUFFICIENT, fields: [] }]);
    expect((await conns.admin.query(`SELECT Status__c FROM Account_Plan__c WHERE Id = '${planId}'`)).records[0]).toMatchObject({ Status__c: expect.not.stringMatching(/^Archived$/) });
  });

  it('the sponsor logs engagements: an Event, and the engagement dates of a sponsorship, nothing else on it', async () => {
    const me = await conns.sponsor.identity();
    const sponsorship = (await conns.sponsor.query<{ Id: string }>(`SELECT Id FROM Executive_Sponsor__c WHERE Sponsor__c = '${me.user_id}' LIMIT 1`)).records[0]!.Id;
    await conns.sponsor.sobject('Executive_Sponsor__c').update({ Id: sponsorship, Last_Engagement__c: TODAY, Next_Engagement__c: '2026-09-13', Commitments__c: 'Joint roadmap review' });
    expect((await conns.sponsor.sobject('Executive_Sponsor__c').retrieve(sponsorship)) as unknown as Record<string, unknown>).toMatchObject({ Last_Engagement__c: TODAY });
    const refused = await failure(conns.sponsor.sobject('Executive_Sponsor__c').update({ Id: sponsorship, Role__c: 'Co-Sponsor', Active__c: false, Last_Engagement__c: TODAY }));
    expect(refused).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: notEditable('Role__c', 'Active__c') });
    const raw = await rawRequest(org, conns.sponsor, 'PATCH', `/services/data/v${org.apiVersion}/sobjects/Executive_Sponsor__c/${sponsorship}`, { Role__c: 'Co-Sponsor' });
    expect(JSON.parse(raw.text)).toEqual([{ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: notEditable('Role__c'), fields: ['Role__c'] }]);
    await expect(conns.sponsor.sobject('Executive_Sponsor__c').create({ Account__c: accountId, Sponsor__c: me.user_id })).rejects.toMatchObject(INSUFFICIENT);
    if (org.store.table('Event')) {
      const event = await conns.sponsor.sobject('Event').create({ Subject: 'QBR', WhatId: accountId, StartDateTime: `${TODAY}T10:00:00.000Z`, EndDateTime: `${TODAY}T11:00:00.000Z` });
      expect(event.success).toBe(true);
    }
  });

  it('a field the user cannot read cannot be written either: INVALID_FIELD', async () => {
    const error = await failure(conns.rep.sobject('Account_Plan__c').update({ Id: planId, [HIDDEN]: 'secret' }));
    expect(error).toMatchObject({ errorCode: 'INVALID_FIELD', message: `No such column '${HIDDEN}' on sobject of type Account_Plan__c` });
  });

  it('the rep edits plans, requests a recalculation, and writes nothing the service computes', async () => {
    const created = await conns.rep.sobject('Account_Plan__c').create({ Account__c: accountId, Name: 'FY27 plan', Status__c: 'Draft', Start_Date__c: TODAY, End_Date__c: '2027-06-14' });
    expect(created.success).toBe(true);
    await conns.rep.sobject('Account_Plan__c').update({ Id: created.id!, Status__c: 'Active', Strengths__c: 'Trusted supplier' });
    const objective = await conns.rep.sobject('Plan_Objective__c').create({ Account_Plan__c: created.id!, Name: 'Grow share', Category__c: 'Growth', Status__c: 'On track' });
    expect(objective.success).toBe(true);
    await conns.rep.sobject('Account_Plan__c').destroy(created.id!);

    const request = await conns.rep.sobject('Sync_Request__c').create({ Account__c: accountId, Status__c: 'Pending' });
    expect(request.success).toBe(true);
    expect(await failure(conns.rep.sobject('Sync_Request__c').create({ Account__c: accountId, Message__c: 'done' }))).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: notEditable('Message__c')
    });
    await expect(conns.rep.sobject('Sync_Request__c').update({ Id: request.id!, Status__c: 'Done' })).rejects.toMatchObject(INSUFFICIENT);
    await expect(conns.rep.sobject('Account').create({ Name: 'Rep account' })).rejects.toMatchObject(INSUFFICIENT);
    await expect(conns.rep.sobject('Account').update({ Id: accountId, Strategic_Account__c: false })).rejects.toMatchObject(INSUFFICIENT);
    await expect(conns.rep.sobject('Account_Metric__c').create({ Account__c: accountId, Snapshot_Key__c: `${accountId}:rep` })).rejects.toMatchObject(INSUFFICIENT);
  });

  it('the integration user writes the metric objects and the status of sync requests, nothing else', async () => {
    const key = `${accountId}:2026-06`;
    const created = await conns.integration.sobject('Account_Metric__c').upsert({ Account__c: accountId, Snapshot_Key__c: key, Revenue_TTM__c: 1000, Is_Current__c: true }, 'Snapshot_Key__c');
    expect(created).toMatchObject({ success: true, created: true });
    const updated = await conns.integration.sobject('Account_Metric__c').upsert({ Snapshot_Key__c: key, Revenue_TTM__c: 1200 }, 'Snapshot_Key__c');
    expect(updated).toMatchObject({ success: true, created: false });

    const request = await conns.rep.sobject('Sync_Request__c').create({ Account__c: accountId, Status__c: 'Pending' });
    await conns.integration.sobject('Sync_Request__c').update({ Id: request.id!, Status__c: 'Done', Message__c: 'Recalculated' });
    await expect(conns.integration.sobject('Sync_Request__c').create({ Account__c: accountId })).rejects.toMatchObject(INSUFFICIENT);
    await expect(conns.integration.sobject('Sync_Request__c').destroy(request.id!)).rejects.toMatchObject(INSUFFICIENT);

    // What people type is not the service's to write.
    await expect(conns.integration.sobject('Account_Plan__c').update({ Id: planId, Status__c: 'Active' })).rejects.toMatchObject(INSUFFICIENT);
    await expect(conns.integration.sobject('Account').update({ Id: accountId, Strategic_Account__c: false })).rejects.toMatchObject(INSUFFICIENT);
    // The sponsor only reads metrics.
    await expect(conns.sponsor.sobject('Account_Metric__c').upsert({ Snapshot_Key__c: key, Revenue_TTM__c: 1 }, 'Snapshot_Key__c')).rejects.toMatchObject(INSUFFICIENT);
  });

  it('the integration user writes the derived fields of stakeholders and sponsorships, and none that people type', async () => {
    const stakeholder = (await conns.integration.query<{ Id: string }>('SELECT Id FROM Stakeholder__c LIMIT 1')).records[0]!.Id;
    await conns.integration.sobject('Stakeholder__c').update({ Id: stakeholder, Change_Alert__c: 'Title changed', Change_Detected__c: TODAY, Previous_Title__c: 'CFO' });
    expect(await conns.rep.sobject('Stakeholder__c').retrieve(stakeholder)).toMatchObject({ Change_Alert__c: 'Title changed', Change_Detected__c: TODAY, Previous_Title__c: 'CFO' });
    expect(await failure(conns.integration.sobject('Stakeholder__c').update({ Id: stakeholder, Notes__c: 'x', Attitude__c: 'Skeptic' }))).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: notEditable('Notes__c', 'Attitude__c')
    });
    await expect(conns.integration.sobject('Stakeholder__c').create({ Account__c: accountId })).rejects.toMatchObject(INSUFFICIENT);

    const sponsorship = (await conns.integration.query<{ Id: string }>('SELECT Id FROM Executive_Sponsor__c LIMIT 1')).records[0]!.Id;
    await conns.integration.sobject('Executive_Sponsor__c').update({ Id: sponsorship, Last_Engagement__c: TODAY, Engagements_90D__c: 3 });
    expect(await conns.sponsor.sobject('Executive_Sponsor__c').retrieve(sponsorship)).toMatchObject({ Last_Engagement__c: TODAY, Engagements_90D__c: 3 });
    expect(await failure(conns.integration.sobject('Executive_Sponsor__c').update({ Id: sponsorship, Commitments__c: 'x', Next_Engagement__c: TODAY }))).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: notEditable('Commitments__c', 'Next_Engagement__c')
    });
    // A person clears an alert (its three fields); the count of engagements is the service's alone.
    await conns.rep.sobject('Stakeholder__c').update({ Id: stakeholder, Change_Alert__c: null, Change_Detected__c: null, Previous_Title__c: null });
    await expect(conns.sponsor.sobject('Stakeholder__c').update({ Id: stakeholder, Change_Alert__c: null })).rejects.toMatchObject(INSUFFICIENT);
    expect(await failure(conns.rep.sobject('Executive_Sponsor__c').update({ Id: sponsorship, Engagements_90D__c: 9 }))).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: notEditable('Engagements_90D__c')
    });
  });

  it('the integration user writes whitespace cells under the group\'s top account; people only read them', async () => {
    const key = `${accountId}:${accountId}:Hardware`;
    const cell = { Account__c: accountId, Cell_Key__c: key, Segment_Account__c: accountId, Product_Family__c: 'Hardware', Won_TTM__c: 1500, Status__c: 'Won' };
    expect(await conns.integration.sobject('Whitespace_Cell__c').upsert(cell, 'Cell_Key__c')).toMatchObject({ success: true, created: true });
    expect((await conns.sponsor.query(`SELECT Status__c, Won_TTM__c FROM Whitespace_Cell__c WHERE Cell_Key__c = '${key}'`)).records).toEqual([expect.objectContaining({ Status__c: 'Won', Won_TTM__c: 1500 })]);
    await expect(conns.rep.sobject('Whitespace_Cell__c').upsert({ Cell_Key__c: key, Status__c: 'Lost' }, 'Cell_Key__c')).rejects.toMatchObject(INSUFFICIENT);
  });
});

describe('collections and composite go through the same checks', () => {
  it('sObject Collections report the error per record', async () => {
    const me = await conns.sponsor.identity();
    const ids = (await conns.sponsor.query<{ Id: string }>(`SELECT Id FROM Executive_Sponsor__c WHERE Sponsor__c = '${me.user_id}' LIMIT 2`)).records.map((r) => r.Id);
    expect(ids).toHaveLength(2);
    const mixed = await rawRequest(org, conns.sponsor, 'PATCH', `/services/data/v${org.apiVersion}/composite/sobjects`, {
      allOrNone: false,
      records: [
        { attributes: { type: 'Executive_Sponsor__c' }, id: ids[0], Commitments__c: 'Quarterly review' },
        { attributes: { type: 'Executive_Sponsor__c' }, id: ids[1], Cadence_Days__c: 30 }
      ]
    });
    expect(JSON.parse(mixed.text)).toEqual([
      { id: ids[0], success: true, errors: [] },
      { id: ids[1], success: false, errors: [{ statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: notEditable('Cadence_Days__c'), fields: ['Cadence_Days__c'] }] }
    ]);
    const created = await rawRequest(org, conns.sponsor, 'POST', `/services/data/v${org.apiVersion}/composite/sobjects`, {
      allOrNone: false,
      records: [{ attributes: { type: 'Account_Plan__c' }, Account__c: accountId, Name: 'Sponsor plan' }]
    });
    expect(JSON.parse(created.text)).toMatchObject([{ success: false, errors: [{ statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: INSUFFICIENT.message, fields: [] }] }]);
    const deleted = await rawRequest(org, conns.sponsor, 'DELETE', `/services/data/v${org.apiVersion}/composite/sobjects?ids=${planId}`);
    expect(JSON.parse(deleted.text)).toEqual([{ id: planId, success: false, errors: [{ statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: INSUFFICIENT.message, fields: [] }] }]);
  });

  it('a composite subrequest runs as the caller', async () => {
    const answer = await rawRequest(org, conns.sponsor, 'POST', `/services/data/v${org.apiVersion}/composite`, {
      allOrNone: false,
      compositeRequest: [
        { method: 'POST', url: `/services/data/v${org.apiVersion}/sobjects/Account_Plan__c`, referenceId: 'plan', body: { Account__c: accountId, Name: 'Sponsor plan' } },
        { method: 'GET', url: `/services/data/v${org.apiVersion}/query?q=${encodeURIComponent(`SELECT ${HIDDEN} FROM Account_Plan__c`)}`, referenceId: 'hidden' }
      ]
    });
    const body = JSON.parse(answer.text) as { compositeResponse: Array<{ httpStatusCode: number; body: Array<{ errorCode: string }> }> };
    expect(body.compositeResponse.map((r) => [r.httpStatusCode, r.body[0]!.errorCode])).toEqual([
      [400, 'INSUFFICIENT_ACCESS_OR_READONLY'],
      [400, 'INVALID_FIELD']
    ]);
  });
});

describe('Bulk API 2.0 ingest and the UI API write through the same checks', () => {
  it('a Bulk 2.0 job reports each record the user may not write, with Salesforce wording', async () => {
    conns.sponsor.bulk2.pollInterval = 50;
    const plans = await conns.sponsor.bulk2.loadAndWaitForResults({ object: 'Account_Plan__c', operation: 'insert', input: [{ Account__c: accountId, Name: 'Bulk plan' }] });
    expect(plans.successfulResults).toEqual([]);
    expect(plans.failedResults).toEqual([expect.objectContaining({ sf__Error: 'INSUFFICIENT_ACCESS_OR_READONLY:insufficient access rights on object id:--' })]);
    const me = await conns.sponsor.identity();
    const sponsorship = (await conns.sponsor.query<{ Id: string }>(`SELECT Id FROM Executive_Sponsor__c WHERE Sponsor__c = '${me.user_id}' LIMIT 1`)).records[0]!.Id;
    const edits = await conns.sponsor.bulk2.loadAndWaitForResults({
      object: 'Executive_Sponsor__c',
      operation: 'update',
      input: [
        // jsforce takes the CSV columns from the first record; an empty cell leaves a field as it is.
        { Id: sponsorship, Last_Engagement__c: TODAY, Role__c: '' },
        { Id: sponsorship, Last_Engagement__c: '', Role__c: 'Co-Sponsor' }
      ]
    });
    expect(edits.successfulResults.map((r) => r.sf__Id)).toEqual([sponsorship]);
    expect(edits.failedResults.map((r) => r.sf__Error)).toEqual([`INVALID_FIELD_FOR_INSERT_UPDATE:${notEditable('Role__c')}:Role__c --`]);
  });

  it('UI API createRecord refuses what the user may not create', async () => {
    const answer = await rawRequest(org, conns.sponsor, 'POST', `/services/data/v${org.apiVersion}/ui-api/records`, { apiName: 'Account_Plan__c', fields: { Account__c: accountId, Name: 'UI plan' } });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('INSUFFICIENT_ACCESS_OR_READONLY');
    const made = await rawRequest(org, conns.rep, 'POST', `/services/data/v${org.apiVersion}/ui-api/records`, { apiName: 'Account_Plan__c', fields: { Account__c: accountId, Name: 'UI plan' } });
    expect(made.status).toBe(201);
  });

  it('the web-server flow logs in the user named by login_hint', async () => {
    const { sponsor } = org.users;
    const redirect = 'http://localhost/callback';
    const answer = await fetch(`${org.loginUrl}/services/oauth2/authorize?response_type=code&client_id=${sponsor.clientId}&redirect_uri=${encodeURIComponent(redirect)}&login_hint=${encodeURIComponent(sponsor.username)}`, { redirect: 'manual' });
    const code = new URL(answer.headers.get('location')!).searchParams.get('code')!;
    const token = await fetch(`${org.loginUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: sponsor.clientId, client_secret: sponsor.clientSecret, redirect_uri: redirect })
    });
    const body = (await token.json()) as { id: string };
    expect(body.id).toMatch(new RegExp(`/${(await conns.sponsor.identity()).user_id}$`));
  });
});
