// Sync_Request__c: the org's "Recalculate" button creates one (Status Pending); the service marks
// it Processing when it queues the account's run and Done or Failed with a message at the end.
// Which requests a run answers is kept in Redis per account, so requests that arrive while a run
// is queued are answered by that run. A request left Processing by a run that never answered it
// (a worker that died for good, a queue lost with Redis) is found by the poller (see poller.ts).
import type { RedisConnection } from '../redis';
import type { OrgClient } from '../salesforce/client';
import { isSalesforceId, toId18 } from '../salesforce/soql';
import { deploymentKeyPrefix } from './keys';

export const MESSAGE_LIMIT = 255;

export interface PendingSyncRequest {
  id: string;
  accountId: string;
}

export function truncateMessage(message: string): string {
  return message.length <= MESSAGE_LIMIT ? message : `${message.slice(0, MESSAGE_LIMIT - 1)}…`;
}

/** A Processing request older than the timeout, which no job may be answering any more. */
export interface StaleSyncRequest extends PendingSyncRequest {
  /** Whether it was already queued again once after going stale. */
  retried: boolean;
}

/** Written on a stale request queued again; a request that goes stale with it is failed. */
export const RETRIED_MESSAGE = 'The first run stopped without an answer; tried again.';
export const STALE_MESSAGE =
  'No answer from the sync service (the run answering this request stopped twice). Press Recalculate to ask again; if it happens again, see the sync service logs.';

/**
 * Pending requests, and Processing ones last modified more than `timeoutMs` before the server's
 * clock (the answer's Date header: the org's clock, not ours), in one query (one API call per
 * poll, as before). Pending first; then Processing, oldest first.
 */
export async function actionableSyncRequests(client: OrgClient, timeoutMs: number, limit = 200): Promise<{ pending: PendingSyncRequest[]; stale: StaleSyncRequest[] }> {
  const pending: PendingSyncRequest[] = [];
  const processing: Array<StaleSyncRequest & { modified: number }> = [];
  const soql = `SELECT Id, Account__c, Status__c, Message__c, LastModifiedDate FROM Sync_Request__c WHERE Status__c IN ('Pending', 'Processing') ORDER BY Status__c, LastModifiedDate LIMIT ${Math.floor(limit)}`;
  await client.query(soql, (records) => {
    for (const record of records) {
      if (!isSalesforceId(record.Id) || !isSalesforceId(record.Account__c)) continue;
      const request = { id: toId18(record.Id), accountId: toId18(record.Account__c) };
      if (record.Status__c === 'Pending') pending.push(request);
      else processing.push({ ...request, retried: record.Message__c === RETRIED_MESSAGE, modified: Date.parse(String(record.LastModifiedDate)) });
    }
  });
  const now = client.serverTime ?? Date.now();
  const stale = processing.filter((r) => r.modified < now - timeoutMs).map(({ modified: _modified, ...request }) => request);
  return { pending, stale };
}

export async function markSyncRequests(client: OrgClient, ids: string[], status: 'Processing' | 'Done' | 'Failed', message: string | null): Promise<void> {
  if (ids.length === 0) return;
  const failures = await client.update(
    'Sync_Request__c',
    ids.map((Id) => ({ Id, Status__c: status, Message__c: message === null ? null : truncateMessage(message) }))
  );
  if (failures.length > 0) throw new Error(`could not update Sync_Request__c: ${failures.map((f) => `${f.key}: ${f.message}`).join('; ')}`);
}

/** Request ids waiting for an account's next run, in Redis. */
export class SyncRequestLedger {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string
  ) {}

  private key(accountId: string): string {
    return `${deploymentKeyPrefix(this.prefix)}:sync-requests:${accountId}`;
  }

  async add(accountId: string, ids: string[]): Promise<void> {
    if (ids.length > 0) await this.redis.sadd(this.key(accountId), ...ids);
  }

  /** Whether the request waits for its account's next run. */
  async holds(accountId: string, id: string): Promise<boolean> {
    return (await this.redis.sismember(this.key(accountId), id)) === 1;
  }

  /** Takes (and forgets) the ids waiting for the account. */
  async take(accountId: string): Promise<string[]> {
    const result = await this.redis.multi().smembers(this.key(accountId)).del(this.key(accountId)).exec();
    const members = result?.[0]?.[1];
    return Array.isArray(members) ? (members as string[]) : [];
  }
}
