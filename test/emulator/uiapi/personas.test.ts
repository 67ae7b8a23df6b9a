// The UI API as each persona sees it: object-info lists only what the user may read, with
// createable/updateable from their permission sets; GraphQL fails on what they may not read unless
// asked with @optional; getRecord and createRecord/updateRecord/deleteRecord enforce object access
// and field-level security in the UI API's error shapes. Logins are jsforce's; UI API calls are
// plain HTTP with the persona's session, in the shapes Lightning Data Service sends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'jsforce';
import { DEFAULT_SCHEMA_DIR, DEMO_GAP_ACCOUNT, PERSONAS, startOrg, type OrgHandle, type Persona } from '../index';
import { fieldXml } from '../testing/fieldXml';
import { personaConnection } from '../testing/clients';
import type { RecordRepresentation } from './records';
import { apiCaller, graphql, type ApiCall } from './testing';

/** A field no permission set grants, and an object none does (as new ones are, until someone does). */
const HIDDEN = 'Internal_Notes__c';
const SECRET = 'Secret_Ledger__c';
const MASTER = '012000000000000AAA';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let org: OrgHandle;
const conns = {} as Record<Persona, Connection>;
const calls = {} as Record<Persona, ApiCall>;
let accountId: string;
let planId: string;
let sponsorshipId: string;
let secretId: string;

beforeAll(async () => {
  const extra = fs.mkdtempSync(path.join(os.tmpdir(), 'uiapi-access-'));
  fs.mkdirSync(path.join(extra, 'objects', 'Account_Plan__c', 'fields'), { recursive: true });
  fs.writeFileSync(path.join(extra, 'objects', 'Account_Plan__c', 'fields', `${HIDDEN}.field-meta.xml`), fieldXml(HIDDEN, { type: 'Text', length: 255 }));
  fs.mkdirSync(path.join(extra, 'objects', SECRET), { recursive: true });
  fs.writeFileSync(
    path.join(extra, 'objects', SECRET, `${SECRET}.object-meta.xml`),
    '<?xml version="1.0" encoding="UTF-8"?><CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>Secret Ledger</label><pluralLabel>Secret Ledgers</pluralLabel><nameField><label>Ledger Name</label><type>Text</type></nameField><deploymentStatus>Deployed</deploymentStatus><sharingModel>ReadWrite</sharingModel></CustomObject>'
  );
  org = await startOrg({ data: 'demo', seed: 3, today: '2026-06-15', schemaDirs: [DEFAULT_SCHEMA_DIR, extra] });
  for (const persona of PERSONAS) {
    conns[persona] = await personaConnection(org, persona);
    calls[persona] = apiCaller(org, conns[persona].accessToken!);
  }
  accountId = (await conns.admin.query<{ Id: string }>(`SELECT Id FROM Account WHERE Name = '${DEMO_GAP_ACCOUNT}'`)).records[0]!.Id;
  planId = (await conns.admin.query<{ Id: string }>(`SELECT Id FROM Account_Plan__c WHERE Account__c = '${accountId}' LIMIT 1`)).records[0]!.Id;
  await conns.admin.sobject('Account_Plan__c').update({ Id: planId, [HIDDEN]: 'Board wants a discount' });
  const me = await conns.sponsor.identity();
  sponsorshipId = (await conns.admin.query<{ Id: string }>(`SELECT Id FROM Executive_Sponsor__c WHERE Sponsor__c = '${me.user_id}' LIMIT 1`)).records[0]!.Id;
  secretId = (await conns.admin.sobject(SECRET).create({ Name: 'Q3 ledger' })).id!;
});

afterAll(async () => {
  await org.close();
});

async function get(persona: Persona, url: string): Promise<{ status: number; body: Json }> {
  const reply = await calls[persona]('GET', url);
  return { status: reply.status, body: reply.body as Json };
}

