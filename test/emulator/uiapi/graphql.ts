// The UI API GraphQL endpoint's read side: `uiapi { query { Object(where:, orderBy:, first:,
// upperBound:) { edges { node { Id Field { value displayValue } Parent__r { … } } } } } }`.
// The document is parsed with graphql-js, checked against the org's schema (objects, fields and
// relationships by their exact API names), each connection translated to one SOQL query for the
// emulator's engine, and the rows shaped back into the UI API's JSON. Validation problems answer
// `data: null` with every error found; a connection whose query fails answers null with its error.
import {
  Kind,
  parse,
  visit,
  type DirectiveNode,
  valueFromASTUntyped,
  GraphQLError,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
  type ValueNode
} from 'graphql';
import { SfError } from '../errors';
import { indexObject, type FieldDef, type FieldType, type ObjectDef, type PicklistValue } from '../schema/types';
import { runQuery } from '../soql/query';
import type { Store } from '../store/store';
import { fieldOf, orderByToSoql, relationshipOf, whereToSoql, type ObjectLookup } from './filters';
import { GraphqlFault, type GraphqlErrorJson } from './faults';
import { FULL_ACCESS, type UiAccess } from './access';
import { orgContextUser, type ContextUser } from './contextUser';
import { picklistLabel } from './objectInfo';

export interface GraphqlResponse {
  data: Record<string, unknown> | null;
  errors?: GraphqlErrorJson[];
}

/** Record connections return 10 records unless `first` says otherwise. */
export const DEFAULT_FIRST = 10;
/**
 * Record-connection pagination runs on LIMIT/OFFSET, which reach 2000 each (hence the documented
 * 4,000-record ceiling without `upperBound`), so `first` goes up to 2000.
 */
export const MAX_FIRST = 2000;
/** `upperBound` (and `first` beside it) range over 200–2000. */
export const MIN_UPPER_BOUND = 200;
export const MAX_UPPER_BOUND = 2000;

const CONNECTION_ARGUMENTS = new Set(['where', 'orderBy', 'first', 'upperBound']);
const UNSUPPORTED_ARGUMENTS: Record<string, string> = { after: 'cursor paging (after)', scope: 'record scopes (scope)' };

type ValueKey = 'value' | 'displayValue' | '__typename';

type NodeSelection =
  | { kind: 'id'; key: string }
  | { kind: 'typename'; key: string; typename: string }
  | { kind: 'field'; key: string; object: ObjectDef; field: FieldDef; keys: Array<[string, ValueKey]> }
  | { kind: 'parent'; key: string; relationship: string; object: ObjectDef; selections: NodeSelection[] };

type ConnectionSelection =
  | { kind: 'typename'; key: string; typename: string }
  | { kind: 'edges'; key: string; edge: Array<{ kind: 'typename'; key: string; typename: string } | { kind: 'node'; key: string; selections: NodeSelection[] }> };

interface ConnectionPlan {
  path: string[];
  object: ObjectDef;
  soql: string;
  selections: ConnectionSelection[];
  /** CurrencyIsoCode is read for currency display values. */
  readsCurrency: boolean;
}

/**
 * The `@optional` directive: a field or object the user may not read is left out of the answer
 * instead of failing the query. Salesforce added it to the GraphQL API in API version 59.0.
 */
export const OPTIONAL_DIRECTIVE_SINCE = 59;

export interface GraphqlOptions {
  /** The context user's object and field permissions (default: everything). */
  access?: UiAccess;
  /** The request's API version (`64.0`): directives newer than it are unknown. */
  apiVersion?: string;
}

/**
 * Objects and fields as this user's GraphQL schema has them: an object they may not read is absent,
 * and so are the fields they may not read and relationships to objects they may not read.
 */
function userSchema(store: Store, access: UiAccess): ObjectLookup {
  const seen = new Map<string, ObjectDef | undefined>();
  return (name) => {
    if (seen.has(name)) return seen.get(name);
    const table = store.table(name);
    let visible: ObjectDef | undefined;
    if (table && table.def.name === name && access.canReadObject(name)) {
      const def = table.def;
      const fields = def.fields.filter(
        (f) => access.canReadField(def.name, f) && (f.type !== 'reference' || f.referenceTo.some((target) => access.canReadObject(target)))
      );
      visible = fields.length === def.fields.length ? def : indexObject({ ...def, fields });
    }
    seen.set(name, visible);
    return visible;
  };
}

