// Redis connections from the configuration: one server (REDIS_URL) or a Redis Cluster
// (REDIS_CLUSTER_NODES, seed nodes). Everything the service keeps lives under one hash tag per
// deployment (sync/keys.ts), so on a cluster it sits in one slot: multi-key transactions, Lua
// scripts and BullMQ's scripts work as on one server.
import Redis, { Cluster, type ClusterNode, type RedisOptions } from 'ioredis';

/** What the service's modules take: a single-server or a cluster connection. */
export type RedisConnection = Redis | Cluster;

export interface RedisSettings {
  REDIS_URL?: string;
  /** Comma-separated seed nodes: host:port or redis[s]://[user:password@]host:port. */
  REDIS_CLUSTER_NODES?: string;
}

/** Seed nodes and the options their URLs carry (credentials, TLS for rediss://). */
export function clusterSeeds(list: string): { nodes: ClusterNode[]; options: RedisOptions } {
  const options: RedisOptions = {};
  const nodes = list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const url = new URL(/^rediss?:\/\//.test(entry) ? entry : `redis://${entry}`);
      if (url.username) options.username = decodeURIComponent(url.username);
      if (url.password) options.password = decodeURIComponent(url.password);
      if (url.protocol === 'rediss:') options.tls = {};
      return { host: url.hostname, port: Number(url.port || 6379) };
    });
  return { nodes, options };
}

/**
 * A new connection. `blocking`: BullMQ's worker connection, whose commands block and must never
 * time out (maxRetriesPerRequest null); the others fail fast.
 */
export function connectRedis(settings: RedisSettings, { blocking = false } = {}): RedisConnection {
  const maxRetriesPerRequest = blocking ? null : 3;
  if (settings.REDIS_CLUSTER_NODES) {
    const { nodes, options } = clusterSeeds(settings.REDIS_CLUSTER_NODES);
    return new Cluster(nodes, { redisOptions: { ...options, maxRetriesPerRequest } });
  }
  if (!settings.REDIS_URL) throw new Error('REDIS_URL or REDIS_CLUSTER_NODES is required');
  return new Redis(settings.REDIS_URL, { maxRetriesPerRequest });
}
