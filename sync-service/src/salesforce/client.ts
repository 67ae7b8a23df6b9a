// Every call the service makes to Salesforce goes through OrgClient: it counts the calls, keeps
// the run inside the daily API budget, turns REQUEST_LIMIT_EXCEEDED into a typed stop, and retries
// transient failures (jsforce itself retries only GET/PUT/DELETE; our POST/PATCH calls are queries
// in a composite and upserts by external id, both safe to repeat).
import type { Connection } from 'jsforce';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Logger } from '../logger';
import { assertBudget, type ApiUsage } from './apiBudget';
import { openConnection, type CallCounter, type SalesforceAuth } from './connection';
import { ApiBudgetExhaustedError, isRequestLimitExceeded, MalformedResponseError } from './errors';
import { abandonJob, BULK_POLL, pollJob, type BulkPollPolicy } from './bulkJobs';
import { forEachCsvBatch } from './csvPages';
import { withRetry, type RetryPolicy } from './retry';
import { toId18 } from './soql';

export type SfRecord = Record<string, unknown>;

export interface QueryPage {
  records: SfRecord[];
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
}

export interface CompositeQuery {
  soql: string;
  /** queryAll: include deleted (IsDeleted = true) records. */
  includeDeleted?: boolean;
}

/** The records of one object deleted in a time span (the getDeleted resource reads the delete log). */
export interface DeletedLookup {
  object: string;
  /** ISO date-times, UTC; start must precede end by more than a minute. */
  start: string;
  end: string;
}

export interface DeletedAnswer {
  ids: string[];
  /** Deletions before this instant may have left the delete log (a replica must then re-read everything). */
  earliestDateAvailable: string | null;
}

/** The ids of one object's records created or updated in a span (the getUpdated resource, asked with a DeletedLookup). */
export interface UpdatedAnswer {
  ids: string[];
}

/** A subrequest that failed (e.g. CurrencyType in an org without multi-currency). */
export interface SubrequestError {
  errorCode: string;
  message: string;
}

export interface RecordFailure {
  key: string;
  message: string;
  /** Salesforce's status code of the first error (e.g. UNABLE_TO_LOCK_ROW), when it gave one. */
  code?: string;
}

export interface UpsertOutcome {
  written: string[];
  failures: RecordFailure[];
}

export interface OrgClientOptions {
  auth: SalesforceAuth;
  reservePercent: number;
  retry: RetryPolicy;
  logger: Logger;
  /** How Bulk 2.0 jobs are polled (defaults: BULK_POLL). */
  bulkPoll?: BulkPollPolicy;
  /** Records a Bulk 2.0 query results page may hold (`maxRecords`; default BULK_RESULTS_PAGE). */
  bulkResultsPage?: number;
  /** Records of a results page handed on at once (default CSV_BATCH). */
  bulkBatchRecords?: number;
}

/**
 * The `maxRecords` the service asks of every Bulk 2.0 results page: each page is one API call, and
 * it is parsed as it streams in, a batch at a time (csvPages.ts), so a bigger page costs no memory.
 * 400,000 reads a million opportunities and three million line items in 3 + 8 pages; Salesforce
 * advises a smaller maxRecords only when a page would take too long to download.
 */
export const BULK_RESULTS_PAGE = 400_000;

/** Collection writes take at most 200 records a call. */
export const COLLECTION_LIMIT = 200;

export class OrgClient {
  private readonly counter: CallCounter = { calls: 0, serverTime: null };

  private constructor(
    readonly conn: Connection,
    counter: CallCounter,
    private readonly options: OrgClientOptions
  ) {
    this.counter = counter;
  }

  static async connect(options: OrgClientOptions): Promise<OrgClient> {
    const counter: CallCounter = { calls: 0, serverTime: null };
    const conn = await openConnection(options.auth, options.logger, counter);
    return new OrgClient(conn, counter, options);
  }

