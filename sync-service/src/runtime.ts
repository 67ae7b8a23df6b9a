// Builds what a sync run needs from the configuration: the Salesforce client, the Redis
// connection holding the sync state, and the run settings. Shared by the CLI and the worker.
import { connectRedis, type RedisConnection } from './redis';
import type { Config } from './config';
import type { Logger } from './logger';
import { OrgClient } from './salesforce/client';
import type { SalesforceAuth } from './salesforce/connection';
import type { SyncSettings } from './sync/run';
import { SyncState } from './sync/state';

export function salesforceAuth(config: Config): SalesforceAuth {
  return {
    loginUrl: config.SF_LOGIN_URL,
    mode: config.SF_AUTH,
    apiVersion: config.SF_API_VERSION,
    clientId: config.SF_CLIENT_ID,
    clientSecret: config.SF_CLIENT_SECRET,
    username: config.SF_USERNAME,
    password: config.SF_PASSWORD,
    privateKey: config.SF_PRIVATE_KEY
  };
}

export function syncSettings(config: Config): SyncSettings {
  return { bulkThreshold: config.BULK_THRESHOLD, bulkWriteThreshold: config.BULK_WRITE_THRESHOLD, lookbackSeconds: config.SYNC_LOOKBACK_SECONDS, lockTtlMs: config.SYNC_LOCK_TTL_MS };
}

export function connectOrg(config: Config, logger: Logger): Promise<OrgClient> {
  return OrgClient.connect({
    auth: salesforceAuth(config),
    reservePercent: config.API_RESERVE_PERCENT,
    retry: { attempts: config.SF_RETRY_ATTEMPTS, baseMs: config.SF_RETRY_BASE_MS },
    logger
  });
}

/** A Redis connection for commands that should fail fast rather than queue while Redis is down. */
export function commandRedis(config: Config): RedisConnection {
  return connectRedis(config);
}

export function syncState(redis: RedisConnection, config: Config): SyncState {
  return new SyncState(redis, config.REDIS_PREFIX);
}
