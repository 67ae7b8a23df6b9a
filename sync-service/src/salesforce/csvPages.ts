// A Bulk API 2.0 results page (CSV text) handed on as records a batch at a time: the page's text
// is held while it is parsed, its records only a batch at a time. A page of 400,000 line items is
// ~45 MB of text but would be ~200 MB as records at once.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { SfRecord } from './client';

/** Records handed on at once. */
export const CSV_BATCH = 10_000;
/** Characters of the page fed to the parser at a time (so it parses as the batches are taken). */
const CHUNK = 1 << 16;

function* chunks(text: string): Generator<string> {
  for (let at = 0; at < text.length; at += CHUNK) yield text.slice(at, at + CHUNK);
}

/**
 * Parses `text` (a header row, then records; values quoted or not, as Salesforce writes them with
 * the job's column delimiter) and awaits `onRecords` for every batch of up to `batch` records in
 * order; returns how many there were. Values are strings ('' for an empty field), as jsforce gives them.
 */
export async function forEachCsvBatch(text: string, onRecords: (records: SfRecord[]) => void | Promise<void>, delimiter = ',', batch = CSV_BATCH): Promise<number> {
  const parser = Readable.from(chunks(text), { objectMode: false }).pipe(parse({ columns: true, delimiter, skip_empty_lines: true }));
  let records: SfRecord[] = [];
  let count = 0;
  for await (const record of parser) {
    records.push(record as SfRecord);
    if (records.length >= batch) {
      count += records.length;
      await onRecords(records);
      records = [];
    }
  }
  if (records.length > 0) {
    count += records.length;
    await onRecords(records);
  }
  return count;
}
