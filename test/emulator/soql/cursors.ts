// Query cursors: the first page of a result and the pages `/query/{locator}` serves afterwards.
// A cursor keeps the result's row list, so later pages never run the query again.
import { SfError } from '../errors';
import { makeId } from '../ids';
import type { QueryResult } from './query';

const MAX_BATCH = 2000;
const MIN_BATCH = 200;

interface Cursor {
  id: string;
  result: Exclude<QueryResult, { kind: 'count' }>;
  batchSize: number;
}

/** `Sforce-Query-Options: batchSize=N` → a batch size within Salesforce's 200–2000. */
export function batchSizeOf(header: string | string[] | undefined): number {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const match = /batchSize\s*=\s*(\d+)/i.exec(text);
  if (!match) return MAX_BATCH;
  return Math.min(MAX_BATCH, Math.max(MIN_BATCH, Number(match[1])));
}

export class CursorStore {
  private readonly cursors = new Map<string, Cursor>();
  private next = 1;

  constructor(private readonly capacity = 200) {}

  /** The first page of a result; later pages are kept behind a locator when there are more. */
  open(result: QueryResult, batchSize: number, base: string): string {
    if (result.kind === 'count') return `{"totalSize":${result.total},"done":true,"records":[]}`;
    const cursor: Cursor = { id: makeId('01g', this.next++), result, batchSize };
    const total = totalOf(cursor);
    if (total > batchSize) {
      this.cursors.set(cursor.id, cursor);
      while (this.cursors.size > this.capacity) this.cursors.delete(this.cursors.keys().next().value!);
    }
    return this.render(cursor, 0, base);
  }

  /** The page at `{cursorId}-{offset}`. */
  page(locator: string, base: string): string {
    const dash = locator.lastIndexOf('-');
    const cursor = dash > 0 ? this.cursors.get(locator.slice(0, dash)) : undefined;
    const start = Number(locator.slice(dash + 1));
    if (!cursor || !Number.isInteger(start) || start < 0 || start > totalOf(cursor)) {
      throw new SfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    }
    // Refresh its place in the eviction order.
    this.cursors.delete(cursor.id);
    this.cursors.set(cursor.id, cursor);
    return this.render(cursor, start, base);
  }

  private render(cursor: Cursor, start: number, base: string): string {
    const total = totalOf(cursor);
    const end = Math.min(total, start + cursor.batchSize);
    const done = end >= total;
    const parts: string[] = [];
    const result = cursor.result;
    if (result.kind === 'records') {
      for (let i = start; i < end; i++) parts.push(result.projection.json(result.rows[i]!, base));
    } else {
      for (let i = start; i < end; i++) parts.push(result.records[i]!);
    }
    if (done) this.cursors.delete(cursor.id);
    const next = done ? '' : `"nextRecordsUrl":"${base}/query/${cursor.id}-${end}",`;
    return `{"totalSize":${total},"done":${done},${next}"records":[${parts.join(',')}]}`;
  }
}

function totalOf(cursor: Cursor): number {
  return cursor.result.kind === 'records' ? cursor.result.rows.length : cursor.result.records.length;
}
