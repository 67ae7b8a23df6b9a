// Bulk ingest under the org's access model: a job writes as the user who created it, so object
// permissions and field-level security fail records one by one, and hardDelete needs its permission.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsforce, { type Connection } from 'jsforce';
import { DEFAULT_SCHEMA_DIR, startOrg, type OrgHandle } from './index';
import { passwordConnection, personaConnection } from './testing/clients';

let org: OrgHandle;
let admin: Connection;
let accountId: string;

beforeAll(async () => {
  org = await startOrg({ data: 'empty', today: '2026-06-15' });
  admin = await passwordConnection(org);
  accountId = (await admin.sobject('Account').create({ Name: 'Hartwell Logistics' })).id!;
});

afterAll(async () => {
  await org.close();
});

const plans = (): Array<Record<string, string>> => [
  { Name: 'FY27 plan', Account__c: accountId, Status__c: 'Draft' },
  { Name: 'FY28 plan', Account__c: accountId, Status__c: 'Draft' }
];

describe('Bulk ingest and the access model', () => {
  it("fails each of the sponsor's Account_Plan__c records with INSUFFICIENT_ACCESS_OR_READONLY, through Bulk 2.0 and 1.0", async () => {
    const sponsor = await personaConnection(org, 'sponsor');
    sponsor.bulk2.pollInterval = 50;
    sponsor.bulk.pollInterval = 50;
    const v2 = await sponsor.bulk2.loadAndWaitForResults({ object: 'Account_Plan__c', operation: 'insert', input: plans() });
    expect(v2.successfulResults).toEqual([]);
    expect(v2.failedResults.map((r) => [r.sf__Id, r.sf__Error])).toEqual([
      ['', 'INSUFFICIENT_ACCESS_OR_READONLY:insufficient access rights on object id:--'],
      ['', 'INSUFFICIENT_ACCESS_OR_READONLY:insufficient access rights on object id:--']
    ]);
    const v1 = await sponsor.bulk.load('Account_Plan__c', 'insert', plans());
    expect(v1.map((r) => [r.success, r.errors])).toEqual([
      [false, ['INSUFFICIENT_ACCESS_OR_READONLY:insufficient access rights on object id:--']],
      [false, ['INSUFFICIENT_ACCESS_OR_READONLY:insufficient access rights on object id:--']]
    ]);
    expect((await admin.query('SELECT COUNT() FROM Account_Plan__c')).totalSize).toBe(0);
  });

  it('refuses a job on an object the user may not read, as if it did not exist', async () => {
    // Every Tandem permission set reads Whitespace_Cell__c; a user with the baseline profile only
    // does not. The sponsor's user holds only that profile for this test.
    const row = org.org.users.personaRow('sponsor')!;
    org.org.users.assignPermissionSets(row, []);
    try {
      const { accessToken } = org.org.issueSession(row, false);
      const baseline = new jsforce.Connection({ instanceUrl: org.instanceUrl, accessToken, version: org.apiVersion });
      await expect(baseline.bulk2.loadAndWaitForResults({ object: 'Whitespace_Cell__c', operation: 'insert', input: [{ Name: 'x' }] })).rejects.toMatchObject({
        errorCode: 'INVALIDJOB',
        message: "sObject type 'Whitespace_Cell__c' is not supported."
      });
      await expect(baseline.bulk.load('Whitespace_Cell__c', 'insert', [{ Name: 'x' }])).rejects.toMatchObject({ name: 'InvalidJob', message: 'Unable to find object: Whitespace_Cell__c' });
    } finally {
      org.org.users.assignPersona('sponsor', row);
    }
  });

  it('lets the account team (Tandem_User) load the same plans', async () => {
    const rep = await personaConnection(org, 'rep');
    rep.bulk2.pollInterval = 50;
    const result = await rep.bulk2.loadAndWaitForResults({ object: 'Account_Plan__c', operation: 'insert', input: plans() });
    expect(result.failedResults).toEqual([]);
    expect(result.successfulResults.map((r) => r.sf__Created)).toEqual(['true', 'true']);
  });

  it('refuses hardDelete to every persona without "Bulk API Hard Delete"', async () => {
    for (const persona of ['admin', 'rep', 'sponsor', 'integration'] as const) {
      const conn = await personaConnection(org, persona);
      await expect(conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'hardDelete', input: [{ Id: accountId }] })).rejects.toMatchObject({
        errorCode: 'FEATURENOTENABLED',
        message: 'hardDelete operation requires special user profile permission, please contact your system administrator'
      });
      await expect(conn.bulk.load('Account', 'hardDelete', [{ Id: accountId }])).rejects.toMatchObject({ name: 'FeatureNotEnabled' });
    }
    expect((await admin.query(`SELECT COUNT() FROM Account WHERE Id = '${accountId}'`)).totalSize).toBe(1);
  });
});

describe('hardDelete with "Bulk API Hard Delete"', () => {
  const HARD_DELETE_SET = `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
  <label>Bulk Hard Delete</label>
  <objectPermissions><allowCreate>true</allowCreate><allowDelete>true</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Account</object><viewAllRecords>false</viewAllRecords></objectPermissions>
  <userPermissions><enabled>true</enabled><name>BulkApiHardDelete</name></userPermissions>
</PermissionSet>
`;
  let dir: string;
  let granted: OrgHandle;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hard-delete-'));
    fs.mkdirSync(path.join(dir, 'permissionsets'));
    fs.writeFileSync(path.join(dir, 'permissionsets', 'Bulk_Hard_Delete.permissionset-meta.xml'), HARD_DELETE_SET);
    granted = await startOrg({ data: 'empty', schemaDirs: [DEFAULT_SCHEMA_DIR, dir] });
  });

  afterAll(async () => {
    await granted.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('purges records for a user whose permission set enables it: queryAll no longer finds them', async () => {
    const owner = await passwordConnection(granted);
    const ids = (await owner.sobject('Account').create([{ Name: 'Purge 1' }, { Name: 'Purge 2' }])).map((r) => r.id!);
    granted.org.users.assignPermissionSets(granted.org.users.personaRow('rep')!, ['Tandem_User', 'Bulk_Hard_Delete']);
    const rep = await personaConnection(granted, 'rep');
    rep.bulk2.pollInterval = 50;
    const result = await rep.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'hardDelete', input: ids.map((Id) => ({ Id })) });
    expect(result.successfulResults.map((r) => r.sf__Id)).toEqual(ids);
    expect((await owner.query(`SELECT Id FROM Account WHERE Id IN ('${ids.join("','")}')`, { scanAll: true })).totalSize).toBe(0);
  });
});
