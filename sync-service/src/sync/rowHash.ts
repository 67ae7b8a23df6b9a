// Content hashes of metric rows: a row whose hash equals the one stored after its last successful
// write is not written again. Computed_At__c is the write time, not content, so it is left out.
import crypto from 'node:crypto';
import type { AccountMetricRow, MetricsResult, ProgramMetricRow } from '../metrics';
import type { WhitespaceCellRow } from '../metrics/whitespace';

/** A stable text for a plain object: keys sorted, Computed_At__c dropped. */
export function canonicalRow(row: object): string {
  const entries = Object.entries(row)
    .filter(([key]) => key !== 'Computed_At__c')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

export function rowHash(row: object): string {
  return crypto.createHash('sha256').update(canonicalRow(row)).digest('base64url').slice(0, 22);
}

/** The Redis field naming a row: its object and external key. */
export function accountRowKey(row: Pick<AccountMetricRow, 'Snapshot_Key__c'>): string {
  return `A:${row.Snapshot_Key__c}`;
}

export function programRowKey(row: Pick<ProgramMetricRow, 'Period_Key__c'>): string {
  return `P:${row.Period_Key__c}`;
}

export function cellRowKey(row: Pick<WhitespaceCellRow, 'Cell_Key__c'>): string {
  return `W:${row.Cell_Key__c}`;
}

/** Whitespace cells are rows of their own object, computed beside the metric rows. */
export type RowsToWrite = Pick<MetricsResult, 'accountMetrics' | 'programMetrics'> & { whitespaceCells?: WhitespaceCellRow[] };

export interface RowDiff {
  accountRows: AccountMetricRow[];
  programRows: ProgramMetricRow[];
  cellRows: WhitespaceCellRow[];
  unchanged: number;
  /** Hash of every row considered, by row key. */
  hashes: Map<string, string>;
}

/**
 * The rows whose content differs from the stored hash (or that have none). `includeAccount`
 * limits the account rows and cells considered (single-account runs: a cell counts when its group
 * or its segment is included); program rows are always considered.
 */
export function diffRows(
  result: RowsToWrite,
  stored: Map<string, string>,
  includeAccount: (accountId: string) => boolean = () => true
): RowDiff {
  const diff: RowDiff = { accountRows: [], programRows: [], cellRows: [], unchanged: 0, hashes: new Map() };
  for (const row of result.accountMetrics) {
    if (!includeAccount(row.Account__c)) continue;
    const key = accountRowKey(row);
    const hash = rowHash(row);
    diff.hashes.set(key, hash);
    if (stored.get(key) === hash) diff.unchanged++;
    else diff.accountRows.push(row);
  }
  for (const row of result.programMetrics) {
    const key = programRowKey(row);
    const hash = rowHash(row);
    diff.hashes.set(key, hash);
    if (stored.get(key) === hash) diff.unchanged++;
    else diff.programRows.push(row);
  }
  for (const row of result.whitespaceCells ?? []) {
    if (!includeAccount(row.Account__c) && !includeAccount(row.Segment_Account__c)) continue;
    const key = cellRowKey(row);
    const hash = rowHash(row);
    diff.hashes.set(key, hash);
    if (stored.get(key) === hash) diff.unchanged++;
    else diff.cellRows.push(row);
  }
  return diff;
}
