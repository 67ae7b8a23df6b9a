// The sync service started as `npm run service` starts it (main.ts: API, worker, queue, one
// process) against an emulated org and the test Redis under a prefix of its own, plus a queue
// handle to count the jobs it holds.
import crypto from 'node:crypto';
import Redis from 'ioredis';
import type { OrgHandle } from '../emulator';
import { start } from '../../sync-service/src/main';
import { createSyncQueue, type SyncQueue } from '../../sync-service/src/queue/queue';
import { deploymentKeyPrefix } from '../../sync-service/src/sync/keys';
import { freePort } from '../support/redis';
import { TODAY } from '../sync/support';

export const TOKEN = `bad-input-${crypto.randomBytes(12).toString('hex')}`;

export interface RunningService {
  url: string;
  queue: SyncQueue;
  /** Jobs in any state (waiting, active, delayed, completed, failed, …). */
  jobCount(): Promise<number>;
  stop(): Promise<void>;
}

export async function startService(org: OrgHandle): Promise<RunningService> {
  const redisUrl = process.env.TANDEM_TEST_REDIS_URL;
  if (!redisUrl) throw new Error('TANDEM_TEST_REDIS_URL is not set (the node project global setup starts redis)');
  const prefix = `t-bad-${crypto.randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const service = await start([], {
    SF_LOGIN_URL: org.loginUrl,
    SF_AUTH: 'password',
    SF_CLIENT_ID: org.clientId,
    SF_CLIENT_SECRET: org.clientSecret,
    SF_USERNAME: org.username,
    SF_PASSWORD: org.password,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    API_TOKEN: TOKEN,
    PORT: String(port),
    TANDEM_AS_OF: TODAY,
    SYNC_REQUEST_POLL_MS: '0',
    // Live freshness queues a catch-up run on start; these tests count the jobs bad input queues.
    CHANGE_EVENTS: 'off',
    SHUTDOWN_TIMEOUT_MS: '2000',
    LOG_LEVEL: 'silent'
  });
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const queue = createSyncQueue(redis, { prefix, attempts: 1, backoffMs: 1000 });
  return {
    url: `http://127.0.0.1:${port}`,
    queue,
    /** Jobs in any state, leaving out the cron schedule's next run (the service keeps one). */
    async jobCount() {
      const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'waiting-children']);
      return jobs.filter((job) => job.repeatJobKey === undefined).length;
    },
    async stop() {
      await service.shutdown('test');
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      const keys = await redis.keys(`${deploymentKeyPrefix(prefix)}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  };
}
