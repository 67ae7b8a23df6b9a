// SOQL: parse (soql-parser-js), plan against the schema, execute over the column store, and
// serialize records in the REST (JSON) and Bulk 2.0 (CSV) shapes. Results are row lists, so a
// cursor pages through them without running the query again.
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import { SfError, malformedQuery } from '../errors';
import { fieldDefaults, type ChildRelationship, type FieldDef } from '../schema/types';
import type { Cell } from '../store/column';
import type { Store } from '../store/store';
import { DELETED, LIVE, type Table } from '../store/table';
import { dayToIso, formatNumber, msToIso } from '../store/values';
import type { CalendarSettings } from './dateLiterals';
import type { Viewer } from '../security/access';
import { pathParts, resolvePath, type ResolvedPath, type ValueKind } from './paths';
import { compileWhere, dateFunctionPath, type Predicate, type WhereContext } from './where';

export interface QueryOptions {
  /** queryAll: rows in the recycle bin are included. */
  includeDeleted: boolean;
  /** Bulk API 2.0 rejects what it does not support (subqueries, aggregates, OFFSET). */
  bulk?: boolean;
  /** The querying user's view: objects and fields they may not read do not exist (null: an admin). */
  viewer?: Viewer | null;
}

export interface Projection {
  /** The record's JSON, attributes included; `base` is `/services/data/vXX.X`. */
  json(row: number, base: string): string;
  csvHeader: string[];
  csvRow(row: number): Array<string | null>;
}

export type QueryResult =
  | { kind: 'records'; table: Table; rows: Int32Array; projection: Projection }
  | { kind: 'count'; table: Table; total: number }
  | { kind: 'aggregate'; table: Table; records: string[] };

type ParsedQuery = Record<string, unknown> & {
  sObject?: string;
  sObjectAlias?: string;
  fields?: Array<Record<string, unknown>>;
  where?: unknown;
  orderBy?: Array<Record<string, unknown>> | Record<string, unknown>;
  groupBy?: Array<Record<string, unknown>> | Record<string, unknown>;
  limit?: number;
  offset?: number;
};

export function parseSoql(soql: string): ParsedQuery {
  try {
    return parseQuery(soql) as unknown as ParsedQuery;
  } catch (error) {
    const message = (error as Error).message.split('\n').slice(0, 4).join(' ').replace(/\s+/g, ' ');
    throw malformedQuery(`${soql.length > 200 ? `${soql.slice(0, 200)}…` : soql}\n^\nERROR: ${message}`);
  }
}

export function calendarOf(store: Store): CalendarSettings & { usesStartDateAsFiscalYearName: boolean } {
  const org = store.table('Organization');
  const live = org && org.size > 0;
  return {
    today: store.clock.today(),
    timeZone: store.clock.timeZone,
    fiscalYearStartMonth: live ? Number(org.column('FiscalYearStartMonth')!.get(0) ?? 1) : 1,
    usesStartDateAsFiscalYearName: live ? org.column('UsesStartDateAsFiscalYearName')!.get(0) === true : false
  };
}

export function runQuery(store: Store, soql: string, options: QueryOptions): QueryResult {
  return runParsed(store, parseSoql(soql), options);
}

function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function unsupported(feature: string): SfError {
  return malformedQuery(`${feature} is not supported by the emulator`);
}

