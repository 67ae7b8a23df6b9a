// One deployment's Redis keys share one hash tag, `{<REDIS_PREFIX>}`, so that in Redis Cluster
// they live in one slot: the sync commit is one transaction over many keys, and BullMQ's scripts
// need a queue's keys together. The sync state is further namespaced by the Organization Id.

/** The key prefix of a deployment: REDIS_PREFIX in braces (a Redis Cluster hash tag). */
export function deploymentKeyPrefix(prefix: string): string {
  return `{${prefix}}`;
}
