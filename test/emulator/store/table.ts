// One object's records, stored column-wise. Row numbers are encoded in the record ids, so an id
// resolves to its row without an index; unique and external-id fields keep a value → rows map.
import { makeId, rowOfId } from '../ids';
import type { FieldDef, ObjectDef } from '../schema/types';
import { Column, columnKindOf } from './column';

/** Row states: never saved (a failed insert burns its row), live, or in the recycle bin. */
export const VOID = 0;
export const LIVE = 1;
export const DELETED = 2;

export class Table {
  readonly def: ObjectDef;
  readonly name: string;
  readonly prefix: string;
  size = 0;
  state: Uint8Array = new Uint8Array(0);
  readonly columns = new Map<string, Column>();
  /** Lower-cased field name → normalised value → rows holding it. */
  readonly indexes = new Map<string, Map<string, number[]>>();
  readonly autoNumbers = new Map<string, number>();
  private capacity = 0;

  constructor(def: ObjectDef, isKnownObject: (name: string) => boolean) {
    this.def = def;
    this.name = def.name;
    this.prefix = def.keyPrefix;
    for (const field of def.fields) {
      if (field.type === 'id' || field.formula || field.name === 'IsDeleted') continue;
      const known = field.referenceTo.length === 1 && isKnownObject(field.referenceTo[0]!);
      this.columns.set(field.name.toLowerCase(), new Column(columnKindOf(field, known)));
      if (field.unique || field.externalId) this.indexes.set(field.name.toLowerCase(), new Map());
    }
  }

  field(name: string): FieldDef | undefined {
    return this.def.fieldsByName.get(name.toLowerCase());
  }

  column(name: string): Column | undefined {
    return this.columns.get(name.toLowerCase());
  }

  /** Makes room for `extra` more rows; returns the first new row. */
  reserve(extra: number): number {
    const needed = this.size + extra;
    if (needed > this.capacity) {
      const capacity = Math.max(needed, Math.ceil(this.capacity * 1.5), 16);
      const state = new Uint8Array(capacity);
      state.set(this.state);
      this.state = state;
      for (const column of this.columns.values()) column.grow(capacity);
      this.capacity = capacity;
    }
    const first = this.size;
    this.size = needed;
    return first;
  }

  id(row: number): string {
    return makeId(this.prefix, row);
  }

  /** The row of an id of this object that exists (live or deleted), else -1. */
  rowOf(id: string): number {
    const row = rowOfId(id, this.prefix);
    return row >= 0 && row < this.size && this.state[row] !== VOID ? row : -1;
  }

  isLive(row: number): boolean {
    return this.state[row] === LIVE;
  }

  liveCount(): number {
    let count = 0;
    for (let row = 0; row < this.size; row++) if (this.state[row] === LIVE) count++;
    return count;
  }

  indexKey(field: FieldDef, value: string | number | boolean | null): string | null {
    if (value === null || value === '') return null;
    const text = String(value);
    return field.caseSensitive ? text : text.toLowerCase();
  }

  /** Live rows whose indexed `field` equals `value`. */
  lookup(field: FieldDef, value: string): number[] {
    const index = this.indexes.get(field.name.toLowerCase());
    const key = this.indexKey(field, value);
    if (!index || key === null) return [];
    return (index.get(key) ?? []).filter((row) => this.state[row] === LIVE);
  }

  unindex(fieldName: string, key: string | null, row: number): void {
    if (key === null) return;
    const index = this.indexes.get(fieldName);
    const rows = index?.get(key);
    if (!index || !rows) return;
    const at = rows.indexOf(row);
    if (at >= 0) rows.splice(at, 1);
    if (rows.length === 0) index.delete(key);
  }

  addToIndex(fieldName: string, key: string | null, row: number): void {
    if (key === null) return;
    const index = this.indexes.get(fieldName);
    if (!index) return;
    const rows = index.get(key);
    if (rows) rows.push(row);
    else index.set(key, [row]);
  }
}
