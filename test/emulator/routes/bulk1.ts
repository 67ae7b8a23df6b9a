// Bulk API 1.0 as jsforce's `bulk` client drives it (`conn.bulk.load`, `Query#update`,
// `Query#destroy`, `conn.bulk.query`): XML job and batch resources under
// /services/async/XX.X/ with the session in X-SFDC-Session, CSV batches processed as soon as they
// arrive, CSV batch results (`Id,Success,Created,Error`) and query result sets. A job created with
// a JSON request (`contentType` JSON) answers in JSON and takes JSON batches, as Salesforce's do.
// Errors are `<error><exceptionCode>…` documents (or their JSON form), with status 400.
import { XMLParser } from 'fast-xml-parser';
import { CsvError, detectLineEnding, parseCsv, writeCsv, type CsvTable } from '../bulk/csv';
import { INGEST_OPERATIONS, IngestRun, NULL_VALUE, bulkErrorText, mayHardDelete, runInChunks, storeWriter, type IngestOperation } from '../bulk/ingest';
import { nextBatchId, nextJobId } from '../bulk/jobIds';
import { SfError } from '../errors';
import type { Reply, RequestContext } from '../http/router';
import type { Org } from '../org';
import { runQuery, type QueryResult } from '../soql/query';
import { msToIso } from '../store/values';

const NAMESPACE = 'http://www.force.com/2009/06/asyncapi/dataload';
type Operation = IngestOperation | 'query' | 'queryAll';
type JobState = 'Open' | 'Closed' | 'Aborted' | 'Failed';
type BatchState = 'Queued' | 'InProgress' | 'Completed' | 'Failed' | 'NotProcessed';
type Format = 'xml' | 'json';
type Fields = Array<[string, string | number | null]>;

interface Batch {
  id: string;
  jobId: string;
  state: BatchState;
  stateMessage: string | null;
  createdDate: number;
  systemModstamp: number;
  request: string;
  run: IngestRun | null;
  query: Extract<QueryResult, { kind: 'records' }> | null;
  startedAt: number;
  finishedAt: number;
}

interface Job {
  id: string;
  object: string;
  operation: Operation;
  externalIdFieldName: string | null;
  concurrencyMode: string;
  contentType: 'CSV' | 'JSON';
  /** Answers follow the format the job was created in. */
  format: Format;
  userRow: number;
  createdDate: number;
  systemModstamp: number;
  apiVersion: string;
  state: JobState;
  batches: Batch[];
}

/** A Bulk API 1.0 failure: `exceptionCode` is its own vocabulary (InvalidJob, InvalidBatch…). */
class AsyncApiError extends SfError {
  constructor(exceptionCode: string, message: string, status = 400) {
    super(status, exceptionCode, message);
  }
}

const jobsByOrg = new WeakMap<Org, Map<string, Job>>();

function jobsOf(org: Org): Map<string, Job> {
  let jobs = jobsByOrg.get(org);
  if (!jobs) {
    jobs = new Map();
    jobsByOrg.set(org, jobs);
  }
  return jobs;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmlDocument(root: string, fields: Fields): string {
  const body = fields
    .filter(([, value]) => value !== null)
    .map(([name, value]) => ` <${name}>${escapeXml(String(value))}</${name}>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><${root}\n   xmlns="${NAMESPACE}">\n${body}\n</${root}>`;
}

function xmlReply(body: string, status = 200): Reply {
  return { status, headers: { 'Content-Type': 'application/xml' }, body };
}

function jsonReply(value: unknown, status = 200): Reply {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) };
}

function fieldObject(fields: Fields): Record<string, string | number> {
  const object: Record<string, string | number> = {};
  for (const [name, value] of fields) if (value !== null) object[name] = value;
  return object;
}

function render(root: string, fields: Fields, format: Format, status = 200): Reply {
  return format === 'json' ? jsonReply(fieldObject(fields), status) : xmlReply(xmlDocument(root, fields), status);
}

const requestFormat = (ctx: RequestContext): Format => (/json/i.test(String(ctx.headers['content-type'] ?? '')) ? 'json' : 'xml');

