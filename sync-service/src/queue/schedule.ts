// The deployment's cron schedule of incremental runs, the safety net behind on-demand runs. Only a
// worker configured with SYNC_CRON decides the pattern; one without it keeps whatever schedule
// exists and installs the default only when there is none, so workers started with and without
// the variable never undo each other. Redis may lose the schedule (a restart without persistence,
// a flush): every worker checks it on start, on each reconnect and periodically, and puts it back.
import type { Logger } from '../logger';
import { CRON_SCHEDULER_ID, SYNC_JOB } from './jobs';
import type { SyncQueue } from './queue';

/** Every 15 minutes: an incremental run that finds nothing costs two API calls (192 a day). */
export const DEFAULT_SYNC_CRON = '*/15 * * * *';

export type ScheduleOutcome = 'kept' | 'installed';

/** Installs the schedule when it is missing, or differs from the configured `pattern`. */
export async function ensureSchedule(queue: SyncQueue, pattern: string | undefined, tz: string): Promise<ScheduleOutcome> {
  const existing = await queue.getJobScheduler(CRON_SCHEDULER_ID);
  if (existing && (pattern === undefined || (existing.pattern === pattern && existing.tz === tz))) return 'kept';
  await queue.upsertJobScheduler(CRON_SCHEDULER_ID, { pattern: pattern ?? DEFAULT_SYNC_CRON, tz }, { name: SYNC_JOB, data: { mode: 'incremental' } });
  return 'installed';
}

export interface ScheduleKeeper {
  stop(): void;
}

/** Checks the schedule now, whenever `connection` is ready again, and every `intervalMs`. */
export function keepSchedule(
  queue: SyncQueue,
  connection: { on(event: 'ready', listener: () => void): unknown; off(event: 'ready', listener: () => void): unknown },
  options: { pattern: string | undefined; tz: string; intervalMs: number },
  logger: Logger
): ScheduleKeeper & { ready: Promise<void> } {
  let checking: Promise<void> | null = null;
  const check = (): Promise<void> => {
    checking ??= ensureSchedule(queue, options.pattern, options.tz)
      .then((outcome) => {
        if (outcome === 'installed') logger.info({ pattern: options.pattern ?? DEFAULT_SYNC_CRON, tz: options.tz }, 'sync schedule installed');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'sync schedule check failed'))
      .finally(() => {
        checking = null;
      });
    return checking;
  };
  const onReady = (): void => void check();
  connection.on('ready', onReady);
  const timer = setInterval(onReady, options.intervalMs);
  timer.unref();
  return {
    ready: check(),
    stop() {
      clearInterval(timer);
      connection.off('ready', onReady);
    }
  };
}
