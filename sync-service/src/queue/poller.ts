// Polls the org for Pending Sync_Request__c records, marks them Processing and queues one
// account run per account. One process polls at a time (a Redis lock per tick).
import type Redis from 'ioredis';
import type { Logger } from '../logger';
import type { OrgClient } from '../salesforce/client';
import { markSyncRequests, pendingSyncRequests, type SyncRequestLedger } from '../sync/syncRequests';
import { deploymentKeyPrefix } from '../sync/keys';
import { enqueueSync, type SyncQueue } from './queue';

export interface PollerDeps {
  getClient(): Promise<OrgClient>;
  redis: Redis;
  prefix: string;
  queue: SyncQueue;
  ledger: SyncRequestLedger;
  logger: Logger;
}

/** One polling tick; returns the number of requests queued. */
export async function pollSyncRequests(deps: PollerDeps, intervalMs: number): Promise<number> {
  const lock = await deps.redis.set(`${deploymentKeyPrefix(deps.prefix)}:sync-requests:poll-lock`, '1', 'PX', Math.max(1000, intervalMs), 'NX');
  if (lock !== 'OK') return 0;
  const client = await deps.getClient();
  const pending = await pendingSyncRequests(client);
  if (pending.length === 0) return 0;
  const byAccount = new Map<string, string[]>();
  for (const request of pending) byAccount.set(request.accountId, [...(byAccount.get(request.accountId) ?? []), request.id]);
  await markSyncRequests(client, pending.map((r) => r.id), 'Processing', null);
  for (const [accountId, ids] of byAccount) {
    await deps.ledger.add(accountId, ids);
    await enqueueSync(deps.queue, { mode: 'account', accountId });
  }
  deps.logger.info({ requests: pending.length, accounts: byAccount.size }, 'queued Sync_Request__c runs');
  return pending.length;
}

/** Polls every `intervalMs` until stopped; a failed tick is logged and the next one tries again. */
export function startPoller(deps: PollerDeps, intervalMs: number): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = (): void => {
    running = pollSyncRequests(deps, intervalMs)
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'Sync_Request__c poll failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, Math.min(intervalMs, 1000));
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    }
  };
}
