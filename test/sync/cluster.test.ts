// Redis Cluster: a deployment's keys share one hash tag, `{REDIS_PREFIX}` (sync/keys.ts; BullMQ's
// prefix too), so they live in one slot and the sync commit (one transaction over meta, mirror and
// row hashes) and BullMQ's scripts work on a cluster. Against a local 3-master cluster started
// here: a full and an incremental run through an ioredis Cluster, then a sync job queued on the
// cluster and run by a worker started as `npm run worker` starts it with REDIS_CLUSTER_NODES.
import { Cluster } from 'ioredis';
import type { OrgHandle } from '../emulator';
import { start } from '../../sync-service/src/main';
import { createSyncQueue, enqueueSync, type SyncQueue } from '../../sync-service/src/queue/queue';
import { OrgClient } from '../../sync-service/src/salesforce/client';
import { runSync, type SyncDeps, type SyncSummary } from '../../sync-service/src/sync/run';
import { SyncState } from '../../sync-service/src/sync/state';
import { REDIS_INSTALL_HINT, redisServerAvailable, startRedisCluster, type SpawnedRedisCluster } from '../support/redis';
import { TEST_SETTINGS, TODAY, adminActor, expectedMetrics, expectedRows, nextSecond, orgMetricRows, passwordAuth, silentLogger, startDemoOrg, setAmount, storeRows, uniquePrefix } from './support';

const available = redisServerAvailable();
if (!available) {
  console.warn(`Redis Cluster test skipped: ${REDIS_INSTALL_HINT}`);
}

(available ? describe : describe.skip)('sync on a Redis Cluster', () => {
  let cluster: SpawnedRedisCluster;
  let org: OrgHandle;
  let redis: Cluster;
  const prefix = uniquePrefix('cluster');

  beforeAll(async () => {
    cluster = await startRedisCluster();
    org = await startDemoOrg();
    redis = new Cluster(cluster.nodes, { redisOptions: { maxRetriesPerRequest: 3 } });
  }, 60_000);

  afterAll(async () => {
    redis?.disconnect();
    await org?.close();
    await cluster?.stop();
  });

  it('has three masters, and every key of the deployment in one slot', async () => {
    expect(redis.nodes('master')).toHaveLength(3);
    const slot = async (key: string) => Number(await redis.nodes('master')[0]!.cluster('KEYSLOT', key));
    const lock = await slot(`{${prefix}}:sync:lock`);
    expect(Number.isInteger(lock)).toBe(true);
    expect(await slot(`{${prefix}}:metrics-sync:wait`)).toBe(lock);
    expect(await slot(`{${prefix}}:sync:00D000000000001AAA:mirror:opportunity`)).toBe(lock);
  });

  it('runs a full and an incremental sync with its state on the cluster', async () => {
    const client = await OrgClient.connect({ auth: passwordAuth(org), reservePercent: 0, retry: { attempts: 4, baseMs: 20 }, logger: silentLogger });
    const deps: SyncDeps = { client, state: new SyncState(redis, prefix), logger: silentLogger, settings: TEST_SETTINGS };
    const full = await runSync({ mode: 'full', asOf: TODAY }, deps);
    expect(full).toMatchObject({ mode: 'full', status: 'done', watermarkAdvanced: true, failures: [] });
    expect(orgMetricRows(org).accounts).toEqual(expectedRows(expectedMetrics(org)).accounts);

    // One won opportunity's amount doubles: the incremental run sees it and rewrites its rows.
    const [won] = storeRows(org, 'SELECT Id, Amount FROM Opportunity WHERE IsWon = true AND Amount > 0 AND CloseDate = LAST_N_DAYS:200 ORDER BY Id LIMIT 1');
    await nextSecond();
    setAmount(org, String(won!.Id), Number(won!.Amount) * 2, adminActor(org));
    const incremental = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    // Two changed records: the line item whose price moved, and the opportunity its Amount rolls up to.
    expect(incremental).toMatchObject({ mode: 'incremental', changedRecords: 2, status: 'done', watermarkAdvanced: true });
    expect(incremental.metricRowsWritten).toBeGreaterThan(0);
    const expected = expectedRows(expectedMetrics(org));
    const stored = orgMetricRows(org);
    expect(stored.accounts).toEqual(expected.accounts);
    expect(stored.programs).toEqual(expected.programs);
  });

  it('runs a BullMQ sync job queued on the cluster by a worker configured with REDIS_CLUSTER_NODES', async () => {
    const worker = await start(['--worker-only'], {
      SF_LOGIN_URL: org.loginUrl,
      SF_AUTH: 'password',
      SF_CLIENT_ID: org.clientId,
      SF_CLIENT_SECRET: org.clientSecret,
      SF_USERNAME: org.username,
      SF_PASSWORD: org.password,
      REDIS_CLUSTER_NODES: cluster.nodes.map((n) => `${n.host}:${n.port}`).join(','),
      REDIS_PREFIX: prefix,
      TANDEM_AS_OF: TODAY,
      SYNC_REQUEST_POLL_MS: '0',
      SHUTDOWN_TIMEOUT_MS: '2000',
      LOG_LEVEL: 'silent'
    });
    const queue: SyncQueue = createSyncQueue(redis, { prefix, attempts: 1, backoffMs: 100 });
    try {
      const job = await enqueueSync(queue, { mode: 'incremental' });
      const deadline = Date.now() + 30_000;
      let state = await job.getState();
      while (state !== 'completed' && state !== 'failed' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        state = await job.getState();
      }
      const done = await queue.getJob(job.id!);
      expect({ state, failedReason: done?.failedReason }).toEqual({ state: 'completed', failedReason: undefined });
      // Nothing changed since the previous test's incremental run.
      expect(done!.returnvalue as SyncSummary).toMatchObject({ mode: 'incremental', changedRecords: 0, metricRowsWritten: 0, status: 'done' });
    } finally {
      await worker.shutdown('test');
      await queue.close();
    }
  });
});
