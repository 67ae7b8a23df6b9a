// Salesforce misbehaving during a sync of the demo org, each case judged by what ends up in the
// org: the Account_Metric__c / Program_Metric__c rows (Computed_At__c aside) and the sync state.
// Covered elsewhere and not repeated here: 503 bursts with dropped connections alone, expired
// sessions alone, the budget reserve and REQUEST_LIMIT_EXCEEDED from an empty state
// (test/sync/resilience.test.ts); a worker SIGKILLed mid-run (test/sync/workers.test.ts).
import type { OrgHandle } from '../emulator';
import { ApiBudgetExhaustedError } from '../../sync-service/src/salesforce/errors';
import { runSync } from '../../sync-service/src/sync/run';
import {
  TODAY,
  adminActor,
  changedKeys,
  expectedMetrics,
  expectedRows,
  orgMetricRows,
  setAmount,
  startDemoOrg,
  storeRows,
  syncDeps,
  uniquePrefix,
  type TestDeps
} from '../sync/support';

/** Every metric row removed from the org, so that the next run must create them all again. */
function wipeMetricRows(org: OrgHandle): void {
  const actor = adminActor(org);
  for (const object of ['Account_Metric__c', 'Program_Metric__c']) {
    for (const row of storeRows(org, `SELECT Id FROM ${object}`)) org.store.remove(object, String(row.Id), actor);
  }
}

function snapshotKeys(org: OrgHandle): string[] {
  return storeRows(org, 'SELECT Snapshot_Key__c FROM Account_Metric__c').map((r) => String(r.Snapshot_Key__c));
}

describe('sync under Salesforce faults', () => {
  let org: OrgHandle;
  let deps: TestDeps;
  /** The org's metric rows after a sync without faults. */
  let clean: ReturnType<typeof orgMetricRows>;

  beforeAll(async () => {
    org = await startDemoOrg();
    deps = await syncDeps(org, uniquePrefix('faults'));
    await runSync({ mode: 'full', asOf: TODAY }, deps);
    clean = orgMetricRows(org);
    // 40 demo accounts × 12 quarters and 12 program rows.
    expect(clean.accounts.size).toBe(576) // (40 accounts + 8 with child accounts) × 12;
    expect(clean.programs.size).toBe(12);
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  afterEach(() => {
    org.setFaults(null);
    org.setApiBudget(100_000, org.apiUsage().used);
  });

  it('503s, dropped connections, 2 s latency spikes and sessions expiring every 50 calls: every full run ends with the clean rows', async () => {
    // A demo full run is about 8 calls, so runs repeat until 100 calls have gone through the
    // faults: the 50th and the 100th find their session expired, whichever run they fall in.
    org.setFaults('error503=0.05,drop=0.05,latency=2000@0.05,expireEvery=50');
    const callsAtStart = deps.client.calls;
    let runs = 0;
    while (deps.client.calls - callsAtStart < 100) {
      wipeMetricRows(org);
      await deps.state.clear();
      const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
      runs++;
      expect(summary).toMatchObject({ status: 'done', failures: [], metricRowsWritten: 588 });
      const stored = orgMetricRows(org);
      expect(stored.accounts).toEqual(clean.accounts);
      expect(stored.programs).toEqual(clean.programs);
      const keys = snapshotKeys(org);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(runs).toBeGreaterThan(1);
    expect((await deps.state.readMeta())?.asOf).toBe(TODAY);
  }, 110_000);

  it('an API budget spent in the middle of the writes stops the run with a clear error, leaves the watermark, and the next run completes', async () => {
    await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    const metaBefore = await deps.state.readMeta();
    expect(metaBefore).not.toBeNull();
    // Every deal grows by 1,000: revenue, pipeline and deal sizes move in most quarters of most
    // accounts, more than 200 rows, so the writes need more than one collection call.
    const before = expectedMetrics(org);
    const actor = adminActor(org);
    for (const deal of storeRows(org, 'SELECT Id, Amount FROM Opportunity WHERE Amount != null')) {
      setAmount(org, String(deal.Id), Number(deal.Amount) + 1000, actor);
    }
    const after = expectedMetrics(org);
    expect(changedKeys(before, after).size).toBeGreaterThan(200);

    // Room for the two composite reads and one upsert of 200 rows, then nothing.
    const used = org.apiUsage().used;
    org.setApiBudget(used + 3, used);
    const stopped = runSync({ mode: 'incremental', asOf: TODAY }, deps);
    await expect(stopped).rejects.toBeInstanceOf(ApiBudgetExhaustedError);
    await expect(stopped).rejects.toThrow(`API budget reserve reached: ${used + 3}/${used + 3} daily requests used`);
    expect(org.apiUsage().used).toBe(used + 3);
    expect(await deps.state.readMeta()).toEqual(metaBefore);
    // The lock was released: the next run need not wait for it to expire.
    const token = await deps.state.acquireLock(1000);
    expect(token).not.toBeNull();
    await deps.state.releaseLock(token!);

    org.setApiBudget(100_000, org.apiUsage().used);
    const next = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(next).toMatchObject({ status: 'done', failures: [], watermarkAdvanced: true });
    const stored = orgMetricRows(org);
    const expected = expectedRows(after);
    expect(stored.accounts).toEqual(expected.accounts);
    expect(stored.programs).toEqual(expected.programs);
  });

  it.each([
    ['truncated JSON', 'truncate=1', /Malformed Salesforce response/],
    ['values of the wrong type', 'wrongType=1', /not a Salesforce id/]
  ])('%s fail the run with a clear error and change no row', async (_what, faults, message) => {
    await deps.state.clear();
    const rowsBefore = orgMetricRows(org);
    org.setFaults(faults);
    await expect(runSync({ mode: 'full', asOf: TODAY }, deps)).rejects.toThrow(message);
    org.setFaults(null);
    // Same rows, not even rewritten with the same values (Computed_At__c unchanged), and no state.
    expect(orgMetricRows(org)).toEqual(rowsBefore);
    expect(await deps.state.readMeta()).toBeNull();
    const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
    expect(summary.status).toBe('done');
    expect(orgMetricRows(org).accounts).toEqual(expectedRows(expectedMetrics(org)).accounts);
  });
});