/** Salesforce's Bulk 1.0 error document; REST session and limit errors get their 1.0 names. */
function asyncErrorReply(error: SfError, ctx: RequestContext): Reply {
  const code = error.errorCode === 'INVALID_SESSION_ID' ? 'InvalidSessionId' : error.errorCode === 'REQUEST_LIMIT_EXCEEDED' ? 'ExceededQuota' : error.errorCode;
  const message = error.errorCode === 'INVALID_SESSION_ID' ? 'Invalid session id' : error.message;
  const status = error instanceof AsyncApiError ? error.status : error.status >= 500 ? error.status : 400;
  return render('error', [['exceptionCode', code], ['exceptionMessage', message]], requestFormat(ctx), status);
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, removeNSPrefix: true });

/** A job document in the request's format (XML `<jobInfo>` or its JSON object). */
function jobBody(ctx: RequestContext): Record<string, string> {
  if (requestFormat(ctx) === 'xml') return xmlBody(ctx, 'jobInfo');
  try {
    const parsed = JSON.parse(ctx.body.toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, string>;
  } catch {
    // answered below
  }
  throw new AsyncApiError('InvalidJob', 'Unable to parse Job: expected a JSON object');
}

function xmlBody(ctx: RequestContext, root: string): Record<string, string> {
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(ctx.body.toString('utf8').trim()) as Record<string, unknown>;
  } catch (error) {
    throw new AsyncApiError('InvalidXML', `Unable to parse XML: ${(error as Error).message}`);
  }
  const element = parsed[root];
  if (!element || typeof element !== 'object') throw new AsyncApiError('InvalidJob', `Unable to parse Job: expected a ${root} element`);
  return element as Record<string, string>;
}

function batchCounts(job: Job): Record<BatchState, number> {
  const counts: Record<BatchState, number> = { Queued: 0, InProgress: 0, Completed: 0, Failed: 0, NotProcessed: 0 };
  for (const batch of job.batches) counts[batch.state]++;
  return counts;
}

function processedOf(batch: Batch): number {
  return batch.run ? batch.run.outcomes.length : batch.query && batch.state === 'Completed' ? batch.query.rows.length : 0;
}

function jobInfo(org: Org, job: Job, status = 200): Reply {
  const counts = batchCounts(job);
  const processed = job.batches.reduce((sum, b) => sum + processedOf(b), 0);
  const failed = job.batches.reduce((sum, b) => sum + (b.run?.failed ?? 0), 0);
  const apiVersion: string | number = job.format === 'json' ? Number(job.apiVersion) : job.apiVersion;
  return render('jobInfo', [
    ['id', job.id],
    ['operation', job.operation],
    ['object', job.object],
    ['createdById', org.userId(job.userRow)],
    ['createdDate', isoZ(job.createdDate)],
    ['systemModstamp', isoZ(job.systemModstamp)],
    ['state', job.state],
    ['externalIdFieldName', job.externalIdFieldName],
    ['concurrencyMode', job.concurrencyMode],
    ['contentType', job.contentType],
    ['numberBatchesQueued', counts.Queued],
    ['numberBatchesInProgress', counts.InProgress],
    ['numberBatchesCompleted', counts.Completed],
    ['numberBatchesFailed', counts.Failed],
    ['numberBatchesTotal', job.batches.length],
    ['numberRecordsProcessed', processed],
    ['numberRetries', 0],
    ['apiVersion', apiVersion],
    ['numberRecordsFailed', failed],
    ['totalProcessingTime', job.batches.reduce((sum, b) => sum + processingTime(b), 0)],
    ['apiActiveProcessingTime', 0],
    ['apexProcessingTime', 0]
  ], job.format, status);
}

function processingTime(batch: Batch): number {
  return batch.startedAt ? Math.max(0, (batch.finishedAt || Date.now()) - batch.startedAt) : 0;
}

/** Bulk 1.0 writes datetimes as `2009-09-01T16:42:46.000Z`. */
function isoZ(ms: number): string {
  return msToIso(ms).replace('+0000', 'Z');
}

