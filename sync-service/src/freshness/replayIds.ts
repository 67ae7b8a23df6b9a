// The last replay id acted on, per change event channel, in Redis under the deployment's hash tag
// and the org: a restarted worker resubscribes from it and receives what it missed.
import type { RedisConnection } from '../redis';
import { deploymentKeyPrefix } from '../sync/keys';

export class ReplayIds {
  private readonly key: string;

  constructor(
    private readonly redis: RedisConnection,
    prefix: string,
    orgId: string
  ) {
    this.key = `${deploymentKeyPrefix(prefix)}:sync:${orgId}:cdc:replay`;
  }

  async all(): Promise<Map<string, number>> {
    const stored = await this.redis.hgetall(this.key);
    return new Map(Object.entries(stored).map(([channel, id]) => [channel, Number(id)]));
  }

  async save(ids: Map<string, number>): Promise<void> {
    if (ids.size > 0) await this.redis.hset(this.key, Object.fromEntries([...ids].map(([channel, id]) => [channel, String(id)])));
  }

  /** An expired replay id: the next subscription starts from new events (an incremental run covers the gap). */
  async forget(channel: string): Promise<void> {
    await this.redis.hdel(this.key, channel);
  }
}
