// Compiles a soql-parser-js WHERE chain into a row predicate. The parser returns a right-leaning
// list with parenthesis counts on the leaves, so the grouping is rebuilt here; SOQL (unlike most
// languages) forbids mixing AND and OR without parentheses, and so does this.
import { SfError, malformedQuery } from '../errors';
import { isWellFormedId, rowOfId } from '../ids';
import type { Cell } from '../store/column';
import type { Store } from '../store/store';
import type { Table } from '../store/table';
import { DAY_MS, parseIsoDate, parseIsoDateTime } from '../store/values';
import { dateFunction, dateLiteralRange, type CalendarSettings } from './dateLiterals';
import { startOfLocalDay } from '../timeZone';
import type { Viewer } from '../security/access';
import { pathParts, resolvePath, type ResolvedPath, type ValueKind } from './paths';

export type Predicate = (row: number) => boolean;

export interface WhereContext {
  store: Store;
  table: Table;
  alias: string | undefined;
  calendar: CalendarSettings & { usesStartDateAsFiscalYearName: boolean };
  /** What the querying user may not read (null: nothing hidden). */
  viewer?: Viewer | null;
  /** HAVING: resolves a condition's left side (an aggregate or a grouped field) over groups; null = the usual path. */
  leaf?: (condition: Record<string, unknown>) => ResolvedPath | null;
  /** Runs a semi-join subquery and returns the values of its single field. */
  semiJoin: (query: Record<string, unknown>) => { kind: ValueKind; values: Cell[]; rowTable: Table | null };
}

type WhereNode = { left: Record<string, unknown> | null; operator?: string; right?: WhereNode };
type Token = { type: '(' | ')' | 'NOT' | 'AND' | 'OR' } | { type: 'cond'; condition: Record<string, unknown> };

function tokens(where: WhereNode): Token[] {
  const out: Token[] = [];
  let node: WhereNode | undefined = where;
  while (node) {
    const left = node.left;
    if (left) {
      for (let i = 0; i < Number(left.openParen ?? 0); i++) out.push({ type: '(' });
      if (left.field !== undefined || left.fn !== undefined) out.push({ type: 'cond', condition: left });
      for (let i = 0; i < Number(left.closeParen ?? 0); i++) out.push({ type: ')' });
    }
    const op = node.operator?.toUpperCase();
    if (op === 'AND' || op === 'OR' || op === 'NOT') out.push({ type: op });
    else if (op) throw malformedQuery(`unexpected token: ${op}`);
    node = node.right;
  }
  return out;
}

/** WHERE (and HAVING, with `ctx.leaf`) → a predicate over rows (groups). */
export function compileWhere(where: WhereNode, ctx: WhereContext): Predicate {
  const list = tokens(where);
  let position = 0;
  const peek = (): Token | undefined => list[position];

  const unary = (): Predicate => {
    const token = list[position++];
    if (!token) throw malformedQuery('unexpected end of WHERE clause');
    if (token.type === 'NOT') {
      const inner = unary();
      return (row) => !inner(row);
    }
    if (token.type === '(') {
      const inner = expression();
      if (list[position++]?.type !== ')') throw malformedQuery('unbalanced parentheses in WHERE clause');
      return inner;
    }
    if (token.type === 'cond') return compileCondition(token.condition, ctx);
    throw malformedQuery(`unexpected token: ${token.type}`);
  };

  const expression = (): Predicate => {
    let left = unary();
    let joiner: 'AND' | 'OR' | null = null;
    for (let next = peek(); next && (next.type === 'AND' || next.type === 'OR'); next = peek()) {
      if (joiner && joiner !== next.type) throw malformedQuery(`unexpected token: ${next.type} (use parentheses to combine AND and OR)`);
      joiner = next.type;
      position++;
      const right = unary();
      const l = left;
      left = joiner === 'AND' ? (row) => l(row) && right(row) : (row) => l(row) || right(row);
    }
    return left;
  };

  const predicate = expression();
  if (position < list.length) throw malformedQuery(`unexpected token: ${list[position]!.type}`);
  return predicate;
}

/** SOQL string literal (quotes kept by the parser) → its text. */
export function unquote(literal: string): string {
  const body = literal.startsWith("'") && literal.endsWith("'") ? literal.slice(1, -1) : literal;
  return body.replace(/\\(.)/g, (_m, c: string) => {
    switch (c) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'b': return '\b';
      case 'f': return '\f';
      case '_':
      case '%':
        return `\\${c}`; // kept escaped for LIKE
      default: return c;
    }
  });
}

function filterTypeError(path: ResolvedPath, expected: string, quoted: boolean): SfError {
  return new SfError(
    400,
    'INVALID_QUERY_FILTER_OPERATOR',
    `value of filter criterion for field '${path.field.name}' must be of type ${expected} and should ${quoted ? '' : 'not '}be enclosed in quotes`
  );
}