/** The answer of the `/graphql` resource for one request body, as `user` sees it. */
export function executeGraphql(store: Store, body: unknown, base: string, user: ContextUser = orgContextUser(store), options: GraphqlOptions = {}): GraphqlResponse {
  const faults: GraphqlFault[] = [];
  const fail = (fault: GraphqlFault): GraphqlResponse => ({ data: null, errors: [fault.toJson()] });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail(new GraphqlFault('The request body must be a JSON object with a query'));
  const request = body as Record<string, unknown>;
  if (typeof request.query !== 'string' || request.query.trim() === '') return fail(new GraphqlFault('query: expected the GraphQL document as a string'));
  if (request.variables !== undefined && request.variables !== null && (typeof request.variables !== 'object' || Array.isArray(request.variables))) {
    return fail(new GraphqlFault('variables: expected an object'));
  }
  if (request.operationName !== undefined && request.operationName !== null && typeof request.operationName !== 'string') {
    return fail(new GraphqlFault('operationName: expected a string'));
  }
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const location = error.locations?.[0];
    return {
      data: null,
      errors: [{ message: `Invalid Syntax : ${error.message}`, locations: location ? [location] : [], extensions: { classification: 'InvalidSyntax' } }]
    };
  }

  const objects = userSchema(store, options.access ?? FULL_ACCESS);
  const optionalAllowed = Number(options.apiVersion ?? '64.0') >= OPTIONAL_DIRECTIVE_SINCE;
  let plans: ConnectionPlan[] = [];
  const data: Record<string, unknown> = {};
  try {
    const operation = chooseOperation(document, (request.operationName as string | null | undefined) ?? null);
    const variables = coerceVariables(operation, (request.variables as Record<string, unknown> | null | undefined) ?? {}, faults);
    checkDirectives(operation, optionalAllowed);
    plans = planOperation(operation, variables, objects, data, faults);
  } catch (error) {
    if (!(error instanceof GraphqlFault)) throw error;
    faults.push(error);
  }
  if (faults.length > 0) return { data: null, errors: faults.map((f) => f.toJson()) };

  const errors: GraphqlErrorJson[] = [];
  for (const plan of plans) {
    const parent = plan.path.slice(0, -1).reduce((node, key) => node[key] as Record<string, unknown>, data);
    const key = plan.path[plan.path.length - 1]!;
    try {
      parent[key] = runConnection(store, plan, base, user);
    } catch (error) {
      if (!(error instanceof SfError)) throw error;
      parent[key] = null;
      errors.push({ message: `${error.errorCode}: ${error.message}`, locations: [], path: plan.path, extensions: { classification: 'DataFetchingException', errorCode: error.errorCode } });
    }
  }
  return errors.length > 0 ? { data, errors } : { data };
}

// ---- operation and variables ------------------------------------------------------------------

function chooseOperation(document: DocumentNode, operationName: string | null): OperationDefinitionNode {
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      throw new GraphqlFault(`Unsupported by the org emulator: fragment '${definition.name.value}'`, 'UnsupportedByEmulator', definition);
    } else throw new GraphqlFault(`Unsupported by the org emulator: ${definition.kind} in an executable document`, 'UnsupportedByEmulator', definition);
  }
  let operation: OperationDefinitionNode | undefined;
  if (operationName !== null) {
    operation = operations.find((op) => op.name?.value === operationName);
    if (!operation) throw new GraphqlFault(`Unknown operation named '${operationName}'`);
  } else {
    if (operations.length !== 1) throw new GraphqlFault('Must provide operationName if query contains multiple operations');
    operation = operations[0]!;
  }
  if (operation.operation !== 'query') {
    throw new GraphqlFault(`Unsupported by the org emulator: ${operation.operation} operations (only queries are answered)`, 'UnsupportedByEmulator', operation);
  }
  const directive = operation.directives?.[0];
  if (directive) throw new GraphqlFault(`Unsupported by the org emulator: directive @${directive.name.value} on an operation`, 'UnsupportedByEmulator', directive);
  return operation;
}

