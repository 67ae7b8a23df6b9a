// A BullMQ worker on the sync queue. Its Redis connection blocks (maxRetriesPerRequest null); the
// lock duration and stalled interval decide how fast a crashed worker's job is taken over.
import { DelayedError, Worker, type Job } from 'bullmq';
import type { RedisConnection } from '../redis';
import type { Logger } from '../logger';
import type { SyncSummary } from '../sync/run';
import { deploymentKeyPrefix } from '../sync/keys';
import { SYNC_QUEUE, type SyncJobData } from './jobs';
import { processSyncJob, type ProcessorDeps } from './processor';

export interface WorkerSettings {
  prefix: string;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
}

export function createSyncWorker(connection: RedisConnection, settings: WorkerSettings, deps: ProcessorDeps, logger: Logger): Worker<SyncJobData, SyncSummary> {
  const worker = new Worker<SyncJobData, SyncSummary>(
    SYNC_QUEUE,
    (job: Job<SyncJobData, SyncSummary>, token?: string) =>
      processSyncJob(
        job.data,
        {
          id: job.id ?? '?',
          attemptsMade: job.attemptsMade,
          attempts: job.opts.attempts ?? 1,
          updateProgress: (percent) => job.updateProgress(percent),
          updateData: (data) => job.updateData(data),
          delayUntil: async (timestamp) => {
            await job.moveToDelayed(timestamp, token);
            return new DelayedError();
          }
        },
        deps
      ),
    {
      connection,
      prefix: deploymentKeyPrefix(settings.prefix),
      concurrency: settings.concurrency,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: 2
    }
  );
  worker.on('failed', (job, error) => logger.warn({ jobId: job?.id, err: error }, 'sync job failed'));
  worker.on('completed', (job, summary) => logger.info({ jobId: job.id, summary: { ...summary, failures: summary.failures.length } }, 'sync job completed'));
  worker.on('error', (error) => logger.error({ err: error }, 'worker error'));
  return worker;
}
