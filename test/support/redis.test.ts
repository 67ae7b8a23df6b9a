import Redis from 'ioredis';
import { startRedis } from './redis';

describe('test redis-server helper', () => {
  it('gives the suites a reachable private redis through TANDEM_TEST_REDIS_URL', async () => {
    const client = new Redis(process.env.TANDEM_TEST_REDIS_URL as string);
    try {
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
    }
  });

  it('restarts a spawned redis on the same port with its data gone', async () => {
    const redis = await startRedis();
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    try {
      await client.set('k', 'v');
      await redis.restart();
      expect(await client.get('k')).toBeNull();
    } finally {
      client.disconnect();
      await redis.stop();
    }
  });
});