function typeName(type: TypeNode): string {
  if (type.kind === Kind.NON_NULL_TYPE) return `${typeName(type.type)}!`;
  if (type.kind === Kind.LIST_TYPE) return `[${typeName(type.type)}]`;
  return type.name.value;
}

function checkVariableValue(type: TypeNode, value: unknown, name: string): void {
  if (value === null || value === undefined) {
    if (type.kind === Kind.NON_NULL_TYPE) throw new GraphqlFault(`Variable '${name}' has coerced Null value for NonNull type '${typeName(type)}'`);
    return;
  }
  if (type.kind === Kind.NON_NULL_TYPE) return checkVariableValue(type.type, value, name);
  if (type.kind === Kind.LIST_TYPE) {
    for (const item of Array.isArray(value) ? value : [value]) checkVariableValue(type.type, item, name);
    return;
  }
  const expected = type.name.value;
  const ok =
    expected === 'ID' || expected === 'String'
      ? typeof value === 'string'
      : expected === 'Int' || expected === 'Long'
        ? Number.isInteger(value)
        : expected === 'Float'
          ? typeof value === 'number' && Number.isFinite(value)
          : expected === 'Boolean'
            ? typeof value === 'boolean'
            : true; // input objects and enums: checked where the value is used
  if (!ok) throw new GraphqlFault(`Variable '${name}' has an invalid value: expected type '${expected}', got ${JSON.stringify(value)}`);
}

function coerceVariables(operation: OperationDefinitionNode, given: Record<string, unknown>, faults: GraphqlFault[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    let value = given[name];
    if (value === undefined && definition.defaultValue) value = valueFromASTUntyped(definition.defaultValue);
    try {
      checkVariableValue(definition.type, value, name);
      values[name] = value ?? null;
    } catch (error) {
      if (!(error instanceof GraphqlFault)) throw error;
      faults.push(error.at(definition));
    }
  }
  return values;
}

function argumentValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  const undefinedVariable = findUndefinedVariable(node, variables);
  if (undefinedVariable) {
    throw new GraphqlFault(`Validation error (UndefinedVariable) : Undefined variable '${undefinedVariable.name.value}'`, 'ValidationError', undefinedVariable);
  }
  return valueFromASTUntyped(node, variables);
}

function findUndefinedVariable(node: ValueNode, variables: Record<string, unknown>): (ValueNode & { kind: Kind.VARIABLE }) | undefined {
  if (node.kind === Kind.VARIABLE) return node.name.value in variables ? undefined : node;
  if (node.kind === Kind.LIST) for (const item of node.values) { const found = findUndefinedVariable(item, variables); if (found) return found; }
  if (node.kind === Kind.OBJECT) for (const field of node.fields) { const found = findUndefinedVariable(field.value, variables); if (found) return found; }
  return undefined;
}

function rejectDirectives(node: { directives?: readonly DirectiveNode[] } & ASTNode): void {
  const directive = node.directives?.find((d) => d.name.value !== 'optional');
  if (directive) throw new GraphqlFault(`Unsupported by the org emulator: directive @${directive.name.value}`, 'UnsupportedByEmulator', node);
}

/** `@optional` takes no arguments and exists from OPTIONAL_DIRECTIVE_SINCE; every use is checked before planning. */
function checkDirectives(operation: OperationDefinitionNode, optionalAllowed: boolean): void {
  visit(operation, {
    Directive(directive) {
      if (directive.name.value !== 'optional') return;
      if (!optionalAllowed) throw new GraphqlFault(`Validation error (UnknownDirective) : Unknown directive 'optional'`, 'ValidationError', directive);
      const argument = directive.arguments?.[0];
      if (argument) throw new GraphqlFault(`Validation error (UnknownDirectiveArgument) : Unknown directive argument '${argument.name.value}'`, 'ValidationError', argument);
    }
  });
}

function isOptional(node: FieldNode): boolean {
  return node.directives?.some((d) => d.name.value === 'optional') ?? false;
}

