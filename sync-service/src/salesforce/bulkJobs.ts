// Bulk API 2.0 job lifecycle shared by query and ingest jobs: status checks spaced by exponential
// backoff (a job that takes a minute costs a handful of checks, not 120), and a job given up on
// (timeout, failed check, budget stop) aborted so it does not run on in the org for nothing.
import type { OrgClient } from './client';
import { describeError } from './client';

export interface BulkPollPolicy {
  /** Delay before the second status check; each later delay doubles, up to `maxMs`. */
  firstMs: number;
  maxMs: number;
  /** Give up (and abort the job) once this long has passed since the first check. */
  timeoutMs: number;
}

export const BULK_POLL: BulkPollPolicy = { firstMs: 500, maxMs: 15_000, timeoutMs: 600_000 };

export interface JobInfo {
  state?: unknown;
  errorMessage?: unknown;
  numberRecordsProcessed?: unknown;
  numberRecordsFailed?: unknown;
}

const FINISHED = new Set(['JobComplete', 'Failed', 'Aborted']);

/** No job is checked sooner than this rate would finish it: a 48,000-row ingest job is not done in half a second. */
const ROWS_PER_SECOND_AT_BEST = 10_000;

/**
 * Checks the job until it is JobComplete, Failed or Aborted; throws once `policy.timeoutMs` has
 * passed. Checks are spaced by doubling delays from `firstMs` up to `maxMs`. For an ingest job of
 * `total` records the first check waits for the time the job needs at best, and once it reports
 * progress each next check waits for the time the rest needs at the rate between the last two
 * checks (the first check: since the poll began), never longer than `maxMs`: a long job costs a
 * few checks, and a rate measured while the job warms up cannot make the run wait minutes.
 */
export async function pollJob<T extends JobInfo>(what: string, policy: BulkPollPolicy, check: () => Promise<T>, total?: number): Promise<T> {
  const started = Date.now();
  let delay = total === undefined ? policy.firstMs : Math.max(policy.firstMs, Math.ceil((total / ROWS_PER_SECOND_AT_BEST) * 1000));
  let previous = { at: started, processed: 0 };
  for (;;) {
    const left = policy.timeoutMs - (Date.now() - started);
    if (left <= 0) throw new Error(`${what} not complete after ${policy.timeoutMs} ms`);
    // The check at the deadline is the last one: a timer may fire a millisecond before Date.now
    // says the wait is over, and another check that late would be a call for nothing.
    const last = delay >= left;
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, left)));
    const info = await check();
    if (typeof info.state === 'string' && FINISHED.has(info.state)) return info;
    if (last) throw new Error(`${what} not complete after ${policy.timeoutMs} ms`);
    const now = { at: Date.now(), processed: Number(info.numberRecordsProcessed ?? 0) };
    if (total !== undefined && now.processed > previous.processed && now.processed < total) {
      const perMs = (now.processed - previous.processed) / Math.max(1, now.at - previous.at);
      delay = Math.min(policy.maxMs, Math.max(policy.firstMs, Math.ceil(((total - now.processed) / perMs) * 1.1)));
    } else {
      delay = Math.min(policy.maxMs, delay * 2);
    }
    previous = now;
  }
}

/**
 * Aborts a job the run no longer waits for. Sent without the budget check (a run stopped by the
 * budget still owes the org this one call) and without retries; a failure is only logged.
 */
export async function abandonJob(client: OrgClient, jobUrl: string, reason: unknown): Promise<void> {
  try {
    await client.conn.request({ method: 'PATCH', url: jobUrl, body: JSON.stringify({ state: 'Aborted' }), headers: { 'Content-Type': 'application/json' } });
    client.logger.warn({ jobUrl, reason: describeError(reason) }, 'Bulk 2.0 job abandoned and aborted');
  } catch (error) {
    client.logger.warn({ jobUrl, reason: describeError(reason), err: describeError(error) }, 'Bulk 2.0 job abandoned; aborting it failed too');
  }
}
