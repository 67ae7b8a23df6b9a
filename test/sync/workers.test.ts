// Workers sharing one queue in Redis: two workers split the jobs and no row is written twice; a
// worker process killed with SIGKILL mid-run is taken over by another and the metrics converge
// with no duplicate Snapshot_Key__c; Sync_Request__c records go Pending → Processing → Done.
import path from 'node:path';
import type { Worker } from 'bullmq';
import type Redis from 'ioredis';
import { spawnNode, type OwnedChild } from '../../scripts/lifecycle/ownedChild';
import type { OrgHandle } from '../emulator';
import type { ProcessorDeps } from '../../sync-service/src/queue/processor';
import { pollSyncRequests } from '../../sync-service/src/queue/poller';
import { createSyncQueue, enqueueSync, type SyncQueue } from '../../sync-service/src/queue/queue';
import { createSyncWorker } from '../../sync-service/src/queue/worker';
import { OrgClient } from '../../sync-service/src/salesforce/client';
import type { SyncSummary } from '../../sync-service/src/sync/run';
import { SyncState } from '../../sync-service/src/sync/state';
import { SyncRequestLedger } from '../../sync-service/src/sync/syncRequests';
import {
  TEST_SETTINGS,
  TODAY,
  adminActor,
  expectedMetrics,
  expectedRows,
  orgMetricRows,
  passwordAuth,
  silentLogger,
  startDemoOrg,
  storeRows,
  testRedis,
  uniquePrefix
} from './support';

const REPOSITORY = path.resolve(__dirname, '..', '..');
// node itself with tsx's loader: one process, so SIGKILL hits the worker (the tsx CLI would leave its child running).
const WORKER = { concurrency: 1, lockDurationMs: 1500, stalledIntervalMs: 1000 };

interface Harness {
  prefix: string;
  /** The org's Organization Id: the sync state is kept under it. */
  orgId: string;
  queue: SyncQueue;
  redis: Redis;
  workers: Array<Worker<unknown, SyncSummary>>;
  startWorker(name: string): Promise<Worker<unknown, SyncSummary>>;
  close(): Promise<void>;
}