/** The fields of a selection set; fragments are not implemented. */
function fieldsOf(set: SelectionSetNode | undefined, where: string, parent: ASTNode): FieldNode[] {
  if (!set) throw new GraphqlFault(`Validation error (SubselectionRequired@[${where}]) : Sub selection required for '${where}'`, 'ValidationError', parent);
  return set.selections.map((selection) => {
    if (selection.kind !== Kind.FIELD) {
      throw new GraphqlFault(`Unsupported by the org emulator: ${selection.kind === Kind.INLINE_FRAGMENT ? 'inline fragments' : 'fragment spreads'} (at ${where})`, 'UnsupportedByEmulator', selection);
    }
    rejectDirectives(selection);
    return selection;
  });
}

/**
 * A parent's selection with its inline fragments resolved, as polymorphic relationships are asked
 * (`Owner { ... on User { Name { value } } }`): a fragment on the parent's type (the one the
 * emulator's reference names) joins the selection, a fragment on another type selects nothing.
 */
function typeFragments(set: SelectionSetNode | undefined, typeName: string): SelectionSetNode | undefined {
  if (!set || !set.selections.some((s) => s.kind === Kind.INLINE_FRAGMENT)) return set;
  const selections = set.selections.flatMap((selection) => {
    if (selection.kind !== Kind.INLINE_FRAGMENT) return [selection];
    rejectDirectives(selection);
    const on = selection.typeCondition?.name.value;
    return on === undefined || on === typeName ? [...selection.selectionSet.selections] : [];
  });
  return { ...set, selections };
}

