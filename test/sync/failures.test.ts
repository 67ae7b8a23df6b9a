// Failed writes and the job processor's handling of runs that cannot proceed: rows that fail are
// listed for the next run to retry (the watermark still moves), and the next run converges; a busy lock or a
// spent budget delays the job instead of failing it.
import type { OrgHandle } from '../emulator';
import { processSyncJob, type JobControl, type ProcessorDeps } from '../../sync-service/src/queue/processor';
import type { SyncJobData } from '../../sync-service/src/queue/jobs';
import { runSync } from '../../sync-service/src/sync/run';
import { SyncRequestLedger } from '../../sync-service/src/sync/syncRequests';
import { TODAY, adminActor, expectedMetrics, expectedRows, orgMetricRows, startDemoOrg, storeRows, syncDeps, uniquePrefix, type TestDeps } from './support';

class StubJob implements JobControl {
  id = '42';
  attemptsMade = 0;
  attempts = 3;
  progress: number[] = [];
  data: SyncJobData | null = null;
  delayedUntil: number | null = null;
  readonly signal = new Error('delayed');
  async updateProgress(percent: number) {
    this.progress.push(percent);
  }
  async updateData(data: SyncJobData) {
    this.data = data;
  }
  async delayUntil(timestamp: number) {
    this.delayedUntil = timestamp;
    return this.signal;
  }
}

describe('failed writes and delayed jobs', () => {
  let org: OrgHandle;
  let deps: TestDeps;

  beforeAll(async () => {
    org = await startDemoOrg();
    deps = await syncDeps(org, uniquePrefix('failures'));
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  function processorDeps(): ProcessorDeps {
    return {
      getClient: async () => deps.client,
      state: deps.state,
      ledger: new SyncRequestLedger(deps.redis, uniquePrefix('ledger')),
      logger: deps.logger,
      settings: deps.settings,
      defaultAsOf: TODAY,
      lockRetryMs: 500,
      budgetRetryMs: 60_000
    };
  }

  it('lists the rows that failed, keeps the watermark, and the next run converges', async () => {
    const [doomed] = storeRows(org, 'SELECT Id FROM Account WHERE Strategic_Account__c = false ORDER BY Id LIMIT 1');
    const accountId = String(doomed!.Id);
    // The account disappears after the reads: its 12 rows cannot be written (master-detail).
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
    // Its 12 metric rows, and the whitespace cells of its segment in its group's matrix (their
    // Segment_Account__c names it): every failure is one of those, with the platform's message.
    const metricFailures = summary.failures.filter((f) => f.key.startsWith('Account_Metric__c:'));
    const cellFailures = summary.failures.filter((f) => f.key.startsWith('Whitespace_Cell__c:'));
    expect(metricFailures).toHaveLength(12);
    expect(metricFailures.every((f) => f.key.startsWith(`Account_Metric__c:${accountId}:`) && f.message.length > 0)).toBe(true);
    expect(cellFailures.length).toBeGreaterThan(0);
    expect(cellFailures.every((f) => f.key.split(':')[2] === accountId && /INVALID_CROSS_REFERENCE_KEY/.test(f.message))).toBe(true);
    expect(metricFailures.length + cellFailures.length).toBe(summary.failures.length);
    // 588 rows (40 accounts and 8 groups × 12, 12 program rows) less the account's 12.
    expect(summary.metricRowsWritten).toBe(576);
    // The run still commits (a bad row must not make every later run full), listing the 12 rows.
    expect(summary.watermarkAdvanced).toBe(true);
    const retryKey = (key: string) => (key.startsWith('Account_Metric__c:') ? `A:${key.slice('Account_Metric__c:'.length)}` : `W:${key.slice('Whitespace_Cell__c:'.length)}`);
    expect((await deps.state.readMeta())?.retryRows.sort()).toEqual(summary.failures.map((f) => retryKey(f.key)).sort());

    // The next run is incremental: it sees the account gone, and its rows are no longer computed.
    const next = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(next).toMatchObject({ mode: 'incremental', status: 'done', failures: [], watermarkAdvanced: true });
    expect((await deps.state.readMeta())?.retryRows).toEqual([]);
    const expected = expectedRows(expectedMetrics(org));
    // 39 accounts; its parent (Castellan Manufacturing) keeps a child, so still 8 groups.
    expect(expected.accounts.size).toBe((39 + 8) * 12);
    const stored = orgMetricRows(org);
    expect(stored.accounts).toEqual(expected.accounts);
    expect(stored.programs).toEqual(expected.programs);
  });

  it('delays the job while another run holds the lock, without using an attempt', async () => {
    const token = await deps.state.acquireLock(5000);
    try {
      const job = new StubJob();
      const before = Date.now();
      await expect(processSyncJob({ mode: 'incremental' }, job, processorDeps())).rejects.toBe(job.signal);
      expect(job.delayedUntil).toBeGreaterThanOrEqual(before + 500);
    } finally {
      await deps.state.releaseLock(token!);
    }
  });

  it('delays the job by the budget retry when the reserve is reached, and the watermark stays', async () => {
    const meta = await deps.state.readMeta();
    const used = org.apiUsage().used;
    org.setApiBudget(used + 1, used);
    try {
      const job = new StubJob();
      const before = Date.now();
      await expect(processSyncJob({ mode: 'full' }, job, processorDeps())).rejects.toBe(job.signal);
      expect(job.delayedUntil).toBeGreaterThanOrEqual(before + 60_000);
      expect(await deps.state.readMeta()).toEqual(meta);
    } finally {
      org.setApiBudget(100_000, org.apiUsage().used);
    }
  });

  it('rejects invalid job data naming the field', async () => {
    const job = new StubJob();
    await expect(processSyncJob({ mode: 'account' }, job, processorDeps())).rejects.toThrow(/accountId/);
    await expect(processSyncJob({ mode: 'account', accountId: 'x; DROP' }, job, processorDeps())).rejects.toThrow(/accountId/);
    await expect(processSyncJob({ mode: 'full', extra: 1 }, job, processorDeps())).rejects.toThrow(/extra/);
  });

  it('runs a valid job and reports progress', async () => {
    const job = new StubJob();
    const summary = await processSyncJob({ mode: 'incremental' }, job, processorDeps());
    expect(summary).toMatchObject({ status: 'done', metricRowsWritten: 0 });
    expect(job.progress.length).toBeGreaterThan(0);
  });
});
