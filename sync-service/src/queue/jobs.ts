// The sync queue's jobs: names, validated data, and how on-demand requests are deduplicated.
import crypto from 'node:crypto';
import { z } from 'zod';
import { isSalesforceId, toId18 } from '../salesforce/soql';
import type { SyncRequest } from '../sync/run';

export const SYNC_QUEUE = 'metrics-sync';
export const SYNC_JOB = 'sync';
export const CRON_SCHEDULER_ID = 'metrics-sync-cron';
/** More accounts than this in one burst of change events: an incremental run is cheaper. */
export const MAX_EVENT_ACCOUNTS = 200;

export const syncJobData = z
  .object({
    /** 'accounts': the accounts a change event touched (one account run over all of them). */
    mode: z.enum(['full', 'incremental', 'account', 'accounts']),
    accountId: z
      .string()
      .refine(isSalesforceId, 'expected a 15- or 18-character Salesforce id')
      .transform(toId18)
      .optional(),
    accountIds: z
      .array(z.string().refine(isSalesforceId, 'expected 15- or 18-character Salesforce ids').transform(toId18))
      .min(1)
      .max(MAX_EVENT_ACCOUNTS)
      .optional(),
    asOf: z.iso.date().optional(),
    /** Sync_Request__c ids this run answers (account jobs started from the org). */
    syncRequestIds: z.array(z.string().refine(isSalesforceId, 'expected Salesforce ids')).optional()
  })
  .strict()
  .refine((data) => (data.mode === 'account') === (data.accountId !== undefined), {
    message: 'accountId is required for mode account and only allowed with it',
    path: ['accountId']
  })
  .refine((data) => (data.mode === 'accounts') === (data.accountIds !== undefined), {
    message: 'accountIds is required for mode accounts and only allowed with it',
    path: ['accountIds']
  });

export type SyncJobData = z.infer<typeof syncJobData>;

export function toSyncRequest(data: SyncJobData, defaultAsOf?: string): SyncRequest {
  if (data.mode === 'accounts') return { mode: 'account', accountIds: data.accountIds, asOf: data.asOf ?? defaultAsOf };
  return { mode: data.mode, accountId: data.accountId, asOf: data.asOf ?? defaultAsOf };
}

/** Concurrent requests for the same full run or the same account collapse into one job. */
export function deduplicationId(data: SyncJobData): string {
  if (data.mode === 'accounts') return `accounts:${crypto.createHash('sha256').update([...data.accountIds!].sort().join(',')).digest('base64url').slice(0, 22)}`;
  return data.mode === 'account' ? `account:${data.accountId}` : data.mode;
}
