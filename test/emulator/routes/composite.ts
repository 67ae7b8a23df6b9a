// sObject Collections (create, update, upsert by external id, delete, retrieve; 200 records at
// most; allOrNone both ways) and the Composite resources (`/composite` with referenceIds, one API
// call; `/composite/batch`, one call per subrequest).
import { rowLocked } from '../bulk/ingest';
import { SfError, type ErrorEntry } from '../errors';
import { dispatch } from '../http/server';
import { json, jsonBody, type Reply, type RequestContext } from '../http/router';
import type { Org } from '../org';
import { recordJson } from './rest';

const MAX_RECORDS = 200;
const ROLLED_BACK: ErrorEntry & { statusCode: string } = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  errorCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: []
};

interface SaveResult {
  id: string | null;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
}

class Rollback extends Error {}

function tooMany(count: number): void {
  if (count > MAX_RECORDS) {
    throw new SfError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`);
  }
}

/** Runs one operation per item; with allOrNone, any failure rolls every record back. */
function runCollection<T>(
  org: Org,
  items: T[],
  allOrNone: boolean,
  operation: (item: T, index: number) => SaveResult,
  idOf: (item: T) => string | null,
  reportsCreated = false,
  wouldCreate: (item: T) => boolean = () => false
): SaveResult[] {
  const results: SaveResult[] = [];
  try {
    org.store.atomic(() => {
      items.forEach((item, index) => {
        try {
          results.push(org.store.atomic(() => operation(item, index)));
        } catch (error) {
          if (!(error instanceof SfError) || error.errorCode === 'JSON_PARSER_ERROR') throw error;
          const failed: SaveResult = { id: idOf(item), success: false, errors: [{ statusCode: error.errorCode, message: error.message, fields: error.fields }] };
          if (reportsCreated) failed.created = false;
          results.push(failed);
        }
      });
      if (allOrNone && results.some((r) => !r.success)) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    return results.map((result, index) => {
      // A rolled-back upsert reports created: true for each record it would have inserted, the failed one included.
      if (!result.success) return reportsCreated ? { ...result, created: wouldCreate(items[index]!) } : result;
      const id = idOf(items[index]!);
      const rolled: SaveResult = { id: result.created ? null : id, success: false, errors: [{ statusCode: ROLLED_BACK.statusCode, message: ROLLED_BACK.message, fields: [] }] };
      if (result.created !== undefined) rolled.created = result.created;
      return rolled;
    });
  }
  return results;
}

type Body = { allOrNone?: boolean; records?: Array<Record<string, unknown>> };

function collectionBody(ctx: RequestContext): { allOrNone: boolean; records: Array<Record<string, unknown>> } {
  const body = jsonBody<Body>(ctx);
  if (!body || !Array.isArray(body.records)) throw new SfError(400, 'JSON_PARSER_ERROR', 'records: a list of records is required');
  tooMany(body.records.length);
  return { allOrNone: body.allOrNone === true, records: body.records };
}

function typeOf(record: Record<string, unknown>): string {
  const type = (record.attributes as { type?: string } | undefined)?.type;
  if (!type) throw new SfError(400, 'INVALID_TYPE', 'Must send a concrete entity type.', []);
  return type;
}

function fieldsOf(record: Record<string, unknown>): Record<string, unknown> {
  const { attributes: _attributes, ...fields } = record;
  return fields;
}

function createMany(ctx: RequestContext): Reply {
  const { allOrNone, records } = collectionBody(ctx);
  const actor = ctx.org.userOf(ctx.session!);
  return json(
    200,
    runCollection(ctx.org, records, allOrNone, (record) => {
      const fields = fieldsOf(record);
      if (fields.Id !== undefined || fields.id !== undefined) throw new SfError(400, 'INVALID_FIELD', 'cannot specify Id in an insert call', ['Id']);
      return { id: ctx.org.dml.insert(actor, typeOf(record), fields), success: true, errors: [] };
    }, () => null)
  );
}

function updateMany(ctx: RequestContext): Reply {
  const { allOrNone, records } = collectionBody(ctx);
  const actor = ctx.org.userOf(ctx.session!);
  const idOf = (record: Record<string, unknown>): string | null => (record.id ?? record.Id ?? null) as string | null;
  return json(
    200,
    runCollection(ctx.org, records, allOrNone, (record) => {
      const id = idOf(record);
      if (!id) throw new SfError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
      const { id: _lower, Id: _upper, ...fields } = fieldsOf(record);
      return { id: ctx.org.dml.update(actor, typeOf(record), id, fields), success: true, errors: [] };
    }, idOf)
  );
}

function upsertMany(ctx: RequestContext): Reply {
  const { allOrNone, records } = collectionBody(ctx);
  const type = ctx.params.type!;
  const fieldName = ctx.params.field!;
  const actor = ctx.org.userOf(ctx.session!);
  const table = ctx.org.dml.visibleTable(actor, type);
  const field = table.field(fieldName);
  if (!field || field.type === 'id' || !field.externalId || !ctx.org.access.canReadField(actor, table.name, field)) {
    throw new SfError(400, 'INVALID_FIELD', `Provided external ID field does not exist or is not accessible: ${fieldName}`);
  }
  const valueOf = (record: Record<string, unknown>): string | null => {
    const entry = Object.entries(record).find(([k]) => k.toLowerCase() === field.name.toLowerCase());
    return entry && entry[1] !== null && entry[1] !== undefined ? String(entry[1]) : null;
  };
  const counts = new Map<string, number>();
  for (const record of records) {
    const value = valueOf(record);
    if (value !== null) counts.set(value.toLowerCase(), (counts.get(value.toLowerCase()) ?? 0) + 1);
  }
  return json(
    200,
    runCollection(ctx.org, records, allOrNone, (record) => {
      const recordType = typeOf(record);
      if (recordType.toLowerCase() !== table.name.toLowerCase()) {
        throw new SfError(400, 'INVALID_TYPE', `Record type ${recordType} does not match the type ${table.name} of the request`);
      }
      const value = valueOf(record);
      if (value === null) throw new SfError(400, 'MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
      if ((counts.get(value.toLowerCase()) ?? 0) > 1) {
        throw new SfError(400, 'DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${value}`, [field.name]);
      }
      if (ctx.org.faults?.lockedRow()) throw rowLocked();
      const result = ctx.org.dml.upsert(actor, table.name, field.name, value, fieldsOf(record));
      return { id: result.id, success: true, errors: [], created: result.created };
    }, () => null, true, (record) => {
      const value = valueOf(record);
      return value === null || ctx.org.store.findByExternalId(table, field, value).length === 0;
    })
  );
}

