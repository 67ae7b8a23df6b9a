// The cron schedule of incremental runs (the safety net behind on-demand and change-driven runs)
// as workers start and Redis loses its data: started as `npm run worker` starts them (main.ts),
// against a private redis-server that the test may flush. Only a worker configured with SYNC_CRON
// sets the pattern; one without it keeps whatever schedule exists (or installs the default when
// there is none), and every worker puts the schedule back after Redis lost it.
import Redis from 'ioredis';
import { start } from '../../sync-service/src/main';
import { CRON_SCHEDULER_ID } from '../../sync-service/src/queue/jobs';
import { createSyncQueue, type SyncQueue } from '../../sync-service/src/queue/queue';
import { DEFAULT_SYNC_CRON } from '../../sync-service/src/queue/schedule';
import { startRedis, type SpawnedRedis } from '../support/redis';
import { uniquePrefix } from './support';

const CONFIGURED = '0 */2 * * *';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the sync schedule', () => {
  let redis: SpawnedRedis;
  let admin: Redis;
  let queue: SyncQueue;
  const prefix = uniquePrefix('schedule');
  const services: Array<{ shutdown(signal: string): Promise<void> }> = [];

  // A worker process as main.ts starts it; the org is never called (no job runs, no poller).
  const startWorker = async (cron?: string) => {
    const service = await start(['--worker-only'], {
      SF_LOGIN_URL: 'http://127.0.0.1:9',
      SF_AUTH: 'password',
      SF_CLIENT_ID: 'id',
      SF_CLIENT_SECRET: 'secret',
      SF_USERNAME: 'user@example.com',
      SF_PASSWORD: 'password',
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      SYNC_CRON: cron,
      SYNC_SCHEDULE_CHECK_MS: '300',
      SYNC_REQUEST_POLL_MS: '0',
      SHUTDOWN_TIMEOUT_MS: '1000',
      LOG_LEVEL: 'silent'
    });
    services.push(service);
    return service;
  };
  const pattern = async () => (await queue.getJobScheduler(CRON_SCHEDULER_ID))?.pattern;

  beforeAll(async () => {
    redis = await startRedis();
    admin = new Redis(redis.url, { maxRetriesPerRequest: 3 });
    queue = createSyncQueue(admin, { prefix, attempts: 1, backoffMs: 100 });
  });

  afterAll(async () => {
    for (const service of services) await service.shutdown('test');
    await queue?.close();
    admin?.disconnect();
    await redis?.stop();
  });

  it('a worker without SYNC_CRON keeps the configured schedule; after a flush every worker puts one back', async () => {
    const configured = await startWorker(CONFIGURED);
    expect(await pattern()).toBe(CONFIGURED);

    // Before the fix this worker's start removed the schedule: no more scheduled runs at all.
    await startWorker(undefined);
    expect(await pattern()).toBe(CONFIGURED);

    // Redis loses everything (a restart without persistence, a FLUSHALL): the schedule comes back
    // with the configured pattern (the unconfigured worker may put the default first, the
    // configured one then sets its own).
    await admin.flushall();
    await waitFor('the configured schedule back after a flush', async () => (await pattern()) === CONFIGURED);

    // With only the unconfigured worker left, a flush brings back the default schedule.
    await configured.shutdown('test');
    await admin.flushall();
    await waitFor('the default schedule after a flush', async () => (await pattern()) === DEFAULT_SYNC_CRON);
  });
});
