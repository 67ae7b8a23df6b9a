// The BullMQ queue (producer side): on-demand jobs, deduplicated, retried with exponential
// backoff. The cron schedule is kept by schedule.ts.
import { randomUUID } from 'node:crypto';
import { Queue, type Job } from 'bullmq';
import type { RedisConnection } from '../redis';
import { deploymentKeyPrefix } from '../sync/keys';
import { SYNC_JOB, SYNC_QUEUE, deduplicationId, type SyncJobData } from './jobs';

export interface QueueSettings {
  prefix: string;
  attempts: number;
  backoffMs: number;
}

export type SyncQueue = Queue<SyncJobData>;

export function createSyncQueue(connection: RedisConnection, settings: QueueSettings): SyncQueue {
  return new Queue<SyncJobData>(SYNC_QUEUE, {
    connection,
    prefix: deploymentKeyPrefix(settings.prefix),
    defaultJobOptions: {
      attempts: settings.attempts,
      backoff: { type: 'exponential', delay: settings.backoffMs, jitter: 0.5 },
      removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
      removeOnFail: { age: 30 * 24 * 3600, count: 5000 }
    }
  });
}

/**
 * Adds a sync job unless one with the same deduplication id is waiting (then that job's id is
 * returned). An incremental or account job asked for while one is running is kept as the single
 * next run: the running one may have read the org before the change that asked for it.
 * Job ids are UUIDs, not BullMQ's counter: a Redis that lost its data restarts the counter, and a
 * new job numbered like one still running in a worker's memory would be finished by that worker.
 */
export async function enqueueSync(queue: SyncQueue, data: SyncJobData): Promise<Job<SyncJobData>> {
  const id = deduplicationId(data);
  return queue.add(SYNC_JOB, data, {
    jobId: randomUUID(),
    deduplication: data.mode === 'full' ? { id } : { id, keepLastIfActive: true }
  });
}
