// Reference fields are validated as Salesforce validates them: a value that is no id at all is
// MALFORMED_ID, an id of another object FIELD_INTEGRITY_EXCEPTION, an id of no live record
// INVALID_CROSS_REFERENCE_KEY; in an allOrNone upsert the bad record fails and the rest roll back
// (the shape jsforce's own upsert test expects from a real org).
import type { Connection } from 'jsforce';
import { startOrg, type OrgHandle } from './index';
import { passwordConnection, rawRequest } from './testing/clients';

let org: OrgHandle;
let conn: Connection;
let accountId: string;

beforeAll(async () => {
  org = await startOrg({ data: 'empty', today: '2026-06-15' });
  conn = await passwordConnection(org);
  accountId = (await conn.sobject('Account').create({ Name: 'Hartwell Logistics' })).id!;
});

afterAll(async () => {
  await org.close();
});

describe('reference validation', () => {
  it('a value that is not an id: MALFORMED_ID naming the field', async () => {
    const answer = await rawRequest(org, conn, 'POST', `/services/data/v${org.apiVersion}/sobjects/Account`, { Name: 'Bad owner', OwnerId: 'INVALID_OWNER' });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual([{ errorCode: 'MALFORMED_ID', message: 'Owner ID: id value of incorrect type: INVALID_OWNER', fields: ['OwnerId'] }]);
  });

  it("an id of another object: FIELD_INTEGRITY_EXCEPTION; an id of no record: INVALID_CROSS_REFERENCE_KEY", async () => {
    await expect(conn.sobject('Contact').create({ LastName: 'Byron', AccountId: (await conn.identity()).user_id })).rejects.toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION' });
    const gone = (await conn.sobject('Account').create({ Name: 'Gone' })).id!;
    await conn.sobject('Account').destroy(gone);
    await expect(conn.sobject('Contact').create({ LastName: 'Byron', AccountId: gone })).rejects.toMatchObject({ errorCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id' });
    expect((await conn.sobject('Contact').create({ LastName: 'Byron', AccountId: accountId })).success).toBe(true);
  });

  it('allOrNone upsert with one invalid OwnerId: that record MALFORMED_ID, the others rolled back, all created=true, none saved', async () => {
    const records = Array.from({ length: 5 }, (_v, i) => ({ Period_Key__c: `AllOrNone-${i}`, Strategic_Accounts__c: i }));
    (records[2] as Record<string, unknown>).OwnerId = 'INVALID_OWNER';
    const results = (await conn.sobject('Program_Metric__c').upsert(records, 'Period_Key__c', { allOrNone: true })) as unknown as Array<{ success: boolean; created: boolean; errors: Array<{ statusCode: string }> }>;
    expect(results).toHaveLength(5);
    results.forEach((result, i) => {
      expect(result).toMatchObject({ success: false, created: true });
      expect(result.errors.map((e) => e.statusCode)).toEqual([i === 2 ? 'MALFORMED_ID' : 'ALL_OR_NONE_OPERATION_ROLLED_BACK']);
    });
    expect((await conn.query("SELECT COUNT() FROM Program_Metric__c WHERE Period_Key__c LIKE 'AllOrNone-%'")).totalSize).toBe(0);
  });
});
