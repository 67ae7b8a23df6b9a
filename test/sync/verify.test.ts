// Hashes that lie (issue 12, item 5): a metric row edited or deleted in Salesforce is rewritten
// by the next full run although its computed value did not change: the full run compares what
// Salesforce holds with what it computed, at the cost of reading the rows.
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, adminActor, expectedMetrics, expectedRows, orgMetricRows, startDemoOrg, storeRows, syncDeps, uniquePrefix, type TestDeps } from './support';

describe('the full run verifies the rows in Salesforce', () => {
  let org: OrgHandle;
  let deps: TestDeps;

  beforeAll(async () => {
    org = await startDemoOrg();
    deps = await syncDeps(org, uniquePrefix('verify'));
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  it('rewrites a metric row someone edited and one someone deleted, and only those', async () => {
    await runSync({ mode: 'full', asOf: TODAY }, deps);
    const actor = adminActor(org);
    const [edited, deleted] = storeRows(org, 'SELECT Id FROM Account_Metric__c WHERE Is_Current__c = true ORDER BY Snapshot_Key__c LIMIT 2');
    org.store.update('Account_Metric__c', String(edited!.Id), { Revenue_TTM__c: 1 }, actor);
    org.store.remove('Account_Metric__c', String(deleted!.Id), actor);
    const [program] = storeRows(org, 'SELECT Id FROM Program_Metric__c WHERE Is_Current__c = true');
    org.store.update('Program_Metric__c', String(program!.Id), { Plan_Coverage__c: 0 }, actor);

    const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ status: 'done', metricRowsWritten: 3 });
    const expected = expectedRows(expectedMetrics(org));
    expect(orgMetricRows(org).accounts).toEqual(expected.accounts);
    expect(orgMetricRows(org).programs).toEqual(expected.programs);
  });
});
