// Resolves SOQL field paths (`Name`, `Account.Owner.Name`, `Account_Plan__r.Account__c`) against
// the schema into cell readers over the column store.
import { SfError } from '../errors';
import type { FieldDef } from '../schema/types';
import type { Cell } from '../store/column';
import type { Store } from '../store/store';
import type { Table } from '../store/table';
import type { Viewer } from '../security/access';

/** How a resolved value compares: ids and references are rows of `rowTable`. */
export type ValueKind = 'text' | 'number' | 'day' | 'time' | 'bool' | 'row' | 'multi';

export interface ResolvedPath {
  field: FieldDef;
  /** The table that owns `field`. */
  table: Table;
  /** Reference fields followed from the root table, in order. */
  relations: FieldDef[];
  /** Canonical names: relationship names then the field name. */
  names: string[];
  kind: ValueKind;
  /** For kind 'row': the table whose rows the values are. */
  rowTable: Table | null;
  /** Root row → cell (rows for kind 'row', null when a parent on the way is empty). */
  get: (row: number) => Cell;
}

export function invalidField(table: Table, name: string): SfError {
  return new SfError(
    400,
    'INVALID_FIELD',
    `No such column '${name}' on entity '${table.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
  );
}

function invalidRelationship(table: Table, name: string): SfError {
  return new SfError(
    400,
    'INVALID_FIELD',
    `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names. (object ${table.name})`
  );
}

/** Strips a leading object name or alias (`Opportunity.Name`, `o.Name`). */
export function pathParts(raw: string, root: Table, alias: string | undefined): string[] {
  const parts = raw.split('.');
  if (parts.length > 1) {
    const first = parts[0]!.toLowerCase();
    if ((alias && first === alias.toLowerCase()) || (first === root.name.toLowerCase() && !root.def.parentRelationships.has(first))) {
      return parts.slice(1);
    }
  }
  return parts;
}

/**
 * `viewer` hides what the querying user may not read, with the errors Salesforce gives for fields
 * and relationships that do not exist (to that user they do not).
 */
export function resolvePath(store: Store, root: Table, parts: string[], viewer: Viewer | null = null): ResolvedPath {
  let table = root;
  const relations: FieldDef[] = [];
  const names: string[] = [];
  let hop: (row: number) => number = (row) => row;
  for (let i = 0; i < parts.length - 1; i++) {
    const relation = table.def.parentRelationships.get(parts[i]!.toLowerCase());
    const column = relation ? table.column(relation.name) : undefined;
    if (!relation || !column || column.kind !== 'ref') throw invalidRelationship(table, parts[i]!);
    if (viewer && (!viewer.canReadField(table.name, relation) || !viewer.canReadObject(relation.referenceTo[0]!))) {
      throw invalidRelationship(table, parts[i]!);
    }
    const refs = (): Int32Array => column.refs;
    const previous = hop;
    hop = (row) => {
      const at = previous(row);
      return at < 0 ? -1 : refs()[at]!;
    };
    relations.push(relation);
    names.push(relation.relationshipName!);
    table = store.table(relation.referenceTo[0]!)!;
  }
  const last = parts[parts.length - 1]!;
  const field = table.field(last);
  if (!field || (viewer && !viewer.canReadField(table.name, field))) throw invalidField(table, last);
  names.push(field.name);
  const owner = table;
  let kind: ValueKind;
  let rowTable: Table | null = null;
  let read: (row: number) => Cell;
  if (field.type === 'id') {
    kind = 'row';
    rowTable = owner;
    read = (row) => row;
  } else {
    const column = owner.column(field.name);
    const cell = store.cellGetter(owner, field);
    read = cell;
    switch (field.type) {
      case 'int':
      case 'double':
      case 'currency':
      case 'percent':
        kind = 'number';
        break;
      case 'date':
        kind = 'day';
        break;
      case 'datetime':
        kind = 'time';
        break;
      case 'boolean':
        kind = 'bool';
        break;
      case 'multipicklist':
        kind = 'multi';
        break;
      case 'reference':
        if (column?.kind === 'ref') {
          kind = 'row';
          rowTable = store.table(field.referenceTo[0]!)!;
        } else kind = 'text';
        break;
      default:
        kind = 'text';
    }
  }
  const get: (row: number) => Cell =
    relations.length === 0
      ? read
      : (row) => {
          const at = hop(row);
          return at < 0 ? null : read(at);
        };
  return { field, table: owner, relations, names, kind, rowTable, get };
}
