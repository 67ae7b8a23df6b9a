// `/ui-api/object-info` and picklist values over HTTP, in the shapes `getObjectInfo`,
// `getPicklistValues` and `getPicklistValuesByRecordType` read; Italian labels for a user whose
// language is Italian, from force-app's translations.
import type { Connection } from 'jsforce';
import { startOrg, type OrgHandle } from '../index';
import { passwordConnection } from '../testing/clients';
import { apiCaller, graphql, nodes, type ApiCall } from './testing';

const MASTER = '012000000000000AAA';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let org: OrgHandle;
let call: ApiCall;
let conn: Connection;

beforeAll(async () => {
  org = await startOrg({ data: 'empty', today: '2026-06-15' });
  call = apiCaller(org);
  conn = await passwordConnection(org);
});

afterAll(async () => {
  await org.close();
});

async function get(path: string, caller: ApiCall = call): Promise<{ status: number; body: Json }> {
  const reply = await caller('GET', path);
  return { status: reply.status, body: reply.body as Json };
}

/** The org's one user speaking `language` for the duration of `work`. */
async function asLanguage<T>(language: string, work: () => Promise<T>): Promise<T> {
  const userId = (await conn.identity()).user_id;
  await conn.sobject('User').update({ Id: userId, LanguageLocaleKey: language });
  try {
    return await work();
  } finally {
    await conn.sobject('User').update({ Id: userId, LanguageLocaleKey: 'en_US' });
  }
}

describe('object info', () => {
  it('describes a custom object with its master record type, fields, relationships and theme', async () => {
    const { status, body } = await get('/ui-api/object-info/Account_Plan__c');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      apiName: 'Account_Plan__c',
      label: 'Account Plan',
      custom: true,
      createable: true,
      updateable: true,
      deletable: true,
      defaultRecordTypeId: MASTER,
      nameFields: ['Name'],
      recordTypeInfos: { [MASTER]: { available: true, defaultRecordTypeMapping: true, master: true, name: 'Master', recordTypeId: MASTER } },
      themeInfo: { color: expect.stringMatching(/^[0-9A-F]{6}$/), iconUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/img\/icon\/t4v35\/custom\/custom\d+_120\.png$/) }
    });
    expect(body.keyPrefix).toMatch(/^a\w\w$/);
    expect(body.eTag).toMatch(/^[0-9a-f]{32}$/);
    expect(body.fields.Status__c).toMatchObject({
      apiName: 'Status__c',
      dataType: 'Picklist',
      label: 'Status',
      createable: true,
      updateable: true,
      custom: true,
      reference: false,
      referenceToInfos: [],
      inlineHelpText: 'Draft while the plan is prepared, Active while it is followed, Archived once replaced or ended.'
    });
    expect(body.fields.Account__c).toMatchObject({
      dataType: 'Reference',
      reference: true,
      relationshipName: 'Account__r',
      referenceToInfos: [{ apiName: 'Account', nameFields: ['Name'] }],
      required: true
    });
    expect(body.fields.Id).toMatchObject({ dataType: 'Id', createable: false, updateable: false });
    expect(body.fields.CreatedDate).toMatchObject({ dataType: 'DateTime', createable: false, updateable: false });
    expect(body.fields.Revenue_Target__c).toMatchObject({ dataType: 'Currency', precision: 18 });
    expect(body.childRelationships).toContainEqual({
      childObjectApiName: 'Plan_Objective__c',
      fieldName: expect.any(String),
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: expect.any(String)
    });
    // Every field keyed by its API name, carrying the keys LDS reads.
    for (const [name, field] of Object.entries(body.fields as Record<string, Json>)) {
      expect(field.apiName).toBe(name);
      for (const key of ['calculated', 'compound', 'controllingFields', 'createable', 'custom', 'dataType', 'label', 'length', 'nameField', 'reference', 'referenceToInfos', 'relationshipName', 'required', 'sortable', 'updateable']) {
        expect(field).toHaveProperty(key);
      }
    }
  });

  it('describes a standard object with its name fields and Salesforce theme', async () => {
    const { body } = await get('/ui-api/object-info/Contact');
    expect(body).toMatchObject({ apiName: 'Contact', custom: false, themeInfo: { color: 'A094ED' } });
    expect(body.nameFields).toEqual(expect.arrayContaining(['FirstName', 'LastName', 'Name']));
    expect(body.fields.CurrencyIsoCode).toMatchObject({ dataType: 'Picklist' });
  });

  it('answers a batch in request order with each object or its error', async () => {
    const { status, body } = await get('/ui-api/object-info/batch/Account,Nope__c,Stakeholder__c');
    expect(status).toBe(200);
    expect(body.results.map((r: Json) => [r.statusCode, r.result.apiName ?? r.result[0].errorCode])).toEqual([
      [200, 'Account'],
      [400, 'INVALID_TYPE'],
      [200, 'Stakeholder__c']
    ]);
  });

  it('lists the objects in the directory with their URLs', async () => {
    const { body } = await get('/ui-api/object-info');
    expect(body.objects.Account_Plan__c).toMatchObject({ apiName: 'Account_Plan__c', label: 'Account Plan', url: '/services/data/v64.0/ui-api/object-info/Account_Plan__c' });
    expect(Object.keys(body.objects)).not.toContain('Strategic_Score_Weight__mdt');
  });

  it('answers an unknown object with INVALID_TYPE, and a missing session with 401', async () => {
    expect(await get('/ui-api/object-info/Nope__c')).toEqual({ status: 400, body: [{ errorCode: 'INVALID_TYPE', message: 'Object Nope__c is not supported in UI API' }] });
    const anonymous = await call('GET', '/ui-api/object-info/Account', undefined, null);
    expect(anonymous.status).toBe(401);
  });
});

