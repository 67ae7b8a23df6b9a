import type { SpawnedRedis } from './redis';

export default async function globalTeardown(): Promise<void> {
  const redis = (globalThis as Record<string, unknown>).__TANDEM_REDIS__ as SpawnedRedis | undefined;
  await redis?.stop();
}
