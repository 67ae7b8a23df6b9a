// Watermarks (issue 12, item 2): each object has its own watermark, taken from the server's clock
// when its query ran, less the lookback. An Account edited while a full run reads the
// opportunities is read by the next incremental run, even when an opportunity edited later
// raised the opportunity watermark past it.
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, adminActor, expectedMetrics, expectedRows, nextSecond, orgMetricRows, startDemoOrg, setAmount, storeRows, syncDeps, uniquePrefix, type TestDeps } from './support';

describe('per-object watermarks', () => {
  let org: OrgHandle;
  let deps: TestDeps;

  beforeAll(async () => {
    org = await startDemoOrg();
    // No lookback: the run below lasts "longer than the lookback", as a full run of a big org does.
    deps = await syncDeps(org, uniquePrefix('watermarks'), { settings: { lookbackSeconds: 0 } });
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  it('reads an Account edited while the full run read the opportunities', async () => {
    const actor = adminActor(org);
    const [account] = storeRows(org, 'SELECT Id FROM Account WHERE Strategic_Account__c = false ORDER BY Id LIMIT 1');
    const [opportunity] = storeRows(org, 'SELECT Id, Amount FROM Opportunity WHERE IsWon = true AND CloseDate = LAST_N_DAYS:200 ORDER BY Id LIMIT 1');
    await nextSecond();
    await runSync(
      { mode: 'full', asOf: TODAY },
      {
        ...deps,
        onProgress: async (percent) => {
          if (percent !== 20) return; // accounts and plans read, opportunities not yet
          org.store.update('Account', String(account!.Id), { Strategic_Account__c: true }, actor);
          await nextSecond();
          setAmount(org, String(opportunity!.Id), Number(opportunity!.Amount) + 10, actor);
          await nextSecond();
        }
      }
    );
    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ mode: 'incremental', status: 'done' });
    expect(summary.changedRecords).toBeGreaterThanOrEqual(1);
    const expected = expectedRows(expectedMetrics(org));
    expect(orgMetricRows(org).programs).toEqual(expected.programs);
    expect(orgMetricRows(org).accounts).toEqual(expected.accounts);
  });

  it('reads again what the lookback covers without counting it as a change', async () => {
    const withLookback = { ...deps, settings: { ...deps.settings, lookbackSeconds: 600 } };
    const [plan] = storeRows(org, "SELECT Id, Revenue_Target__c FROM Account_Plan__c WHERE Status__c = 'Active' ORDER BY Id LIMIT 1");
    org.store.update('Account_Plan__c', String(plan!.Id), { Revenue_Target__c: Number(plan!.Revenue_Target__c) + 1000 }, adminActor(org));
    expect(await runSync({ mode: 'incremental', asOf: TODAY }, withLookback)).toMatchObject({ changedRecords: 1, status: 'done' });
    // The plan is still inside the lookback: read again, same content, no change, nothing written.
    expect(await runSync({ mode: 'incremental', asOf: TODAY }, withLookback)).toMatchObject({ changedRecords: 0, metricRowsWritten: 0 });
  });
});