describe('object-info per user', () => {
  it('lists a field no permission set grants to the admin only', async () => {
    expect(Object.keys((await get('admin', '/ui-api/object-info/Account_Plan__c')).body.fields)).toContain(HIDDEN);
    for (const persona of ['rep', 'sponsor', 'integration'] as const) {
      const info = (await get(persona, '/ui-api/object-info/Account_Plan__c')).body;
      expect(Object.keys(info.fields)).not.toContain(HIDDEN);
      expect(Object.keys(info.fields)).toContain('Status__c');
    }
  });

  it('gives createable/updateable from the permission sets', async () => {
    const rep = (await get('rep', '/ui-api/object-info/Account_Plan__c')).body;
    expect(rep).toMatchObject({ createable: true, updateable: true, deletable: true });
    expect(rep.fields.Status__c).toMatchObject({ createable: true, updateable: true });
    const sponsor = (await get('sponsor', '/ui-api/object-info/Account_Plan__c')).body;
    expect(sponsor).toMatchObject({ createable: false, updateable: false, deletable: false });
    expect(sponsor.fields.Status__c).toMatchObject({ createable: false, updateable: false });
    // The sponsor logs engagements: Last_Engagement__c is editable on a sponsorship, Role__c is not.
    const sponsorship = (await get('sponsor', '/ui-api/object-info/Executive_Sponsor__c')).body;
    expect(sponsorship).toMatchObject({ createable: false, updateable: true });
    expect(sponsorship.fields.Last_Engagement__c).toMatchObject({ createable: false, updateable: true });
    expect(sponsorship.fields.Role__c).toMatchObject({ createable: false, updateable: false });
    // The service deletes metric rows it no longer computes; the rep only reads them.
    const metric = (await get('integration', '/ui-api/object-info/Account_Metric__c')).body;
    expect(metric).toMatchObject({ createable: true, updateable: true, deletable: true });
    const repMetric = (await get('rep', '/ui-api/object-info/Account_Metric__c')).body;
    expect(repMetric).toMatchObject({ createable: false, updateable: false, deletable: false });
  });

  it('does not know an object the user may not read', async () => {
    expect((await get('admin', `/ui-api/object-info/${SECRET}`)).status).toBe(200);
    expect(await get('sponsor', `/ui-api/object-info/${SECRET}`)).toEqual({ status: 400, body: [{ errorCode: 'INVALID_TYPE', message: `Object ${SECRET} is not supported in UI API` }] });
    expect(Object.keys((await get('sponsor', '/ui-api/object-info')).body.objects)).not.toContain(SECRET);
    expect((await get('sponsor', `/ui-api/object-info/${SECRET}/picklist-values/${MASTER}`)).status).toBe(400);
  });
});

describe('GraphQL per user', () => {
  const planQuery = (hidden: string): string =>
    `query($id: ID) { uiapi { query { Account_Plan__c(where: { Id: { eq: $id } }) { edges { node { Name { value } ${hidden} } } } } } }`;

  it('answers the admin a field the others cannot read', async () => {
    const answer = await graphql(calls.admin, planQuery(`${HIDDEN} { value }`), { id: planId });
    expect(answer.data!.uiapi.query.Account_Plan__c!.edges[0]!.node[HIDDEN]).toEqual({ value: 'Board wants a discount' });
  });

  it('fails the sponsor’s query that names it, and leaves it out with @optional', async () => {
    const strict = await graphql(calls.sponsor, planQuery(`${HIDDEN} { value }`), { id: planId });
    expect(strict.data).toBeNull();
    expect(strict.errors![0]!.message).toBe(`Validation error (FieldUndefined@[uiapi/query/Account_Plan__c/edges/node/${HIDDEN}]) : Field '${HIDDEN}' in type 'Account_Plan__c' is undefined`);
    const optional = await graphql(calls.sponsor, planQuery(`${HIDDEN} @optional { value }`), { id: planId });
    expect(optional.errors).toBeUndefined();
    expect(optional.data!.uiapi.query.Account_Plan__c!.edges[0]!.node).toEqual({ Name: { value: expect.any(String) } });
  });

  it('treats an object the user may not read the same way', async () => {
    const strict = await graphql(calls.rep, `{ uiapi { query { ${SECRET} { edges { node { Id } } } } } }`);
    expect(strict.errors![0]!.message).toBe(`Validation error (FieldUndefined@[uiapi/query/${SECRET}]) : Field '${SECRET}' in type 'RecordQuery' is undefined`);
    const optional = await graphql(calls.rep, `{ uiapi { query { ${SECRET} @optional { edges { node { Id } } } Account(first: 1) { edges { node { Id } } } } } }`);
    expect(Object.keys(optional.data!.uiapi.query)).toEqual(['Account']);
  });
});

