// The UI API GraphQL `where` and `orderBy` arguments, translated to SOQL for the emulator's query
// engine. Inputs are plain JSON (literals and variables already substituted); anything the
// translation does not understand becomes a GraphqlFault naming it, as the real API rejects input
// that does not match its schema.
import type { FieldDef, ObjectDef } from '../schema/types';
import { isNumericType, isTextType } from '../schema/types';
import { GraphqlFault } from './faults';

/** Objects by API name (exact case, as GraphQL names are). */
export type ObjectLookup = (name: string) => ObjectDef | undefined;

const COMPARISONS: Record<string, string> = { eq: '=', ne: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=' };
const SET_OPERATORS: Record<string, string> = { in: 'IN', nin: 'NOT IN', includes: 'INCLUDES', excludes: 'EXCLUDES' };
/** `{ literal: TODAY }` etc.: the date literals the UI API's DateLiteral enum offers without a number. */
const DATE_LITERALS = new Set([
  'YESTERDAY', 'TODAY', 'TOMORROW', 'LAST_WEEK', 'THIS_WEEK', 'NEXT_WEEK', 'LAST_MONTH', 'THIS_MONTH', 'NEXT_MONTH',
  'LAST_90_DAYS', 'NEXT_90_DAYS', 'LAST_QUARTER', 'THIS_QUARTER', 'NEXT_QUARTER', 'LAST_YEAR', 'THIS_YEAR', 'NEXT_YEAR',
  'LAST_FISCAL_QUARTER', 'THIS_FISCAL_QUARTER', 'NEXT_FISCAL_QUARTER', 'LAST_FISCAL_YEAR', 'THIS_FISCAL_YEAR', 'NEXT_FISCAL_YEAR'
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field or parent relationship of an object, matched exactly as GraphQL does. */
export function fieldOf(object: ObjectDef, name: string): FieldDef | undefined {
  const field = object.fieldsByName.get(name.toLowerCase());
  return field && field.name === name ? field : undefined;
}

export function relationshipOf(object: ObjectDef, name: string, objects: ObjectLookup, where: string): { field: FieldDef; parent: ObjectDef } | undefined {
  const field = object.parentRelationships.get(name.toLowerCase());
  if (!field || field.relationshipName !== name) return undefined;
  if (field.referenceTo.length !== 1) {
    throw new GraphqlFault(`Unsupported by the org emulator: polymorphic relationship '${name}' of ${object.name} (${where})`, 'UnsupportedByEmulator');
  }
  const parent = objects(field.referenceTo[0]!);
  if (!parent) throw new GraphqlFault(`Relationship '${name}' of ${object.name} points to ${field.referenceTo[0]}, which the org does not have (${where})`);
  return { field, parent };
}

/** A SOQL string literal: backslash and quote escaped, control characters written as escapes. */
export function soqlString(value: string): string {
  const escaped = value.replace(/[\\'\n\r\t\f\b"]/g, (c) => {
    switch (c) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '\f':
        return '\\f';
      case '\b':
        return '\\b';
      default:
        return `\\${c}`;
    }
  });
  return `'${escaped}'`;
}

function literal(field: FieldDef, value: unknown, where: string): string {
  if (value === null) return 'null';
  const type = field.type;
  if (type === 'date' || type === 'datetime') {
    if (!isPlainObject(value)) {
      throw new GraphqlFault(`${where}: a ${type === 'date' ? 'Date' : 'DateTime'} filter takes { value: … } or { literal: … }, got ${JSON.stringify(value)}`);
    }
    const keys = Object.keys(value);
    if (keys.length !== 1) throw new GraphqlFault(`${where}: give exactly one of value or literal, got ${JSON.stringify(value)}`);
    if (keys[0] === 'literal') {
      const name = String(value.literal);
      if (!DATE_LITERALS.has(name)) throw new GraphqlFault(`${where}: unknown or unsupported date literal ${name}`, 'UnsupportedByEmulator');
      return name;
    }
    if (keys[0] !== 'value') throw new GraphqlFault(`Unsupported by the org emulator: '${keys[0]}' in a date filter (${where})`, 'UnsupportedByEmulator');
    const text = value.value;
    const pattern = type === 'date' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;
    if (typeof text !== 'string' || !pattern.test(text)) {
      throw new GraphqlFault(`${where}: expected a ${type === 'date' ? 'date (YYYY-MM-DD)' : 'date-time (ISO 8601 with zone)'}, got ${JSON.stringify(text)}`);
    }
    return text;
  }
  if (isNumericType(type)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new GraphqlFault(`${where}: expected a number for ${field.name}, got ${JSON.stringify(value)}`);
    if (type === 'int' && !Number.isInteger(value)) throw new GraphqlFault(`${where}: expected an integer for ${field.name}, got ${value}`);
    return String(value);
  }
  if (type === 'boolean') {
    if (typeof value !== 'boolean') throw new GraphqlFault(`${where}: expected a Boolean for ${field.name}, got ${JSON.stringify(value)}`);
    return String(value);
  }
  if (typeof value !== 'string') throw new GraphqlFault(`${where}: expected a String for ${field.name}, got ${JSON.stringify(value)}`);
  return soqlString(value);
}

const SEMI_JOINS: Record<string, string> = { inq: 'IN', ninq: 'NOT IN' };

/**
 * A semi-join (`inq`) or anti-join (`ninq`) on an Id or reference field:
 * `{ Account__c: { inq: { Executive_Sponsor__c: { Sponsor__c: { eq: $me } }, ApiName: "Account__c" } } }`
 * is `Account__c IN (SELECT Account__c FROM Executive_Sponsor__c WHERE Sponsor__c = …)`. The
 * subquery's object and fields are the user's, as everywhere else in the schema.
 */
function semiJoinCondition(field: FieldDef, path: string, operator: string, value: unknown, objects: ObjectLookup, at: string): string {
  if (field.type !== 'id' && field.type !== 'reference') throw new GraphqlFault(`${at}: ${operator} applies to Id and reference fields, not ${field.name}`);
  if (!isPlainObject(value)) throw new GraphqlFault(`${at}: expected { <Object>: { …filter } , ApiName: "<field>" }, got ${JSON.stringify(value)}`);
  const { ApiName: apiName, ...rest } = value;
  const names = Object.keys(rest);
  if (names.length !== 1) throw new GraphqlFault(`${at}: name exactly one object to join, got ${names.length === 0 ? 'none' : names.join(', ')}`);
  const subObject = objects(names[0]!);
  if (!subObject) throw new GraphqlFault(`${at}: no object named '${names[0]}'`);
  if (typeof apiName !== 'string') throw new GraphqlFault(`${at}.ApiName: expected the name of a field of ${subObject.name}, got ${JSON.stringify(apiName)}`);
  const joined = fieldOf(subObject, apiName);
  if (!joined) throw new GraphqlFault(`${at}.ApiName: ${subObject.name} has no field named '${apiName}'`);
  if (joined.type !== 'id' && joined.type !== 'reference') throw new GraphqlFault(`${at}.ApiName: ${subObject.name}.${apiName} is not an Id or reference field`);
  const condition = whereToSoql(rest[subObject.name], subObject, objects, `${at}.${subObject.name}`);
  return `${path} ${SEMI_JOINS[operator]} (SELECT ${joined.name} FROM ${subObject.name}${condition ? ` WHERE ${condition}` : ''})`;
}

function fieldCondition(field: FieldDef, path: string, operators: unknown, where: string, objects: ObjectLookup): string[] {
  if (!isPlainObject(operators)) throw new GraphqlFault(`${where}: expected operators such as { eq: … } for ${field.name}, got ${JSON.stringify(operators)}`);
  const conditions: string[] = [];
  for (const [operator, value] of Object.entries(operators)) {
    const at = `${where}.${operator}`;
    if (value === undefined) continue;
    if (SEMI_JOINS[operator]) {
      conditions.push(semiJoinCondition(field, path, operator, value, objects, at));
      continue;
    }
    const comparison = COMPARISONS[operator];
    if (comparison) {
      if (value === null && comparison !== '=' && comparison !== '!=') throw new GraphqlFault(`${at}: null can only be compared with eq or ne`);
      conditions.push(`${path} ${comparison} ${literal(field, value, at)}`);
      continue;
    }
    if (operator === 'like') {
      if (!isTextType(field.type) && field.type !== 'picklist') throw new GraphqlFault(`${at}: like applies to text fields, not ${field.name}`);
      conditions.push(`${path} LIKE ${literal(field, value, at)}`);
      continue;
    }
    const set = SET_OPERATORS[operator];
    if (set) {
      if ((operator === 'includes' || operator === 'excludes') !== (field.type === 'multipicklist')) {
        throw new GraphqlFault(`${at}: ${operator} ${field.type === 'multipicklist' ? 'does not apply' : 'applies only'} to multi-select picklists (${field.name})`);
      }
      if (!Array.isArray(value) || value.length === 0) throw new GraphqlFault(`${at}: expected a non-empty list, got ${JSON.stringify(value)}`);
      conditions.push(`${path} ${set} (${value.map((item, i) => literal(field, item, `${at}[${i}]`)).join(', ')})`);
      continue;
    }
    throw new GraphqlFault(`Unsupported by the org emulator: filter operator '${operator}' (${at})`, 'UnsupportedByEmulator');
  }
  return conditions;
}

function joined(parts: string[], connective: 'AND' | 'OR'): string {
  if (parts.length === 1) return parts[0]!;
  return `(${parts.join(` ${connective} `)})`;
}

/**
 * A `where` filter as a SOQL condition (`null` when it filters nothing). `prefix` is the
 * relationship path the filter sits under (`Account_Plan__r.`).
 */
export function whereToSoql(filter: unknown, object: ObjectDef, objects: ObjectLookup, where = 'where', prefix = ''): string | null {
  if (filter === null || filter === undefined) return null;
  if (!isPlainObject(filter)) throw new GraphqlFault(`${where}: expected a filter object, got ${JSON.stringify(filter)}`);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    const at = `${where}.${key}`;
    if (value === undefined) continue;
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value) || value.length === 0) throw new GraphqlFault(`${at}: expected a non-empty list of filters`);
      const inner = value.map((item, i) => whereToSoql(item, object, objects, `${at}[${i}]`, prefix)).filter((c): c is string => c !== null);
      if (inner.length > 0) parts.push(joined(inner, key === 'and' ? 'AND' : 'OR'));
      continue;
    }
    if (key === 'not') {
      const inner = whereToSoql(value, object, objects, at, prefix);
      if (inner !== null) parts.push(`(NOT ${inner.startsWith('(') ? inner : `(${inner})`})`);
      continue;
    }
    const field = fieldOf(object, key);
    if (field) {
      parts.push(...fieldCondition(field, prefix + field.name, value, at, objects));
      continue;
    }
    const relationship = relationshipOf(object, key, objects, at);
    if (relationship) {
      const inner = whereToSoql(value, relationship.parent, objects, at, `${prefix}${relationship.field.relationshipName}.`);
      if (inner !== null) parts.push(inner);
      continue;
    }
    throw new GraphqlFault(`${at}: ${object.name} has no field or parent relationship named '${key}'`);
  }
  return parts.length === 0 ? null : joined(parts, 'AND');
}

