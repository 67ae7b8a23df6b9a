// UI API records (`/ui-api/records`): getRecord, and create, update and delete in the shapes
// Lightning Data Service sends and receives, through the org's one DML layer (object permissions
// and field-level security of the session's user, security/dml.ts). A written record answers the
// UI API record representation; DML failures answer the UI API's "error with output"
// (`output.errors` / `output.fieldErrors`), which LDS hands to the component as the error body.
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
import { accessOf, FULL_ACCESS, type UiAccess } from './access';
import type { FieldDef } from '../schema/types';

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

/**
 * A live record as the UI API shows it to `user`: the given fields (by default every field the
 * user may read) with their values and display values.
 */
export function recordRepresentation(
  store: Store,
  table: Table,
  id: string,
  base: string,
  user: ContextUser = orgContextUser(store),
  access: UiAccess = FULL_ACCESS,
  wanted: FieldDef[] = table.def.fields.filter((f) => access.canReadField(table.name, f))
): RecordRepresentation {
  // Id and the audit stamps are always read: the representation's own keys come from them.
  const names = new Set(['Id', ...wanted.map((f) => f.name), ...['LastModifiedById', 'LastModifiedDate', 'SystemModstamp'].filter((n) => table.field(n))]);
  if (table.field('CurrencyIsoCode')) names.add('CurrencyIsoCode');
  const result = runQuery(store, `SELECT ${[...names].join(', ')} FROM ${table.name} WHERE Id = '${id}'`, { includeDeleted: false });
  if (result.kind !== 'records' || result.rows.length === 0) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  const record = JSON.parse(result.projection.json(result.rows[0]!, base)) as Record<string, unknown>;
  const currency = typeof record.CurrencyIsoCode === 'string' ? record.CurrencyIsoCode : store.corporateCurrency();
  const fields: RecordRepresentation['fields'] = {};
  for (const field of wanted) {
    const value = graphqlValue(field, record[field.name]);
    fields[field.name] = { displayValue: displayValue(field, value, currency, user, (p) => picklistLabel(store.schema, table.def, field, p, user)), value };
  }
  const stamp = (name: string): string | null => (typeof record[name] === 'string' ? (graphqlValue(table.field(name)!, record[name]) as string) : null);
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
  if (!table || !accessOf(ctx).canReadObject(table.name)) throw new SfError(400, 'INVALID_TYPE', `Object ${apiName} is not supported in UI API`);
  try {
    const id = ctx.org.dml.insert(ctx.org.userOf(ctx.session!), table.name, fieldsOf(body));
    return json(201, recordRepresentation(store, table, id, ctx.base, contextUserOf(ctx), accessOf(ctx)));
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
    ctx.org.dml.update(ctx.org.userOf(ctx.session!), table.name, id, fields);
    return json(200, recordRepresentation(store, table, id, ctx.base, contextUserOf(ctx), accessOf(ctx)));
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
    ctx.org.dml.remove(ctx.org.userOf(ctx.session!), table.name, ctx.params.id!);
    return noContent();
  } catch (error) {
    if (error instanceof SfError) return writeFailure(error, table);
    throw error;
  }
}

function uiError(status: number, errorCode: string, message: string): Reply {
  return json(status, [{ errorCode, message }]);
}

/** `fields` / `optionalFields` of getRecord: `Object.Field` names, comma-separated, repeatable. */
function requestedFields(ctx: RequestContext, parameter: string): string[] {
  return ctx.url.searchParams.getAll(parameter).flatMap((value) => value.split(',')).map((name) => name.trim()).filter((name) => name !== '');
}

/**
 * `GET /ui-api/records/{id}?fields=…&optionalFields=…` (getRecord): the named fields; a field in
 * `fields` the user may not read (or that does not exist) fails the request, one in
 * `optionalFields` is left out. Without either, every field the user may read.
 */
function read(ctx: RequestContext): Reply {
  const store = ctx.org.store;
  const access = accessOf(ctx);
  let table: Table;
  try {
    table = store.locate(null, ctx.params.id!).table;
  } catch (error) {
    if (error instanceof SfError) return uiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    throw error;
  }
  if (!access.canReadObject(table.name)) {
    return uiError(403, 'INSUFFICIENT_ACCESS', "You don't have access to this record. Ask your administrator for help or to request access.");
  }
  const required = requestedFields(ctx, 'fields');
  const optional = requestedFields(ctx, 'optionalFields');
  let wanted: FieldDef[] | undefined;
  if (required.length > 0 || optional.length > 0) {
    wanted = [];
    for (const [names, mandatory] of [[required, true], [optional, false]] as const) {
      for (const qualified of names) {
        const [objectName, fieldName, ...rest] = qualified.split('.');
        const field = objectName === table.name && rest.length === 0 && fieldName ? table.field(fieldName) : undefined;
        const readable = field !== undefined && field.name === fieldName && access.canReadField(table.name, field);
        if (readable) {
          if (!wanted.includes(field)) wanted.push(field);
        } else if (mandatory) {
          if (objectName === table.name && rest.length > 0) {
            return uiError(400, 'UNSUPPORTED_BY_EMULATOR', `Relationship fields such as ${qualified} are not supported by the org emulator's getRecord`);
          }
          return uiError(400, 'INVALID_FIELD', `No such column '${fieldName ?? qualified}' on entity '${objectName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`);
        }
      }
    }
  }
  return json(200, recordRepresentation(store, table, ctx.params.id!, ctx.base, contextUserOf(ctx), access, wanted));
}

export function registerRecordRoutes(org: Org): void {
  org.router.add({ method: 'GET', kind: 'data', pattern: /^\/ui-api\/records\/(?<id>[^/]+)\/?$/, handle: read });
  org.router.add({ method: 'POST', kind: 'data', pattern: /^\/ui-api\/records\/?$/, handle: create });
  org.router.add({ method: 'PATCH', kind: 'data', pattern: /^\/ui-api\/records\/(?<id>[^/]+)\/?$/, handle: update });
  org.router.add({ method: 'DELETE', kind: 'data', pattern: /^\/ui-api\/records\/(?<id>[^/]+)\/?$/, handle: destroy });
}
