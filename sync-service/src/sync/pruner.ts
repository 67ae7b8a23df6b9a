// The pruner: deletes the metric rows Salesforce holds that a run no longer produces. DESIGN.md
// has the service write the last 12 fiscal quarters; when the as-of date enters a new quarter the
// oldest one leaves the window, and its rows (left alone) would keep the values of the day they
// were last written. Incremental and account runs delete the account rows they wrote before and no
// longer produce (a customer group's Hierarchy rows once it has no child left); whitespace cells go
// when their segment leaves the group (a moved subsidiary) or their family stops being sold.
// Deletes go 200 ids a call, each call behind the run's fence (the lock).
import type { Logger } from '../logger';
import type { OrgClient, RecordFailure } from '../salesforce/client';
import { COLLECTION_LIMIT } from '../salesforce/client';
import { idLiteral, selectFrom } from '../salesforce/soql';
import type { Fence } from './writer';

const OBJECT_OF: Record<string, string> = { A: 'Account_Metric__c', P: 'Program_Metric__c', W: 'Whitespace_Cell__c' };

/** Groups a cell query asks for at once (18-character ids: a short WHERE clause). */
const ROOTS_PER_QUERY = 200;

/**
 * The record Ids of the cells with these row keys (`W:<Cell_Key__c>`), by row key: cells are found
 * by their group's account id (keys hold family names, which are never put into SOQL). A key
 * Salesforce does not hold is left out: that cell is gone already.
 */
export async function cellIds(client: OrgClient, rowKeys: Iterable<string>): Promise<Map<string, string>> {
  const wanted = new Set([...rowKeys].filter((key) => key.startsWith('W:')));
  const roots = [...new Set([...wanted].map((key) => key.slice(2, 20)))];
  const ids = new Map<string, string>();
  for (let start = 0; start < roots.length; start += ROOTS_PER_QUERY) {
    const where = `Account__c IN (${roots.slice(start, start + ROOTS_PER_QUERY).map(idLiteral).join(', ')})`;
    await client.query(selectFrom('Whitespace_Cell__c', ['Id', 'Cell_Key__c'], where), (records) => {
      for (const record of records) {
        const key = `W:${String(record.Cell_Key__c)}`;
        if (wanted.has(key)) ids.set(key, String(record.Id));
      }
    });
  }
  return ids;
}

/**
 * Deletes the rows of `existing` (row key → record Id, as read from Salesforce) whose key is not
 * in `produced`. Returns how many were deleted and the failures by `<object>:<external key>`.
 */
export async function pruneRows(
  client: OrgClient,
  fence: Pick<Fence, 'check'>,
  existing: Map<string, string>,
  produced: { has(rowKey: string): boolean },
  logger: Logger
): Promise<{ deleted: number; failures: RecordFailure[] }> {
  const byObject = new Map<string, Array<{ key: string; id: string }>>();
  for (const [rowKey, id] of existing) {
    if (produced.has(rowKey)) continue;
    const object = OBJECT_OF[rowKey.slice(0, 1)];
    if (!object) continue;
    byObject.set(object, [...(byObject.get(object) ?? []), { key: rowKey.slice(2), id }]);
  }
  let deleted = 0;
  const failures: RecordFailure[] = [];
  for (const [object, rows] of byObject) {
    for (let start = 0; start < rows.length; start += COLLECTION_LIMIT) {
      await fence.check();
      const chunk = rows.slice(start, start + COLLECTION_LIMIT);
      const failed = await client.destroy(chunk.map((r) => r.id));
      const keyOf = new Map(chunk.map((r) => [r.id, r.key]));
      // A row someone deleted already is gone, which is what was wanted.
      const real = failed.filter((f) => f.code !== 'ENTITY_IS_DELETED' && f.code !== 'INVALID_CROSS_REFERENCE_KEY');
      deleted += chunk.length - real.length;
      for (const failure of real) failures.push({ ...failure, key: `${object}:${keyOf.get(failure.key) ?? failure.key}` });
    }
  }
  if (deleted > 0 || failures.length > 0) logger.info({ deleted, failed: failures.length }, 'deleted metric rows no longer produced');
  return { deleted, failures };
}

/** Account rows (A:) `stored` says were written that `produced` no longer has: a customer group that lost its last child, a deleted account. */
export function vanishedAccountRows(stored: Map<string, string>, produced: { has(rowKey: string): boolean }): string[] {
  return [...stored.keys()].filter((key) => key.startsWith('A:') && !produced.has(key));
}

/** Keys a look-up query names (Snapshot_Key__c IN (…) stays far below the SOQL length limit). */
const KEYS_PER_LOOKUP = 200;

/**
 * Deletes the account rows of `rowKeys` (A:<Snapshot_Key__c>) that Salesforce still holds: one
 * query per 200 keys finds their Ids (runs without a verify read do not know them), then
 * `pruneRows`. Nothing is called when there are none, so an idle run costs nothing more.
 */
export async function pruneAccountRows(
  client: OrgClient,
  fence: Pick<Fence, 'check'>,
  rowKeys: string[],
  logger: Logger
): Promise<{ deleted: number; failures: RecordFailure[] }> {
  const existing = new Map<string, string>();
  for (let start = 0; start < rowKeys.length; start += KEYS_PER_LOOKUP) {
    const keys = rowKeys.slice(start, start + KEYS_PER_LOOKUP).map((key) => `'${key.slice(2).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
    await client.query(selectFrom('Account_Metric__c', ['Id', 'Snapshot_Key__c'], `Snapshot_Key__c IN (${keys.join(', ')})`), (records) => {
      for (const record of records) existing.set(`A:${String(record.Snapshot_Key__c)}`, String(record.Id));
    });
  }
  return pruneRows(client, fence, existing, { has: () => false }, logger);
}