function batchFields(batch: Batch): Fields {
  return [
    ['id', batch.id],
    ['jobId', batch.jobId],
    ['state', batch.state],
    ['stateMessage', batch.stateMessage],
    ['createdDate', isoZ(batch.createdDate)],
    ['systemModstamp', isoZ(batch.systemModstamp)],
    ['numberRecordsProcessed', processedOf(batch)],
    ['numberRecordsFailed', batch.run?.failed ?? 0],
    ['totalProcessingTime', processingTime(batch)],
    ['apiActiveProcessingTime', 0],
    ['apexProcessingTime', 0]
  ];
}

function jobOf(ctx: RequestContext): Job {
  const job = jobsOf(ctx.org).get(ctx.params.job!);
  if (!job) throw new AsyncApiError('InvalidJob', `Unable to find job: ${ctx.params.job}`);
  return job;
}

function batchOf(ctx: RequestContext): Batch {
  const batch = jobOf(ctx).batches.find((b) => b.id === ctx.params.batch);
  if (!batch) throw new AsyncApiError('InvalidBatch', `Unable to find batch for id: ${ctx.params.batch}`);
  return batch;
}

function createJob(ctx: RequestContext): Reply {
  const body = jobBody(ctx);
  const operation = String(body.operation ?? '') as Operation;
  if (![...INGEST_OPERATIONS, 'query', 'queryAll'].includes(operation)) throw new AsyncApiError('InvalidJob', `Invalid operation: ${operation}`);
  const objectName = String(body.object ?? '');
  const table = ctx.org.store.table(objectName);
  if (!table || !ctx.org.access.canReadObject(ctx.org.userOf(ctx.session!), table.name)) throw new AsyncApiError('InvalidJob', `Unable to find object: ${objectName}`);
  const contentType = String(body.contentType ?? 'CSV');
  if (contentType !== 'CSV' && contentType !== 'JSON') throw new AsyncApiError('InvalidJob', `Unsupported content type: ${contentType} (the emulator takes CSV and JSON batches)`);
  let externalIdFieldName: string | null = null;
  if (operation === 'upsert') {
    const name = String(body.externalIdFieldName ?? '');
    if (!name) throw new AsyncApiError('InvalidJob', `External ID was blank for ${table.name}. An External ID must be specified for upsert.`);
    const field = table.field(name);
    if (!field || !(field.externalId || field.idLookup)) throw new AsyncApiError('InvalidJob', `Field name provided, ${name} is not an External ID or indexed field for ${table.name}`);
    externalIdFieldName = field.name;
  }
  if (operation === 'hardDelete' && !mayHardDelete(ctx.org, ctx.session!.userRow)) {
    throw new AsyncApiError('FeatureNotEnabled', 'hardDelete operation requires special user profile permission, please contact your system administrator');
  }
  const now = ctx.org.store.clock.now();
  const job: Job = {
    id: nextJobId(),
    object: table.name,
    operation,
    externalIdFieldName,
    concurrencyMode: String(body.concurrencyMode ?? 'Parallel'),
    contentType,
    format: requestFormat(ctx),
    userRow: ctx.session!.userRow,
    createdDate: now,
    systemModstamp: now,
    apiVersion: ctx.version,
    state: 'Open',
    batches: []
  };
  jobsOf(ctx.org).set(job.id, job);
  return jobInfo(ctx.org, job, 201);
}

function changeJobState(ctx: RequestContext): Reply {
  const job = jobOf(ctx);
  const state = String(jobBody(ctx).state ?? '');
  if (state !== 'Closed' && state !== 'Aborted') throw new AsyncApiError('InvalidJob', `Invalid state: ${state}`);
  if (job.state !== 'Open') throw new AsyncApiError('InvalidJobState', `Job ${job.id} is not open (state ${job.state})`);
  job.state = state;
  job.systemModstamp = ctx.org.store.clock.now();
  if (state === 'Aborted') {
    for (const batch of job.batches) {
      if (batch.state === 'Queued') batch.state = 'NotProcessed';
    }
  }
  return jobInfo(ctx.org, job);
}