function runParsed(store: Store, query: ParsedQuery, options: QueryOptions): QueryResult {
  const table = store.table(String(query.sObject ?? ''));
  if (!table || (options.viewer && !options.viewer.canReadObject(table.name))) {
    throw new SfError(
      400,
      'INVALID_TYPE',
      `sObject type '${String(query.sObject)}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
    );
  }
  if (query.having && asList(query.groupBy).length === 0) throw malformedQuery('HAVING can only be used with GROUP BY');
  for (const clause of ['usingScope', 'update'] as const) {
    if (query[clause]) throw unsupported(clause === 'usingScope' ? 'USING SCOPE' : clause.toUpperCase());
  }
  if (query.for && String(query.for).toUpperCase() === 'UPDATE') throw unsupported('FOR UPDATE');
  if ((query.offset ?? 0) > 2000) {
    throw new SfError(400, 'NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is 2000`);
  }
  const context: WhereContext = {
    store,
    table,
    alias: query.sObjectAlias,
    calendar: calendarOf(store),
    viewer: options.viewer ?? null,
    semiJoin: (sub) => semiJoin(store, sub as ParsedQuery, options)
  };
  const fields = query.fields ?? [];
  const isCountOnly = fields.length === 1 && fields[0]!.functionName === 'COUNT' && asList(fields[0]!.parameters as string[]).length === 0;
  const aggregated = asList(query.groupBy).length > 0 || fields.some((f) => f.isAggregateFn && !isDateFunction(f));
  if (options.bulk && (aggregated || query.offset || fields.some((f) => f.type === 'FieldSubquery'))) {
    throw new SfError(400, 'INVALIDJOB', 'Bulk API 2.0 queries support neither aggregate functions, GROUP BY, OFFSET nor subqueries');
  }
  const predicate = query.where ? compileWhere(query.where as never, context) : null;

  if (isCountOnly) {
    if (asList(query.groupBy).length > 0) throw unsupported('COUNT() with GROUP BY');
    let total = 0;
    scan(table, options.includeDeleted, predicate, () => total++);
    if (query.offset) total = Math.max(0, total - query.offset);
    if (query.limit !== undefined) total = Math.min(total, query.limit);
    return { kind: 'count', table, total };
  }
  if (fields.some((f) => f.functionName === 'COUNT' && asList(f.parameters as string[]).length === 0)) {
    throw malformedQuery('COUNT() must be the only element in the SELECT list');
  }
  if (aggregated) return runAggregate(store, table, query, context, predicate, options);

  const projection = buildProjection(store, table, fields, context, options, query);
  let rows: Int32Array = matchingRows(table, options.includeDeleted, predicate);
  const order = asList(query.orderBy);
  if (order.length > 0) rows = sortRows(rows, order.map((item) => sortKey(item, context)));
  const offset = query.offset ?? 0;
  const end = query.limit !== undefined ? Math.min(rows.length, offset + query.limit) : rows.length;
  if (offset > 0 || end < rows.length) rows = rows.slice(Math.min(offset, rows.length), end);
  return { kind: 'records', table, rows, projection };
}

/** The conditions of a HAVING clause, in order. */
function havingConditions(having: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let node = having as { left?: Record<string, unknown> | null; right?: unknown } | undefined; node; node = node.right as typeof node) {
    if (node.left) out.push(node.left);
  }
  return out;
}

function isDateFunction(field: Record<string, unknown>): boolean {
  return /^(CALENDAR_|FISCAL_|DAY_IN_|DAY_ONLY|HOUR_IN_DAY|WEEK_IN_)/i.test(String(field.functionName ?? ''));
}

function scan(table: Table, includeDeleted: boolean, predicate: Predicate | null, visit: (row: number) => void): void {
  const state = table.state;
  const size = table.size;
  for (let row = 0; row < size; row++) {
    const s = state[row];
    if (s !== LIVE && !(includeDeleted && s === DELETED)) continue;
    if (predicate === null || predicate(row)) visit(row);
  }
}

/** The rows a scan accepts, without building an intermediate JS array. */
function matchingRows(table: Table, includeDeleted: boolean, predicate: Predicate | null): Int32Array {
  const rows = new Int32Array(table.size);
  let count = 0;
  scan(table, includeDeleted, predicate, (row) => {
    rows[count++] = row;
  });
  return rows.slice(0, count);
}

