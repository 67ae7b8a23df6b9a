// A Bulk API 2.0 CSV answer (a query results page, an ingest job's results), streamed from the
// response and handed on as records a batch at a time: a page of 400,000 line items is ~45 MB of
// text and would be ~200 MB as records at once; streamed, the run holds one batch.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { SfRecord } from './client';

/** Records handed on at once. */
export const CSV_BATCH = 10_000;
export interface CsvBatchOptions {
  batch?: number;
  /** Records to pass over first (handed on already by an attempt that failed mid-page). */
  skip?: number;
}

/**
 * Parses a page (a header row, then records; values quoted or not, comma-separated: the jobs are
 * created with Salesforce's default column delimiter) and awaits `onRecords` for every batch of up to `batch` records in
 * order; returns how many were handed on. Values are strings ('' for an empty field), as jsforce
 * gives them. A stream that fails mid-page fails here, having handed on whole batches only.
 */
export async function forEachCsvBatch(page: AsyncIterable<Uint8Array | string>, onRecords: (records: SfRecord[]) => void | Promise<void>, options: CsvBatchOptions = {}): Promise<number> {
  const batch = options.batch ?? CSV_BATCH;
  let skip = options.skip ?? 0;
  const source = Readable.from(page, { objectMode: false });
  const parser = source.pipe(parse({ columns: true, skip_empty_lines: true }));
  // pipe() does not pass a source's error on: the parser is ended with it.
  source.once('error', (error) => parser.destroy(error));
  let records: SfRecord[] = [];
  let count = 0;
  try {
    for await (const record of parser) {
      if (skip > 0) {
        skip--;
        continue;
      }
      records.push(record as SfRecord);
      if (records.length >= batch) {
        count += records.length;
        await onRecords(records);
        records = [];
      }
    }
  } finally {
    // A page left early (a batch that failed) releases its connection.
    source.destroy();
  }
  if (records.length > 0) {
    count += records.length;
    await onRecords(records);
  }
  return count;
}