describe('picklist values', () => {
  it('gives every picklist of the object under the master record type, values in metadata order', async () => {
    const { status, body } = await get(`/ui-api/object-info/Account_Plan__c/picklist-values/${MASTER}`);
    expect(status).toBe(200);
    expect(Object.keys(body.picklistFieldValues)).toEqual(expect.arrayContaining(['Status__c']));
    const statuses = body.picklistFieldValues.Status__c;
    expect(statuses).toEqual({
      controllerValues: {},
      defaultValue: { attributes: null, label: 'Draft', validFor: [], value: 'Draft' },
      eTag: expect.stringMatching(/^[0-9a-f]{32}$/),
      url: `/services/data/v64.0/ui-api/object-info/Account_Plan__c/picklist-values/${MASTER}/Status__c`,
      values: ['Draft', 'Active', 'Archived'].map((value) => ({ attributes: null, label: value, validFor: [], value }))
    });
  });

  it('gives one field alone, the same representation as in the record type map', async () => {
    const all = await get(`/ui-api/object-info/Stakeholder__c/picklist-values/${MASTER}`);
    const one = await get(`/ui-api/object-info/Stakeholder__c/picklist-values/${MASTER}/Attitude__c`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(all.body.picklistFieldValues.Attitude__c);
    expect(one.body.values.map((v: Json) => v.value)).toEqual(['Advocate', 'Supporter', 'Neutral', 'Skeptic', 'Detractor', 'Unknown']);
  });

  it('refuses an unknown record type and a field that is not a picklist', async () => {
    expect((await get('/ui-api/object-info/Account_Plan__c/picklist-values/012000000000001AAA')).status).toBe(404);
    const notPicklist = await get(`/ui-api/object-info/Account_Plan__c/picklist-values/${MASTER}/Start_Date__c`);
    expect(notPicklist.status).toBe(404);
    expect(notPicklist.body[0].errorCode).toBe('NOT_FOUND');
  });
});

describe('a user whose language is Italian', () => {
  it('reads object, field and picklist labels from the translations', async () => {
    const [info, picklists] = await asLanguage('it', async () => [
      (await get('/ui-api/object-info/Account_Plan__c')).body,
      (await get(`/ui-api/object-info/Account_Plan__c/picklist-values/${MASTER}/Status__c`)).body
    ]);
    expect(info.label).toBe('Piano account');
    expect(info.labelPlural).toBe('Piani account');
    expect(info.fields.Status__c.label).toBe('Stato');
    expect(info.fields.Name.label).toBe('Nome del piano');
    expect(info.fields.Status__c.inlineHelpText).toMatch(/^Bozza durante la preparazione/);
    expect(picklists.values).toEqual([
      { attributes: null, label: 'Bozza', validFor: [], value: 'Draft' },
      { attributes: null, label: 'Attivo', validFor: [], value: 'Active' },
      { attributes: null, label: 'Archiviato', validFor: [], value: 'Archived' }
    ]);
    expect(picklists.defaultValue).toEqual({ attributes: null, label: 'Bozza', validFor: [], value: 'Draft' });
  });

  it('shows translated picklist labels as GraphQL display values', async () => {
    const account = await conn.sobject('Account').create({ Name: 'Milano Logistica' });
    await conn.sobject('Account_Plan__c').create({ Name: 'Piano 2027', Account__c: account.id, Status__c: 'Active' });
    const query = 'query { uiapi { query { Account_Plan__c { edges { node { Status__c { value displayValue } } } } } } }';
    const italian = await asLanguage('it', () => graphql(call, query));
    expect(nodes(italian, 'Account_Plan__c')[0]!.Status__c).toEqual({ value: 'Active', displayValue: 'Attivo' });
    expect(nodes(await graphql(call, query), 'Account_Plan__c')[0]!.Status__c).toEqual({ value: 'Active', displayValue: 'Active' });
  });

  it('keeps English where the metadata has no translation, and English for an English user', async () => {
    const info = await asLanguage('it', async () => (await get('/ui-api/object-info/Account_Plan__c')).body);
    expect(info.fields.CreatedDate.label).toBe('Created Date');
    const english = (await get(`/ui-api/object-info/Account_Plan__c/picklist-values/${MASTER}/Status__c`)).body;
    expect(english.values.map((v: Json) => v.label)).toEqual(['Draft', 'Active', 'Archived']);
  });
});

describe('an org without multi-currency', () => {
  it('lists no CurrencyIsoCode field', async () => {
    const single = await startOrg({ data: 'empty', multiCurrency: false });
    try {
      const { body } = await get('/ui-api/object-info/Account_Plan__c', apiCaller(single));
      expect(Object.keys(body.fields)).not.toContain('CurrencyIsoCode');
      expect(Object.keys((await get(`/ui-api/object-info/Account_Plan__c/picklist-values/${MASTER}`, apiCaller(single))).body.picklistFieldValues)).not.toContain('CurrencyIsoCode');
    } finally {
      await single.close();
    }
  });
});