function semiJoin(store: Store, sub: ParsedQuery, options: QueryOptions): { kind: ValueKind; values: Cell[]; rowTable: Table | null } {
  const fields = sub.fields ?? [];
  if (fields.length !== 1 || (fields[0]!.type !== 'Field' && fields[0]!.type !== 'FieldRelationship')) {
    throw malformedQuery('a semi-join subquery must select exactly one field');
  }
  const result = runParsed(store, { ...sub, fields }, { includeDeleted: false, bulk: options.bulk, viewer: options.viewer });
  if (result.kind !== 'records') throw malformedQuery('a semi-join subquery must select a field');
  const field = fields[0]!;
  const raw = field.type === 'Field' ? String(field.field) : (field.rawValue as string);
  const path = resolvePath(store, result.table, pathParts(raw, result.table, sub.sObjectAlias), options.viewer);
  return { kind: path.kind, values: Array.from(result.rows, (row) => path.get(row)), rowTable: path.rowTable };
}

// ---- ordering ------------------------------------------------------------------------------

interface SortKey {
  get: (row: number) => Cell;
  kind: ValueKind;
  descending: boolean;
  nullsFirst: boolean;
  rowTable: Table | null;
}

function sortKey(item: Record<string, unknown>, ctx: WhereContext): SortKey {
  let path: ResolvedPath;
  if (item.fn) path = dateFunctionPath(item.fn as never, ctx);
  else path = resolvePath(ctx.store, ctx.table, pathParts(String(item.field), ctx.table, ctx.alias), ctx.viewer);
  if (path.field.type === 'textarea' && path.field.length > 255) {
    throw malformedQuery(`field '${path.field.name}' can not be sorted in a query call`);
  }
  const descending = String(item.order ?? 'ASC').toUpperCase() === 'DESC';
  const nulls = item.nulls ? String(item.nulls).toUpperCase() : descending ? 'LAST' : 'FIRST';
  return { get: path.get, kind: path.kind, descending, nullsFirst: nulls === 'FIRST', rowTable: path.rowTable };
}

/**
 * Sorts positions by one numeric key with the native (comparator-free) Float64Array sort by
 * packing `key * n + position` into one exact double; null keys go first or last. Returns null
 * when the keys are not integers (after dropping whole seconds) or the packing would lose bits.
 */
function packedSort(values: Float64Array, descending: boolean, nullsFirst: boolean): Uint32Array | null {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let wholeSeconds = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v)) return null;
    if (v % 1000 !== 0) wholeSeconds = false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const unit = wholeSeconds && max !== min ? 1000 : 1;
  const span = min === Infinity ? 0 : (max - min) / unit;
  if ((span + 1) * n >= Number.MAX_SAFE_INTEGER) return null;
  const packed = new Float64Array(n);
  let keyed = 0;
  const nulls: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      nulls.push(i);
      continue;
    }
    const key = descending ? (max - v) / unit : (v - min) / unit;
    packed[keyed++] = key * n + i;
  }
  const sorted = packed.subarray(0, keyed).sort();
  const positions = new Uint32Array(n);
  let at = 0;
  if (nullsFirst) for (const i of nulls) positions[at++] = i;
  for (let k = 0; k < keyed; k++) positions[at++] = sorted[k]! % n;
  if (!nullsFirst) for (const i of nulls) positions[at++] = i;
  return positions;
}