/** A JSON batch as the CSV table the ingest reads: `null` is `#N/A`, parents by external id are `Rel.Field` columns. */
function jsonBatchTable(text: string): CsvTable {
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch (error) {
    throw new CsvError(`InvalidBatch : Failed to parse JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(records)) throw new CsvError('InvalidBatch : Records not processed: a JSON batch is an array of records');
  const header: string[] = [];
  const flat = records.map((record: Record<string, unknown>) => {
    const cells = new Map<string, string>();
    for (const [key, value] of Object.entries(record ?? {})) {
      if (key === 'attributes') continue;
      if (value !== null && typeof value === 'object') {
        for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) if (inner !== 'attributes') cells.set(`${key}.${inner}`, String(innerValue));
      } else cells.set(key, value === null ? NULL_VALUE : String(value));
    }
    for (const key of cells.keys()) if (!header.includes(key)) header.push(key);
    return cells;
  });
  return { header, rows: flat.map((cells) => header.map((name) => cells.get(name) ?? '')) };
}

/** Runs a batch after the answer that queued it: an ingest batch a chunk at a time, a query at once. */
function startBatch(org: Org, job: Job, batch: Batch): void {
  const finish = (state: BatchState, message: string | null = null): void => {
    batch.state = state;
    batch.stateMessage = message;
    batch.finishedAt = Date.now();
    batch.systemModstamp = org.store.clock.now();
  };
  setImmediate(() => {
    if (batch.state !== 'Queued') return;
    batch.state = 'InProgress';
    batch.startedAt = Date.now();
    if (job.operation === 'query' || job.operation === 'queryAll') {
      try {
        const result = runQuery(org.store, batch.request.trim(), { includeDeleted: job.operation === 'queryAll', bulk: true });
        if (result.kind !== 'records') throw new AsyncApiError('InvalidBatch', 'Aggregate queries are not supported by Bulk API');
        batch.query = result;
        finish('Completed');
      } catch (error) {
        if (!(error instanceof SfError)) throw error;
        finish('Failed', `InvalidBatch : ${error.message}`);
      }
      return;
    }
    try {
      const data = job.contentType === 'JSON' ? jsonBatchTable(batch.request) : parseCsv(batch.request, 'COMMA', detectLineEnding(batch.request));
      batch.run = new IngestRun(org.store.requireTable(job.object), job.operation as IngestOperation, job.externalIdFieldName, data, storeWriter(org, job.userRow, job.apiVersion));
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      finish('Failed', error.message);
      return;
    }
    runInChunks(batch.run, () => job.state === 'Aborted', () => finish('Completed'));
  });
}

function addBatch(ctx: RequestContext): Reply {
  const job = jobOf(ctx);
  if (job.state !== 'Open') throw new AsyncApiError('InvalidJobState', `Job ${job.id} is not open (state ${job.state})`);
  const request = ctx.body.toString('utf8');
  if (job.operation !== 'query' && job.operation !== 'queryAll' && request.trim() === '') {
    throw new AsyncApiError('ClientInputError', 'Failed to read from the batch: the request holds no CSV header and no records');
  }
  const now = ctx.org.store.clock.now();
  const batch: Batch = {
    id: nextBatchId(),
    jobId: job.id,
    state: 'Queued',
    stateMessage: null,
    createdDate: now,
    systemModstamp: now,
    request,
    run: null,
    query: null,
    startedAt: 0,
    finishedAt: 0
  };
  job.batches.push(batch);
  startBatch(ctx.org, job, batch);
  return render('batchInfo', batchFields(batch), job.format, 201);
}

function batchList(ctx: RequestContext): Reply {
  const job = jobOf(ctx);
  if (job.format === 'json') return jsonReply({ batchInfo: job.batches.map((batch) => fieldObject(batchFields(batch))) });
  const items = job.batches.map((batch) => xmlDocument('batchInfo', batchFields(batch)).replace(/^<\?xml[^>]*\?>/, '').replace(/\n\s+xmlns="[^"]*"/, ''));
  return xmlReply(`<?xml version="1.0" encoding="UTF-8"?><batchInfoList\n   xmlns="${NAMESPACE}">\n${items.join('\n')}\n</batchInfoList>`);
}

/** Ingest batches answer one CSV row per uploaded record, in upload order; queries a result list. */
function batchResult(ctx: RequestContext): Reply {
  const job = jobOf(ctx);
  const batch = batchOf(ctx);
  if (batch.state !== 'Completed' && batch.state !== 'Failed') throw new AsyncApiError('InvalidBatch', `Batch not completed`);
  if (job.operation === 'query' || job.operation === 'queryAll') {
    if (!batch.query) throw new AsyncApiError('InvalidBatch', batch.stateMessage ?? 'Batch failed');
    if (job.format === 'json') return jsonReply([resultIdOf(batch)]);
    return xmlReply(`<?xml version="1.0" encoding="UTF-8"?><result-list xmlns="${NAMESPACE}"><result>${resultIdOf(batch)}</result></result-list>`);
  }
  if (job.contentType === 'JSON') {
    return jsonReply(
      (batch.run?.outcomes ?? []).map((o) => ({
        success: !o.error,
        created: o.created,
        id: o.id || null,
        errors: o.error ? [{ message: o.error.message, fields: o.error.fields, statusCode: o.error.errorCode, extendedErrorDetails: null }] : []
      }))
    );
  }
  const rows = (batch.run?.outcomes ?? []).map((o) => [o.id, String(!o.error), String(o.created), o.error ? bulkErrorText(o.error) : '']);
  return { status: 200, headers: { 'Content-Type': 'text/csv' }, body: writeCsv(['Id', 'Success', 'Created', 'Error'], rows) };
}

/** One result set per query batch, named like Salesforce's (752 prefix). */
function resultIdOf(batch: Batch): string {
  return `752${batch.id.slice(3, 15)}`;
}

function queryResult(ctx: RequestContext): Reply {
  const batch = batchOf(ctx);
  if (!batch.query || ctx.params.result !== resultIdOf(batch)) throw new AsyncApiError('InvalidBatch', `Unable to find result for id: ${ctx.params.result}`);
  const { projection, rows } = batch.query;
  if (jobOf(ctx).contentType === 'JSON') return { status: 200, headers: { 'Content-Type': 'application/json' }, body: `[${Array.from(rows, (row) => projection.json(row, ctx.base)).join(',')}]` };
  const lines = Array.from(rows, (row) => projection.csvRow(row).map((v) => v ?? ''));
  return { status: 200, headers: { 'Content-Type': 'text/csv' }, body: writeCsv(projection.csvHeader, lines) };
}

export function registerBulk1Routes(org: Org): void {
  const route = (method: string, pattern: RegExp, handle: (ctx: RequestContext) => Reply): void =>
    org.router.add({ method, pattern, kind: 'async', handle, errorReply: asyncErrorReply });
  route('POST', /^\/job\/?$/, createJob);
  route('GET', /^\/job\/(?<job>\w+)\/?$/, (ctx) => jobInfo(ctx.org, jobOf(ctx)));
  route('POST', /^\/job\/(?<job>\w+)\/?$/, changeJobState);
  route('POST', /^\/job\/(?<job>\w+)\/batch\/?$/, addBatch);
  route('GET', /^\/job\/(?<job>\w+)\/batch\/?$/, batchList);
  route('GET', /^\/job\/(?<job>\w+)\/batch\/(?<batch>\w+)\/?$/, (ctx) => render('batchInfo', batchFields(batchOf(ctx)), jobOf(ctx).format));
  route('GET', /^\/job\/(?<job>\w+)\/batch\/(?<batch>\w+)\/request\/?$/, (ctx) => ({ status: 200, headers: { 'Content-Type': 'text/csv' }, body: batchOf(ctx).request }));
  route('GET', /^\/job\/(?<job>\w+)\/batch\/(?<batch>\w+)\/result\/?$/, batchResult);
  route('GET', /^\/job\/(?<job>\w+)\/batch\/(?<batch>\w+)\/result\/(?<result>\w+)\/?$/, queryResult);
}
