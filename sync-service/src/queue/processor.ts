// The sync job processor: validated job data in, one runSync, the outcome reported back to the
// Sync_Request__c records it answers. Dependencies are injected, so it runs without BullMQ.
// A run blocked by another run's lock or by the API budget is delayed (not failed, no attempt used).
import type { Logger } from '../logger';
import type { OrgClient } from '../salesforce/client';
import { ApiBudgetExhaustedError } from '../salesforce/errors';
import { runSync, SyncBusyError, type SyncSettings, type SyncSummary } from '../sync/run';
import type { SyncState } from '../sync/state';
import { markSyncRequests, type SyncRequestLedger } from '../sync/syncRequests';
import { syncJobData, toSyncRequest, type SyncJobData } from './jobs';

export interface ProcessorDeps {
  getClient(): Promise<OrgClient>;
  state: SyncState;
  ledger: SyncRequestLedger;
  logger: Logger;
  settings: SyncSettings;
  defaultAsOf?: string;
  lockRetryMs: number;
  budgetRetryMs: number;
  onSummary?(summary: SyncSummary): void;
  onBudgetStop?(): void;
}

/** What the processor needs from the job it runs (a BullMQ Job in the worker, a stub in tests). */
export interface JobControl {
  id: string;
  attemptsMade: number;
  attempts: number;
  updateProgress(percent: number): Promise<void>;
  updateData(data: SyncJobData): Promise<void>;
  /** Puts the job back, to run again at `timestamp`; the processor then throws the signal this returns. */
  delayUntil(timestamp: number): Promise<Error>;
}

export function outcomeMessage(summary: SyncSummary): string {
  if (summary.failures.length === 0) {
    return `Done: ${summary.metricRowsWritten} metric rows written, ${summary.metricRowsUnchanged} unchanged.`;
  }
  const listed = summary.failures.map((f) => `${f.key} (${f.message})`).join('; ');
  return `${summary.failures.length} metric rows failed: ${listed}`;
}

export async function processSyncJob(raw: unknown, job: JobControl, deps: ProcessorDeps): Promise<SyncSummary> {
  const parsed = syncJobData.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid sync job data: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  let data = parsed.data;
  const client = await deps.getClient();
  if (data.mode === 'account' && data.accountId) {
    const taken = await deps.ledger.take(data.accountId);
    if (taken.length > 0) {
      data = { ...data, syncRequestIds: [...new Set([...(data.syncRequestIds ?? []), ...taken])] };
      await job.updateData(data);
    }
  }
  const requestIds = data.syncRequestIds ?? [];
  try {
    const summary = await runSync(toSyncRequest(data, deps.defaultAsOf), {
      client,
      state: deps.state,
      logger: deps.logger.child({ jobId: job.id, mode: data.mode }),
      settings: deps.settings,
      onProgress: (percent) => job.updateProgress(percent)
    });
    deps.onSummary?.(summary);
    await markSyncRequests(client, requestIds, summary.status === 'done' ? 'Done' : 'Failed', outcomeMessage(summary));
    return summary;
  } catch (error) {
    if (error instanceof SyncBusyError) throw await job.delayUntil(Date.now() + deps.lockRetryMs);
    if (error instanceof ApiBudgetExhaustedError) {
      deps.onBudgetStop?.();
      deps.logger.warn({ jobId: job.id, used: error.used, limit: error.limit }, 'API budget reserve reached: run stopped and rescheduled');
      throw await job.delayUntil(Date.now() + deps.budgetRetryMs);
    }
    if (job.attemptsMade + 1 >= job.attempts) {
      await markSyncRequests(client, requestIds, 'Failed', `Sync failed: ${error instanceof Error ? error.message : String(error)}`).catch((e: unknown) =>
        deps.logger.error({ err: e }, 'could not mark Sync_Request__c failed')
      );
    }
    throw error;
  }
}
