// Change events as a CometD client receives them: `{schema, payload: {ChangeEventHeader, …fields},
// event: {replayId}}`. The body follows the platform's JSON rules: CREATE and UNDELETE carry every
// non-empty field, UPDATE only the changed ones (nulls included) plus LastModifiedDate, DELETE
// none; IsDeleted, SystemModstamp, formula fields and Id are never sent; names and addresses come
// as compound fields (`Name: {FirstName, LastName}`, `BillingAddress: {City, …}`).
import crypto from 'node:crypto';
import type { ChangeType, RecordChange } from '../store/changes';
import type { Cell } from '../store/column';
import type { Table } from '../store/table';
import { dayToIso } from '../store/values';
import type { FieldDef } from '../schema/types';

export interface ChangeEventHeader {
  entityName: string;
  recordIds: string[];
  changeType: ChangeType | `GAP_${ChangeType}`;
  changeOrigin: string;
  transactionKey: string;
  sequenceNumber: number;
  commitTimestamp: number;
  commitNumber: number;
  commitUser: string;
  nulledFields: string[];
  diffFields: string[];
  changedFields: string[];
}

export interface ChangeEventData {
  schema: string;
  payload: { ChangeEventHeader: ChangeEventHeader } & Record<string, unknown>;
  event: { replayId: number };
}

const NAME_PARTS = ['Salutation', 'FirstName', 'MiddleName', 'LastName', 'Suffix'];
const ADDRESS_PARTS = ['Street', 'City', 'State', 'PostalCode', 'Country', 'StateCode', 'CountryCode', 'Latitude', 'Longitude', 'GeocodeAccuracy'];
const ADDRESS_PREFIXES = ['Billing', 'Shipping', 'Mailing', 'Other'];
const NEVER_SENT = new Set(['systemmodstamp']);

/** Where a stored field goes in the body: top level, or a part of a compound field. */
interface Placement {
  field: FieldDef;
  compound: string | null;
  part: string;
}

const placements = new WeakMap<Table, Map<string, Placement | null>>();

function placementOf(table: Table, name: string): Placement | null {
  let byName = placements.get(table);
  if (!byName) {
    byName = new Map();
    placements.set(table, byName);
  }
  if (byName.has(name)) return byName.get(name)!;
  const field = table.field(name)!;
  const personName = table.field('FirstName') !== undefined && table.field('LastName') !== undefined;
  let placement: Placement | null = { field, compound: null, part: field.name };
  if (NEVER_SENT.has(name) || (personName && field.name === 'Name')) placement = null;
  else if (personName && NAME_PARTS.includes(field.name)) placement = { field, compound: 'Name', part: field.name };
  else {
    const prefix = ADDRESS_PREFIXES.find((p) => field.name.startsWith(p) && ADDRESS_PARTS.includes(field.name.slice(p.length)));
    if (prefix) placement = { field, compound: `${prefix}Address`, part: field.name.slice(prefix.length) };
  }
  byName.set(name, placement);
  return placement;
}

function wireValue(field: FieldDef, cell: Cell, referenceId: (field: FieldDef, cell: Cell) => string | null): unknown {
  if (cell === null) return null;
  switch (field.type) {
    case 'date':
      return dayToIso(cell as number);
    case 'datetime':
      return `${new Date(cell as number).toISOString().slice(0, 19)}Z`;
    case 'reference':
      return referenceId(field, cell);
    default:
      return cell;
  }
}

/** The body fields and the header's field lists of one record change. */
export function changeBody(
  change: RecordChange,
  referenceId: (field: FieldDef, cell: Cell) => string | null
): { body: Record<string, unknown>; changedFields: string[]; nulledFields: string[] } {
  const { table, row, type } = change;
  const body: Record<string, unknown> = {};
  const changedFields: string[] = [];
  const nulledFields: string[] = [];
  if (type === 'DELETE') return { body, changedFields, nulledFields };
  const put = (placement: Placement, value: unknown): void => {
    if (placement.compound === null) body[placement.part] = value;
    else ((body[placement.compound] ??= {}) as Record<string, unknown>)[placement.part] = value;
  };
  const listed = (placement: Placement): string => (placement.compound ? `${placement.compound}.${placement.part}` : placement.part);
  if (type === 'UPDATE') {
    const fields = new Set(change.changedFields.map((f) => f.name.toLowerCase()));
    fields.add('lastmodifieddate');
    for (const name of table.columns.keys()) {
      if (!fields.has(name)) continue;
      const placement = placementOf(table, name);
      if (!placement) continue;
      const value = wireValue(placement.field, table.column(name)!.get(row), referenceId);
      put(placement, value);
      changedFields.push(listed(placement));
      if (value === null) nulledFields.push(listed(placement));
    }
    return { body, changedFields, nulledFields };
  }
  for (const [name, column] of table.columns) {
    const placement = placementOf(table, name);
    const cell = column.get(row);
    if (!placement || cell === null) continue;
    put(placement, wireValue(placement.field, cell, referenceId));
  }
  return { body, changedFields, nulledFields };
}

/** A stable schema id per change event type, shaped like the platform's (22 base64url characters). */
export function schemaId(table: Table): string {
  const digest = crypto.createHash('sha256').update(`${table.name}:${[...table.columns.keys()].join(',')}`).digest('base64url');
  return digest.slice(0, 22);
}
