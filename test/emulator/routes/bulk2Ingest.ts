// Bulk API 2.0 ingest jobs: create (Open), upload CSV once (`PUT …/batches`), `UploadComplete`
// or `Aborted`, processing (InProgress, then JobComplete or Failed) and the three result files.
// Every request is a data route, so it is authenticated, faulted and counted like REST calls.
import { COLUMN_DELIMITERS, CsvError, parseCsv, writeCsv, type LineEnding } from '../bulk/csv';
import { INGEST_OPERATIONS, IngestRun, bulkErrorText, mayHardDelete, runInChunks, storeWriter, type IngestOperation } from '../bulk/ingest';
import { nextJobId } from '../bulk/jobIds';
import { SfError } from '../errors';
import { json, jsonBody, noContent, type Reply, type RequestContext } from '../http/router';
import type { Org } from '../org';
import { msToIso } from '../store/values';

type IngestState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

interface IngestJob {
  id: string;
  object: string;
  operation: IngestOperation;
  externalIdFieldName: string | null;
  userRow: number;
  createdDate: number;
  systemModstamp: number;
  apiVersion: string;
  columnDelimiter: string;
  lineEnding: LineEnding;
  state: IngestState;
  upload: string | null;
  run: IngestRun | null;
  errorMessage: string | null;
  startedAt: number;
  finishedAt: number;
}

const jobsByOrg = new WeakMap<Org, Map<string, IngestJob>>();

function jobsOf(org: Org): Map<string, IngestJob> {
  let jobs = jobsByOrg.get(org);
  if (!jobs) {
    jobs = new Map();
    jobsByOrg.set(org, jobs);
  }
  return jobs;
}

const invalidJob = (message: string): SfError => new SfError(400, 'INVALIDJOB', message);

function info(org: Org, job: IngestJob): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: org.userId(job.userRow),
    createdDate: msToIso(job.createdDate),
    systemModstamp: msToIso(job.systemModstamp),
    state: job.state,
    externalIdFieldName: job.externalIdFieldName ?? undefined,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    jobType: 'V2Ingest',
    contentUrl: `services/data/v${job.apiVersion}/jobs/ingest/${job.id}/batches`,
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter
  };
  if (job.state !== 'Open') {
    const run = job.run;
    Object.assign(base, {
      numberRecordsProcessed: run ? run.outcomes.length : 0,
      numberRecordsFailed: run ? run.failed : 0,
      retries: 0,
      totalProcessingTime: Math.max(0, (job.finishedAt || Date.now()) - (job.startedAt || Date.now())),
      apiActiveProcessingTime: 0,
      apexProcessingTime: 0
    });
  }
  if (job.errorMessage) base.errorMessage = job.errorMessage;
  return base;
}

function jobOf(ctx: RequestContext): IngestJob {
  const job = jobsOf(ctx.org).get(ctx.params.id!);
  if (!job) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  return job;
}

function setState(ctx: RequestContext | Org, job: IngestJob, state: IngestState): void {
  const org = 'org' in ctx ? ctx.org : ctx;
  job.state = state;
  job.systemModstamp = org.store.clock.now();
}

