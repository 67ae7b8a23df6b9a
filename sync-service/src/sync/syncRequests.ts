// Sync_Request__c: the org's "Recalculate" button creates one (Status Pending); the service marks
// it Processing when it queues the account's run and Done or Failed with a message at the end.
// Which requests a run answers is kept in Redis per account, so requests that arrive while a run
// is queued are answered by that run.
import type Redis from 'ioredis';
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

export async function pendingSyncRequests(client: OrgClient, limit = 200): Promise<PendingSyncRequest[]> {
  const pending: PendingSyncRequest[] = [];
  const soql = `SELECT Id, Account__c FROM Sync_Request__c WHERE Status__c = 'Pending' ORDER BY CreatedDate LIMIT ${Math.floor(limit)}`;
  await client.query(soql, (records) => {
    for (const record of records) {
      if (isSalesforceId(record.Id) && isSalesforceId(record.Account__c)) {
        pending.push({ id: toId18(record.Id), accountId: toId18(record.Account__c) });
      }
    }
  });
  return pending;
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
    private readonly redis: Redis,
    private readonly prefix: string
  ) {}

  private key(accountId: string): string {
    return `${deploymentKeyPrefix(this.prefix)}:sync-requests:${accountId}`;
  }

  async add(accountId: string, ids: string[]): Promise<void> {
    if (ids.length > 0) await this.redis.sadd(this.key(accountId), ...ids);
  }

  /** Takes (and forgets) the ids waiting for the account. */
  async take(accountId: string): Promise<string[]> {
    const result = await this.redis.multi().smembers(this.key(accountId)).del(this.key(accountId)).exec();
    const members = result?.[0]?.[1];
    return Array.isArray(members) ? (members as string[]) : [];
  }
}