/** A literal converted for comparison with values of a path: a point value, a day range, or null. */
type Operand = { point: Cell } | { range: { start: number; end: number } };

function operand(path: ResolvedPath, literalType: string, raw: string, dateVariable: number | undefined, ctx: WhereContext): Operand {
  if (literalType === 'NULL') return { point: null };
  if (literalType === 'INTEGER_WITH_CURRENCY_PREFIX' || literalType === 'DECIMAL_WITH_CURRENCY_PREFIX') {
    throw malformedQuery(`currency-prefixed literal ${raw} is not supported by the emulator`);
  }
  switch (path.kind) {
    case 'text':
    case 'multi':
      if (literalType !== 'STRING') throw filterTypeError(path, 'string', true);
      return { point: unquote(raw) };
    case 'row': {
      if (literalType !== 'STRING') throw filterTypeError(path, 'reference', true);
      const id = unquote(raw);
      if (!isWellFormedId(id)) throw new SfError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${id}`);
      const row = rowOfId(id, path.rowTable!.prefix);
      return { point: row < 0 ? -2 : row };
    }
    case 'number':
      if (literalType !== 'INTEGER' && literalType !== 'DECIMAL') throw filterTypeError(path, 'double', false);
      return { point: Number(raw) };
    case 'bool':
      if (literalType !== 'BOOLEAN') throw filterTypeError(path, 'boolean', false);
      return { point: raw.toUpperCase() === 'TRUE' };
    case 'day':
      if (literalType === 'DATE') {
        const day = parseIsoDate(raw);
        if (day === null) throw malformedQuery(`invalid date: ${raw}`);
        return { point: day };
      }
      if (literalType === 'DATE_LITERAL' || literalType === 'DATE_N_LITERAL') {
        return { range: dateLiteralRange(raw.split(':')[0]!, dateVariable, ctx.calendar) };
      }
      throw filterTypeError(path, 'date', false);
    case 'time':
      if (literalType === 'DATETIME') {
        const ms = parseIsoDateTime(raw);
        if (ms === null) throw malformedQuery(`invalid datetime: ${raw}`);
        return { point: ms };
      }
      if (literalType === 'DATE_LITERAL' || literalType === 'DATE_N_LITERAL') {
        const range = dateLiteralRange(raw.split(':')[0]!, dateVariable, ctx.calendar);
        const zone = ctx.calendar.timeZone;
        return { range: { start: startOfLocalDay(zone, range.start), end: startOfLocalDay(zone, range.end) } };
      }
      throw filterTypeError(path, 'dateTime', false);
  }
}

function normalise(kind: ValueKind, cell: Cell): Cell {
  return (kind === 'text' || kind === 'multi') && typeof cell === 'string' ? cell.toLowerCase() : cell;
}

function likeRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      source += pattern[i + 1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    } else if (c === '%') source += '[\\s\\S]*';
    else if (c === '_') source += '[\\s\\S]';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

function compileCondition(condition: Record<string, unknown>, ctx: WhereContext): Predicate {
  const operator = String(condition.operator ?? '').toUpperCase();
  let path: ResolvedPath;
  const leaf = ctx.leaf?.(condition);
  if (leaf) {
    path = leaf;
  } else if (condition.fn) {
    path = dateFunctionPath(condition.fn as { functionName: string; parameters: string[] }, ctx);
  } else {
    path = resolvePath(ctx.store, ctx.table, pathParts(String(condition.field), ctx.table, ctx.alias), ctx.viewer);
  }
  const get = path.get;
  const kind = path.kind;
  const literalType = String(condition.literalType ?? '');

  if (literalType === 'SUBQUERY' || condition.valueQuery) {
    if (operator !== 'IN' && operator !== 'NOT IN') throw malformedQuery('a subquery needs IN or NOT IN');
    let result = ctx.semiJoin(condition.valueQuery as Record<string, unknown>);
    // A polymorphic reference (WhatId) holds id text: the subquery's ids are compared as text.
    if (result.kind === 'row' && kind === 'text' && path.field.type === 'reference' && result.rowTable) {
      const ids = result.rowTable;
      result = { kind: 'text', values: result.values.map((v) => (v === null ? null : ids.id(v as number))), rowTable: null };
    }
    if (result.kind !== kind) throw malformedQuery(`semi-join subquery field does not match the type of ${path.field.name}`);
    const set = new Set(result.values.filter((v) => v !== null).map((v) => normalise(kind, v)));
    return operator === 'IN' ? (row) => set.has(normalise(kind, get(row))) : (row) => !set.has(normalise(kind, get(row)));
  }

  const rawValue = condition.value;
  const dateVariable = condition.dateLiteralVariable as number | undefined;

  if (operator === 'IN' || operator === 'NOT IN' || operator === 'INCLUDES' || operator === 'EXCLUDES') {
    const values = (Array.isArray(rawValue) ? rawValue : [rawValue]).map(String);
    if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
      if (kind !== 'multi') throw malformedQuery(`${operator} can only be used with multi-select picklist fields (${path.field.name})`);
      const groups = values.map((v) => unquote(v).toLowerCase().split(';'));
      const matches = (row: number): boolean => {
        const cell = get(row);
        if (cell === null) return false;
        const chosen = new Set(String(cell).toLowerCase().split(';'));
        return groups.some((group) => group.every((g) => chosen.has(g)));
      };
      return operator === 'INCLUDES' ? matches : (row) => !matches(row);
    }
    const literalTypes = Array.isArray(condition.literalType) ? (condition.literalType as string[]) : null;
    const points = values.map((v, i) => {
      const type = literalTypes ? literalTypes[i]! : literalType === 'NULL' && v.toUpperCase() !== 'NULL' ? 'STRING' : literalType;
      const value = v.toUpperCase() === 'NULL' ? 'NULL' : type;
      const result = operand(path, value, v, dateVariable, ctx);
      if (!('point' in result)) throw malformedQuery('date literals cannot be used in an IN list');
      return normalise(kind, result.point);
    });
    const set = new Set(points);
    if (operator === 'IN') return (row) => set.has(normalise(kind, get(row)));
    return (row) => !set.has(normalise(kind, get(row)));
  }

  const value = operand(path, literalType, String(rawValue), dateVariable, ctx);

  if (operator === 'LIKE') {
    if (kind !== 'text' || !('point' in value) || value.point === null) throw malformedQuery(`LIKE needs a text field and a string (${path.field.name})`);
    const regex = likeRegex(String(value.point));
    return (row) => {
      const cell = get(row);
      return cell !== null && regex.test(String(cell));
    };
  }

  if ('range' in value) {
    const { start, end } = value.range;
    const inRange = (row: number): number | null => get(row) as number | null;
    switch (operator) {
      case '=': return (row) => { const v = inRange(row); return v !== null && v >= start && v < end; };
      case '!=': return (row) => { const v = inRange(row); return v === null || v < start || v >= end; };
      case '<': return (row) => { const v = inRange(row); return v !== null && v < start; };
      case '<=': return (row) => { const v = inRange(row); return v !== null && v < end; };
      case '>': return (row) => { const v = inRange(row); return v !== null && v >= end; };
      case '>=': return (row) => { const v = inRange(row); return v !== null && v >= start; };
    }
    throw malformedQuery(`unsupported operator ${operator}`);
  }

  const target = normalise(kind, value.point);
  if (operator === '=') {
    if (target === null) return (row) => get(row) === null;
    return (row) => normalise(kind, get(row)) === target;
  }
  if (operator === '!=' || operator === '<>') {
    if (target === null) return (row) => get(row) !== null;
    return (row) => normalise(kind, get(row)) !== target;
  }
  if (target === null) return () => false;
  if (kind === 'bool' || kind === 'multi') {
    throw malformedQuery(`operator ${operator} is not valid for field ${path.field.name}`);
  }
  const compare = kind === 'row' ? (a: Cell) => ctx.store.referenceId(path.field, a) ?? '' : (a: Cell) => a;
  const t = kind === 'row' ? compare(target) : target;
  switch (operator) {
    case '<': return (row) => { const v = normalise(kind, get(row)); return v !== null && (compare(v) as number) < (t as number); };
    case '<=': return (row) => { const v = normalise(kind, get(row)); return v !== null && (compare(v) as number) <= (t as number); };
    case '>': return (row) => { const v = normalise(kind, get(row)); return v !== null && (compare(v) as number) > (t as number); };
    case '>=': return (row) => { const v = normalise(kind, get(row)); return v !== null && (compare(v) as number) >= (t as number); };
  }
  throw malformedQuery(`unsupported operator ${operator}`);
}

/** `CALENDAR_YEAR(CloseDate)` and friends as a number-valued path. */
export function dateFunctionPath(fn: { functionName: string; parameters: string[] }, ctx: WhereContext): ResolvedPath {
  const inner = resolvePath(ctx.store, ctx.table, pathParts(String(fn.parameters[0]), ctx.table, ctx.alias), ctx.viewer);
  if (inner.kind !== 'day' && inner.kind !== 'time') throw malformedQuery(`${fn.functionName} needs a date or datetime field`);
  const probe = dateFunction(fn.functionName, 0, 1, false);
  if (probe === null) throw malformedQuery(`function ${fn.functionName} is not supported by the emulator`);
  const isTime = inner.kind === 'time';
  const { fiscalYearStartMonth, usesStartDateAsFiscalYearName } = ctx.calendar;
  return {
    ...inner,
    kind: 'number',
    rowTable: null,
    get: (row) => {
      const cell = inner.get(row);
      if (cell === null) return null;
      const day = isTime ? Math.floor((cell as number) / DAY_MS) : (cell as number);
      return dateFunction(fn.functionName, day, fiscalYearStartMonth, usesStartDateAsFiscalYearName);
    }
  };
}