function keyOf(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

function noArguments(field: FieldNode, where: string): void {
  const argument = field.arguments?.[0];
  if (argument) throw new GraphqlFault(`Validation error (UnknownArgument@[${where}]) : Unknown field argument '${argument.name.value}'`, 'ValidationError', argument);
}

function noSelection(field: FieldNode, where: string, type: string): void {
  if (field.selectionSet) {
    throw new GraphqlFault(`Validation error (SubselectionNotAllowed@[${where}]) : Sub selection not allowed on leaf type '${type}' of field '${field.name.value}'`, 'ValidationError', field);
  }
}

function unknownField(field: FieldNode, where: string, type: string): GraphqlFault {
  return new GraphqlFault(`Validation error (FieldUndefined@[${where}/${field.name.value}]) : Field '${field.name.value}' in type '${type}' is undefined`, 'ValidationError', field);
}

// ---- planning -------------------------------------------------------------------------------------

function planOperation(operation: OperationDefinitionNode, variables: Record<string, unknown>, objects: ObjectLookup, data: Record<string, unknown>, faults: GraphqlFault[]): ConnectionPlan[] {
  const plans: ConnectionPlan[] = [];
  for (const root of fieldsOf(operation.selectionSet, 'Query', operation)) {
    const rootKey = keyOf(root);
    if (root.name.value === '__typename') {
      data[rootKey] = 'Query';
      continue;
    }
    if (root.name.value !== 'uiapi') {
      faults.push(new GraphqlFault(`Unsupported by the org emulator: '${root.name.value}' (only uiapi { query { … } } is answered)`, 'UnsupportedByEmulator', root));
      continue;
    }
    noArguments(root, 'uiapi');
    const uiapi: Record<string, unknown> = {};
    data[rootKey] = uiapi;
    for (const section of fieldsOf(root.selectionSet, 'uiapi', root)) {
      const sectionKey = keyOf(section);
      if (section.name.value === '__typename') {
        uiapi[sectionKey] = 'UIAPI';
        continue;
      }
      if (section.name.value !== 'query') {
        faults.push(new GraphqlFault(`Unsupported by the org emulator: uiapi.${section.name.value} (only uiapi.query is answered)`, 'UnsupportedByEmulator', section));
        continue;
      }
      noArguments(section, 'uiapi/query');
      const query: Record<string, unknown> = {};
      uiapi[sectionKey] = query;
      for (const connection of fieldsOf(section.selectionSet, 'uiapi/query', section)) {
        const key = keyOf(connection);
        if (connection.name.value === '__typename') {
          query[key] = 'RecordQuery';
          continue;
        }
        // An object the user may not read, asked for with @optional, is left out of the answer.
        if (isOptional(connection) && !objects(connection.name.value)) continue;
        try {
          plans.push(planConnection(connection, variables, objects, [rootKey, sectionKey, key]));
          query[key] = null;
        } catch (error) {
          if (!(error instanceof GraphqlFault)) throw error;
          faults.push(error.at(connection));
        }
      }
    }
  }
  return plans;
}

function integerArgument(value: unknown, name: string, where: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || (value as number) < 0) throw new GraphqlFault(`${where}: ${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return value as number;
}

/** LIMIT of a connection from its `first` and `upperBound` arguments, with the API's ranges. */
export function connectionLimit(first: number | null, upperBound: number | null, where: string): number {
  if (upperBound === null) {
    if (first !== null && first > MAX_FIRST) {
      throw new GraphqlFault(`${where}: first is ${first}, but a record connection returns at most ${MAX_FIRST} records a page`);
    }
    return first ?? DEFAULT_FIRST;
  }
  if (upperBound < MIN_UPPER_BOUND || upperBound > MAX_UPPER_BOUND) {
    throw new GraphqlFault(`${where}: upperBound must be between ${MIN_UPPER_BOUND} and ${MAX_UPPER_BOUND}, got ${upperBound}`);
  }
  if (first !== null && (first < MIN_UPPER_BOUND || first > MAX_UPPER_BOUND)) {
    throw new GraphqlFault(`${where}: with upperBound, first must be between ${MIN_UPPER_BOUND} and ${MAX_UPPER_BOUND}, got ${first}`);
  }
  return Math.min(first ?? MIN_UPPER_BOUND, upperBound);
}

function planConnection(connection: FieldNode, variables: Record<string, unknown>, objects: ObjectLookup, path: string[]): ConnectionPlan {
  const name = connection.name.value;
  const where = `uiapi/query/${name}`;
  const object = objects(name);
  if (!object) throw unknownField(connection, 'uiapi/query', 'RecordQuery');
  const args: Record<string, unknown> = {};
  for (const argument of connection.arguments ?? []) {
    const argName = argument.name.value;
    if (UNSUPPORTED_ARGUMENTS[argName]) {
      throw new GraphqlFault(`Unsupported by the org emulator: ${UNSUPPORTED_ARGUMENTS[argName]} on ${name}`, 'UnsupportedByEmulator', argument);
    }
    if (!CONNECTION_ARGUMENTS.has(argName)) {
      throw new GraphqlFault(`Validation error (UnknownArgument@[${where}]) : Unknown field argument '${argName}'`, 'ValidationError', argument);
    }
    args[argName] = argumentValue(argument.value, variables);
  }
  const limit = connectionLimit(integerArgument(args.first, 'first', where), integerArgument(args.upperBound, 'upperBound', where), where);

  const selections: ConnectionSelection[] = [];
  const paths = new Set<string>(['Id']);
  let readsCurrency = false;
  for (const field of fieldsOf(connection.selectionSet, where, connection)) {
    const key = keyOf(field);
    noArguments(field, `${where}/${field.name.value}`);
    if (field.name.value === '__typename') {
      selections.push({ kind: 'typename', key, typename: `${name}Connection` });
    } else if (field.name.value === 'edges') {
      const edge: Array<{ kind: 'typename'; key: string; typename: string } | { kind: 'node'; key: string; selections: NodeSelection[] }> = [];
      for (const edgeField of fieldsOf(field.selectionSet, `${where}/edges`, field)) {
        noArguments(edgeField, `${where}/edges/${edgeField.name.value}`);
        if (edgeField.name.value === '__typename') edge.push({ kind: 'typename', key: keyOf(edgeField), typename: `${name}Edge` });
        else if (edgeField.name.value === 'node') {
          const node = planNode(edgeField.selectionSet, object, objects, `${where}/edges/node`, edgeField, '', paths);
          readsCurrency ||= node.readsCurrency;
          edge.push({ kind: 'node', key: keyOf(edgeField), selections: node.selections });
        } else if (edgeField.name.value === 'cursor') {
          throw new GraphqlFault(`Unsupported by the org emulator: edges.cursor on ${name}`, 'UnsupportedByEmulator', edgeField);
        } else throw unknownField(edgeField, `${where}/edges`, `${name}Edge`);
      }
      selections.push({ kind: 'edges', key, edge });
    } else if (field.name.value === 'pageInfo' || field.name.value === 'totalCount' || field.name.value === 'pageResultCount') {
      throw new GraphqlFault(`Unsupported by the org emulator: ${field.name.value} on ${name}`, 'UnsupportedByEmulator', field);
    } else throw unknownField(field, where, `${name}Connection`);
  }
  if (readsCurrency && object.fieldsByName.has('currencyisocode')) paths.add('CurrencyIsoCode');

  const condition = whereToSoql(args.where, object, objects, `${where}(where)`);
  const order = orderByToSoql(args.orderBy, object, objects, `${where}(orderBy)`);
  const soql =
    `SELECT ${[...paths].join(', ')} FROM ${object.name}` +
    (condition ? ` WHERE ${condition}` : '') +
    (order.length > 0 ? ` ORDER BY ${order.join(', ')}` : '') +
    ` LIMIT ${limit}`;
  return { path, object, soql, selections, readsCurrency };
}

const VALUE_TYPENAMES: Record<FieldType, string> = {
  id: 'IDValue',
  string: 'StringValue',
  textarea: 'TextAreaValue',
  email: 'EmailValue',
  phone: 'PhoneNumberValue',
  url: 'UrlValue',
  picklist: 'PicklistValue',
  multipicklist: 'MultiPicklistValue',
  boolean: 'BooleanValue',
  int: 'IntValue',
  double: 'DoubleValue',
  currency: 'CurrencyValue',
  percent: 'PercentValue',
  date: 'DateValue',
  datetime: 'DateTimeValue',
  reference: 'IDValue'
};

function planNode(
  set: SelectionSetNode | undefined,
  object: ObjectDef,
  objects: ObjectLookup,
  where: string,
  parentNode: ASTNode,
  prefix: string,
  paths: Set<string>
): { selections: NodeSelection[]; readsCurrency: boolean } {
  const selections: NodeSelection[] = [];
  let readsCurrency = false;
  for (const node of fieldsOf(set, where, parentNode)) {
    const name = node.name.value;
    const key = keyOf(node);
    const at = `${where}/${name}`;
    noArguments(node, at);
    if (name === '__typename') {
      selections.push({ kind: 'typename', key, typename: object.name });
      continue;
    }
    if (name === 'Id') {
      noSelection(node, at, 'ID');
      selections.push({ kind: 'id', key });
      continue;
    }
    const field = fieldOf(object, name);
    if (field) {
      const keys: Array<[string, ValueKey]> = [];
      for (const part of fieldsOf(node.selectionSet, at, node)) {
        noArguments(part, `${at}/${part.name.value}`);
        noSelection(part, `${at}/${part.name.value}`, part.name.value);
        const partName = part.name.value;
        if (partName !== 'value' && partName !== 'displayValue' && partName !== '__typename') {
          if (partName === 'label' || partName === 'format') {
            throw new GraphqlFault(`Unsupported by the org emulator: ${partName} of ${object.name}.${name}`, 'UnsupportedByEmulator', part);
          }
          throw unknownField(part, at, VALUE_TYPENAMES[field.type]);
        }
        if (partName === 'displayValue' && field.type === 'currency') readsCurrency = true;
        keys.push([keyOf(part), partName]);
      }
      paths.add(prefix + field.name);
      selections.push({ kind: 'field', key, object, field, keys });
      continue;
    }
    const relationship = relationshipOf(object, name, objects, at);
    if (relationship) {
      paths.add(`${prefix}${name}.Id`);
      const parent = planNode(typeFragments(node.selectionSet, relationship.parent.name), relationship.parent, objects, at, node, `${prefix}${name}.`, paths);
      readsCurrency ||= parent.readsCurrency;
      selections.push({ kind: 'parent', key, relationship: name, object: relationship.parent, selections: parent.selections });
      continue;
    }
    // A field the user may not read, asked for with @optional, is left out of the node.
    if (isOptional(node)) continue;
    throw unknownField(node, where, object.name);
  }
  return { selections, readsCurrency };
}

// ---- execution --------------------------------------------------------------------------------

function runConnection(store: Store, plan: ConnectionPlan, base: string, user: ContextUser): Record<string, unknown> {
  const result = runQuery(store, plan.soql, { includeDeleted: false });
  if (result.kind !== 'records') throw new SfError(500, 'UNKNOWN_EXCEPTION', `unexpected ${result.kind} result for ${plan.soql}`);
  const corporate = store.corporateCurrency();
  const records = Array.from(result.rows, (row) => JSON.parse(result.projection.json(row, base)) as Record<string, unknown>);
  const answer: Record<string, unknown> = {};
  for (const selection of plan.selections) {
    if (selection.kind === 'typename') {
      answer[selection.key] = selection.typename;
      continue;
    }
    answer[selection.key] = records.map((record) => {
      const edge: Record<string, unknown> = {};
      const currency = typeof record.CurrencyIsoCode === 'string' ? record.CurrencyIsoCode : corporate;
      for (const part of selection.edge) edge[part.key] = part.kind === 'typename' ? part.typename : shapeNode(store, record, part.selections, currency, user);
      return edge;
    });
  }
  return answer;
}

function shapeNode(store: Store, record: Record<string, unknown>, selections: NodeSelection[], currency: string, user: ContextUser): Record<string, unknown> {
  const node: Record<string, unknown> = {};
  for (const selection of selections) {
    switch (selection.kind) {
      case 'id':
        node[selection.key] = record.Id;
        break;
      case 'typename':
        node[selection.key] = selection.typename;
        break;
      case 'field': {
        const value = graphqlValue(selection.field, record[selection.field.name]);
        const entry: Record<string, unknown> = {};
        for (const [key, part] of selection.keys) {
          entry[key] = part === 'value' ? value : part === 'displayValue' ? displayValue(selection.field, value, currency, user, (p) => picklistLabel(store.schema, selection.object, selection.field, p, user)) : VALUE_TYPENAMES[selection.field.type];
        }
        node[selection.key] = entry;
        break;
      }
      case 'parent': {
        const parent = record[selection.relationship];
        node[selection.key] = parent && typeof parent === 'object' ? shapeNode(store, parent as Record<string, unknown>, selection.selections, currency, user) : null;
        break;
      }
    }
  }
  return node;
}

/** REST's `2026-06-15T10:00:00.000+0000` is ISO 8601 with `Z` in the GraphQL API. */
export function graphqlValue(field: FieldDef, raw: unknown): unknown {
  if (raw === undefined || raw === null) return null;
  if (field.type === 'datetime' && typeof raw === 'string') return raw.replace(/\+0000$/, 'Z');
  return raw;
}

/**
 * The formatted value an en_US-locale user sees: picklist labels (in the user's language, through
 * `label`), dates and amounts formatted, date-times on the user's wall clock; null for text,
 * numbers, checkboxes and ids, as the UI API leaves those to the client.
 */
export function displayValue(
  field: FieldDef,
  value: unknown,
  currency: string,
  user: Pick<ContextUser, 'timeZone'> = { timeZone: 'GMT' },
  label: (value: PicklistValue) => string = (p) => p.label
): string | null {
  if (value === null || value === undefined) return null;
  const labelOf = (item: string): string => {
    const known = field.picklistValues.find((p) => p.value === item);
    return known ? label(known) : item;
  };
  switch (field.type) {
    case 'picklist':
      return labelOf(String(value));
    case 'multipicklist':
      return String(value).split(';').map(labelOf).join('; ');
    case 'date':
      return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).format(new Date(`${String(value)}T00:00:00Z`));
    case 'datetime':
      return new Intl.DateTimeFormat('en-US', { timeZone: user.timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(String(value)));
    case 'currency':
      return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(Number(value));
    case 'percent':
      return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: field.scale }).format(Number(value))}%`;
    default:
      return null;
  }
}
