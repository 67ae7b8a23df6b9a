// The record work of a Bulk ingest job (Bulk API 2.0 and 1.0 alike): CSV rows become inserts,
// updates, upserts by external id or deletes through the same DML entry points as the REST API,
// each record saved or failed on its own, in chunks so that a job is seen InProgress and can be
// aborted half way. Results keep the uploaded columns, as Salesforce's result files do.
import { SfError, recordError } from '../errors';
import type { Org } from '../org';
import type { FieldDef } from '../schema/types';
import type { Table } from '../store/table';
import { CsvError, type CsvTable } from './csv';

export const INGEST_OPERATIONS = ['insert', 'update', 'upsert', 'delete', 'hardDelete'] as const;
export type IngestOperation = (typeof INGEST_OPERATIONS)[number];

/** Records saved per step between which other requests are served (Salesforce's chunk of 200). */
const CHUNK = 200;
/** Bulk's value for "set this field to null"; an empty value leaves the field as it is. */
export const NULL_VALUE = '#N/A';

export interface RecordOutcome {
  /** The uploaded row, column for column. */
  row: string[];
  id: string;
  created: boolean;
  error: SfError | null;
}

/** The DML entry points a job writes through, bound to the job's user. */
export interface RecordWriter {
  insert(objectName: string, values: Record<string, unknown>): string;
  update(objectName: string, id: string, values: Record<string, unknown>): string;
  upsert(objectName: string, field: string, value: string, values: Record<string, unknown>): { id: string; created: boolean };
  remove(objectName: string, id: string): string;
  /** Deletes without the recycle bin. */
  purge(objectName: string, id: string): string;
}

/** Writes as `userRow` through the DML layer (`org.dml`), the single write path of the REST routes: the user's object permissions and field-level security apply. */
export function storeWriter(org: Org, userRow: number, apiVersion: string): RecordWriter {
  const store = org.store;
  const dml = org.dml;
  const user = org.users.user(userRow);
  // Jobs run between requests, so each write names the Bulk API as its change events' origin.
  const origin = `com/salesforce/api/bulkapi/${apiVersion}`;
  const as = <T>(write: () => T): T => {
    if (org.faults?.lockedRow()) throw rowLocked();
    store.changes.origin = origin;
    return write();
  };
  return {
    insert: (objectName, values) => as(() => dml.insert(user, objectName, values)),
    update: (objectName, id, values) => as(() => dml.update(user, objectName, id, values)),
    upsert: (objectName, field, value, values) => as(() => dml.upsert(user, objectName, field, value, values)),
    remove: (objectName, id) => as(() => dml.remove(user, objectName, id)),
    purge: (objectName, id) => as(() => dml.purge(user, objectName, id))
  };
}

/** A record another transaction holds (the `lockRow` fault): Salesforce's per-record UNABLE_TO_LOCK_ROW. */
export function rowLocked(): SfError {
  return recordError('UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record or 1 records');
}

/** `REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --`, Salesforce's sf__Error. */
export function bulkErrorText(error: SfError): string {
  const fields = error.fields.join(',');
  return `${error.errorCode}:${error.message}:${fields}${fields ? ' ' : ''}--`;
}

type Column =
  | { kind: 'id' }
  | { kind: 'field'; field: FieldDef }
  | { kind: 'parent'; relationship: string; externalField: string };

/** Maps the header to fields; an unknown column fails the job as Salesforce does. */
function columnsOf(table: Table, header: string[]): Column[] {
  return header.map((name) => {
    const dot = name.indexOf('.');
    if (dot > 0) {
      const relationship = table.def.parentRelationships.get(name.slice(0, dot).toLowerCase());
      if (relationship) return { kind: 'parent', relationship: relationship.relationshipName!, externalField: name.slice(dot + 1) };
    } else {
      const field = table.field(name);
      if (field?.type === 'id') return { kind: 'id' };
      if (field) return { kind: 'field', field };
    }
    throw new CsvError(`InvalidBatch : Field name not found : ${name}`);
  });
}

