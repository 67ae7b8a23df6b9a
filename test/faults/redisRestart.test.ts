// Redis lost in the middle of a run: a private redis-server (spawned here) is restarted while a
// worker is writing metric rows. A restart without persistence loses everything — the job, the
// lock, the watermark, the mirror — so the run in flight cannot commit, and the next sync job
// (as the schedule or a user would queue it) is a full run that converges on the same rows, with
// no Snapshot_Key__c written twice. (A worker killed mid-run: test/sync/workers.test.ts.)
import type { Worker } from 'bullmq';
import Redis from 'ioredis';
import type { OrgHandle } from '../emulator';
import { createSyncQueue, enqueueSync, type SyncQueue } from '../../sync-service/src/queue/queue';
import { createSyncWorker } from '../../sync-service/src/queue/worker';
import { OrgClient } from '../../sync-service/src/salesforce/client';
import type { SyncSummary } from '../../sync-service/src/sync/run';
import { SyncState } from '../../sync-service/src/sync/state';
import { SyncRequestLedger } from '../../sync-service/src/sync/syncRequests';
import { startRedis, type SpawnedRedis } from '../support/redis';
import { TEST_SETTINGS, TODAY, expectedMetrics, expectedRows, orgMetricRows, passwordAuth, silentLogger, startDemoOrg, storeRows } from '../sync/support';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Redis restarted mid-run', () => {
  let org: OrgHandle;
  let redis: SpawnedRedis;
  const connections: Redis[] = [];
  let queue: SyncQueue;
  let worker: Worker<unknown, SyncSummary>;

  const connect = (blocking: boolean): Redis => {
    const connection = new Redis(redis.url, { maxRetriesPerRequest: blocking ? null : 3 });
    connection.on('error', () => undefined);
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    org = await startDemoOrg();
    redis = await startRedis();
  });

  afterAll(async () => {
    await worker?.close(true);
    await queue?.close();
    for (const connection of connections) connection.disconnect();
    await redis.stop();
    await org.close();
  });

  it('the run in flight does not commit, and the next job converges with no duplicate Snapshot_Key__c', async () => {
    const prefix = 'restart';
    const state = new SyncState(connect(false), prefix).forOrg(org.org.orgId);
    queue = createSyncQueue(connect(false), { prefix, attempts: 3, backoffMs: 100 });
    queue.on('error', () => undefined); // refused connections while Redis is down are expected here
    const client = await OrgClient.connect({ auth: passwordAuth(org), reservePercent: 0, retry: { attempts: 4, baseMs: 20 }, logger: silentLogger });
    worker = createSyncWorker(
      connect(true),
      { prefix, concurrency: 1, lockDurationMs: 1500, stalledIntervalMs: 1000 },
      {
        getClient: async () => client,
        state,
        ledger: new SyncRequestLedger(connect(false), prefix),
        logger: silentLogger,
        settings: { ...TEST_SETTINGS, lockTtlMs: 1500 },
        defaultAsOf: TODAY,
        lockRetryMs: 150,
        budgetRetryMs: 1000
      },
      silentLogger
    ) as unknown as Worker<unknown, SyncSummary>;

    // Slow calls, so that the restart lands while the rows are being written.
    org.setFaults('latency=300');
    const first = await enqueueSync(queue, { mode: 'full' });
    // The first collection of 200 rows is in the org, the other 376 are not yet.
    await waitFor('the run to be writing', async () => storeRows(org, 'SELECT Id FROM Account_Metric__c').length >= 200);
    await redis.restart();
    expect(storeRows(org, 'SELECT Id FROM Account_Metric__c').length).toBeLessThan(576);
    expect(await queue.getJob(String(first.id))).toBeUndefined();
    expect(await state.readMeta()).toBeNull();
    org.setFaults(null);

    const second = await waitFor('a new job to be accepted', async () => enqueueSync(queue, { mode: 'full' }));
    const done = await waitFor(
      'the new job to complete',
      async () => {
        const job = await queue.getJob(String(second.id));
        return job && (await job.getState()) === 'completed' ? job : null;
      },
      45_000
    );
    // The whole job is compared so that a failure shows what it was. With BullMQ's counter ids
    // the flush restarted the count, the new job took the id of the one still running in the
    // worker, and 1 run in 10 ended "completed" with a null returnvalue: ids are UUIDs now.
    expect(second.id).not.toBe(first.id);
    expect({ id: done.id, data: done.data, attemptsMade: done.attemptsMade, failedReason: done.failedReason, returnvalue: done.returnvalue }).toMatchObject({
      data: { mode: 'full' },
      returnvalue: { mode: 'full', status: 'done', failures: [] }
    });
    const keys = storeRows(org, 'SELECT Snapshot_Key__c FROM Account_Metric__c').map((r) => String(r.Snapshot_Key__c));
    // (40 accounts + 8 with child accounts) × 12
    expect(keys).toHaveLength(576);
    expect(new Set(keys).size).toBe(576);
    const stored = orgMetricRows(org);
    const expected = expectedRows(expectedMetrics(org));
    expect(stored.accounts).toEqual(expected.accounts);
    expect(stored.programs).toEqual(expected.programs);
    expect((await state.readMeta())?.asOf).toBe(TODAY);
  }, 90_000);
});