async function harness(org: OrgHandle, lockTtlMs = 1500): Promise<Harness> {
  const prefix = uniquePrefix('workers');
  const redis = testRedis();
  const queue = createSyncQueue(redis, { prefix, attempts: 3, backoffMs: 100 });
  const connections: Redis[] = [redis];
  const workers: Array<Worker<unknown, SyncSummary>> = [];
  return {
    prefix,
    orgId: org.org.orgId,
    queue,
    redis,
    workers,
    async startWorker(name) {
      const workerRedis = testRedis();
      workerRedis.options.maxRetriesPerRequest = null;
      const stateRedis = testRedis();
      connections.push(workerRedis, stateRedis);
      const client = await OrgClient.connect({ auth: passwordAuth(org), reservePercent: 0, retry: { attempts: 4, baseMs: 20 }, logger: silentLogger });
      const deps: ProcessorDeps = {
        getClient: async () => client,
        state: new SyncState(stateRedis, prefix),
        ledger: new SyncRequestLedger(stateRedis, prefix),
        logger: silentLogger.child({ worker: name }),
        settings: { ...TEST_SETTINGS, lockTtlMs },
        defaultAsOf: TODAY,
        lockRetryMs: 150,
        budgetRetryMs: 1000
      };
      const worker = createSyncWorker(workerRedis, { prefix, ...WORKER }, deps, silentLogger) as unknown as Worker<unknown, SyncSummary>;
      workers.push(worker);
      return worker;
    },
    async close() {
      await Promise.all(workers.map((w) => w.close(true)));
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      const keys = await redis.keys(`*${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      for (const connection of connections) connection.disconnect();
    }
  };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function snapshotKeys(org: OrgHandle): string[] {
  return storeRows(org, 'SELECT Snapshot_Key__c FROM Account_Metric__c').map((r) => String(r.Snapshot_Key__c));
}

describe('workers on one queue', () => {
  let org: OrgHandle;

  beforeAll(async () => {
    org = await startDemoOrg();
  });

  afterAll(async () => {
    await org.close();
  });

  it('two workers share the jobs and no metric row is written twice', async () => {
    const h = await harness(org);
    try {
      const done = new Map<string, { worker: string; summary: SyncSummary }>();
      for (const name of ['one', 'two']) {
        const worker = await h.startWorker(name);
        worker.on('completed', (job, summary) => done.set(String(job.id), { worker: name, summary }));
      }
      const accounts = storeRows(org, 'SELECT Id FROM Account ORDER BY Id LIMIT 6').map((a) => String(a.Id));
      const jobs = [await enqueueSync(h.queue, { mode: 'full' })];
      for (const accountId of accounts) jobs.push(await enqueueSync(h.queue, { mode: 'account', accountId }));
      jobs.push(await enqueueSync(h.queue, { mode: 'incremental' }));
      await waitFor('all jobs to complete', async () => done.size === jobs.length);

      const workersUsed = new Set([...done.values()].map((d) => d.worker));
      expect(workersUsed).toEqual(new Set(['one', 'two']));
      // 40 accounts × 12 quarters + 12 program rows, each written exactly once across all jobs.
      const written = [...done.values()].reduce((sum, d) => sum + d.summary.metricRowsWritten, 0);
      expect(written).toBe(588);
      const keys = snapshotKeys(org);
      expect(new Set(keys).size).toBe(keys.length);
      expect(orgMetricRows(org).accounts).toEqual(expectedRows(expectedMetrics(org)).accounts);
    } finally {
      await h.close();
    }
  }, 60_000);

  it('answers Sync_Request__c records: Pending → Processing → Done with a message', async () => {
    const h = await harness(org);
    try {
      const [account] = storeRows(org, 'SELECT Id FROM Account ORDER BY Id DESC LIMIT 1');
      const requestId = org.store.insert('Sync_Request__c', { Account__c: account!.Id }, adminActor(org));
      const status = () => storeRows(org, `SELECT Status__c, Message__c FROM Sync_Request__c WHERE Id = '${requestId}'`)[0]!;
      expect(status().Status__c).toBe('Pending');
      const client = await OrgClient.connect({ auth: passwordAuth(org), reservePercent: 0, retry: { attempts: 2, baseMs: 20 }, logger: silentLogger });
      const queued = await pollSyncRequests({ getClient: async () => client, redis: h.redis, prefix: h.prefix, queue: h.queue, ledger: new SyncRequestLedger(h.redis, h.prefix), logger: silentLogger }, 1000);
      expect(queued).toBe(1);
      expect(status().Status__c).toBe('Processing');
      await h.startWorker('one');
      const final = await waitFor('the request to be answered', async () => (status().Status__c === 'Processing' ? null : status()));
      expect(final.Status__c).toBe('Done');
      expect(String(final.Message__c)).toMatch(/^Done: \d+ metric rows written, \d+ unchanged\.$/);
    } finally {
      await h.close();
    }
  }, 60_000);

  it('recovers the job of a worker process killed mid-run; the metrics converge without duplicates', async () => {
    const h = await harness(org);
    let child: OwnedChild | null = null;
    try {
      org.setFaults('latency=250');
      child = spawnNode('worker', 'sync-service/src/main.ts', ['--worker-only'], {
        cwd: REPOSITORY,
        output: 'ignore',
        env: {
          PATH: process.env.PATH,
          SF_LOGIN_URL: org.loginUrl,
          SF_AUTH: 'password',
          SF_CLIENT_ID: org.clientId,
          SF_CLIENT_SECRET: org.clientSecret,
          SF_USERNAME: org.username,
          SF_PASSWORD: org.password,
          REDIS_URL: process.env.TANDEM_TEST_REDIS_URL,
          REDIS_PREFIX: h.prefix,
          TANDEM_AS_OF: TODAY,
          SYNC_REQUEST_POLL_MS: '0',
          WORKER_CONCURRENCY: '1',
          LOCK_DURATION_MS: '1500',
          STALLED_INTERVAL_MS: '1000',
          SYNC_LOCK_TTL_MS: '1500',
          LOG_LEVEL: 'silent'
        }
      });
      const job = await enqueueSync(h.queue, { mode: 'full' });
      // Kill once the child has read everything and is writing.
      await waitFor('the child to be mid-run', async () => {
        const current = await h.queue.getJob(String(job.id));
        return current && (await current.getState()) === 'active' && Number(current.progress) >= 50;
      }, 45_000);
      child.process.kill('SIGKILL');
      await child.exited;
      expect(await new SyncState(h.redis, h.prefix).forOrg(h.orgId).readMeta()).toBeNull();

      org.setFaults(null);
      await h.startWorker('survivor');
      const finished = await waitFor('the job to be taken over and completed', async () => {
        const current = await h.queue.getJob(String(job.id));
        return current && (await current.getState()) === 'completed' ? current : null;
      }, 45_000);
      expect(finished.returnvalue).toMatchObject({ mode: 'full', status: 'done', failures: [] });
      const keys = snapshotKeys(org);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toHaveLength(576);
      expect(orgMetricRows(org).accounts).toEqual(expectedRows(expectedMetrics(org)).accounts);
      expect((await new SyncState(h.redis, h.prefix).forOrg(h.orgId).readMeta())?.asOf).toBe(TODAY);
    } finally {
      org.setFaults(null);
      await child?.stop(0);
      await h.close();
    }
  }, 90_000);

  it('a worker process stops cleanly on SIGTERM', async () => {
    const h = await harness(org);
    let child: OwnedChild | null = null;
    try {
      child = spawnNode('worker', 'sync-service/src/main.ts', ['--worker-only'], {
        cwd: REPOSITORY,
        env: {
          PATH: process.env.PATH,
          SF_LOGIN_URL: org.loginUrl,
          SF_AUTH: 'password',
          SF_CLIENT_ID: org.clientId,
          SF_CLIENT_SECRET: org.clientSecret,
          SF_USERNAME: org.username,
          SF_PASSWORD: org.password,
          REDIS_URL: process.env.TANDEM_TEST_REDIS_URL,
          REDIS_PREFIX: h.prefix,
          SYNC_REQUEST_POLL_MS: '0',
          LOG_LEVEL: 'info'
        }
      });
      let log = '';
      child.process.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
      child.process.stdout!.resume();
      await waitFor('the worker to start', async () => log.includes('sync service started'), 30_000);
      child.process.kill('SIGTERM');
      expect(await child.exited).toBe(0);
      expect(log).toContain('"msg":"stopped"');
    } finally {
      await child?.stop(0);
      await h.close();
    }
  }, 60_000);
});