function typeError(field: FieldDef, value: string): SfError {
  return recordError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.label}: value not of required type: ${value}`, [field.name]);
}

/** A CSV value as the JSON value the DML layer takes (CSV carries only text). */
function csvValue(field: FieldDef, value: string): unknown {
  if (value === NULL_VALUE) return null;
  switch (field.type) {
    case 'boolean': {
      const lower = value.toLowerCase();
      if (lower === 'true' || lower === '1') return true;
      if (lower === 'false' || lower === '0') return false;
      throw typeError(field, value);
    }
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      if (value.trim() === '' || !Number.isFinite(Number(value))) throw typeError(field, value);
      return Number(value);
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value)) throw typeError(field, value);
      return value;
    case 'datetime':
      if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value)) throw typeError(field, value);
      return value;
    default:
      return value;
  }
}

export class IngestRun {
  readonly outcomes: RecordOutcome[] = [];
  /** Rows not reached because the job was aborted (or failed). */
  unprocessed: string[][] = [];
  private readonly columns: Column[];
  private readonly idColumn: number;
  private readonly externalColumn: number;
  private next = 0;

  constructor(
    readonly table: Table,
    readonly operation: IngestOperation,
    readonly externalIdField: string | null,
    readonly data: CsvTable,
    private readonly writer: RecordWriter
  ) {
    this.columns = columnsOf(table, data.header);
    this.idColumn = this.columns.findIndex((c) => c.kind === 'id');
    this.externalColumn =
      operation === 'upsert' && externalIdField
        ? data.header.findIndex((name) => name.toLowerCase() === externalIdField.toLowerCase())
        : -1;
  }

  get done(): boolean {
    return this.next >= this.data.rows.length;
  }

  get failed(): number {
    return this.outcomes.filter((o) => o.error).length;
  }

  /** Saves the next chunk of records; true while rows remain. */
  step(): boolean {
    const end = Math.min(this.data.rows.length, this.next + CHUNK);
    for (; this.next < end; this.next++) this.outcomes.push(this.save(this.data.rows[this.next]!));
    return !this.done;
  }

  /** Stops here: what was not saved is reported as unprocessed. */
  stop(): void {
    this.unprocessed = this.data.rows.slice(this.next);
    this.next = this.data.rows.length;
  }

  private save(row: string[]): RecordOutcome {
    const givenId = this.idColumn >= 0 ? (row[this.idColumn] ?? '').trim() : '';
    try {
      const { id, created } = this.write(row, givenId);
      return { row, id, created, error: null };
    } catch (error) {
      if (!(error instanceof SfError)) throw error;
      const reported = error.status === 404 && error.errorCode === 'NOT_FOUND' ? recordError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id') : error;
      return { row, id: this.operation === 'insert' || this.operation === 'upsert' ? '' : givenId, created: false, error: reported };
    }
  }

  private write(row: string[], givenId: string): { id: string; created: boolean } {
    const object = this.table.name;
    switch (this.operation) {
      case 'delete':
      case 'hardDelete': {
        if (!givenId) throw recordError('MISSING_ARGUMENT', 'Id not specified in a delete call', ['Id']);
        const id = this.operation === 'delete' ? this.writer.remove(object, givenId) : this.writer.purge(object, givenId);
        return { id, created: false };
      }
      case 'insert':
        if (givenId) throw recordError('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']);
        return { id: this.writer.insert(object, this.values(row)), created: true };
      case 'update':
        if (!givenId) throw recordError('MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
        return { id: this.writer.update(object, givenId, this.values(row)), created: false };
      case 'upsert': {
        const field = this.externalIdField!;
        const key = this.externalColumn >= 0 ? (row[this.externalColumn] ?? '').trim() : '';
        if (!key) {
          // An upsert on Id with no Id inserts (Data Loader's "upsert" of new rows).
          if (this.table.field(field)?.type === 'id') return { id: this.writer.insert(object, this.values(row)), created: true };
          throw recordError('MISSING_ARGUMENT', `${field} not specified`, [field]);
        }
        return this.writer.upsert(object, field, key, this.values(row));
      }
    }
  }

  /** The record's values: empty cells are left out, `#N/A` is null, parents by external id nest. */
  private values(row: string[]): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    this.columns.forEach((column, index) => {
      const text = row[index] ?? '';
      if (text === '' || column.kind === 'id') return;
      if (column.kind === 'field') values[column.field.name] = csvValue(column.field, text);
      else values[column.relationship] = { [column.externalField]: text };
    });
    return values;
  }
}

/** Runs a job's records a chunk at a time, yielding to other requests between chunks. */
export function runInChunks(run: IngestRun, isAborted: () => boolean, onDone: () => void): void {
  const tick = (): void => {
    if (isAborted()) {
      run.stop();
      onDone();
      return;
    }
    if (run.step()) setImmediate(tick);
    else onDone();
  };
  setImmediate(tick);
}

const hardDeleteGrants = new WeakMap<Org, Set<number>>();

/** Gives a user the "Bulk API Hard Delete" permission (no profile or permission set has it by default). */
export function grantHardDelete(org: Org, userRow: number): void {
  const users = hardDeleteGrants.get(org) ?? new Set<number>();
  users.add(userRow);
  hardDeleteGrants.set(org, users);
}

/** The user may delete without the recycle bin: "Bulk API Hard Delete" from a permission set (or granted by a test). */
export function mayHardDelete(org: Org, userRow: number): boolean {
  return (hardDeleteGrants.get(org)?.has(userRow) ?? false) || org.access.hasUserPermission(org.users.user(userRow), 'BulkApiHardDelete');
}
