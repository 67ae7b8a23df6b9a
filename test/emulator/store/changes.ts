// The store's change feed: every committed insert, update and delete becomes one RecordChange per
// record, handed to the listeners (Change Data Capture) when the outermost transaction commits.
// Changes made inside a transaction that rolls back are dropped with it, and several writes to one
// record in one transaction make one change, of the first write's type, as Salesforce publishes
// one change event per record per transaction.
import type { FieldDef } from '../schema/types';
import type { Cell } from './column';
import type { Table } from './table';

export type ChangeType = 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE';

export interface RecordChange {
  table: Table;
  row: number;
  type: ChangeType;
  /** The user row that made the (last) write. */
  actor: number;
  /** UPDATE: the stored fields whose value differs from before the transaction. */
  changedFields: FieldDef[];
  /** `com/salesforce/api/<api>/<version>[;client=<id>]` of the write, when an API set it. */
  origin: string | null;
}

/** Receives the changes of one committed transaction, in write order. */
export type ChangeListener = (changes: RecordChange[]) => void;

interface Pending {
  table: Table;
  row: number;
  type: ChangeType;
  actor: number;
  before: Map<string, Cell> | null;
  origin: string | null;
}

export class ChangeFeed {
  readonly listeners: ChangeListener[] = [];
  /** Set by the API layer before it writes (the store does not know which API called it). */
  origin: string | null = null;
  private pending: Pending[] | null = null;

  /** Opens a transaction level; pass the result to `close`. */
  open(): Pending[] | null {
    const outer = this.pending;
    this.pending = [];
    return outer;
  }

  /** Closes a level: a committed inner level joins its outer one, the outermost publishes. */
  close(outer: Pending[] | null, committed: boolean): void {
    const inner = this.pending ?? [];
    this.pending = outer;
    if (!committed) return;
    if (outer) outer.push(...inner);
    else if (inner.length > 0) this.publish(inner);
  }

  /** Notes that `row` is about to be written (before its cells change). */
  note(table: Table, row: number, type: ChangeType, actor: number): void {
    if (!this.pending || this.listeners.length === 0) return;
    let before: Map<string, Cell> | null = null;
    if (type === 'UPDATE') {
      before = new Map();
      for (const [name, column] of table.columns) before.set(name, column.get(row));
    }
    this.pending.push({ table, row, type, actor, before, origin: this.origin });
  }

  private publish(pending: Pending[]): void {
    const merged = new Map<string, Pending>();
    for (const change of pending) {
      const key = `${change.table.name}#${change.row}`;
      const first = merged.get(key);
      if (first) first.actor = change.actor;
      else merged.set(key, { ...change });
    }
    const changes = [...merged.values()].map(({ table, row, type, actor, before, origin }): RecordChange => {
      const changedFields: FieldDef[] = [];
      if (before) {
        for (const [name, column] of table.columns) {
          if (column.get(row) !== before.get(name)) changedFields.push(table.field(name)!);
        }
      }
      return { table, row, type, actor, changedFields, origin };
    });
    for (const listener of this.listeners) {
      try {
        listener(changes);
      } catch (error) {
        // A listener's failure must never undo or fail the committed write.
        process.stderr.write(`[org emulator] change listener: ${(error as Error).stack ?? String(error)}\n`);
      }
    }
  }
}
