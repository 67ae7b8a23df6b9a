// REST resources: versions, the version root, limits, describe, sObject rows (CRUD and upsert by
// external id), updated/deleted, and SOQL query/queryAll with cursor paging.
import { SfError } from '../errors';
import { MAX_API_VERSION, MIN_API_VERSION } from '../http/server';
import { json, jsonBody, noContent, type Reply, type RequestContext } from '../http/router';
import type { Org } from '../org';
import { describeGlobal, describeObject, type Describer } from '../schema/describe';
import { batchSizeOf } from '../soql/cursors';
import { runQuery } from '../soql/query';
import { DELETED, LIVE, type Table } from '../store/table';
import { msToIso, parseIsoDateTime } from '../store/values';

const RELEASES: Record<number, string> = { 31: "Summer '14", 32: "Winter '15", 33: "Spring '15", 34: "Summer '15", 35: "Winter '16", 36: "Spring '16", 37: "Summer '16", 38: "Winter '17", 39: "Spring '17", 40: "Summer '17", 41: "Winter '18", 42: "Spring '18", 43: "Summer '18", 44: "Winter '19", 45: "Spring '19", 46: "Summer '19", 47: "Winter '20", 48: "Spring '20", 49: "Summer '20", 50: "Winter '21", 51: "Spring '21", 52: "Summer '21", 53: "Winter '22", 54: "Spring '22", 55: "Summer '22", 56: "Winter '23", 57: "Spring '23", 58: "Summer '23", 59: "Winter '24", 60: "Spring '24", 61: "Summer '24", 62: "Winter '25", 63: "Spring '25", 64: "Summer '25" };

function versions(): Reply {
  const list = [];
  for (let v = MIN_API_VERSION; v <= MAX_API_VERSION; v++) list.push({ label: RELEASES[v] ?? `v${v}`, url: `/services/data/v${v}.0`, version: `${v}.0` });
  return json(200, list);
}

function versionRoot(ctx: RequestContext): Reply {
  const b = ctx.base;
  return json(200, {
    tooling: `${b}/tooling`,
    metadata: `${b}/metadata`,
    'ui-api': `${b}/ui-api`,
    composite: `${b}/composite`,
    limits: `${b}/limits`,
    query: `${b}/query`,
    queryAll: `${b}/queryAll`,
    sobjects: `${b}/sobjects`,
    jobs: `${b}/jobs`,
    identity: `${ctx.org.instanceUrl}/id/${ctx.org.orgId}/${ctx.org.userId(ctx.session!.userRow)}`
  });
}

function limits(ctx: RequestContext): Reply {
  const org = ctx.org;
  const jobs = org.bulkJobs.size;
  return json(200, {
    ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
    DailyApiRequests: { Max: org.apiMax, Remaining: Math.max(0, org.apiMax - org.apiUsed) },
    DailyAsyncApexExecutions: { Max: 250000, Remaining: 250000 },
    DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
    DailyBulkV2QueryFileStorageMB: { Max: 976562, Remaining: 976562 },
    DailyBulkV2QueryJobs: { Max: 10000, Remaining: Math.max(0, 10000 - jobs) },
    DataStorageMB: { Max: 1024, Remaining: 1024 },
    FileStorageMB: { Max: 1024, Remaining: 1024 },
    SingleEmail: { Max: 5000, Remaining: 5000 }
  });
}

function queryAnswer(ctx: RequestContext, includeDeleted: boolean): Reply {
  const soql = ctx.url.searchParams.get('q');
  if (!soql) throw new SfError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  const result = runQuery(ctx.org.store, soql, { includeDeleted, viewer: ctx.org.viewerOf(ctx.session!) });
  return json(200, ctx.org.cursors.open(result, batchSizeOf(ctx.headers['sforce-query-options']), ctx.base));
}

function queryMore(ctx: RequestContext): Reply {
  return json(200, ctx.org.cursors.page(ctx.params.locator!, ctx.base));
}

/** The table of the URL's object; an object the caller may not read does not exist for them. */
function tableOf(ctx: RequestContext): Table {
  const table = ctx.org.store.requireTable(ctx.params.type!);
  if (!ctx.org.access.canReadObject(ctx.org.userOf(ctx.session!), table.name)) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  return table;
}

/** A record by id (or the live row a SOQL over `fields` would return), as the REST API shows it to the caller. */
export function recordJson(ctx: RequestContext, table: Table, row: number, fields: string[] | null): string {
  const user = ctx.org.userOf(ctx.session!);
  const list = fields ?? ctx.org.access.readableFields(user, table.def).map((f) => f.name);
  const soql = `SELECT ${list.join(', ')} FROM ${table.name} WHERE Id = '${table.id(row)}'`;
  const result = runQuery(ctx.org.store, soql, { includeDeleted: false, viewer: ctx.org.viewerOf(ctx.session!) });
  if (result.kind !== 'records' || result.rows.length === 0) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  return result.projection.json(result.rows[0]!, ctx.base);
}