function deleteMany(ctx: RequestContext): Reply {
  const ids = (ctx.url.searchParams.get('ids') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  tooMany(ids.length);
  const allOrNone = ctx.url.searchParams.get('allOrNone') === 'true';
  const actor = ctx.org.userOf(ctx.session!);
  return json(
    200,
    runCollection(ctx.org, ids, allOrNone, (id) => {
      if (!ctx.org.store.tableOfId(id)) throw new SfError(400, 'MALFORMED_ID', `malformed id ${id}`, []);
      try {
        return { id: ctx.org.dml.remove(actor, null, id), success: true, errors: [] };
      } catch (error) {
        if (error instanceof SfError && error.status === 404) throw new SfError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
        throw error;
      }
    }, (id) => id)
  );
}

function retrieveMany(ctx: RequestContext, ids: string[], fields: string[]): Reply {
  const table = ctx.org.store.requireTable(ctx.params.type!);
  if (!ctx.org.access.canReadObject(ctx.org.userOf(ctx.session!), table.name)) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  if (fields.length === 0) throw new SfError(400, 'MISSING_ARGUMENT', 'fields: at least one field is required');
  tooMany(ids.length);
  const records = ids.map((id) => {
    const row = table.rowOf(id);
    if (row < 0 || !table.isLive(row)) return null;
    return JSON.parse(recordJson(ctx, table, row, fields)) as unknown;
  });
  return json(200, records);
}

// ---- composite ------------------------------------------------------------------------------

interface SubrequestResult {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

const HALTED = [{ errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back since another operation in the same transaction failed.' }];

/** Replaces `@{ref.path[0].Field}` with values from earlier subrequests' bodies. */
function resolveReferences(text: string, bodies: Map<string, unknown>): string {
  return text.replace(/@\{([^}]+)\}/g, (_m, expression: string) => {
    const [refId, ...path] = expression.split(/[.[\]]+/).filter(Boolean);
    let value: unknown = bodies.get(refId!);
    if (value === undefined) throw new SfError(400, 'PROCESSING_HALTED', `Invalid reference specified. No value for ${expression} found in ${refId}. Provided referenceId ('${refId}') must be a known one.`);
    for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
    if (value === undefined || value === null) throw new SfError(400, 'PROCESSING_HALTED', `Invalid reference specified. No value for ${expression} found in ${refId}.`);
    return String(value);
  });
}

async function composite(ctx: RequestContext): Promise<Reply> {
  const body = jsonBody<{ allOrNone?: boolean; compositeRequest?: Array<{ method: string; url: string; referenceId: string; body?: unknown }> }>(ctx);
  const requests = body.compositeRequest ?? [];
  if (requests.length === 0 || requests.length > 25) {
    throw new SfError(400, 'INVALID_INPUT', `A composite request needs between 1 and 25 subrequests, not ${requests.length}`);
  }
  const queries = requests.filter((r) => /\/(query|queryAll)(\/|\?|$)/.test(r.url)).length;
  if (queries > 5) throw new SfError(400, 'INVALID_INPUT', 'A composite request can have at most 5 query subrequests');
  const bodies = new Map<string, unknown>();
  const results: SubrequestResult[] = [];
  const store = ctx.org.store;
  const run = async (): Promise<void> => {
    for (const request of requests) {
      let reply: Reply;
      try {
        const url = new URL(resolveReferences(request.url, bodies), ctx.org.instanceUrl);
        const payload = request.body === undefined ? '' : resolveReferences(JSON.stringify(request.body), bodies);
        reply = await dispatch(ctx.org, request.method.toUpperCase(), url, { 'content-type': 'application/json' }, Buffer.from(payload), { session: ctx.session! }, null);
      } catch (error) {
        if (!(error instanceof SfError)) throw error;
        reply = json(error.status, [{ errorCode: error.errorCode, message: error.message }]);
      }
      const parsed = reply.body ? (JSON.parse(reply.body.toString()) as unknown) : null;
      bodies.set(request.referenceId, parsed);
      const headers: Record<string, string> = {};
      if (reply.status === 201 && parsed && typeof parsed === 'object' && 'id' in parsed) {
        headers.Location = `${new URL(request.url, ctx.org.instanceUrl).pathname}/${String((parsed as { id: string }).id)}`;
      }
      results.push({ body: parsed, httpHeaders: headers, httpStatusCode: reply.status, referenceId: request.referenceId });
      if (body.allOrNone && reply.status >= 400) throw new Rollback();
    }
  };
  if (!body.allOrNone) {
    await run();
    return json(200, { compositeResponse: results });
  }
  // allOrNone: subrequest handlers never wait on I/O, so no other request interleaves and a
  // rollback undoes exactly this composite's writes.
  try {
    await store.atomicAsync(run);
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    const failedAt = results.length - 1;
    const halted = requests.map((request, index): SubrequestResult =>
      index === failedAt
        ? results[index]!
        : { body: HALTED, httpHeaders: {}, httpStatusCode: 400, referenceId: request.referenceId }
    );
    return json(200, { compositeResponse: halted });
  }
  return json(200, { compositeResponse: results });
}

async function batch(ctx: RequestContext): Promise<Reply> {
  const body = jsonBody<{ haltOnError?: boolean; batchRequests?: Array<{ method: string; url: string; richInput?: unknown }> }>(ctx);
  const requests = body.batchRequests ?? [];
  const results: Array<{ statusCode: number; result: unknown }> = [];
  let halted = false;
  for (const request of requests) {
    if (halted) {
      results.push({ statusCode: 412, result: [{ errorCode: 'BATCH_PROCESSING_HALTED', message: 'Batch processing halted per request' }] });
      continue;
    }
    const path = request.url.startsWith('/') ? request.url : `/services/data/${request.url}`;
    const url = new URL(path, ctx.org.instanceUrl);
    const payload = request.richInput === undefined ? '' : JSON.stringify(request.richInput);
    const reply = await dispatch(ctx.org, request.method.toUpperCase(), url, { 'content-type': 'application/json' }, Buffer.from(payload), { session: ctx.session! }, null);
    results.push({ statusCode: reply.status, result: reply.body ? (JSON.parse(reply.body.toString()) as unknown) : null });
    if (reply.status >= 400 && body.haltOnError) halted = true;
  }
  return json(200, { hasErrors: results.some((r) => r.statusCode >= 400), results });
}

export function registerCompositeRoutes(org: Org): void {
  const data = (method: string, pattern: RegExp, handle: (ctx: RequestContext) => Reply | Promise<Reply>, cost?: (ctx: RequestContext) => number): void =>
    org.router.add({ method, pattern, kind: 'data', handle, cost });
  data('POST', /^\/composite\/sobjects\/?$/, createMany);
  data('PATCH', /^\/composite\/sobjects\/?$/, updateMany);
  data('DELETE', /^\/composite\/sobjects\/?$/, deleteMany);
  data('POST', /^\/composite\/sobjects\/(?<type>\w+)\/?$/, (ctx) => {
    const body = jsonBody<{ ids?: string[]; fields?: string[] }>(ctx);
    return retrieveMany(ctx, body.ids ?? [], body.fields ?? []);
  });
  data('GET', /^\/composite\/sobjects\/(?<type>\w+)\/?$/, (ctx) =>
    retrieveMany(ctx, (ctx.url.searchParams.get('ids') ?? '').split(',').filter(Boolean), (ctx.url.searchParams.get('fields') ?? '').split(',').filter(Boolean))
  );
  data('PATCH', /^\/composite\/sobjects\/(?<type>\w+)\/(?<field>\w+)\/?$/, upsertMany);
  data('POST', /^\/composite\/?$/, composite);
  data('POST', /^\/composite\/batch\/?$/, batch, (ctx) => {
    try {
      const body = JSON.parse(ctx.body.toString('utf8')) as { batchRequests?: unknown[] };
      return Math.max(1, body.batchRequests?.length ?? 1);
    } catch {
      return 1;
    }
  });
}
