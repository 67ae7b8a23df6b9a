// The sync queue's jobs: names, validated data, and how on-demand requests are deduplicated.
import { z } from 'zod';
import { isSalesforceId, toId18 } from '../salesforce/soql';
import type { SyncRequest } from '../sync/run';

export const SYNC_QUEUE = 'metrics-sync';
export const SYNC_JOB = 'sync';
export const CRON_SCHEDULER_ID = 'metrics-sync-cron';

export const syncJobData = z
  .object({
    mode: z.enum(['full', 'incremental', 'account']),
    accountId: z
      .string()
      .refine(isSalesforceId, 'expected a 15- or 18-character Salesforce id')
      .transform(toId18)
      .optional(),
    asOf: z.iso.date().optional(),
    /** Sync_Request__c ids this run answers (account jobs started from the org). */
    syncRequestIds: z.array(z.string().refine(isSalesforceId, 'expected Salesforce ids')).optional()
  })
  .strict()
  .refine((data) => (data.mode === 'account') === (data.accountId !== undefined), {
    message: 'accountId is required for mode account and only allowed with it',
    path: ['accountId']
  });

export type SyncJobData = z.infer<typeof syncJobData>;

export function toSyncRequest(data: SyncJobData, defaultAsOf?: string): SyncRequest {
  return { mode: data.mode, accountId: data.accountId, asOf: data.asOf ?? defaultAsOf };
}

/** Concurrent requests for the same full run or the same account collapse into one job. */
export function deduplicationId(data: SyncJobData): string {
  return data.mode === 'account' ? `account:${data.accountId}` : data.mode;
}
