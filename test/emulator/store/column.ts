// Column storage for one field of one table. Typed arrays keep a million rows small: numbers,
// dates (epoch days), datetimes (epoch ms) in Float64Array with NaN as null, checkboxes in bytes,
// references as the target's row number (-1 = null), picklists as codes into a per-column
// dictionary, text in a plain array created on first write.
import type { FieldDef } from '../schema/types';

export type ColumnKind = 'text' | 'number' | 'day' | 'time' | 'bool' | 'ref' | 'code';

/** A cell as the engine sees it: text, number (also days/ms), boolean, target row, or null. */
export type Cell = string | number | boolean | null;

export function columnKindOf(field: FieldDef, knownTarget: boolean): ColumnKind {
  switch (field.type) {
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return 'number';
    case 'date':
      return 'day';
    case 'datetime':
      return 'time';
    case 'boolean':
      return 'bool';
    case 'reference':
      return knownTarget && field.referenceTo.length === 1 ? 'ref' : 'text';
    case 'picklist':
      return 'code';
    default:
      return 'text';
  }
}

export class Column {
  readonly kind: ColumnKind;
  numbers: Float64Array = new Float64Array(0);
  flags: Uint8Array = new Uint8Array(0);
  refs: Int32Array = new Int32Array(0);
  codes: Uint16Array = new Uint16Array(0);
  texts: Array<string | null> | null = null;
  /** Picklist dictionary: code → value (code 0 is null). */
  readonly dictionary: string[] = [''];
  private readonly dictionaryIndex = new Map<string, number>();
  private capacity = 0;

  constructor(kind: ColumnKind) {
    this.kind = kind;
  }

  grow(capacity: number): void {
    if (capacity <= this.capacity) return;
    switch (this.kind) {
      case 'number':
      case 'day':
      case 'time': {
        const next = new Float64Array(capacity).fill(NaN);
        next.set(this.numbers);
        this.numbers = next;
        break;
      }
      case 'bool': {
        const next = new Uint8Array(capacity);
        next.set(this.flags);
        this.flags = next;
        break;
      }
      case 'ref': {
        const next = new Int32Array(capacity).fill(-1);
        next.set(this.refs);
        this.refs = next;
        break;
      }
      case 'code': {
        const next = new Uint16Array(capacity);
        next.set(this.codes);
        this.codes = next;
        break;
      }
      case 'text':
        if (this.texts) for (let i = this.texts.length; i < capacity; i++) this.texts.push(null);
        break;
    }
    this.capacity = capacity;
  }

  get(row: number): Cell {
    switch (this.kind) {
      case 'number':
      case 'day':
      case 'time': {
        const value = this.numbers[row]!;
        return Number.isNaN(value) ? null : value;
      }
      case 'bool':
        return this.flags[row] === 1;
      case 'ref': {
        const value = this.refs[row]!;
        return value < 0 ? null : value;
      }
      case 'code': {
        const code = this.codes[row]!;
        return code === 0 ? null : this.dictionary[code]!;
      }
      case 'text':
        return this.texts ? (this.texts[row] ?? null) : null;
    }
  }

  set(row: number, value: Cell): void {
    switch (this.kind) {
      case 'number':
      case 'day':
      case 'time':
        this.numbers[row] = value === null ? NaN : (value as number);
        break;
      case 'bool':
        this.flags[row] = value ? 1 : 0;
        break;
      case 'ref':
        this.refs[row] = value === null ? -1 : (value as number);
        break;
      case 'code':
        this.codes[row] = value === null ? 0 : this.codeOf(value as string);
        break;
      case 'text':
        if (value === null && !this.texts) return;
        if (!this.texts) {
          this.texts = new Array<string | null>(this.capacity).fill(null);
        }
        this.texts[row] = value as string | null;
        break;
    }
  }

  /** The dictionary code of a picklist value, adding it when new. */
  codeOf(value: string): number {
    let code = this.dictionaryIndex.get(value);
    if (code === undefined) {
      code = this.dictionary.length;
      if (code > 0xffff) throw new Error('picklist dictionary overflow');
      this.dictionary.push(value);
      this.dictionaryIndex.set(value, code);
    }
    return code;
  }
}