function create(ctx: RequestContext): Reply {
  const body = jsonBody<{ object?: string; operation?: string; externalIdFieldName?: string; columnDelimiter?: string; lineEnding?: string; contentType?: string }>(ctx);
  const operation = body.operation as IngestOperation | undefined;
  if (!operation || !INGEST_OPERATIONS.includes(operation)) throw invalidJob(`Invalid operation: ${String(body.operation)}`);
  if (!body.object) throw invalidJob('object: an sObject type is required');
  const table = ctx.org.store.table(body.object);
  // An object the user may not read does not exist for them, as with every other API.
  if (!table || !ctx.org.access.canReadObject(ctx.org.userOf(ctx.session!), table.name)) throw new SfError(400, 'INVALIDJOB', `sObject type '${body.object}' is not supported.`);
  if (body.contentType && body.contentType !== 'CSV') throw invalidJob(`Invalid contentType: ${body.contentType}`);
  const columnDelimiter = body.columnDelimiter ?? 'COMMA';
  if (!COLUMN_DELIMITERS[columnDelimiter]) throw invalidJob(`Invalid columnDelimiter: ${columnDelimiter}`);
  const lineEnding = body.lineEnding ?? 'LF';
  if (lineEnding !== 'LF' && lineEnding !== 'CRLF') throw invalidJob(`Invalid lineEnding: ${lineEnding}`);
  let externalIdFieldName: string | null = null;
  if (operation === 'upsert') {
    if (!body.externalIdFieldName) throw invalidJob(`External ID was blank for ${table.name}. An External ID must be specified for upsert.`);
    const field = table.field(body.externalIdFieldName);
    if (!field || !(field.externalId || field.idLookup)) {
      throw invalidJob(`Field name provided, ${body.externalIdFieldName} is not an External ID or indexed field for ${table.name}`);
    }
    externalIdFieldName = field.name;
  }
  if (operation === 'hardDelete' && !mayHardDelete(ctx.org, ctx.session!.userRow)) {
    throw new SfError(400, 'FEATURENOTENABLED', 'hardDelete operation requires special user profile permission, please contact your system administrator');
  }
  const now = ctx.org.store.clock.now();
  const job: IngestJob = {
    id: nextJobId(),
    object: table.name,
    operation,
    externalIdFieldName,
    userRow: ctx.session!.userRow,
    createdDate: now,
    systemModstamp: now,
    apiVersion: ctx.version,
    columnDelimiter,
    lineEnding,
    state: 'Open',
    upload: null,
    run: null,
    errorMessage: null,
    startedAt: 0,
    finishedAt: 0
  };
  jobsOf(ctx.org).set(job.id, job);
  return json(200, info(ctx.org, job));
}

function upload(ctx: RequestContext): Reply {
  const job = jobOf(ctx);
  if (job.state !== 'Open') throw invalidJob(`Job ${job.id} is not open for upload (state ${job.state})`);
  if (job.upload !== null) {
    throw invalidJob(`Found multiple contents for job: <${job.id}>, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.`);
  }
  const type = String(ctx.headers['content-type'] ?? '');
  if (!/^text\/csv\b/i.test(type)) throw new SfError(400, 'INVALIDJOB', `Unsupported content type: ${type || '(none)'}; upload job data as text/csv`);
  job.upload = ctx.body.toString('utf8');
  return { status: 201 };
}

/** Parses the upload and saves its records in the background; a bad upload fails the job. */
function start(org: Org, job: IngestJob): void {
  job.startedAt = Date.now();
  const finish = (state: IngestState): void => {
    job.finishedAt = Date.now();
    setState(org, job, state);
  };
  try {
    const data = parseCsv(job.upload ?? '', job.columnDelimiter, job.lineEnding);
    job.run = new IngestRun(org.store.requireTable(job.object), job.operation, job.externalIdFieldName, data, storeWriter(org, job.userRow, job.apiVersion));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    job.errorMessage = error.message;
    finish('Failed');
    return;
  }
  setState(org, job, 'InProgress');
  const run = job.run;
  const go = (): void =>
    runInChunks(run, () => job.state === 'Aborted', () => {
      if (job.state !== 'Aborted') finish('JobComplete');
    });
  const delay = org.faults?.bulkDelayMs ?? 0;
  // unref: a delayed job never keeps a closing emulator's process alive.
  if (delay > 0) setTimeout(go, delay).unref();
  else go();
}