describe('getRecord per user', () => {
  it('fails on a field the user may not read in fields, leaves it out of optionalFields', async () => {
    const strict = await get('sponsor', `/ui-api/records/${planId}?fields=Account_Plan__c.Name,Account_Plan__c.${HIDDEN}`);
    expect(strict.status).toBe(400);
    expect(strict.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD' });
    const optional = await get('sponsor', `/ui-api/records/${planId}?fields=Account_Plan__c.Name&optionalFields=Account_Plan__c.${HIDDEN}`);
    expect(Object.keys(optional.body.fields)).toEqual(['Name']);
    const admin = await get('admin', `/ui-api/records/${planId}?fields=Account_Plan__c.${HIDDEN}`);
    expect(admin.body.fields[HIDDEN]).toEqual({ value: 'Board wants a discount', displayValue: null });
  });

  it('shows only readable fields without a field list, and no record of an unreadable object', async () => {
    const all = (await get('sponsor', `/ui-api/records/${planId}`)).body as RecordRepresentation;
    expect(Object.keys(all.fields)).toContain('Status__c');
    expect(Object.keys(all.fields)).not.toContain(HIDDEN);
    expect(await get('sponsor', `/ui-api/records/${secretId}`)).toEqual({
      status: 403,
      body: [{ errorCode: 'INSUFFICIENT_ACCESS', message: "You don't have access to this record. Ask your administrator for help or to request access." }]
    });
  });
});

describe('record writes per user', () => {
  const outputOf = (body: unknown): { errors: Array<{ errorCode: string }>; fieldErrors: Record<string, Array<{ errorCode: string; message: string }>> } =>
    (body as { output: never }).output;

  it('refuses the sponsor creating, editing or deleting a plan, and changes nothing', async () => {
    const before = (await conns.admin.query('SELECT COUNT() FROM Account_Plan__c')).totalSize;
    const create = await calls.sponsor('POST', '/ui-api/records', { apiName: 'Account_Plan__c', fields: { Name: 'Sponsor plan', Account__c: accountId, Status__c: 'Draft' } });
    expect(create.status).toBe(400);
    expect(create.body).toMatchObject({ enhancedErrorType: 'RecordError' });
    expect(outputOf(create.body).errors.map((e) => e.errorCode)).toEqual(['INSUFFICIENT_ACCESS_OR_READONLY']);
    const update = await calls.sponsor('PATCH', `/ui-api/records/${planId}`, { fields: { Id: planId, Status__c: 'Archived' } });
    expect(outputOf(update.body).errors.map((e) => e.errorCode)).toEqual(['INSUFFICIENT_ACCESS_OR_READONLY']);
    const remove = await calls.sponsor('DELETE', `/ui-api/records/${planId}`);
    expect(remove.status).toBe(400);
    expect(outputOf(remove.body).errors.map((e) => e.errorCode)).toEqual(['INSUFFICIENT_ACCESS_OR_READONLY']);
    expect((await conns.admin.query('SELECT COUNT() FROM Account_Plan__c')).totalSize).toBe(before);
    expect((await conns.admin.sobject('Account_Plan__c').retrieve(planId) as unknown as { Status__c: string }).Status__c).not.toBe('Archived');
  });

  it('lets the sponsor log an engagement but not change the role, under the field', async () => {
    const logged = await calls.sponsor('PATCH', `/ui-api/records/${sponsorshipId}`, { fields: { Last_Engagement__c: '2026-06-10' } });
    expect(logged.status).toBe(200);
    expect((logged.body as RecordRepresentation).fields.Last_Engagement__c!.value).toBe('2026-06-10');
    const role = await calls.sponsor('PATCH', `/ui-api/records/${sponsorshipId}`, { fields: { Role__c: 'Co-Sponsor' } });
    expect(role.status).toBe(400);
    const errors = outputOf(role.body).fieldErrors;
    expect(Object.keys(errors)).toEqual(['Role__c']);
    expect(errors.Role__c![0]).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: expect.stringContaining('Role__c') });
  });

  it('lets the rep create a plan and answers only the fields the rep may read', async () => {
    const created = await calls.rep('POST', '/ui-api/records', { apiName: 'Account_Plan__c', fields: { Name: 'Rep plan', Account__c: accountId, Status__c: 'Draft' } });
    expect(created.status).toBe(201);
    const record = created.body as RecordRepresentation;
    expect(record.fields.Name!.value).toBe('Rep plan');
    expect(Object.keys(record.fields)).not.toContain(HIDDEN);
    const hidden = await calls.rep('PATCH', `/ui-api/records/${record.id}`, { fields: { [HIDDEN]: 'peek' } });
    expect(hidden.status).toBe(400);
    expect(JSON.stringify(hidden.body)).toContain('INVALID_FIELD');
    expect((await calls.rep('DELETE', `/ui-api/records/${record.id}`)).status).toBe(204);
  });

  it('answers INVALID_TYPE to a create on an object the user may not read', async () => {
    const reply = await calls.integration('POST', '/ui-api/records', { apiName: SECRET, fields: { Name: 'x' } });
    expect(reply).toEqual({ status: 400, body: [{ errorCode: 'INVALID_TYPE', message: `Object ${SECRET} is not supported in UI API`, fields: [] }] });
  });
});
