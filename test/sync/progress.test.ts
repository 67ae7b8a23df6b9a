// Progress a run keeps when it cannot finish everything (issue 12, item 6): the hashes of rows
// already written survive a budget stop, a permanently failing row does not hold back the
// watermark (it is listed and retried), locked rows and the concurrent-request limit are retried,
// and a Bulk query job given up on is aborted.
import type { OrgHandle } from '../emulator';
import { OrgClient } from '../../sync-service/src/salesforce/client';
import { ApiBudgetExhaustedError } from '../../sync-service/src/salesforce/errors';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, adminActor, changedKeys, expectedMetrics, expectedRows, orgMetricRows, passwordAuth, silentLogger, startDemoOrg, setAmount, storeRows, syncDeps, uniquePrefix } from './support';

describe('progress that is kept', () => {
  let org: OrgHandle;

  beforeAll(async () => {
    org = await startDemoOrg();
  });

  afterAll(async () => {
    await org.close();
  });

  afterEach(() => {
    org.setFaults(null);
    org.setApiBudget(100_000, org.apiUsage().used);
  });

  function expectOrgRowsRight(): void {
    const stored = orgMetricRows(org);
    const expected = expectedRows(expectedMetrics(org));
    expect(stored.accounts).toEqual(expected.accounts);
    expect(stored.programs).toEqual(expected.programs);
  }

  it('a budget stop keeps the hashes of the batches already written: the next run writes only the rest', async () => {
    const deps = await syncDeps(org, uniquePrefix('budget-hashes'));
    try {
      await runSync({ mode: 'full', asOf: TODAY }, deps);
      const before = expectedMetrics(org);
      const actor = adminActor(org);
      for (const deal of storeRows(org, 'SELECT Id, Amount FROM Opportunity WHERE Amount != null')) {
        setAmount(org, String(deal.Id), Number(deal.Amount) + 1000, actor);
      }
      const changed = changedKeys(before, expectedMetrics(org)).size;
      expect(changed).toBeGreaterThan(200);
      // setAmount moved one line item per deal: the line items' change query reads those, 2,000 a page.
      const lineItems = storeRows(org, 'SELECT Id FROM OpportunityLineItem WHERE LastModifiedDate = TODAY').length;
      // Room for the three composite reads, the line-item reads and one upsert of 200 rows, then the budget is spent.
      const used = org.apiUsage().used;
      org.setApiBudget(used + 3 + Math.ceil(lineItems / 2000) + 1, used);
      await expect(runSync({ mode: 'incremental', asOf: TODAY }, deps)).rejects.toBeInstanceOf(ApiBudgetExhaustedError);
      org.setApiBudget(100_000, org.apiUsage().used);
      // The 200 rows confirmed before the stop are known written: only changed − 200 are sent again.
      const next = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
      expect(next).toMatchObject({ status: 'done', metricRowsWritten: changed - 200 });
      expectOrgRowsRight();
    } finally {
      await deps.close();
    }
  });

  it('rows that keep failing are listed for retry: the full run commits, the next run is incremental and writes just them', async () => {
    // No retries, and a few rows' records locked: those rows fail for good in this run.
    const deps = await syncDeps(org, uniquePrefix('listed'), { retry: { attempts: 0 } });
    try {
      org.setFaults('lockRow=0.01');
      const first = await runSync({ mode: 'full', asOf: TODAY }, deps);
      org.setFaults(null);
      expect(first.status).toBe('partial');
      expect(first.failures.length).toBeGreaterThan(0);
      expect(first.failures.every((f) => /UNABLE_TO_LOCK_ROW/.test(f.message))).toBe(true);
      expect(first.watermarkAdvanced).toBe(true);
      const meta = await deps.state.readMeta();
      expect(meta).not.toBeNull();
      expect(meta!.retryRows).toHaveLength(first.failures.length);

      // Nothing changed in the org: the incremental run still recomputes and writes the listed rows only.
      const next = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
      // Failed metric rows and whitespace cells are each written again, and nothing else.
      const failedCells = first.failures.filter((f) => f.key.startsWith('Whitespace_Cell__c:')).length;
      expect(next).toMatchObject({
        mode: 'incremental',
        status: 'done',
        changedRecords: 0,
        metricRowsWritten: first.failures.length - failedCells,
        whitespaceCellsWritten: failedCells,
        watermarkAdvanced: true
      });
      expect((await deps.state.readMeta())!.retryRows).toEqual([]);
      expectOrgRowsRight();
    } finally {
      await deps.close();
    }
  });

  it('retries records that Salesforce reports locked (UNABLE_TO_LOCK_ROW) with backoff until they are written', async () => {
    const deps = await syncDeps(org, uniquePrefix('locked'));
    try {
      // Every metric row rewritten: Computed_At__c aside they are right, so wipe the hashes.
      org.setFaults('lockRow=0.3');
      const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
      expect(summary).toMatchObject({ status: 'done', failures: [], metricRowsWritten: 588 });
      expectOrgRowsRight();
    } finally {
      await deps.close();
    }
  });

  it('the concurrent-request limit is retried in the run; the daily limit stops it', async () => {
    const deps = await syncDeps(org, uniquePrefix('concurrent'));
    try {
      org.setFaults('concurrentLimit=0.3');
      const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
      expect(summary).toMatchObject({ status: 'done', failures: [] });
      expectOrgRowsRight();
      org.setFaults(null);
      // The daily limit ("TotalRequests Limit exceeded.") still stops the run for the budget retry.
      await deps.state.clear();
      const used = org.apiUsage().used;
      org.setApiBudget(used + 1, used);
      await expect(runSync({ mode: 'full', asOf: TODAY }, deps)).rejects.toBeInstanceOf(ApiBudgetExhaustedError);
    } finally {
      await deps.close();
    }
  });

  it('a Bulk query job given up on is aborted, after status checks spaced by backoff', async () => {
    const client = await OrgClient.connect({ auth: passwordAuth(org), reservePercent: 0, retry: { attempts: 2, baseMs: 20 }, logger: silentLogger, bulkPoll: { firstMs: 100, maxMs: 1000, timeoutMs: 2500 } });
    org.setFaults('bulkDelay=60000');
    const before = client.calls;
    await expect(client.bulkQuery('SELECT Id FROM Opportunity', () => undefined)).rejects.toThrow(/not complete after 2500 ms/);
    // Checks at about 100, 300, 700, 1500 and 2500 ms (delays doubling from 100 ms, capped at
    // 1000): 5, against 25 at a fixed 100 ms; plus the create and the abort.
    const statusChecks = client.calls - before - 2;
    expect(statusChecks).toBeGreaterThanOrEqual(4);
    expect(statusChecks).toBeLessThanOrEqual(6);
    const jobs = (await client.conn.request<{ records: Array<{ state: string }> }>('/services/data/v64.0/jobs/query')).records;
    expect(jobs.map((j) => j.state)).toEqual(['Aborted']);
  });
});
