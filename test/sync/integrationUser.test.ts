// The sync service logged in as the org's integration user (Tandem_Integration, not an admin):
// everything it reads is readable to that user and everything it writes is writable, so a full run
// writes the same rows as the engine computes; what people type stays out of its reach.
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { actionableSyncRequests, markSyncRequests } from '../../sync-service/src/sync/syncRequests';
import { TODAY, expectedMetrics, expectedRows, orgMetricRows, startDemoOrg, storeRows, syncDeps, uniquePrefix, type TestDeps } from './support';

describe('sync as the integration user', () => {
  let org: OrgHandle;
  let deps: TestDeps;
  const prefix = uniquePrefix('integration-user');

  beforeAll(async () => {
    org = await startDemoOrg();
    const { username, password, clientId, clientSecret } = org.users.integration;
    deps = await syncDeps(org, prefix, { auth: { username, password, clientId, clientSecret } });
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  it('a full run reads its inputs and writes exactly the engine rows under Tandem_Integration', async () => {
    const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ status: 'done', accounts: 40, metricRowsWritten: 588, failures: [] });
    const expected = expectedRows(expectedMetrics(org));
    const stored = orgMetricRows(org);
    expect(stored.accounts).toEqual(expected.accounts);
    expect(stored.programs).toEqual(expected.programs);
    // The metric rows are the integration user's work.
    const integrationId = org.org.users.persona('integration').id;
    const writers = new Set(storeRows(org, 'SELECT LastModifiedById FROM Account_Metric__c').map((r) => r.LastModifiedById));
    expect([...writers]).toEqual([integrationId]);
  });

  it('a later full run deletes the rows of quarters that left the window, under Tandem_Integration', async () => {
    // A quarter on: 12 account rows and 1 program row per account and group leave the window.
    const later = '2026-09-15';
    const summary = await runSync({ mode: 'full', asOf: later }, deps);
    expect(summary).toMatchObject({ status: 'done', failures: [] });
    const expected = expectedRows(expectedMetrics(org, later));
    const stored = orgMetricRows(org);
    expect(stored.accounts).toEqual(expected.accounts);
    expect(stored.programs).toEqual(expected.programs);
  });

  it('marks the sync requests people make', async () => {
    const account = String(storeRows(org, 'SELECT Id FROM Account LIMIT 1')[0]!.Id);
    const id = org.store.insert('Sync_Request__c', { Account__c: account, Status__c: 'Pending' }, org.org.users.persona('rep').row);
    expect((await actionableSyncRequests(deps.client, 60_000)).pending.map((r) => r.id)).toContain(id);
    await markSyncRequests(deps.client, [id], 'Done', 'Recalculated');
    expect(storeRows(org, `SELECT Status__c, Message__c FROM Sync_Request__c WHERE Id = '${id}'`)).toEqual([expect.objectContaining({ Status__c: 'Done', Message__c: 'Recalculated' })]);
  });
});