function fieldsParam(ctx: RequestContext): string[] | null {
  const fields = ctx.url.searchParams.get('fields');
  return fields ? fields.split(',').map((f) => f.trim()).filter(Boolean) : null;
}

function create(ctx: RequestContext): Reply {
  const id = ctx.org.dml.insert(ctx.org.userOf(ctx.session!), tableOf(ctx).name, jsonBody<Record<string, unknown>>(ctx));
  return json(201, { id, success: true, errors: [] });
}

function retrieve(ctx: RequestContext): Reply {
  const table = tableOf(ctx);
  const { row } = ctx.org.store.locate(table.name, ctx.params.id!);
  return json(200, recordJson(ctx, table, row, fieldsParam(ctx)));
}

function update(ctx: RequestContext): Reply {
  ctx.org.dml.update(ctx.org.userOf(ctx.session!), tableOf(ctx).name, ctx.params.id!, jsonBody<Record<string, unknown>>(ctx));
  return noContent();
}

function destroy(ctx: RequestContext): Reply {
  ctx.org.dml.remove(ctx.org.userOf(ctx.session!), tableOf(ctx).name, ctx.params.id!);
  return noContent();
}

function retrieveByExternalId(ctx: RequestContext): Reply {
  const table = tableOf(ctx);
  const field = table.field(ctx.params.field!);
  if (!field || !(field.externalId || field.idLookup) || !ctx.org.access.canReadField(ctx.org.userOf(ctx.session!), table.name, field)) {
    throw new SfError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${ctx.params.field}`);
  }
  const rows = ctx.org.store.findByExternalId(table, field, ctx.params.value!);
  if (rows.length === 0) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  if (rows.length > 1) return json(300, rows.map((row) => `${ctx.base}/sobjects/${table.name}/${table.id(row)}`));
  return json(200, recordJson(ctx, table, rows[0]!, fieldsParam(ctx)));
}

function upsert(ctx: RequestContext): Reply {
  const table = tableOf(ctx);
  const store = ctx.org.store;
  const field = table.field(ctx.params.field!);
  if (field && (field.externalId || field.idLookup) && field.type !== 'id') {
    const matches = store.findByExternalId(table, field, ctx.params.value!);
    if (matches.length > 1) return json(300, matches.map((row) => `${ctx.base}/sobjects/${table.name}/${table.id(row)}`));
    if (matches.length === 0 && ctx.url.searchParams.get('updateOnly') === 'true') {
      throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
  }
  const { id, created } = ctx.org.dml.upsert(ctx.org.userOf(ctx.session!), table.name, ctx.params.field!, ctx.params.value!, jsonBody<Record<string, unknown>>(ctx));
  // Since API 46.0 an update by external id answers 200 with a body and both carry `created`;
  // before, an insert answered 201 without it and an update 204 without a body.
  if (Number(ctx.version) < 46) return created ? json(201, { id, success: true, errors: [] }) : noContent();
  return created ? json(201, { id, success: true, errors: [], created: true }) : json(200, { id, success: true, errors: [], created: false });
}

function changedIds(ctx: RequestContext, wanted: 'updated' | 'deleted'): Reply {
  const table = tableOf(ctx);
  const start = parseIsoDateTime(ctx.url.searchParams.get('start') ?? '');
  const end = parseIsoDateTime(ctx.url.searchParams.get('end') ?? '');
  if (start === null || end === null) throw new SfError(400, 'INVALID_REPLICATION_DATE', 'start and end must be dateTimes');
  // Salesforce answers getDeleted for the last 15 days and getUpdated for the last 30 only.
  const days = wanted === 'deleted' ? 15 : 30;
  if (start < ctx.org.store.clock.now() - days * 86_400_000) {
    throw new SfError(400, 'INVALID_REPLICATION_DATE', `startDate cannot be more than ${days} days ago`);
  }
  const stamp = table.column('SystemModstamp');
  if (!stamp) throw new SfError(400, 'INVALID_TYPE_FOR_OPERATION', `entity type ${table.name} does not support replication`);
  const ids: string[] = [];
  const deleted: Array<{ id: string; deletedDate: string }> = [];
  for (let row = 0; row < table.size; row++) {
    const at = stamp.numbers[row]!;
    if (!(at >= start && at <= end)) continue;
    if (wanted === 'updated' && table.state[row] === LIVE) ids.push(table.id(row));
    if (wanted === 'deleted' && table.state[row] === DELETED) deleted.push({ id: table.id(row), deletedDate: msToIso(at) });
  }
  // Hard-deleted records are gone from the table but not from the delete log.
  if (wanted === 'deleted') {
    for (const entry of ctx.org.store.deleteLog.get(table.name) ?? []) {
      if (entry.at >= start && entry.at <= end) deleted.push({ id: entry.id, deletedDate: msToIso(entry.at) });
    }
  }
  const latest = msToIso(Math.min(end, ctx.org.store.clock.now()));
  return wanted === 'updated'
    ? json(200, { ids, latestDateCovered: latest })
    : json(200, { deletedRecords: deleted, earliestDateAvailable: msToIso(0), latestDateCovered: latest });
}

/** describe as the caller sees it: their objects and fields, with their create/update/delete rights. */
export function describerOf(ctx: RequestContext): Describer {
  const user = ctx.org.userOf(ctx.session!);
  const access = ctx.org.access;
  return {
    canReadObject: (object) => access.canReadObject(user, object),
    canCreate: (object) => access.canCreate(user, object),
    canEdit: (object) => access.canEdit(user, object),
    canDelete: (object) => access.canDelete(user, object),
    canReadField: (object, field) => access.canReadField(user, object, field),
    canCreateField: (object, field) => access.canCreateField(user, object, field),
    canUpdateField: (object, field) => access.canUpdateField(user, object, field)
  };
}

export function registerRestRoutes(org: Org): void {
  const data = (method: string, pattern: RegExp, handle: (ctx: RequestContext) => Reply): void =>
    org.router.add({ method, pattern, kind: 'data', handle });
  org.router.add({ method: 'GET', kind: 'public', pattern: /^\/services\/data\/?$/, handle: versions });
  data('GET', /^\/?$/, versionRoot);
  data('GET', /^\/limits\/?$/, limits);
  data('GET', /^\/query\/?$/, (ctx) => queryAnswer(ctx, false));
  data('GET', /^\/queryAll\/?$/, (ctx) => queryAnswer(ctx, true));
  data('GET', /^\/(query|queryAll)\/(?<locator>[^/]+)\/?$/, queryMore);
  data('GET', /^\/sobjects\/?$/, (ctx) => json(200, describeGlobal(ctx.org.store, ctx.base, describerOf(ctx))));
  data('GET', /^\/sobjects\/(?<type>\w+)\/describe\/?$/, (ctx) => json(200, describeObject(ctx.org.store, tableOf(ctx).def, ctx.base, describerOf(ctx))));
  data('GET', /^\/sobjects\/(?<type>\w+)\/?$/, (ctx) => {
    const table = tableOf(ctx);
    const described = describeGlobal(ctx.org.store, ctx.base, describerOf(ctx)) as { sobjects: Array<{ name: string }> };
    return json(200, { objectDescribe: described.sobjects.find((o) => o.name === table.name), recentItems: [] });
  });
  data('POST', /^\/sobjects\/(?<type>\w+)\/?$/, create);
  data('GET', /^\/sobjects\/(?<type>\w+)\/updated\/?$/, (ctx) => changedIds(ctx, 'updated'));
  data('GET', /^\/sobjects\/(?<type>\w+)\/deleted\/?$/, (ctx) => changedIds(ctx, 'deleted'));
  data('GET', /^\/sobjects\/(?<type>\w+)\/(?<id>[^/]+)\/?$/, retrieve);
  data('PATCH', /^\/sobjects\/(?<type>\w+)\/(?<id>[^/]+)\/?$/, update);
  data('DELETE', /^\/sobjects\/(?<type>\w+)\/(?<id>[^/]+)\/?$/, destroy);
  data('POST', /^\/sobjects\/(?<type>\w+)\/Id\/?$/, create);
  data('GET', /^\/sobjects\/(?<type>\w+)\/(?<field>\w+)\/(?<value>[^/]+)\/?$/, retrieveByExternalId);
  data('PATCH', /^\/sobjects\/(?<type>\w+)\/(?<field>\w+)\/(?<value>[^/]+)\/?$/, upsert);
  data('DELETE', /^\/sobjects\/(?<type>\w+)\/(?<field>\w+)\/(?<value>[^/]+)\/?$/, (ctx) => {
    const table = tableOf(ctx);
    const field = table.field(ctx.params.field!);
    if (!field || !(field.externalId || field.idLookup)) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const rows = ctx.org.store.findByExternalId(table, field, ctx.params.value!);
    if (rows.length !== 1) throw new SfError(rows.length === 0 ? 404 : 300, rows.length === 0 ? 'NOT_FOUND' : 'MULTIPLE_CHOICES', 'The requested resource does not exist');
    ctx.org.dml.remove(ctx.org.userOf(ctx.session!), table.name, table.id(rows[0]!));
    return noContent();
  });
}
