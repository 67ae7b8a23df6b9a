// UI API record writes (`/ui-api/records`): create, update and delete in the shapes Lightning Data
// Service sends and receives. A written record answers the UI API record representation; DML
// failures answer the UI API's "error with output" (`output.errors` / `output.fieldErrors`), which
// LDS hands to the component as the error body.
import crypto from 'node:crypto';
import { SfError } from '../errors';
import { json, jsonBody, noContent, type Reply, type RequestContext } from '../http/router';
import type { Org } from '../org';
import { runQuery } from '../soql/query';
import type { Store } from '../store/store';
import type { Table } from '../store/table';
import { displayValue, graphqlValue } from './graphql';
import { picklistLabel } from './objectInfo';
import { orgContextUser, contextUserOf, type ContextUser } from './contextUser';

export const RECORD_ERROR_MESSAGE = 'An error occurred while trying to update the record. Please try again.';

export interface RecordRepresentation {
  apiName: string;
  childRelationships: Record<string, never>;
  eTag: string;
  fields: Record<string, { displayValue: string | null; value: unknown }>;
  id: string;
  lastModifiedById: string | null;
  lastModifiedDate: string | null;
  recordTypeId: null;
  recordTypeInfo: null;
  systemModstamp: string | null;
  weakEtag: number;
}

/** A live record as the UI API shows it: every field with its value and display value. */
export function recordRepresentation(store: Store, table: Table, id: string, base: string, user: ContextUser = orgContextUser(store)): RecordRepresentation {
  const names = table.def.fields.map((f) => f.name);
  const result = runQuery(store, `SELECT ${names.join(', ')} FROM ${table.name} WHERE Id = '${id}'`, { includeDeleted: false });
  if (result.kind !== 'records' || result.rows.length === 0) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  const record = JSON.parse(result.projection.json(result.rows[0]!, base)) as Record<string, unknown>;
  const currency = typeof record.CurrencyIsoCode === 'string' ? record.CurrencyIsoCode : store.corporateCurrency();
  const fields: RecordRepresentation['fields'] = {};
  for (const field of table.def.fields) {
    const value = graphqlValue(field, record[field.name]);
    fields[field.name] = { displayValue: displayValue(field, value, currency, user, (p) => picklistLabel(store.schema, table.def, field, p, user)), value };
  }
  const stamp = (name: string): string | null => (typeof fields[name]?.value === 'string' ? (fields[name]!.value as string) : null);
  const modstamp = stamp('SystemModstamp');
  return {
    apiName: table.name,
    childRelationships: {},
    eTag: crypto.createHash('md5').update(JSON.stringify(fields)).digest('hex'),
    fields,
    id: String(record.Id),
    lastModifiedById: stamp('LastModifiedById'),
    lastModifiedDate: stamp('LastModifiedDate'),
    recordTypeId: null,
    recordTypeInfo: null,
    systemModstamp: modstamp,
    weakEtag: modstamp ? Date.parse(modstamp) : 0
  };
}

interface RecordExceptionError {
  constituentField: null;
  duplicateRecordError: null;
  errorCode: string;
  field: string | null;
  fieldLabel: string | null;
  message: string;
}

/** A failed write in the UI API's shapes: 404s as an error list, DML failures as RecordError output. */
export function writeFailure(error: SfError, table: Table | undefined): Reply {
  if (error.status === 404 || error.errorCode === 'JSON_PARSER_ERROR') {
    return json(error.status, [{ errorCode: error.errorCode, message: error.message }]);
  }
  const entry = (field: string | null): RecordExceptionError => ({
    constituentField: null,
    duplicateRecordError: null,
    errorCode: error.errorCode,
    field,
    fieldLabel: field ? (table?.field(field)?.label ?? field) : null,
    message: error.message
  });
  const fieldErrors: Record<string, RecordExceptionError[]> = {};
  for (const field of error.fields) {
    const name = table?.field(field)?.name ?? field;
    (fieldErrors[name] ??= []).push(entry(name));
  }
  return json(error.status, {
    enhancedErrorType: 'RecordError',
    message: RECORD_ERROR_MESSAGE,
    output: { errors: error.fields.length === 0 ? [entry(null)] : [], fieldErrors }
  });
}

function fieldsOf(body: Record<string, unknown>): Record<string, unknown> {
  const fields = body.fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new SfError(400, 'INVALID_INPUT', "fields: expected an object of field API names to values");
  }
  return fields as Record<string, unknown>;
}

function requestBody(ctx: RequestContext): Record<string, unknown> {
  const body = jsonBody<unknown>(ctx);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SfError(400, 'INVALID_INPUT', 'The request body must be a JSON object');
  return body as Record<string, unknown>;
}

function create(ctx: RequestContext): Reply {
  const store = ctx.org.store;
  const body = requestBody(ctx);
  const apiName = body.apiName;
  if (typeof apiName !== 'string' || apiName === '') throw new SfError(400, 'INVALID_INPUT', 'apiName: the object API name is required');
  const table = store.table(apiName);
  if (!table) throw new SfError(400, 'INVALID_TYPE', `Object ${apiName} is not supported in UI API`);
  try {
    const id = store.insert(table.name, fieldsOf(body), ctx.session!.userRow);
    return json(201, recordRepresentation(store, table, id, ctx.base, contextUserOf(ctx)));
  } catch (error) {
    if (error instanceof SfError) return writeFailure(error, table);
    throw error;
  }
}

function update(ctx: RequestContext): Reply {
  const store = ctx.org.store;
  const id = ctx.params.id!;
  let table: Table | undefined;
  try {
    table = store.locate(null, id).table;
    const body = requestBody(ctx);
    if (typeof body.apiName === 'string' && body.apiName !== table.name) {
      throw new SfError(400, 'INVALID_INPUT', `apiName ${body.apiName} does not match the record's object ${table.name}`);
    }
    const fields = { ...fieldsOf(body) };
    // LDS keeps Id in the fields it sends; the record is the one the URL names.
    if (fields.Id !== undefined) {
      if (fields.Id !== id) throw new SfError(400, 'INVALID_INPUT', `fields.Id ${String(fields.Id)} does not match the record id ${id}`);
      delete fields.Id;
    }
    store.update(table.name, id, fields, ctx.session!.userRow);
    return json(200, recordRepresentation(store, table, id, ctx.base, contextUserOf(ctx)));
  } catch (error) {
    if (error instanceof SfError) return writeFailure(error, table);
    throw error;
  }
}

function destroy(ctx: RequestContext): Reply {
  const store = ctx.org.store;
  let table: Table | undefined;
  try {
    table = store.locate(null, ctx.params.id!).table;
    store.remove(table.name, ctx.params.id!, ctx.session!.userRow);
    return noContent();
  } catch (error) {
    if (error instanceof SfError) return writeFailure(error, table);
    throw error;
  }
}

export function registerRecordRoutes(org: Org): void {
  org.router.add({ method: 'POST', kind: 'data', pattern: /^\/ui-api\/records\/?$/, handle: create });
  org.router.add({ method: 'PATCH', kind: 'data', pattern: /^\/ui-api\/records\/(?<id>[^/]+)\/?$/, handle: update });
  org.router.add({ method: 'DELETE', kind: 'data', pattern: /^\/ui-api\/records\/(?<id>[^/]+)\/?$/, handle: destroy });
}
