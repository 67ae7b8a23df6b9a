// UI API record writes over HTTP: the shapes LDS's createRecord/updateRecord/deleteRecord send and
// receive, the record representation, and DML failures as UI API RecordError output.
import { makeId, keyPrefixOf } from '../ids';
import { startOrg, type OrgHandle } from '../index';
import { RECORD_ERROR_MESSAGE, type RecordRepresentation } from './records';
import { apiCaller, graphql, nodes, type ApiCall } from './testing';

describe('UI API records', () => {
  let org: OrgHandle;
  let call: ApiCall;
  let accountId: string;
  let planId: string;

  beforeAll(async () => {
    org = await startOrg({ data: 'empty', today: '2026-06-15' });
    call = apiCaller(org);
    const actor = org.org.userRow(org.username);
    accountId = org.store.insert('Account', { Name: 'Alpha Freight' }, actor);
    planId = org.store.insert('Account_Plan__c', { Name: 'Alpha plan', Account__c: accountId, Status__c: 'Active', Start_Date__c: '2026-01-01' }, actor);
  });

  afterAll(() => org.close());

  async function objectiveIds(): Promise<string[]> {
    const query = `query($plan: ID) { uiapi { query { Plan_Objective__c(where: { Account_Plan__c: { eq: $plan } }) { edges { node { Id } } } } } }`;
    return nodes(await graphql(call, query, { plan: planId }), 'Plan_Objective__c').map((n) => n.Id as string);
  }

  it('creates a record and answers its representation, visible to GraphQL at once', async () => {
    const reply = await call('POST', '/ui-api/records', {
      apiName: 'Plan_Objective__c',
      fields: { Name: 'Win the Milan hub', Account_Plan__c: planId, Category__c: 'Growth', Target_Value__c: 5, Due_Date__c: '2026-12-31', Status__c: 'Not started' }
    });
    expect(reply.status).toBe(201);
    const record = reply.body as RecordRepresentation;
    expect(record.apiName).toBe('Plan_Objective__c');
    expect(record.id).toMatch(/^[a-zA-Z0-9]{18}$/);
    expect(record.fields.Id).toEqual({ value: record.id, displayValue: null });
    expect(record.fields.Name).toEqual({ value: 'Win the Milan hub', displayValue: null });
    expect(record.fields.Target_Value__c!.value).toBe(5);
    expect(record.fields.Due_Date__c).toEqual({ value: '2026-12-31', displayValue: '12/31/2026' });
    expect(record.fields.Category__c).toEqual({ value: 'Growth', displayValue: 'Growth' });
    expect(record.systemModstamp).toMatch(/^2026-06-15T.*Z$/);
    expect(record.weakEtag).toBe(Date.parse(record.systemModstamp!));
    expect(record.lastModifiedById).toBe(org.org.userId(org.org.userRow(org.username)));
    expect(await objectiveIds()).toContain(record.id);
  });

  it('updates the fields it is given (Id in the fields, as LDS sends it) and answers the new state', async () => {
    const created = (await call('POST', '/ui-api/records', { apiName: 'Plan_Objective__c', fields: { Name: 'Measure NPS', Account_Plan__c: planId, Current_Value__c: 10 } })).body as RecordRepresentation;
    const reply = await call('PATCH', `/ui-api/records/${created.id}`, { fields: { Id: created.id, Current_Value__c: 42, Status__c: 'On track' } });
    expect(reply.status).toBe(200);
    const record = reply.body as RecordRepresentation;
    expect(record.fields.Current_Value__c!.value).toBe(42);
    expect(record.fields.Status__c!.value).toBe('On track');
    expect(record.fields.Name!.value).toBe('Measure NPS');
  });

  it('deletes a record; a second delete finds it deleted', async () => {
    const created = (await call('POST', '/ui-api/records', { apiName: 'Plan_Objective__c', fields: { Name: 'Short-lived', Account_Plan__c: planId } })).body as RecordRepresentation;
    expect((await call('DELETE', `/ui-api/records/${created.id}`)).status).toBe(204);
    expect(await objectiveIds()).not.toContain(created.id);
    const again = await call('DELETE', `/ui-api/records/${created.id}`);
    expect(again).toEqual({ status: 404, body: [{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted' }] });
  });

  it('answers a failed validation rule as RecordError output on the rule’s field', async () => {
    const reply = await call('POST', '/ui-api/records', {
      apiName: 'Account_Plan__c',
      fields: { Name: 'Backwards', Account__c: accountId, Start_Date__c: '2026-06-01', End_Date__c: '2026-01-01' }
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      enhancedErrorType: 'RecordError',
      message: RECORD_ERROR_MESSAGE,
      output: {
        errors: [],
        fieldErrors: {
          End_Date__c: [
            {
              constituentField: null,
              duplicateRecordError: null,
              errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
              field: 'End_Date__c',
              fieldLabel: expect.any(String),
              message: 'The end date must be after the start date.'
            }
          ]
        }
      }
    });
  });

  it('answers a missing required field under that field', async () => {
    const reply = await call('POST', '/ui-api/records', { apiName: 'Plan_Objective__c', fields: { Name: 'Orphan' } });
    expect(reply.status).toBe(400);
    const output = (reply.body as { output: { fieldErrors: Record<string, Array<{ errorCode: string }>> } }).output;
    expect(Object.keys(output.fieldErrors)).toEqual(['Account_Plan__c']);
    expect(output.fieldErrors.Account_Plan__c![0]!.errorCode).toBe('REQUIRED_FIELD_MISSING');
  });

  it('refuses unknown objects, missing apiName or fields, and a mismatched Id', async () => {
    expect(await call('POST', '/ui-api/records', { apiName: 'Nope__c', fields: {} })).toEqual({
      status: 400,
      body: [{ errorCode: 'INVALID_TYPE', message: 'Object Nope__c is not supported in UI API', fields: [] }]
    });
    expect((await call('POST', '/ui-api/records', { fields: { Name: 'x' } })).status).toBe(400);
    const noFields = await call('POST', '/ui-api/records', { apiName: 'Account' });
    expect(JSON.stringify(noFields.body)).toContain('fields: expected an object');
    const mismatch = await call('PATCH', `/ui-api/records/${planId}`, { fields: { Id: accountId, Name: 'x' } });
    expect(mismatch.status).toBe(400);
    expect(JSON.stringify(mismatch.body)).toContain(`does not match the record id ${planId}`);
  });

  it('answers NOT_FOUND for a well-formed id of no record', async () => {
    const missing = makeId(keyPrefixOf(planId), 99_999);
    const reply = await call('PATCH', `/ui-api/records/${missing}`, { fields: { Name: 'x' } });
    expect(reply.status).toBe(404);
    expect((reply.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('NOT_FOUND');
  });
  describe('getRecord', () => {
    it('answers the fields named in fields and optionalFields, in the record representation', async () => {
      const reply = await call('GET', `/ui-api/records/${planId}?fields=Account_Plan__c.Name,Account_Plan__c.Status__c&optionalFields=Account_Plan__c.Start_Date__c`);
      expect(reply.status).toBe(200);
      const record = reply.body as RecordRepresentation;
      expect(record).toMatchObject({ apiName: 'Account_Plan__c', id: planId, recordTypeId: null });
      expect(record.fields).toEqual({
        Name: { value: 'Alpha plan', displayValue: null },
        Status__c: { value: 'Active', displayValue: 'Active' },
        Start_Date__c: { value: '2026-01-01', displayValue: '1/1/2026' }
      });
      expect(record.systemModstamp).toMatch(/Z$/);
      expect(record.weakEtag).toBe(Date.parse(record.systemModstamp!));
    });

    it('leaves out an optional field the record does not have, and fails on a required one', async () => {
      const optional = await call('GET', `/ui-api/records/${planId}?fields=Account_Plan__c.Name&optionalFields=Account_Plan__c.Nope__c`);
      expect(Object.keys((optional.body as RecordRepresentation).fields)).toEqual(['Name']);
      const required = await call('GET', `/ui-api/records/${planId}?fields=Account_Plan__c.Nope__c`);
      expect(required.status).toBe(400);
      expect((required.body as Array<{ errorCode: string; message: string }>)[0]).toMatchObject({ errorCode: 'INVALID_FIELD', message: expect.stringContaining("No such column 'Nope__c' on entity 'Account_Plan__c'") });
    });

    it('answers every readable field without fields, and NOT_FOUND for no record', async () => {
      const all = (await call('GET', `/ui-api/records/${planId}`)).body as RecordRepresentation;
      expect(Object.keys(all.fields)).toEqual(expect.arrayContaining(['Id', 'Name', 'Status__c', 'Account__c', 'CreatedDate']));
      const missing = await call('GET', `/ui-api/records/${makeId(keyPrefixOf(planId), 99_998)}`);
      expect(missing).toEqual({ status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] });
    });
  });
});