function sortRows(rows: Int32Array, keys: SortKey[]): Int32Array {
  const n = rows.length;
  const columns = keys.map((key) => {
    if (key.kind === 'number' || key.kind === 'day' || key.kind === 'time' || key.kind === 'bool') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const cell = key.get(rows[i]!);
        values[i] = cell === null ? NaN : Number(cell);
      }
      return values;
    }
    const values: Array<string | null> = new Array(n);
    for (let i = 0; i < n; i++) {
      const cell = key.get(rows[i]!);
      values[i] = cell === null ? null : key.kind === 'row' ? key.rowTable!.id(cell as number) : String(cell).toLowerCase();
    }
    return values;
  });
  const single = keys.length === 1 && columns[0] instanceof Float64Array ? packedSort(columns[0], keys[0]!.descending, keys[0]!.nullsFirst) : null;
  const positions = single ?? new Uint32Array(n);
  if (!single) for (let i = 0; i < n; i++) positions[i] = i;
  if (!single) positions.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const column = columns[k]!;
      const x = column[a]!;
      const y = column[b]!;
      const xNull = x === null || (typeof x === 'number' && Number.isNaN(x));
      const yNull = y === null || (typeof y === 'number' && Number.isNaN(y));
      if (xNull || yNull) {
        if (xNull && yNull) continue;
        return xNull === key.nullsFirst ? -1 : 1;
      }
      if (x === y) continue;
      const less = x < y;
      return (less ? -1 : 1) * (key.descending ? -1 : 1);
    }
    return a - b;
  });
  const sorted = new Int32Array(n);
  for (let i = 0; i < n; i++) sorted[i] = rows[positions[i]!]!;
  return sorted;
}

// ---- projection ----------------------------------------------------------------------------

type Node =
  | { kind: 'leaf'; key: string; format: (row: number) => string }
  | { kind: 'parent'; key: string; table: Table; refs: () => Int32Array; children: Node[] }
  | { kind: 'children'; key: string; render: (row: number, base: string) => string };

function formatter(path: ResolvedPath): (cell: Cell) => string {
  switch (path.kind) {
    case 'row':
      return (cell) => (cell === null ? 'null' : `"${path.rowTable!.id(cell as number)}"`);
    case 'number':
      return (cell) => (cell === null ? 'null' : formatNumber(cell as number));
    case 'bool':
      return (cell) => (cell === null ? 'null' : cell ? 'true' : 'false');
    case 'day':
      return (cell) => (cell === null ? 'null' : `"${dayToIso(cell as number)}"`);
    case 'time':
      return (cell) => (cell === null ? 'null' : `"${msToIso(cell as number)}"`);
    default:
      return (cell) => (cell === null ? 'null' : JSON.stringify(cell));
  }
}

function csvFormatter(path: ResolvedPath): (cell: Cell) => string | null {
  switch (path.kind) {
    case 'row':
      return (cell) => (cell === null ? null : path.rowTable!.id(cell as number));
    case 'number':
      return (cell) => (cell === null ? null : formatNumber(cell as number));
    case 'bool':
      return (cell) => (cell === null ? null : String(cell));
    case 'day':
      return (cell) => (cell === null ? null : dayToIso(cell as number));
    case 'time':
      return (cell) => (cell === null ? null : new Date(cell as number).toISOString());
    default:
      return (cell) => (cell === null ? null : String(cell));
  }
}

/** The select list, with FIELDS(...) expanded. */
function selectItems(table: Table, fields: Array<Record<string, unknown>>, query: ParsedQuery, viewer: Viewer | null): Array<Record<string, unknown>> {
  const items: Array<Record<string, unknown>> = [];
  for (const item of fields) {
    if (item.type === 'FieldFunctionExpression' && String(item.functionName).toUpperCase() === 'FIELDS') {
      const which = String(asList(item.parameters as string[])[0] ?? '').toUpperCase();
      if (which !== 'STANDARD' && (query.limit === undefined || query.limit > 200)) {
        throw malformedQuery(`The SOQL FIELDS function must have a LIMIT of at most 200`);
      }
      for (const field of table.def.fields) {
        if (viewer && !viewer.canReadField(table.name, field)) continue;
        if (which === 'ALL' || (which === 'STANDARD' ? !field.custom : field.custom)) items.push({ type: 'Field', field: field.name });
      }
      continue;
    }
    items.push(item);
  }
  return items;
}