  /** Data API requests sent so far by this client (jsforce's own GET retries not included). */
  get calls(): number {
    return this.counter.calls;
  }

  /** The server's clock (the `Date` header, ms) of the latest answer; null before the first. */
  get serverTime(): number | null {
    return this.counter.serverTime;
  }

  /** The Organization Id of the signed-in org (from the login's identity URL). */
  get organizationId(): string {
    const id = this.conn.userInfo?.organizationId;
    if (!id) throw new Error('signed in to Salesforce without an organization id');
    return id.length === 15 ? toId18(id) : id;
  }

  get bulkPoll(): BulkPollPolicy {
    return this.options.bulkPoll ?? BULK_POLL;
  }

  get retryPolicy(): RetryPolicy {
    return this.options.retry;
  }

  get logger(): Logger {
    return this.options.logger;
  }

  get apiVersion(): string {
    return this.options.auth.apiVersion;
  }

  /** The org's usage as of the last answer (null before the first data call). */
  usage(): ApiUsage | null {
    const info = this.conn.limitInfo as { apiUsage?: ApiUsage } | undefined;
    return info?.apiUsage ?? null;
  }

  /** Forgets the usage seen by an earlier run (the daily budget may have been reset since). */
  startRun(): void {
    this.conn.limitInfo = {};
  }

  /** Throws ApiBudgetExhaustedError when the next call would eat into the reserve. */
  checkBudget(): void {
    assertBudget(this.usage(), this.options.reservePercent);
  }

