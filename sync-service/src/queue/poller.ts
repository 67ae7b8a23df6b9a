// Polls the org for Pending Sync_Request__c records, marks them Processing and queues one
// account run per account. One process polls at a time (a Redis lock per tick). The same query
// finds requests Processing for longer than the timeout: those no queued or running job carries
// are queued again once, and failed with a message the second time.
import type { RedisConnection } from '../redis';
import type { Logger } from '../logger';
import type { OrgClient } from '../salesforce/client';
import { RETRIED_MESSAGE, STALE_MESSAGE, actionableSyncRequests, markSyncRequests, type PendingSyncRequest, type StaleSyncRequest, type SyncRequestLedger } from '../sync/syncRequests';
import { deploymentKeyPrefix } from '../sync/keys';
import { enqueueSync, type SyncQueue } from './queue';

/** How long a request may stay Processing before the poller checks whether anything still answers it. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15 * 60 * 1000;

export interface PollerDeps {
  getClient(): Promise<OrgClient>;
  redis: RedisConnection;
  prefix: string;
  queue: SyncQueue;
  ledger: SyncRequestLedger;
  logger: Logger;
  requestTimeoutMs?: number;
}

function byAccount(requests: PendingSyncRequest[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const request of requests) grouped.set(request.accountId, [...(grouped.get(request.accountId) ?? []), request.id]);
  return grouped;
}

async function queueAccounts(deps: PollerDeps, requests: PendingSyncRequest[]): Promise<void> {
  for (const [accountId, ids] of byAccount(requests)) {
    await deps.ledger.add(accountId, ids);
    await enqueueSync(deps.queue, { mode: 'account', accountId });
  }
}

/** Request ids a waiting, delayed or running job will answer (taken from the ledger into its data). */
async function idsInJobs(queue: SyncQueue): Promise<Set<string>> {
  const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized']);
  return new Set(jobs.flatMap((job) => job?.data?.syncRequestIds ?? []));
}

/** Stale requests nothing answers any more: queued again once, then failed. */
async function reclaim(deps: PollerDeps, client: OrgClient, stale: StaleSyncRequest[]): Promise<void> {
  const inJobs = await idsInJobs(deps.queue);
  const lost: StaleSyncRequest[] = [];
  for (const request of stale) {
    if (!inJobs.has(request.id) && !(await deps.ledger.holds(request.accountId, request.id))) lost.push(request);
  }
  if (lost.length === 0) return;
  const retry = lost.filter((r) => !r.retried);
  const fail = lost.filter((r) => r.retried);
  // The update also refreshes LastModifiedDate: the retried request gets a whole timeout again.
  await markSyncRequests(client, retry.map((r) => r.id), 'Processing', RETRIED_MESSAGE);
  await queueAccounts(deps, retry);
  await markSyncRequests(client, fail.map((r) => r.id), 'Failed', STALE_MESSAGE);
  deps.logger.warn({ retried: retry.map((r) => r.id), failed: fail.map((r) => r.id) }, 'Sync_Request__c records no run answered');
}

/** One polling tick; returns the number of Pending requests queued. */
export async function pollSyncRequests(deps: PollerDeps, intervalMs: number): Promise<number> {
  const lock = await deps.redis.set(`${deploymentKeyPrefix(deps.prefix)}:sync-requests:poll-lock`, '1', 'PX', Math.max(1000, intervalMs), 'NX');
  if (lock !== 'OK') return 0;
  const client = await deps.getClient();
  const { pending, stale } = await actionableSyncRequests(client, deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  if (stale.length > 0) await reclaim(deps, client, stale);
  if (pending.length === 0) return 0;
  await markSyncRequests(client, pending.map((r) => r.id), 'Processing', null);
  await queueAccounts(deps, pending);
  deps.logger.info({ requests: pending.length, accounts: byAccount(pending).size }, 'queued Sync_Request__c runs');
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
