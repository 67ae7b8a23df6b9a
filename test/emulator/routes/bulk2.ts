// Bulk API 2.0 query jobs: create, poll, results as CSV pages behind `Sforce-Locator`
// (`null` on the last page, and never on job-info answers: jsforce reads that header from every
// answer of a job), `maxRecords`, abort and delete.
import { SfError } from '../errors';
import { COLUMN_DELIMITERS } from '../bulk/csv';
import { nextJobId } from '../bulk/jobIds';
import { json, jsonBody, noContent, type Reply, type RequestContext } from '../http/router';
import type { Org } from '../org';
import { runQuery, type Projection } from '../soql/query';
import { msToIso } from '../store/values';

/** Records per results page when the caller does not ask for `maxRecords`. */
const DEFAULT_PAGE = 50_000;
/** Emulated processing time, so clients see InProgress before JobComplete on big jobs. */
const MICROSECONDS_PER_ROW = 1;


export interface QueryJob {
  id: string;
  operation: 'query' | 'queryAll';
  object: string;
  createdById: string;
  createdDate: number;
  apiVersion: string;
  columnDelimiter: string;
  lineEnding: 'LF' | 'CRLF';
  aborted: boolean;
  readyAt: number;
  rows: Int32Array;
  projection: Projection;
}

function stateOf(job: QueryJob): string {
  if (job.aborted) return 'Aborted';
  return Date.now() >= job.readyAt ? 'JobComplete' : 'InProgress';
}

function info(job: QueryJob, state = stateOf(job)): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: msToIso(job.createdDate),
    systemModstamp: msToIso(job.createdDate),
    state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    jobType: 'V2Query',
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter
  };
  if (state === 'JobComplete') Object.assign(base, { numberRecordsProcessed: job.rows.length, retries: 0, totalProcessingTime: Math.round((job.rows.length * MICROSECONDS_PER_ROW) / 1000) });
  return base;
}

function jobOf(ctx: RequestContext): QueryJob {
  const job = ctx.org.bulkJobs.get(ctx.params.id!);
  if (!job) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  return job;
}

function create(ctx: RequestContext): Reply {
  const body = jsonBody<{ operation?: string; query?: string; columnDelimiter?: string; lineEnding?: string; contentType?: string }>(ctx);
  const operation = body.operation ?? 'query';
  if (operation !== 'query' && operation !== 'queryAll') throw new SfError(400, 'INVALIDJOB', `Invalid operation: ${operation}`);
  if (!body.query) throw new SfError(400, 'INVALIDJOB', 'query: a SOQL query is required');
  if (body.contentType && body.contentType !== 'CSV') throw new SfError(400, 'INVALIDJOB', `Invalid contentType: ${body.contentType}`);
  const columnDelimiter = body.columnDelimiter ?? 'COMMA';
  if (!COLUMN_DELIMITERS[columnDelimiter]) throw new SfError(400, 'INVALIDJOB', `Invalid columnDelimiter: ${columnDelimiter}`);
  const lineEnding = body.lineEnding ?? 'LF';
  if (lineEnding !== 'LF' && lineEnding !== 'CRLF') throw new SfError(400, 'INVALIDJOB', `Invalid lineEnding: ${lineEnding}`);
  const result = runQuery(ctx.org.store, body.query, { includeDeleted: operation === 'queryAll', bulk: true, viewer: ctx.org.viewerOf(ctx.session!) });
  if (result.kind !== 'records') throw new SfError(400, 'INVALIDJOB', 'Bulk API 2.0 does not support COUNT() or aggregate queries');
  const now = Date.now();
  const job: QueryJob = {
    id: nextJobId(),
    operation,
    object: result.table.name,
    createdById: ctx.org.userId(ctx.session!.userRow),
    createdDate: ctx.org.store.clock.now(),
    apiVersion: ctx.version,
    columnDelimiter,
    lineEnding,
    aborted: false,
    readyAt: now + Math.max(ctx.org.faults?.bulkDelayMs ?? 0, Math.min(2000, (result.rows.length * MICROSECONDS_PER_ROW) / 1000)),
    rows: result.rows,
    projection: result.projection
  };
  ctx.org.bulkJobs.set(job.id, job);
  return json(200, info(job, 'UploadComplete'));
}

function quote(value: string | null): string {
  if (value === null) return '';
  return `"${value.replace(/"/g, '""')}"`;
}

function results(ctx: RequestContext): Reply {
  const job = jobOf(ctx);
  if (job.apiVersion !== ctx.version) {
    throw new SfError(409, 'INVALIDJOB', `The job was created with API version ${job.apiVersion}; request its results with the same version`);
  }
  const state = stateOf(job);
  if (state !== 'JobComplete') throw new SfError(400, 'INVALIDJOB', `Job ${job.id} is not complete (state ${state})`);
  const locator = ctx.url.searchParams.get('locator');
  let start = 0;
  if (locator && locator !== 'null') {
    start = Number(Buffer.from(locator, 'base64').toString('utf8'));
    if (!Number.isInteger(start) || start < 0 || start > job.rows.length) throw new SfError(400, 'INVALIDJOB', `Invalid locator: ${locator}`);
  }
  const maxParam = ctx.url.searchParams.get('maxRecords');
  const pageSize = maxParam ? Number(maxParam) : DEFAULT_PAGE;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new SfError(400, 'INVALIDJOB', `Invalid maxRecords: ${maxParam}`);
  const end = Math.min(job.rows.length, start + pageSize);
  const delimiter = COLUMN_DELIMITERS[job.columnDelimiter]!;
  const newline = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
  const lines: string[] = [job.projection.csvHeader.map((h) => quote(h)).join(delimiter)];
  for (let i = start; i < end; i++) {
    lines.push(job.projection.csvRow(job.rows[i]!).map((v) => quote(v)).join(delimiter));
  }
  const next = end < job.rows.length ? Buffer.from(String(end)).toString('base64').replace(/=+$/, '') : 'null';
  return {
    status: 200,
    headers: { 'Content-Type': 'text/csv', 'Sforce-Locator': next, 'Sforce-NumberOfRecords': String(end - start) },
    body: lines.join(newline) + newline
  };
}

export function registerBulk2Routes(org: Org): void {
  const data = (method: string, pattern: RegExp, handle: (ctx: RequestContext) => Reply): void =>
    org.router.add({ method, pattern, kind: 'data', handle });
  data('POST', /^\/jobs\/query\/?$/, create);
  data('GET', /^\/jobs\/query\/?$/, (ctx) => json(200, { done: true, records: [...ctx.org.bulkJobs.values()].map((job) => info(job)), nextRecordsUrl: null }));
  data('GET', /^\/jobs\/query\/(?<id>\w+)\/?$/, (ctx) => json(200, info(jobOf(ctx))));
  data('PATCH', /^\/jobs\/query\/(?<id>\w+)\/?$/, (ctx) => {
    const job = jobOf(ctx);
    const body = jsonBody<{ state?: string }>(ctx);
    if (body.state !== 'Aborted') throw new SfError(400, 'INVALIDJOB', `Invalid state: ${String(body.state)}`);
    job.aborted = true;
    return json(200, info(job));
  });
  data('DELETE', /^\/jobs\/query\/(?<id>\w+)\/?$/, (ctx) => {
    ctx.org.bulkJobs.delete(jobOf(ctx).id);
    return noContent();
  });
  data('GET', /^\/jobs\/query\/(?<id>\w+)\/results\/?$/, results);
}
