// Polls the org for Pending Sync_Request__c records, marks them Processing and queues one
// account run per account. One process polls at a time (a Redis lock per tick). The same query
// finds requests Processing for longer than the timeout: those no queued or running job carries
// are queued again once, and failed with a message the second time. While the Sync_Request__c
// change events are subscribed, a new request nudges a poll at once and the interval poll
// becomes a sweep for stale requests every timeout: an idle org costs no call every 15 s.
import { randomUUID } from 'node:crypto';
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

/**
 * One polling tick, unless another process holds the tick lock; returns the number of Pending
 * requests queued (null: not this process's turn). An interval poll keeps the lock for its
 * interval (one poll per interval across processes); `release` frees it when the tick ends.
 */
export async function pollSyncRequests(deps: PollerDeps, lockMs: number, release = false): Promise<number | null> {
  const token = randomUUID();
  const key = pollLockKey(deps.prefix);
  if ((await deps.redis.set(key, token, 'PX', Math.max(1000, lockMs), 'NX')) !== 'OK') return null;
  try {
    return await pollOnce(deps);
  } finally {
    if (release) await deps.redis.eval(RELEASE_LOCK, 1, key, token).catch(() => undefined);
  }
}

const RELEASE_LOCK = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

async function pollOnce(deps: PollerDeps): Promise<number> {
  const client = await deps.getClient();
  const { pending, stale } = await actionableSyncRequests(client, deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  if (stale.length > 0) await reclaim(deps, client, stale);
  if (pending.length === 0) return 0;
  await markSyncRequests(client, pending.map((r) => r.id), 'Processing', null);
  await queueAccounts(deps, pending);
  deps.logger.info({ requests: pending.length, accounts: byAccount(pending).size }, 'queued Sync_Request__c runs');
  return pending.length;
}

function pollLockKey(prefix: string): string {
  return `${deploymentKeyPrefix(prefix)}:sync-requests:poll-lock`;
}

/** The longest a subscribed tick may hold the lock (a process that died holding it). */
const TICK_LOCK_MS = 30_000;

export interface SyncRequestPoller {
  /** A request was created: poll now (after the tick lock another process holds, if any). */
  nudge(): void;
  /** Whether the Sync_Request__c change events are subscribed: the interval poll becomes a stale sweep. */
  listening(subscribed: boolean): void;
  stop(): Promise<void>;
}

/**
 * Polls every `intervalMs` (every `sweepMs` while change events are subscribed) until stopped; a
 * failed tick is logged and the next one tries again.
 */
export function startPoller(deps: PollerDeps, intervalMs: number, sweepMs = deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS): SyncRequestPoller {
  let timer: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let subscribed = false;
  const period = (): number => (subscribed ? Math.max(intervalMs, sweepMs) : intervalMs);
  const schedule = (ms: number): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => tick(false), ms);
  };
  const tick = (nudged: boolean): void => {
    // Subscribed, a tick holds the lock only while it runs: a nudge must not wait for an interval.
    running = running
      .then(() => (subscribed ? pollSyncRequests(deps, TICK_LOCK_MS, true) : pollSyncRequests(deps, intervalMs)))
      .then(async (queued) => {
        // Not our turn: the tick that holds the lock may have queried before the request existed.
        if (queued === null && nudged && !retry && !stopped) {
          const wait = Math.max(0, await deps.redis.pttl(pollLockKey(deps.prefix))) + 50;
          retry = setTimeout(() => {
            retry = null;
            tick(false);
          }, wait);
        }
      })
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'Sync_Request__c poll failed'))
      .finally(() => {
        if (!nudged) schedule(period());
      });
  };
  schedule(Math.min(intervalMs, 1000));
  return {
    nudge() {
      if (!stopped) tick(true);
    },
    listening(now: boolean) {
      if (now === subscribed) return;
      subscribed = now;
      // Subscribed: catch up with what was created before; unsubscribed: poll at the short interval again.
      if (now) this.nudge();
      schedule(period());
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (retry) clearTimeout(retry);
      await running;
    }
  };
}
