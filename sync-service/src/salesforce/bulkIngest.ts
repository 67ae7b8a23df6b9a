// Bulk API 2.0 ingest upsert by external id through jsforce's `bulk2` ingest job: one job for a
// whole write set (create, upload, close, status checks, results: a handful of calls where
// collections need one per 200 rows). The CSV is produced as a stream, a few hundred rows at a
// time, never as one string. A row counts as written only when the job's successfulResults list
// it; failedResults come back as per-row failures with Salesforce's code, and rows the job never
// reached (unprocessedrecords) as transient failures, so the writer retries them.
import { Readable } from 'node:stream';
import type { OrgClient, RecordFailure, SfRecord, UpsertOutcome } from './client';
import { abandonJob, pollJob, type JobInfo } from './bulkJobs';

/** Bulk's value for "set this field to null" (an empty cell leaves the field as it is). */
const NULL_VALUE = '#N/A';
/** Rows per chunk of the upload stream. */
const ROWS_PER_CHUNK = 500;
/** Code given to rows the job did not process (aborted or failed job, or missing from the results). */
export const UNPROCESSED = 'UNPROCESSED';

function cell(value: unknown): string {
  if (value === null || value === undefined) return NULL_VALUE;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return NULL_VALUE;
    // No exponent notation (1e-7): Salesforce reads plain decimals.
    const text = String(value);
    return /e/i.test(text) ? value.toFixed(18).replace(/\.?0+$/, '') : text;
  }
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV of `rows` (header `columns`), produced chunk by chunk as the upload reads it. */
export function csvStream(columns: string[], rows: SfRecord[]): Readable {
  function* chunks(): Generator<string> {
    yield `${columns.map(cell).join(',')}\n`;
    for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
      let chunk = '';
      for (const row of rows.slice(start, start + ROWS_PER_CHUNK)) chunk += `${columns.map((c) => cell(row[c])).join(',')}\n`;
      yield chunk;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** `UNABLE_TO_LOCK_ROW:unable to obtain exclusive access…:--` → its code. */
export function bulkErrorCode(error: string): string | undefined {
  const code = /^([A-Z_]+):/.exec(error)?.[1];
  return code;
}

type ResultRow = Record<string, unknown>;

/** One upsert ingest job for `rows`; every row comes back written or failed. */
export async function bulkUpsert(client: OrgClient, object: string, externalIdField: string, rows: SfRecord[]): Promise<UpsertOutcome> {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const job = client.conn.bulk2.createJob({ object, operation: 'upsert', externalIdFieldName: externalIdField, lineEnding: 'LF' });
  await client.call(`bulk upsert ${object}: create job`, async () => job.open());
  const jobUrl = client.dataPath(`/jobs/ingest/${job.id}`);
  let info: JobInfo;
  try {
    // The upload streams its body once, so it is not retried; a failure abandons the job.
    client.checkBudget();
    await job.uploadData(csvStream(columns, rows));
    await client.call(`bulk upsert ${object}: close job`, async () => job.close());
    info = await pollJob(`Bulk 2.0 ingest job ${job.id}`, client.bulkPoll, async () => client.call(`bulk upsert ${object}: status`, async () => (await job.check()) as JobInfo), rows.length);
  } catch (error) {
    await abandonJob(client, jobUrl, error);
    throw error;
  }
  const keyOf = (row: ResultRow): string => String(row[externalIdField] ?? '');
  const outcome: UpsertOutcome = { written: [], failures: [] };
  const seen = new Set<string>();
  // The results echo every column of every row: read as they stream in, only the keys are kept.
  await client.readCsv(`bulk upsert ${object}: successful results`, `${jobUrl}/successfulResults`, jobUrl, (results) => {
    for (const row of results) {
      const key = keyOf(row);
      seen.add(key);
      outcome.written.push(key);
    }
  });
  if (Number(info.numberRecordsFailed ?? 1) > 0) {
    await client.readCsv(`bulk upsert ${object}: failed results`, `${jobUrl}/failedResults`, jobUrl, (results) => {
      for (const row of results) {
        const key = keyOf(row);
        const message = String(row.sf__Error ?? 'unknown error');
        seen.add(key);
        outcome.failures.push({ key, message, code: bulkErrorCode(message) });
      }
    });
  }
  const unreached = (message: string): RecordFailure[] =>
    rows.map((row) => String(row[externalIdField])).filter((key) => !seen.has(key)).map((key) => ({ key, message, code: UNPROCESSED }));
  if (seen.size < rows.length && (info.state !== 'JobComplete' || Number(info.numberRecordsProcessed ?? 0) < rows.length)) {
    // Reading the unprocessed rows confirms the job stopped short; they are retried either way.
    const unprocessed = await client.readCsv(`bulk upsert ${object}: unprocessed records`, `${jobUrl}/unprocessedrecords`, jobUrl, () => undefined);
    client.logger.warn({ job: job.id, state: info.state, unprocessed: unprocessed.records }, 'Bulk 2.0 ingest job left rows unprocessed');
    outcome.failures.push(...unreached(`not processed by Bulk 2.0 job ${job.id} (${String(info.state)}${info.errorMessage ? `: ${String(info.errorMessage)}` : ''})`));
  } else if (seen.size < rows.length) {
    outcome.failures.push(...unreached(`missing from the results of Bulk 2.0 job ${job.id}`));
  }
  return outcome;
}