function buildProjection(
  store: Store,
  table: Table,
  fields: Array<Record<string, unknown>>,
  ctx: WhereContext,
  options: QueryOptions,
  query: ParsedQuery
): Projection {
  const root: Node[] = [];
  const csvColumns: Array<{ name: string; read: (row: number) => string | null }> = [];
  const seen = new Set<string>();
  for (const item of selectItems(table, fields, query, ctx.viewer ?? null)) {
    if (item.type === 'FieldSubquery') {
      const subquery = item.subquery as ParsedQuery & { relationshipName: string };
      root.push(childNode(store, table, subquery, options, ctx));
      continue;
    }
    if (item.type === 'FieldTypeof') throw unsupported('TYPEOF');
    if (item.type === 'FieldFunctionExpression') throw unsupported(`${String(item.functionName)}() in the SELECT list`);
    const raw = item.type === 'Field' ? String(item.field) : String(item.rawValue ?? `${(item.relationships as string[]).join('.')}.${String(item.field)}`);
    const parts = pathParts(raw, table, ctx.alias);
    const path = resolvePath(store, table, parts, ctx.viewer);
    const canonical = path.names.join('.');
    if (seen.has(canonical.toLowerCase())) throw malformedQuery(`duplicate field selected: ${canonical}`);
    seen.add(canonical.toLowerCase());
    const csv = csvFormatter(path);
    csvColumns.push({ name: canonical, read: (row) => csv(path.get(row)) });
    // Walk/create the parent nodes, then add the leaf in the owning table's terms.
    let level = root;
    let current = table;
    for (const relation of path.relations) {
      let node = level.find((n) => n.kind === 'parent' && n.key === relation.relationshipName);
      if (!node) {
        const column = current.column(relation.name)!;
        node = { kind: 'parent', key: relation.relationshipName!, table: store.table(relation.referenceTo[0]!)!, refs: () => column.refs, children: [] };
        level.push(node);
      }
      current = (node as { table: Table }).table;
      level = (node as { children: Node[] }).children;
    }
    const local = resolvePath(store, current, [path.field.name]);
    const format = formatter(local);
    level.push({ kind: 'leaf', key: path.field.name, format: (row) => format(local.get(row)) });
  }
  const render = (nodes: Node[], owner: Table, row: number, base: string): string => {
    let out = `{"attributes":{"type":"${owner.name}","url":"${base}/sobjects/${owner.name}/${owner.id(row)}"}`;
    for (const node of nodes) {
      out += `,"${node.key}":`;
      if (node.kind === 'leaf') out += node.format(row);
      else if (node.kind === 'parent') {
        const parent = node.refs()[row]!;
        out += parent < 0 ? 'null' : render(node.children, node.table, parent, base);
      } else out += node.render(row, base);
    }
    return `${out}}`;
  };
  return {
    json: (row, base) => render(root, table, row, base),
    csvHeader: csvColumns.map((c) => c.name),
    csvRow: (row) => csvColumns.map((c) => c.read(row))
  };
}