  /** One Salesforce call: budget checked first, transient failures retried, the daily limit typed. */
  async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    this.checkBudget();
    try {
      return await withRetry(run, this.options.retry, (error, retry, delayMs) =>
        this.options.logger.warn({ what, retry, delayMs, err: describeError(error) }, 'transient salesforce failure: retrying')
      );
    } catch (error) {
      if (isRequestLimitExceeded(error)) {
        const usage = this.usage();
        throw new ApiBudgetExhaustedError(`Salesforce refused ${what}: REQUEST_LIMIT_EXCEEDED`, usage?.used ?? null, usage?.limit ?? null);
      }
      throw error;
    }
  }

  dataPath(rest: string): string {
    return `/services/data/v${this.apiVersion}${rest}`;
  }

  /**
   * Up to 5 queries in one `/composite` call (one API call). Each answer is the first page;
   * follow `nextRecordsUrl` with `nextPage`. A failed subrequest comes back as a SubrequestError.
   */
  async compositeQueries<K extends string>(queries: Record<K, CompositeQuery>): Promise<Record<K, QueryPage | SubrequestError>> {
    return (await this.compositeReads(queries, {})).pages;
  }

  /**
   * Queries, getDeleted and getUpdated lookups in one `/composite` call (one API call): up to 5
   * queries, and up to 20 lookups, which do not count toward the 5 (they are neither queries nor
   * collections).
   */
  async compositeReads<K extends string, D extends string, U extends string = never>(
    queries: Record<K, CompositeQuery>,
    deleted: Record<D, DeletedLookup>,
    updated: Record<U, DeletedLookup> = {} as Record<U, DeletedLookup>
  ): Promise<{ pages: Record<K, QueryPage | SubrequestError>; deleted: Record<D, DeletedAnswer | SubrequestError>; updated: Record<U, UpdatedAnswer | SubrequestError> }> {
    const refs = Object.keys(queries) as K[];
    const lookups = Object.keys(deleted) as D[];
    const updates = Object.keys(updated) as U[];
    if (refs.length === 0 || refs.length > 5) throw new Error(`a composite call takes 1–5 queries, not ${refs.length}`);
    if (refs.length + lookups.length + updates.length > 25) throw new Error('a composite call takes 25 subrequests at most');
    const compositeRequest = [
      ...refs.map((ref) => {
        const query = queries[ref];
        const resource = query.includeDeleted ? 'queryAll' : 'query';
        return { method: 'GET', referenceId: ref, url: this.dataPath(`/${resource}?q=${encodeURIComponent(query.soql)}`) };
      }),
      ...lookups.map((ref) => {
        const { object, start, end } = deleted[ref];
        return { method: 'GET', referenceId: ref, url: this.dataPath(`/sobjects/${object}/deleted/?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`) };
      }),
      ...updates.map((ref) => {
        const { object, start, end } = updated[ref];
        return { method: 'GET', referenceId: ref, url: this.dataPath(`/sobjects/${object}/updated/?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`) };
      })
    ];
    return this.call('composite query', async () => {
      const body = await this.conn.request<unknown>({
        method: 'POST',
        url: this.dataPath('/composite'),
        body: JSON.stringify({ allOrNone: false, compositeRequest }),
        headers: { 'Content-Type': 'application/json' }
      });
      return { pages: parseComposite(body, refs, asQueryPage), deleted: parseComposite(body, lookups, asDeletedAnswer), updated: parseComposite(body, updates, asUpdatedAnswer) };
    });
  }

  /** One page of a query or queryAll (first page), REST. */
  async firstPage(soql: string, includeDeleted = false): Promise<QueryPage> {
    const resource = includeDeleted ? 'queryAll' : 'query';
    return this.call('query', async () =>
      asQueryPage(await this.conn.request<unknown>(this.dataPath(`/${resource}?q=${encodeURIComponent(soql)}`)))
    );
  }

  async nextPage(nextRecordsUrl: string): Promise<QueryPage> {
    return this.call('query more', async () => asQueryPage(await this.conn.request<unknown>(nextRecordsUrl)));
  }

  /** Every page after `first`, handing each page's records to `onRecords`. */
  async drain(first: QueryPage, onRecords: (records: SfRecord[]) => void | Promise<void>): Promise<number> {
    let page = first;
    let count = page.records.length;
    await onRecords(page.records);
    while (!page.done) {
      if (!page.nextRecordsUrl) throw new MalformedResponseError('a page with done=false and no nextRecordsUrl');
      page = await this.nextPage(page.nextRecordsUrl);
      count += page.records.length;
      await onRecords(page.records);
    }
    if (count !== first.totalSize) {
      this.options.logger.warn({ expected: first.totalSize, read: count }, 'query returned a different number of records than totalSize');
    }
    return count;
  }

  /** A REST query read to the end, page by page. */
  async query(soql: string, onRecords: (records: SfRecord[]) => void | Promise<void>, includeDeleted = false): Promise<number> {
    return this.drain(await this.firstPage(soql, includeDeleted), onRecords);
  }

  /**
   * A Bulk API 2.0 query: create the job, poll it, then hand over each results page (CSV strings)
   * as it arrives. The pages are fetched here rather than through jsforce's `bulk2.query`, which in
   * 3.10.16 pipes every page into one stream before returning it: past a dozen pages (a million
   * opportunities are 20) it never ended, and it held every record in memory meanwhile.
   */
  async bulkQuery(soql: string, onRecords: (records: SfRecord[]) => void | Promise<void>, includeDeleted = false): Promise<number> {
    const jobs = this.dataPath('/jobs/query');
    const job = await this.call('bulk query job', async () =>
      this.conn.request<{ id?: unknown }>({
        method: 'POST',
        url: jobs,
        body: JSON.stringify({ operation: includeDeleted ? 'queryAll' : 'query', query: soql }),
        headers: { 'Content-Type': 'application/json' }
      })
    );
    if (typeof job.id !== 'string') throw new MalformedResponseError('Bulk 2.0 query job without an id');
    const jobUrl = `${jobs}/${job.id}`;
    try {
      await pollJob(`Bulk 2.0 query job ${job.id}`, this.bulkPoll, async () => this.call('bulk query status', async () => this.conn.request<{ state?: unknown; errorMessage?: unknown }>(jobUrl)));
    } catch (error) {
      await abandonJob(this, jobUrl, error);
      throw error;
    }
    let count = 0;
    let locator: string | null = null;
    const maxRecords = this.options.bulkResultsPage ?? BULK_RESULTS_PAGE;
    do {
      const url: string = `${jobUrl}/results?maxRecords=${maxRecords}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
      const page = await this.readCsv('bulk query results', url, jobUrl, onRecords);
      if (!page.locator) throw new MalformedResponseError('Bulk 2.0 results page without Sforce-Locator');
      count += page.records;
      locator = page.locator === 'null' ? null : page.locator;
    } while (locator);
    return count;
  }

  /**
   * A CSV answer of the data API (a Bulk 2.0 results page or an ingest job's results) handed to
   * `onRecords` a batch at a time as it streams in: fetched here because jsforce reads a whole
   * answer into one string before it hands it over, and waits on a body cut off mid-way. The answer
   * is the same file on every request, so an attempt after one that broke mid-way passes over the
   * records already handed on. Counted like every data call; an expired session (401) is renewed
   * by asking jsforce for `sessionPath` (it signs in again). Returns the records handed on and the
   * answer's Sforce-Locator.
   */
  async readCsv(what: string, path: string, sessionPath: string, onRecords: (records: SfRecord[]) => void | Promise<void>): Promise<{ records: number; locator: string | null }> {
    let handedOn = 0;
    const locator = await this.call(what, async () => {
      let response = await this.fetchData(path, 'text/csv');
      if (response.status === 401) {
        await response.body?.cancel();
        await this.conn.request(sessionPath);
        response = await this.fetchData(path, 'text/csv');
      }
      if (!response.ok) throw await answerError(response);
      if (!response.body) throw new MalformedResponseError(`${what} without a body`);
      const take = async (records: SfRecord[]) => {
        await onRecords(records);
        handedOn += records.length;
      };
      await forEachCsvBatch(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), take, { skip: handedOn, batch: this.options.bulkBatchRecords });
      return response.headers.get('sforce-locator');
    });
    return { records: handedOn, locator };
  }

  /** A GET of the data API outside jsforce, counted, its headers noted. */
  private async fetchData(path: string, accept: string): Promise<Response> {
    this.counter.calls++;
    const response = await fetch(`${this.conn.instanceUrl}${path}`, { headers: { Authorization: `Bearer ${this.conn.accessToken ?? ''}`, Accept: accept } });
    this.noteAnswer(response.headers);
    return response;
  }

  /** The server's clock and the org's API usage from an answer jsforce did not see. */
  private noteAnswer(headers: Headers): void {
    const date = Date.parse(headers.get('date') ?? '');
    if (Number.isFinite(date)) this.counter.serverTime = date;
    const usage = /api-usage=(\d+)\/(\d+)/.exec(headers.get('sforce-limit-info') ?? '');
    if (usage) this.conn.limitInfo = { apiUsage: { used: Number(usage[1]), limit: Number(usage[2]) } };
  }

  /**
   * sObject Collections upsert by external id, 200 records a call, allOrNone false. Per-record
   * failures come back with the record's external key; a whole call that keeps failing after the
   * retries fails all its records.
   */
  async upsert(object: string, externalIdField: string, records: SfRecord[]): Promise<UpsertOutcome> {
    const outcome: UpsertOutcome = { written: [], failures: [] };
    for (let start = 0; start < records.length; start += COLLECTION_LIMIT) {
      const chunk = records.slice(start, start + COLLECTION_LIMIT);
      const keys = chunk.map((r) => String(r[externalIdField]));
      let results: Array<{ success: boolean; errors: Array<{ message?: string; statusCode?: string }> }>;
      try {
        results = await this.call(`upsert ${object}`, async () => {
          const body = await this.conn.request<unknown>({
            method: 'PATCH',
            url: this.dataPath(`/composite/sobjects/${object}/${externalIdField}`),
            body: JSON.stringify({ allOrNone: false, records: chunk.map((r) => ({ attributes: { type: object }, ...r })) }),
            headers: { 'Content-Type': 'application/json' }
          });
          if (!Array.isArray(body) || body.length !== chunk.length) throw new MalformedResponseError(`upsert answer for ${chunk.length} records`);
          return body as typeof results;
        });
      } catch (error) {
        if (error instanceof ApiBudgetExhaustedError) throw error;
        const message = describeError(error);
        for (const key of keys) outcome.failures.push({ key, message });
        continue;
      }
      results.forEach((result, i) => {
        const key = keys[i]!;
        if (result.success) outcome.written.push(key);
        else {
          const message = (result.errors ?? []).map((e) => `${e.statusCode ?? 'ERROR'}: ${e.message ?? ''}`).join('; ') || 'unknown error';
          outcome.failures.push({ key, message, code: result.errors?.[0]?.statusCode });
        }
      });
    }
    return outcome;
  }

  /** sObject Collections update by Id (allOrNone false); returns the failures. */
  async update(object: string, records: Array<{ Id: string } & SfRecord>): Promise<RecordFailure[]> {
    const failures: RecordFailure[] = [];
    for (let start = 0; start < records.length; start += COLLECTION_LIMIT) {
      const chunk = records.slice(start, start + COLLECTION_LIMIT);
      const body = await this.call(`update ${object}`, async () => {
        const answer = await this.conn.request<unknown>({
          method: 'PATCH',
          url: this.dataPath('/composite/sobjects'),
          body: JSON.stringify({ allOrNone: false, records: chunk.map((r) => ({ attributes: { type: object }, ...r })) }),
          headers: { 'Content-Type': 'application/json' }
        });
        if (!Array.isArray(answer) || answer.length !== chunk.length) throw new MalformedResponseError(`update answer for ${chunk.length} records`);
        return answer as Array<{ success: boolean; errors: Array<{ message?: string; statusCode?: string }> }>;
      });
      body.forEach((result, i) => {
        if (!result.success) {
          const code = result.errors?.[0]?.statusCode;
          failures.push({ key: chunk[i]!.Id, message: (result.errors ?? []).map((e) => `${e.statusCode}: ${e.message}`).join('; '), ...(code ? { code } : {}) });
        }
      });
    }
    return failures;
  }

  /** Deletes records by Id, 200 a call (sObject Collections, allOrNone false); failures keyed by Id. */
  async destroy(ids: string[]): Promise<RecordFailure[]> {
    const failures: RecordFailure[] = [];
    for (let start = 0; start < ids.length; start += COLLECTION_LIMIT) {
      const chunk = ids.slice(start, start + COLLECTION_LIMIT);
      const body = await this.call('delete', async () => {
        const answer = await this.conn.request<unknown>({ method: 'DELETE', url: this.dataPath(`/composite/sobjects?ids=${chunk.join(',')}&allOrNone=false`) });
        if (!Array.isArray(answer) || answer.length !== chunk.length) throw new MalformedResponseError(`delete answer for ${chunk.length} records`);
        return answer as Array<{ success: boolean; errors: Array<{ message?: string; statusCode?: string }> }>;
      });
      body.forEach((result, i) => {
        if (result.success) return;
        const errors = result.errors ?? [];
        failures.push({ key: chunk[i]!, message: errors.map((e) => `${e.statusCode}: ${e.message}`).join('; '), code: errors[0]?.statusCode });
      });
    }
    return failures;
  }

  /** A cheap authenticated call for readiness probes (GET /limits: one API call). */
  async ping(): Promise<ApiUsage | null> {
    const limits = await this.call('limits', async () => this.conn.request<Record<string, { Max: number; Remaining: number }>>(this.dataPath('/limits')));
    const daily = limits.DailyApiRequests;
    return daily ? { used: daily.Max - daily.Remaining, limit: daily.Max } : this.usage();
  }
}

function asQueryPage(body: unknown): QueryPage {
  const page = body as Partial<QueryPage> | null;
  if (!page || typeof page !== 'object' || !Array.isArray(page.records) || typeof page.done !== 'boolean') {
    throw new MalformedResponseError('query page without records/done');
  }
  return { records: page.records, totalSize: Number(page.totalSize ?? page.records.length), done: page.done, nextRecordsUrl: page.nextRecordsUrl };
}

function asDeletedAnswer(body: unknown): DeletedAnswer {
  const answer = body as { deletedRecords?: unknown; earliestDateAvailable?: unknown } | null;
  if (!answer || !Array.isArray(answer.deletedRecords)) throw new MalformedResponseError('getDeleted answer without deletedRecords');
  return {
    ids: (answer.deletedRecords as Array<{ id?: unknown }>).map((r) => String(r.id)),
    earliestDateAvailable: typeof answer.earliestDateAvailable === 'string' ? answer.earliestDateAvailable : null
  };
}

function asUpdatedAnswer(body: unknown): UpdatedAnswer {
  const answer = body as { ids?: unknown } | null;
  if (!answer || !Array.isArray(answer.ids)) throw new MalformedResponseError('getUpdated answer without ids');
  return { ids: (answer.ids as unknown[]).map(String) };
}

function parseComposite<K extends string, T>(body: unknown, refs: K[], parse: (body: unknown) => T): Record<K, T | SubrequestError> {
  const responses = (body as { compositeResponse?: unknown })?.compositeResponse;
  if (!Array.isArray(responses)) throw new MalformedResponseError('composite answer without compositeResponse');
  const out = {} as Record<K, T | SubrequestError>;
  for (const ref of refs) {
    const sub = responses.find((r: { referenceId?: string }) => r?.referenceId === ref) as
      | { httpStatusCode: number; body: unknown }
      | undefined;
    if (!sub) throw new MalformedResponseError(`composite answer without ${ref}`);
    if (sub.httpStatusCode >= 400) {
      const first = (Array.isArray(sub.body) ? sub.body[0] : sub.body) as { errorCode?: string; message?: string } | undefined;
      const errorCode = first?.errorCode ?? `ERROR_HTTP_${sub.httpStatusCode}`;
      if (errorCode === 'REQUEST_LIMIT_EXCEEDED') throw Object.assign(new Error(first?.message ?? errorCode), { errorCode });
      if (sub.httpStatusCode >= 500 || errorCode === 'INVALID_SESSION_ID') {
        throw Object.assign(new Error(`${ref}: ${first?.message ?? errorCode}`), { errorCode });
      }
      out[ref] = { errorCode, message: first?.message ?? '' };
    } else {
      out[ref] = parse(sub.body);
    }
  }
  return out;
}

export function isSubrequestError<T extends object>(value: T | SubrequestError): value is SubrequestError {
  return 'errorCode' in value;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { errorCode?: string }).errorCode;
    return code && code !== error.name ? `${code}: ${error.message}` : `${error.name}: ${error.message}`;
  }
  return String(error);
}

/**
 * The error of a data answer fetched without jsforce, shaped as jsforce shapes them (errorCode and
 * message from Salesforce's error array, else ERROR_HTTP_<status>), so retries and the budget stop
 * read it alike.
 */
async function answerError(response: Response): Promise<Error & { errorCode: string }> {
  const text = await response.text().catch(() => '');
  let errorCode = `ERROR_HTTP_${response.status}`;
  let message = text.slice(0, 500) || response.statusText;
  try {
    const [first] = JSON.parse(text) as Array<{ errorCode?: unknown; message?: unknown }>;
    if (typeof first?.errorCode === 'string') errorCode = first.errorCode;
    if (typeof first?.message === 'string') message = first.message;
  } catch {
    // Not Salesforce's JSON error array: the status names it.
  }
  return Object.assign(new Error(message), { name: errorCode, errorCode });
}