function changeState(ctx: RequestContext): Reply {
  const job = jobOf(ctx);
  const { state } = jsonBody<{ state?: string }>(ctx);
  if (state === 'UploadComplete') {
    if (job.state !== 'Open') throw invalidJob(`Job ${job.id} is not open (state ${job.state})`);
    setState(ctx, job, 'UploadComplete');
    const answer = json(200, info(ctx.org, job));
    start(ctx.org, job);
    return answer;
  }
  if (state === 'Aborted') {
    if (job.state === 'JobComplete' || job.state === 'Failed' || job.state === 'Aborted') {
      throw invalidJob(`Job ${job.id} cannot be aborted (state ${job.state})`);
    }
    if (!job.run && job.upload !== null) {
      try {
        job.run = new IngestRun(ctx.org.store.requireTable(job.object), job.operation, job.externalIdFieldName, parseCsv(job.upload, job.columnDelimiter, job.lineEnding), storeWriter(ctx.org, job.userRow, job.apiVersion));
        job.run.stop();
      } catch (error) {
        if (!(error instanceof CsvError)) throw error;
      }
    }
    setState(ctx, job, 'Aborted');
    job.finishedAt = Date.now();
    return json(200, info(ctx.org, job));
  }
  throw invalidJob(`Invalid state: ${String(state)}`);
}

function csvReply(body: string): Reply {
  return { status: 200, headers: { 'Content-Type': 'text/csv' }, body };
}

function successfulResults(ctx: RequestContext): Reply {
  const run = jobOf(ctx).run;
  const header = ['sf__Id', 'sf__Created', ...(run?.data.header ?? [])];
  const rows = (run?.outcomes ?? []).filter((o) => !o.error).map((o) => [o.id, String(o.created), ...o.row]);
  return csvReply(writeCsv(header, rows));
}

function failedResults(ctx: RequestContext): Reply {
  const run = jobOf(ctx).run;
  const header = ['sf__Id', 'sf__Error', ...(run?.data.header ?? [])];
  const rows = (run?.outcomes ?? []).filter((o) => o.error).map((o) => [o.id, bulkErrorText(o.error!), ...o.row]);
  return csvReply(writeCsv(header, rows));
}

function unprocessedRecords(ctx: RequestContext): Reply {
  const job = jobOf(ctx);
  if (!job.run) {
    // Nothing was parsed (an Open job, or a failed upload): the upload is returned as it came.
    return csvReply(job.upload ?? '');
  }
  return csvReply(job.run.unprocessed.length === 0 && job.run.data.header.length === 0 ? '' : writeCsv(job.run.data.header, job.run.unprocessed));
}

function remove(ctx: RequestContext): Reply {
  const job = jobOf(ctx);
  if (job.state === 'Open' || job.state === 'InProgress') throw invalidJob(`Job ${job.id} cannot be deleted in state ${job.state}`);
  jobsOf(ctx.org).delete(job.id);
  return noContent();
}

export function registerBulk2IngestRoutes(org: Org): void {
  const data = (method: string, pattern: RegExp, handle: (ctx: RequestContext) => Reply): void =>
    org.router.add({ method, pattern, kind: 'data', handle });
  data('POST', /^\/jobs\/ingest\/?$/, create);
  data('GET', /^\/jobs\/ingest\/?$/, (ctx) => json(200, { done: true, records: [...jobsOf(ctx.org).values()].map((job) => info(ctx.org, job)), nextRecordsUrl: null }));
  data('GET', /^\/jobs\/ingest\/(?<id>\w+)\/?$/, (ctx) => json(200, info(ctx.org, jobOf(ctx))));
  data('PATCH', /^\/jobs\/ingest\/(?<id>\w+)\/?$/, changeState);
  data('DELETE', /^\/jobs\/ingest\/(?<id>\w+)\/?$/, remove);
  data('PUT', /^\/jobs\/ingest\/(?<id>\w+)\/batches\/?$/, upload);
  data('GET', /^\/jobs\/ingest\/(?<id>\w+)\/successfulResults\/?$/, successfulResults);
  data('GET', /^\/jobs\/ingest\/(?<id>\w+)\/failedResults\/?$/, failedResults);
  data('GET', /^\/jobs\/ingest\/(?<id>\w+)\/unprocessedrecords\/?$/i, unprocessedRecords);
}
