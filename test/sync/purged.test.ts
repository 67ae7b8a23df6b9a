// Purged records: a record hard-deleted (Bulk API hardDelete, or emptied from the recycle bin) is
// gone from queryAll too, so the change queries of an incremental run never see it. Salesforce
// keeps it in the delete log that the getDeleted resource reads (/sobjects/{type}/deleted/), and
// the incremental run asks it in the composite call it already makes, so detection costs no call.
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, adminActor, expectedMetrics, expectedRows, nextSecond, orgMetricRows, startDemoOrg, storeRows, syncDeps, uniquePrefix, type TestDeps } from './support';

describe('records purged between incremental runs', () => {
  let org: OrgHandle;
  let deps: TestDeps;
  const prefix = uniquePrefix('purged');
  beforeAll(async () => {
    org = await startDemoOrg();
    deps = await syncDeps(org, prefix);
  });
  afterAll(async () => {
    await deps?.close();
    await org?.close();
  });

  it('an incremental run removes them from the mirror and rewrites what they counted in', async () => {
    await runSync({ mode: 'full', asOf: TODAY }, deps);
    const quiet = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(quiet.changedRecords).toBe(0);

    // A won opportunity in the last 200 days (it counts in TTM revenue) and a joint initiative
    // with a realized customer value (it counts in mutual value) are hard-deleted.
    const [won] = storeRows(org, 'SELECT Id, AccountId FROM Opportunity WHERE IsWon = true AND Amount > 0 AND CloseDate = LAST_N_DAYS:200 ORDER BY Id LIMIT 1');
    const [initiative] = storeRows(org, "SELECT Id FROM Joint_Initiative__c WHERE Status__c != 'Cancelled' AND Customer_Value_Realized__c > 0 ORDER BY Id LIMIT 1");
    // Purging the opportunity purges its line items with it.
    const lines = storeRows(org, `SELECT Id FROM OpportunityLineItem WHERE OpportunityId = '${String(won!.Id)}'`).length;
    const before = expectedRows(expectedMetrics(org));
    await nextSecond();
    org.store.purge('Opportunity', String(won!.Id), adminActor(org));
    org.store.purge('Joint_Initiative__c', String(initiative!.Id), adminActor(org));
    expect(storeRows(org, `SELECT Id FROM Opportunity WHERE Id = '${String(won!.Id)}'`)).toEqual([]);
    const after = expectedRows(expectedMetrics(org));
    expect(after.accounts).not.toEqual(before.accounts);
    // The emulator's delete log as jsforce reads it (sobject().deleted(), the getDeleted resource).
    const clock = deps.client.serverTime!;
    const log = await deps.client.conn.sobject('Opportunity').deleted(new Date(clock - 10 * 60_000), new Date(clock + 60_000));
    expect(log.deletedRecords.map((r) => r.id)).toContain(String(won!.Id));

    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    const stored = orgMetricRows(org);
    expect(stored.accounts).toEqual(after.accounts);
    expect(stored.programs).toEqual(after.programs);
    expect(summary).toMatchObject({ mode: 'incremental', changedRecords: 2 + lines, failures: [] });
    // The quiet run's calls plus one upsert call per 200 changed rows of each object: the delete
    // log rides in the composite call the run makes anyway.
    const changed = (a: Map<string, unknown>, b: Map<string, unknown>) => [...b].filter(([key, row]) => JSON.stringify(row) !== JSON.stringify(a.get(key))).length;
    const writes = Math.ceil(changed(before.accounts, after.accounts) / 200) + Math.ceil(changed(before.programs, after.programs) / 200);
    // The whitespace cells the line items counted in change too: one call per 200 of them.
    expect(summary.apiCalls).toBe(quiet.apiCalls + writes + Math.ceil(summary.whitespaceCellsWritten / 200));
  });

  it('a state older than the delete log (15 days) makes the incremental run a full one', async () => {
    // The watermarks move 20 days back, as if the service had been stopped that long.
    const metaKey = `{${prefix}}:sync:${deps.client.organizationId}:meta`;
    const watermarks = JSON.parse(String(await deps.redis.hget(metaKey, 'watermarks'))) as Record<string, string>;
    const old = Object.fromEntries(Object.keys(watermarks).map((kind) => [kind, new Date(Date.parse(watermarks[kind]!) - 20 * 86_400_000).toISOString()]));
    await deps.redis.hset(metaKey, 'watermarks', JSON.stringify(old));
    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ requestedMode: 'incremental', mode: 'full', status: 'done' });
    expect(orgMetricRows(org).accounts).toEqual(expectedRows(expectedMetrics(org)).accounts);
  });
});
