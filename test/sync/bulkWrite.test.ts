// Metric rows written through a Bulk API 2.0 ingest job above the write threshold (issue 13, item
// 1), judged by the rows in the emulated org, the jobs it holds and the calls counted: one upsert
// job per object above the threshold, failed rows reported by key with Salesforce's error, locked
// and unprocessed rows sent again, an abandoned job aborted, hashes kept only for confirmed rows.
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, adminActor, expectedMetrics, expectedRows, orgMetricRows, startDemoOrg, storeRows, syncDeps, uniquePrefix, type TestDeps } from './support';

interface IngestJobInfo {
  id: string;
  object: string;
  operation: string;
  state: string;
  externalIdFieldName?: string;
}

describe('Bulk 2.0 write-back', () => {
  let org: OrgHandle;

  beforeAll(async () => {
    org = await startDemoOrg();
  });

  afterAll(async () => {
    await org.close();
  });

  afterEach(() => {
    org.setFaults(null);
  });

  async function ingestJobs(deps: TestDeps): Promise<IngestJobInfo[]> {
    return (await deps.client.conn.request<{ records: IngestJobInfo[] }>('/services/data/v64.0/jobs/ingest')).records;
  }

  function expectOrgRowsRight(): void {
    const stored = orgMetricRows(org);
    const expected = expectedRows(expectedMetrics(org));
    expect(stored.accounts).toEqual(expected.accounts);
    expect(stored.programs).toEqual(expected.programs);
  }

  /** Metric rows the org's data gives (588 = (40 accounts + 8 with child accounts) × 12 + 12 program rows, until a test removes an account). */
  function rowCount(): { accounts: number; total: number } {
    const expected = expectedRows(expectedMetrics(org));
    return { accounts: expected.accounts.size, total: expected.accounts.size + expected.programs.size };
  }

  /** Removes every metric row, so the next run writes them all again. */
  function wipeMetricRows(): void {
    const actor = adminActor(org);
    for (const object of ['Account_Metric__c', 'Program_Metric__c']) {
      for (const row of storeRows(org, `SELECT Id FROM ${object}`)) org.store.remove(object, String(row.Id), actor);
    }
  }

  it('writes an object with more rows than the threshold through one upsert job, and the rest through collections', async () => {
    wipeMetricRows();
    const deps = await syncDeps(org, uniquePrefix('bulk-write'), { settings: { bulkWriteThreshold: 100 } });
    try {
      const jobsBefore = (await ingestJobs(deps)).length;
      const writesBefore = { calls: 0 };
      const summary = await runSync(
        { mode: 'full', asOf: TODAY },
        {
          ...deps,
          onProgress: (percent) => {
            if (percent === 50) writesBefore.calls = deps.client.calls;
          }
        }
      );
      expect(summary).toMatchObject({ status: 'done', failures: [], metricRowsWritten: 588 });
      expectOrgRowsRight();
      const jobs = (await ingestJobs(deps)).slice(jobsBefore);
      // 576 Account_Metric__c rows > 100: one job; 12 Program_Metric__c rows: one collection call;
      // the demo's whitespace cells (more than 100) a job of their own.
      expect(summary.whitespaceCellsWritten).toBeGreaterThan(100);
      expect(jobs).toEqual([
        expect.objectContaining({ object: 'Account_Metric__c', operation: 'upsert', externalIdFieldName: 'Snapshot_Key__c', state: 'JobComplete' }),
        expect.objectContaining({ object: 'Whitespace_Cell__c', operation: 'upsert', externalIdFieldName: 'Cell_Key__c', state: 'JobComplete' })
      ]);
      // Writes: per job create, upload, close, ≥ 1 status check, successful results (no failed or
      // unprocessed rows to fetch), plus one collection call: at least 11.
      const writeCalls = deps.client.calls - writesBefore.calls;
      expect(writeCalls).toBeGreaterThanOrEqual(11);
      expect(writeCalls).toBeLessThanOrEqual(23);
      // Every row confirmed: a second run writes nothing.
      expect(await runSync({ mode: 'full', asOf: TODAY }, deps)).toMatchObject({ metricRowsWritten: 0, metricRowsUnchanged: 588 });
    } finally {
      await deps.close();
    }
  });

  it('reports each row the job failed with its key and error, and keeps no hash for it', async () => {
    wipeMetricRows();
    const deps = await syncDeps(org, uniquePrefix('bulk-failed'), { settings: { bulkWriteThreshold: 100 } });
    try {
      const [doomed] = storeRows(org, 'SELECT Id FROM Account WHERE Strategic_Account__c = false ORDER BY Id LIMIT 1');
      const accountId = String(doomed!.Id);
      // The account disappears after the reads: its 12 rows fail in the job (master-detail).
      const summary = await runSync(
        { mode: 'full', asOf: TODAY },
        {
          ...deps,
          onProgress: (percent) => {
            if (percent === 50) org.store.remove('Account', accountId, adminActor(org));
          }
        }
      );
      expect(summary.status).toBe('partial');
      // Its cells fail too (a segment of a group): reported by key, never dropped.
      const cellFailures = summary.failures.filter((f) => f.key.startsWith('Whitespace_Cell__c:'));
      for (const failure of cellFailures) expect(failure.key).toMatch(new RegExp(`^Whitespace_Cell__c:\\w{18}:${accountId}:.+$`));
      const metricFailures = summary.failures.filter((f) => !cellFailures.includes(f));
      expect(metricFailures).toHaveLength(12);
      for (const failure of metricFailures) {
        expect(failure.key).toMatch(new RegExp(`^Account_Metric__c:${accountId}:FY\\d{4}-Q\\d$`));
        // Salesforce's sf__Error, e.g. "INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--".
        expect(failure.message).toMatch(/^[A-Z_]+:.+/);
      }
      expect(summary.metricRowsWritten).toBe(576);
      const hashes = await deps.state.rowHashes();
      expect(summary.failures.filter((f) => hashes.has(`A:${f.key.slice('Account_Metric__c:'.length)}`) || hashes.has(`W:${f.key.slice('Whitespace_Cell__c:'.length)}`))).toEqual([]);
      expect(hashes.size).toBe(576 + summary.whitespaceCellsWritten);
    } finally {
      await deps.close();
    }
  });

  it('sends rows the job found locked again until they are written', async () => {
    wipeMetricRows();
    const deps = await syncDeps(org, uniquePrefix('bulk-locked'), { settings: { bulkWriteThreshold: 100 } });
    try {
      org.setFaults('lockRow=0.2');
      const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
      expect(summary).toMatchObject({ status: 'done', failures: [], metricRowsWritten: rowCount().total });
      expectOrgRowsRight();
    } finally {
      await deps.close();
    }
  });

  it('sends the rows of a job aborted by someone else (unprocessedrecords) again', async () => {
    wipeMetricRows();
    const deps = await syncDeps(org, uniquePrefix('bulk-unprocessed'), { settings: { bulkWriteThreshold: 100 } });
    const known = new Set((await ingestJobs(deps)).map((j) => j.id));
    let aborted: string | null = null;
    // An admin aborts the first job the run starts, while it waits in the queue.
    const watcher = setInterval(() => {
      if (aborted) return;
      void ingestJobs(deps).then(async (jobs) => {
        const job = jobs.find((j) => !known.has(j.id) && (j.state === 'InProgress' || j.state === 'UploadComplete'));
        if (!job || aborted) return;
        aborted = job.id;
        await deps.client.conn.request({ method: 'PATCH', url: `/services/data/v64.0/jobs/ingest/${job.id}`, body: JSON.stringify({ state: 'Aborted' }), headers: { 'Content-Type': 'application/json' } });
      });
    }, 50);
    try {
      org.setFaults('bulkDelay=1500');
      const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
      expect(aborted).not.toBeNull();
      expect(summary).toMatchObject({ status: 'done', failures: [], metricRowsWritten: rowCount().total });
      const states = (await ingestJobs(deps)).filter((j) => !known.has(j.id)).map((j) => j.state);
      // The aborted job, then a second job for its unprocessed rows (all of them: it never started),
      // then the whitespace cells' job.
      expect(states).toEqual(['Aborted', 'JobComplete', 'JobComplete']);
      expectOrgRowsRight();
    } finally {
      clearInterval(watcher);
      await deps.close();
    }
  });

  it('aborts a job it gives up waiting for and reports its rows failed', async () => {
    const deps = await syncDeps(org, uniquePrefix('bulk-timeout'), { settings: { bulkWriteThreshold: 100 }, retry: { attempts: 0 }, bulkPoll: { firstMs: 50, maxMs: 400, timeoutMs: 1000 } });
    try {
      wipeMetricRows();
      const known = new Set((await ingestJobs(deps)).map((j) => j.id));
      org.setFaults('bulkDelay=60000');
      const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
      expect(summary.status).toBe('partial');
      // The metric rows' job and the cells' job (more than 100 cells) each time out: every row of both fails.
      expect(summary.failures.filter((f) => f.key.startsWith('Account_Metric__c:'))).toHaveLength(rowCount().accounts);
      expect(summary.failures.filter((f) => f.key.startsWith('Whitespace_Cell__c:')).length).toBeGreaterThan(100);
      expect(summary.whitespaceCellsWritten).toBe(0);
      for (const failure of summary.failures) expect(failure.message).toMatch(/not complete after 1000 ms/);
      expect((await ingestJobs(deps)).filter((j) => !known.has(j.id)).map((j) => j.state)).toEqual(['Aborted', 'Aborted']);
    } finally {
      await deps.close();
    }
  });
});