/** An `orderBy` argument as SOQL ORDER BY items, in the order its keys were written. */
export function orderByToSoql(order: unknown, object: ObjectDef, objects: ObjectLookup, where = 'orderBy', prefix = ''): string[] {
  if (order === null || order === undefined) return [];
  if (!isPlainObject(order)) throw new GraphqlFault(`${where}: expected an object such as { Name: { order: ASC } }, got ${JSON.stringify(order)}`);
  const items: string[] = [];
  for (const [key, value] of Object.entries(order)) {
    const at = `${where}.${key}`;
    if (value === undefined) continue;
    const field = fieldOf(object, key);
    if (field) {
      if (!isPlainObject(value)) throw new GraphqlFault(`${at}: expected { order: ASC|DESC, nulls: FIRST|LAST }`);
      for (const option of Object.keys(value)) {
        if (option !== 'order' && option !== 'nulls') throw new GraphqlFault(`${at}: unknown ordering option '${option}'`);
      }
      const direction = value.order ?? 'ASC';
      if (direction !== 'ASC' && direction !== 'DESC') throw new GraphqlFault(`${at}.order: expected ASC or DESC, got ${JSON.stringify(direction)}`);
      const nulls = value.nulls;
      if (nulls !== undefined && nulls !== null && nulls !== 'FIRST' && nulls !== 'LAST') {
        throw new GraphqlFault(`${at}.nulls: expected FIRST or LAST, got ${JSON.stringify(nulls)}`);
      }
      items.push(`${prefix}${field.name} ${direction}${nulls ? ` NULLS ${nulls}` : ''}`);
      continue;
    }
    const relationship = relationshipOf(object, key, objects, at);
    if (relationship) {
      items.push(...orderByToSoql(value, relationship.parent, objects, at, `${prefix}${relationship.field.relationshipName}.`));
      continue;
    }
    throw new GraphqlFault(`${at}: ${object.name} has no field or parent relationship named '${key}'`);
  }
  return items;
}
