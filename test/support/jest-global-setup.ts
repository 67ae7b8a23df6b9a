import { startRedis } from './redis';

// One private redis-server for the whole run; suites isolate themselves by key prefix.
export default async function globalSetup(): Promise<void> {
  const redis = await startRedis();
  process.env.TANDEM_TEST_REDIS_URL = redis.url;
  (globalThis as Record<string, unknown>).__TANDEM_REDIS__ = redis;
}