/** A parent-to-child subquery: children are grouped by parent once, on first use. */
function childNode(store: Store, parent: Table, subquery: ParsedQuery & { relationshipName: string }, options: QueryOptions, ctx: WhereContext): Node {
  let relationship: ChildRelationship | undefined = store.schema.childRelationship(parent.name, subquery.relationshipName);
  const viewer = ctx.viewer;
  if (relationship && viewer) {
    const childDef = store.schema.object(relationship.childSObject)!;
    const visible = viewer.canReadObject(childDef.name) && viewer.canReadField(childDef.name, childDef.fieldsByName.get(relationship.field.toLowerCase())!);
    if (!visible) relationship = undefined;
  }
  if (!relationship) {
    throw new SfError(
      400,
      'INVALID_TYPE',
      `Didn't understand relationship '${subquery.relationshipName}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
    );
  }
  const child = store.table(relationship.childSObject)!;
  const link: FieldDef = child.field(relationship.field)!;
  const linkColumn = child.column(link.name)!;
  const childCtx: WhereContext = { ...ctx, table: child, alias: undefined };
  const predicate = subquery.where ? compileWhere(subquery.where as never, childCtx) : null;
  const projection = buildProjection(store, child, subquery.fields ?? [], childCtx, options, subquery);
  const order = asList(subquery.orderBy).map((item) => sortKey(item, childCtx));
  let groups: Map<number, Int32Array> | null = null;
  const groupsOf = (): Map<number, Int32Array> => {
    if (groups) return groups;
    const lists = new Map<number, number[]>();
    scan(child, options.includeDeleted, predicate, (row) => {
      const owner = linkColumn.refs[row]!;
      if (owner < 0) return;
      const list = lists.get(owner);
      if (list) list.push(row);
      else lists.set(owner, [row]);
    });
    groups = new Map();
    for (const [owner, list] of lists) {
      let rows: Int32Array = Int32Array.from(list);
      if (order.length > 0) rows = sortRows(rows, order);
      const offset = subquery.offset ?? 0;
      const end = subquery.limit !== undefined ? Math.min(rows.length, offset + subquery.limit) : rows.length;
      groups.set(owner, rows.slice(Math.min(offset, rows.length), end));
    }
    return groups;
  };
  return {
    kind: 'children',
    key: relationship.relationshipName,
    render: (row, base) => {
      const rows = groupsOf().get(row);
      if (!rows || rows.length === 0) return 'null';
      const records = Array.from(rows, (r) => projection.json(r, base)).join(',');
      return `{"totalSize":${rows.length},"done":true,"records":[${records}]}`;
    }
  };
}

// ---- aggregates ----------------------------------------------------------------------------

interface Aggregate {
  key: string;
  fn: string;
  path: ResolvedPath | null;
}

function runAggregate(
  store: Store,
  table: Table,
  query: ParsedQuery,
  ctx: WhereContext,
  predicate: Predicate | null,
  options: QueryOptions
): QueryResult {
  const groupBy = asList(query.groupBy).map((g) => {
    if (g.fn) return { raw: String((g.fn as { rawValue: string }).rawValue), path: dateFunctionPath(g.fn as never, ctx) };
    return { raw: String(g.field), path: resolvePath(store, table, pathParts(String(g.field), table, ctx.alias), ctx.viewer) };
  });
  let expression = 0;
  const outputs: Array<{ key: string; group?: number; aggregate?: Aggregate; hidden?: boolean }> = [];
  for (const item of query.fields ?? []) {
    if (item.type === 'Field' || item.type === 'FieldRelationship') {
      const raw = item.type === 'Field' ? String(item.field) : String(item.rawValue);
      const index = groupBy.findIndex((g) => g.raw.toLowerCase() === raw.toLowerCase());
      if (index < 0) throw malformedQuery(`Field must be grouped or aggregated: ${raw}`);
      outputs.push({ key: String(item.alias ?? groupBy[index]!.path.field.name), group: index });
      continue;
    }
    if (item.type !== 'FieldFunctionExpression') throw unsupported(`${String(item.type)} in an aggregate query`);
    const fn = String(item.functionName).toUpperCase();
    const key = item.alias ? String(item.alias) : `expr${expression++}`;
    if (isDateFunction(item)) {
      const index = groupBy.findIndex((g) => g.raw.toLowerCase() === String(item.rawValue).toLowerCase());
      if (index < 0) throw malformedQuery(`Field must be grouped or aggregated: ${String(item.rawValue)}`);
      outputs.push({ key, group: index });
      continue;
    }
    if (!['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX'].includes(fn)) throw unsupported(`function ${fn}`);
    const params = asList(item.parameters as string[]);
    const path = params.length > 0 ? resolvePath(store, table, pathParts(String(params[0]), table, ctx.alias), ctx.viewer) : null;
    if ((fn === 'SUM' || fn === 'AVG') && path && path.kind !== 'number') {
      throw malformedQuery(`field ${path.field.name} does not support aggregate operator ${fn}`);
    }
    outputs.push({ key, aggregate: { key, fn, path } });
  }

  // HAVING may name aggregates the SELECT list does not: they are computed as hidden outputs.
  const havingAggregates = new Map<string, string>();
  for (const condition of havingConditions(query.having)) {
    const fn = condition.fn as { functionName: string; parameters?: string[]; rawValue: string } | undefined;
    if (!fn) continue;
    const name = String(fn.functionName).toUpperCase();
    const params = asList(fn.parameters);
    const path = params.length > 0 ? resolvePath(store, table, pathParts(String(params[0]), table, ctx.alias), ctx.viewer) : null;
    const same = outputs.find((o) => o.aggregate && o.aggregate.fn === name && (o.aggregate.path?.names.join('.') ?? '') === (path?.names.join('.') ?? ''));
    if (same) {
      havingAggregates.set(fn.rawValue.toLowerCase(), same.key);
      continue;
    }
    if (!['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX'].includes(name)) throw unsupported(`function ${name} in HAVING`);
    const key = `having${havingAggregates.size}`;
    outputs.push({ key, aggregate: { key, fn: name, path }, hidden: true });
    havingAggregates.set(fn.rawValue.toLowerCase(), key);
  }
  const groups = new Map<string, { cells: Cell[]; acc: Array<{ count: number; sum: number; min: Cell; max: Cell; distinct: Set<unknown> }> }>();
  const aggregates = outputs.filter((o) => o.aggregate).map((o) => o.aggregate!);
  scan(table, options.includeDeleted, predicate, (row) => {
    const cells = groupBy.map((g) => g.path.get(row));
    const key = JSON.stringify(cells.map((c) => (typeof c === 'string' ? c.toLowerCase() : c)));
    let group = groups.get(key);
    if (!group) {
      group = { cells, acc: aggregates.map(() => ({ count: 0, sum: 0, min: null, max: null, distinct: new Set() })) };
      groups.set(key, group);
    }
    aggregates.forEach((aggregate, i) => {
      const acc = group!.acc[i]!;
      if (!aggregate.path) {
        acc.count++;
        return;
      }
      const cell = aggregate.path.get(row);
      if (cell === null) return;
      acc.count++;
      if (typeof cell === 'number') acc.sum += cell;
      if (acc.min === null || cell < acc.min) acc.min = cell;
      if (acc.max === null || cell > acc.max) acc.max = cell;
      if (aggregate.fn === 'COUNT_DISTINCT') acc.distinct.add(typeof cell === 'string' ? cell.toLowerCase() : cell);
    });
  });
  if (groups.size === 0 && groupBy.length === 0) {
    groups.set('[]', { cells: [], acc: aggregates.map(() => ({ count: 0, sum: 0, min: null, max: null, distinct: new Set() })) });
  }

  let rows = [...groups.values()].map((group) => {
    const values = new Map<string, { cell: Cell; path: ResolvedPath | null; numeric: boolean }>();
    for (const output of outputs) {
      if (output.group !== undefined) {
        values.set(output.key, { cell: group.cells[output.group]!, path: groupBy[output.group]!.path, numeric: false });
        continue;
      }
      const i = aggregates.indexOf(output.aggregate!);
      const acc = group.acc[i]!;
      const aggregate = output.aggregate!;
      let cell: Cell;
      switch (aggregate.fn) {
        case 'COUNT': cell = acc.count; break;
        case 'COUNT_DISTINCT': cell = acc.distinct.size; break;
        case 'SUM': cell = acc.count === 0 ? null : acc.sum; break;
        case 'AVG': cell = acc.count === 0 ? null : acc.sum / acc.count; break;
        case 'MIN': cell = acc.min; break;
        default: cell = acc.max;
      }
      const keepsType = aggregate.fn === 'MIN' || aggregate.fn === 'MAX';
      values.set(output.key, { cell, path: keepsType ? aggregate.path : null, numeric: !keepsType });
    }
    return values;
  });

  if (query.having) {
    const all = rows;
    const leaf = (condition: Record<string, unknown>): ResolvedPath => {
      const fn = condition.fn as { rawValue: string } | undefined;
      let key: string;
      let source: ResolvedPath | null;
      if (fn) {
        key = havingAggregates.get(fn.rawValue.toLowerCase())!;
        const aggregate = outputs.find((o) => o.key === key)!.aggregate!;
        source = aggregate.fn === 'MIN' || aggregate.fn === 'MAX' ? aggregate.path : null;
      } else {
        const raw = String(condition.field);
        const index = groupBy.findIndex((g) => g.raw.toLowerCase() === raw.toLowerCase());
        if (index < 0) throw malformedQuery(`HAVING: field must be grouped or aggregated: ${raw}`);
        key = outputs.find((o) => o.group === index)?.key ?? '';
        source = groupBy[index]!.path;
        if (!key) {
          const cells = [...groups.values()].map((g) => g.cells[index]!);
          return { ...source, relations: [], get: (i) => cells[i]! };
        }
      }
      const read = (i: number): Cell => all[i]!.get(key)!.cell;
      if (source) return { ...source, relations: [], get: read };
      return { field: fieldDefaults(key, 'double'), table, relations: [], names: [key], kind: 'number', rowTable: null, get: read };
    };
    const keep = compileWhere(query.having as never, { ...ctx, leaf });
    rows = all.filter((_values, i) => keep(i));
  }

  const order = asList(query.orderBy);
  if (order.length > 0) {
    const keyOf = (item: Record<string, unknown>): string => {
      const raw = item.fn ? String((item.fn as { rawValue: string }).rawValue) : String(item.field);
      const byAlias = outputs.find((o) => o.key.toLowerCase() === raw.toLowerCase());
      if (byAlias) return byAlias.key;
      const byGroup = groupBy.findIndex((g) => g.raw.toLowerCase() === raw.toLowerCase());
      const output = outputs.find((o) => (byGroup >= 0 && o.group === byGroup) || (o.aggregate && `${o.aggregate.fn}(${o.aggregate.path?.names.join('.') ?? ''})`.toLowerCase() === raw.toLowerCase()));
      if (!output) throw malformedQuery(`ORDER BY ${raw} must be grouped or aggregated`);
      return output.key;
    };
    const keys = order.map((item) => ({ key: keyOf(item), descending: String(item.order ?? 'ASC').toUpperCase() === 'DESC' }));
    rows.sort((a, b) => {
      for (const { key, descending } of keys) {
        const x = a.get(key)!.cell;
        const y = b.get(key)!.cell;
        if (x === y) continue;
        if (x === null) return descending ? 1 : -1;
        if (y === null) return descending ? -1 : 1;
        const xs = typeof x === 'string' ? x.toLowerCase() : x;
        const ys = typeof y === 'string' ? y.toLowerCase() : y;
        if (xs === ys) continue;
        return (xs < ys ? -1 : 1) * (descending ? -1 : 1);
      }
      return 0;
    });
  }
  const offset = query.offset ?? 0;
  const hiddenKeys = new Set(outputs.filter((o) => o.hidden).map((o) => o.key));
  const limited = rows.slice(offset, query.limit !== undefined ? offset + query.limit : undefined);
  const records = limited.map((values) => {
    let out = '{"attributes":{"type":"AggregateResult"}';
    for (const [key, { cell, path, numeric }] of values) {
      if (hiddenKeys.has(key)) continue;
      out += `,"${key}":${numeric || !path ? (cell === null ? 'null' : typeof cell === 'number' ? formatNumber(cell) : JSON.stringify(cell)) : formatter(path)(cell)}`;
    }
    return `${out}}`;
  });
  return { kind: 'aggregate', table, records };
}
