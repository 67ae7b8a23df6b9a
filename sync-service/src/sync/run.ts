// One sync run: read the org's inputs, compute the metrics, write the rows that changed, then
// commit the watermark, the input mirror and the row hashes together. The commit happens only
// when every write succeeded, so a crash or a failed write leaves the watermark where it was and
// the next run redoes the same work (upserts by external id: no duplicates).
//
// Modes
// - full: reads everything; the mirror is replaced.
// - incremental: queryAll on SystemModstamp ≥ watermark − lookback for every input object (two
//   composite calls when nothing changed), compared by content with the mirror; the changes are
//   applied to the mirror and the engine recomputes every account from it (revenue share, score
//   ranks and program rows depend on all accounts), and only rows whose content changed are
//   written. No state, a new as-of date or changed org context (fiscal year, rates, weights): full.
// - account: re-reads one account's records, overlays them on the mirror (or on a full read when
//   there is no usable mirror) and writes that account's rows plus the program rows that changed.
//   Nothing is committed but the hashes of the rows written.
import crypto from 'node:crypto';
import { createMetricsRun, type MetricsResult, type OpportunityInput } from '../metrics';
import type { Logger } from '../logger';
import { isSubrequestError, type OrgClient, type QueryPage, type RecordFailure, type SfRecord, type SubrequestError } from '../salesforce/client';
import { dateTimeLiteral, idLiteral, selectFrom, toId18 } from '../salesforce/soql';
import { diffRows } from './rowHash';
import {
  CONTEXT_QUERIES,
  TO_INPUT,
  accountOf,
  inputSources,
  toOrgContext,
  type InputKind,
  type InputOf,
  type OrgContext
} from './inputs';
import { INPUT_KINDS, LockLostError, STATE_VERSION, type MirrorChanges, type SyncMeta, type SyncState, type Watermarks } from './state';

export type SyncMode = 'full' | 'incremental' | 'account';

export interface SyncRequest {
  mode: SyncMode;
  /** Required for mode 'account': an 15/18-character Account id. */
  accountId?: string;
  /** YYYY-MM-DD; default today (UTC). */
  asOf?: string;
}

export interface SyncSettings {
  bulkThreshold: number;
  lookbackSeconds: number;
  lockTtlMs: number;
}

export interface SyncDeps {
  client: OrgClient;
  state: SyncState;
  logger: Logger;
  settings: SyncSettings;
  /** Called after each stage with a 0–100 figure (job progress). */
  onProgress?: (percent: number, stage: string) => void | Promise<void>;
}

export interface SyncSummary {
  mode: SyncMode;
  requestedMode: SyncMode;
  status: 'done' | 'partial';
  asOf: string;
  accounts: number;
  opportunities: number;
  /** Input records found changed (incremental runs). */
  changedRecords: number;
  metricRowsWritten: number;
  metricRowsUnchanged: number;
  failures: RecordFailure[];
  apiCalls: number;
  durationMs: number;
  watermarkAdvanced: boolean;
  /** Data problems the engine met, by kind: how many and up to 10 opportunity ids (or criteria). */
  dataQuality: Record<string, { count: number; sampleIds: string[] }>;
}

/** Another run holds the deployment's sync lock. */
export class SyncBusyError extends Error {
  constructor() {
    super('another sync run holds the lock');
    this.name = 'SyncBusyError';
  }
}

interface Inputs {
  accounts: Map<string, InputOf<'account'>>;
  plans: Map<string, InputOf<'plan'>>;
  initiatives: Map<string, InputOf<'initiative'>>;
  sponsors: Map<string, InputOf<'sponsor'>>;
  opportunities: Map<string, InputOf<'opportunity'>>;
}

const KIND_FIELD: Record<InputKind, keyof Inputs> = {
  opportunity: 'opportunities',
  account: 'accounts',
  plan: 'plans',
  initiative: 'initiatives',
  sponsor: 'sponsors'
};

/** How long a staged mirror outlives a run that never commits it. */
const STAGING_TTL_MS = 60 * 60 * 1000;

function* serialized(records: Map<string, unknown>): Generator<[string, string]> {
  for (const [id, input] of records) yield [id, JSON.stringify(input)];
}

function emptyInputs(): Inputs {
  return { accounts: new Map(), plans: new Map(), initiatives: new Map(), sponsors: new Map(), opportunities: new Map() };
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Hash of the org-wide inputs: a change in any of them affects every row. */
export function contextHash(context: OrgContext): string {
  return crypto.createHash('sha256').update(JSON.stringify(context)).digest('base64url');
}

function maxStamp(current: string | undefined, record: SfRecord): string | undefined {
  const stamp = record.SystemModstamp;
  if (typeof stamp !== 'string' || stamp === '') return current;
  const iso = new Date(stamp).toISOString();
  return current === undefined || iso > current ? iso : current;
}

function pageOrThrow(answer: QueryPage | SubrequestError, what: string): QueryPage {
  if (isSubrequestError(answer)) throw new Error(`${what}: ${answer.errorCode}: ${answer.message}`);
  return answer;
}

export async function runSync(request: SyncRequest, deps: SyncDeps): Promise<SyncSummary> {
  const token = await deps.state.acquireLock(deps.settings.lockTtlMs);
  if (!token) throw new SyncBusyError();
  let lockLost = false;
  const heartbeat = setInterval(() => {
    deps.state.renewLock(token, deps.settings.lockTtlMs).then(
      (held) => {
        if (!held) lockLost = true;
      },
      () => undefined
    );
  }, Math.max(200, Math.floor(deps.settings.lockTtlMs / 3)));
  try {
    return await new SyncRun(request, deps, token, () => lockLost).run();
  } finally {
    clearInterval(heartbeat);
    await deps.state.releaseLock(token).catch(() => undefined);
  }
}

class SyncRun {
  private readonly started = Date.now();
  private readonly callsAtStart: number;
  private readonly asOf: string;
  private readonly accountId: string | undefined;

  constructor(
    private readonly request: SyncRequest,
    private readonly deps: SyncDeps,
    private readonly token: string,
    private readonly lockLost: () => boolean
  ) {
    this.callsAtStart = deps.client.calls;
    deps.client.startRun();
    this.asOf = request.asOf ?? todayUtc();
    if (request.mode === 'account') {
      if (!request.accountId) throw new Error('account mode needs an account id');
      this.accountId = toId18(request.accountId);
    }
  }

  private get client(): OrgClient {
    return this.deps.client;
  }

  private async progress(percent: number, stage: string): Promise<void> {
    await this.deps.onProgress?.(percent, stage);
  }

  async run(): Promise<SyncSummary> {
    const meta = await this.deps.state.readMeta();
    const usable = meta !== null && meta.asOf === this.asOf;
    if (this.request.mode === 'account') return this.accountRun(usable ? meta : null);
    if (this.request.mode === 'incremental' && usable) return this.incrementalRun(meta);
    return this.fullRun(null);
  }

  // ---- reads --------------------------------------------------------------------------------

  private contextFrom(answers: Record<'organization' | 'currencies' | 'datedRates' | 'weights', QueryPage | SubrequestError>): OrgContext {
    const optional = (answer: QueryPage | SubrequestError): SfRecord[] | null => {
      if (!isSubrequestError(answer)) return answer.records;
      if (answer.errorCode === 'INVALID_TYPE') return null;
      throw new Error(`${answer.errorCode}: ${answer.message}`);
    };
    return toOrgContext(
      pageOrThrow(answers.organization, 'Organization').records,
      optional(answers.currencies),
      optional(answers.datedRates),
      pageOrThrow(answers.weights, 'Strategic_Score_Weight__mdt').records
    );
  }

  private contextQueries() {
    return {
      organization: { soql: CONTEXT_QUERIES.organization },
      currencies: { soql: CONTEXT_QUERIES.currencies },
      datedRates: { soql: CONTEXT_QUERIES.datedRates },
      weights: { soql: CONTEXT_QUERIES.weights }
    };
  }

  /** Reads every input but opportunities into `inputs`, returning the watermarks seen. */
  private async readSmallObjects(context: OrgContext, inputs: Inputs, watermarks: Watermarks, accountPage: QueryPage, where?: (kind: InputKind) => string): Promise<number> {
    const sources = inputSources(context.multiCurrency);
    const collect = (kind: InputKind) => (records: SfRecord[]) => {
      const target = inputs[KIND_FIELD[kind]] as Map<string, unknown>;
      for (const record of records) {
        const input = TO_INPUT[kind](record);
        target.set(input.id, input);
        watermarks[kind] = maxStamp(watermarks[kind], record);
      }
    };
    await this.client.drain(accountPage, collect('account'));
    const soql = (kind: InputKind) => selectFrom(sources[kind].object, sources[kind].fields, where?.(kind));
    const second = await this.client.compositeQueries({
      plan: { soql: soql('plan') },
      initiative: { soql: soql('initiative') },
      sponsor: { soql: soql('sponsor') },
      count: { soql: selectFrom('Opportunity', ['COUNT()'], where?.('opportunity')) }
    });
    await this.client.drain(pageOrThrow(second.plan, 'Account_Plan__c'), collect('plan'));
    await this.client.drain(pageOrThrow(second.initiative, 'Joint_Initiative__c'), collect('initiative'));
    await this.client.drain(pageOrThrow(second.sponsor, 'Executive_Sponsor__c'), collect('sponsor'));
    return pageOrThrow(second.count, 'Opportunity count').totalSize;
  }

  /** Streams opportunities (REST pages or Bulk 2.0 above the threshold) into `sink`. */
  private async readOpportunities(context: OrgContext, expected: number, sink: (records: SfRecord[]) => void | Promise<void>, where?: string): Promise<number> {
    const source = inputSources(context.multiCurrency).opportunity;
    const soql = selectFrom(source.object, source.fields, where);
    if (expected > this.deps.settings.bulkThreshold) {
      this.deps.logger.info({ expected }, 'reading opportunities with Bulk API 2.0');
      return this.client.bulkQuery(soql, sink);
    }
    return this.client.query(soql, sink);
  }

  private async readEverything(context: OrgContext, accountPage: QueryPage): Promise<{ inputs: Inputs; watermarks: Watermarks }> {
    const inputs = emptyInputs();
    const watermarks: Watermarks = {};
    const expected = await this.readSmallObjects(context, inputs, watermarks, accountPage);
    await this.progress(20, 'read accounts and plans');
    const read = await this.readOpportunities(context, expected, (records) => {
      for (const record of records) {
        const opportunity = TO_INPUT.opportunity(record);
        inputs.opportunities.set(opportunity.id, opportunity);
        watermarks.opportunity = maxStamp(watermarks.opportunity, record);
      }
    });
    if (read !== inputs.opportunities.size) throw new Error(`read ${read} opportunity records but ${inputs.opportunities.size} distinct ids`);
    await this.progress(50, 'read opportunities');
    return { inputs, watermarks };
  }

  // ---- compute and write --------------------------------------------------------------------

  private compute(context: OrgContext, inputs: Inputs): MetricsResult {
    const run = this.engine(context, inputs);
    run.add(inputs.opportunities.values() as Iterable<OpportunityInput>);
    return run.finish();
  }

  /** An engine run over the accounts, plans, initiatives and sponsors of `inputs`; opportunities are added by the caller. */
  private engine(context: OrgContext, inputs: Inputs) {
    return createMetricsRun({
      asOf: this.asOf,
      org: context.org,
      rates: context.rates,
      accounts: [...inputs.accounts.values()],
      plans: [...inputs.plans.values()],
      initiatives: [...inputs.initiatives.values()],
      sponsors: [...inputs.sponsors.values()],
      weights: context.weights
    });
  }

  /** Writes the changed rows; returns the hashes of the rows written and the failures. */
  private async write(result: MetricsResult, includeAccount?: (id: string) => boolean) {
    const stored = await this.deps.state.rowHashes();
    const diff = diffRows(result, stored, includeAccount);
    const computedAt = new Date().toISOString();
    const accountOutcome = await this.client.upsert(
      'Account_Metric__c',
      'Snapshot_Key__c',
      diff.accountRows.map((row) => ({ ...row, Computed_At__c: computedAt }))
    );
    const programOutcome = await this.client.upsert(
      'Program_Metric__c',
      'Period_Key__c',
      diff.programRows.map((row) => ({ ...row, Computed_At__c: computedAt }))
    );
    const failures = [
      ...accountOutcome.failures.map((f) => ({ ...f, key: `Account_Metric__c:${f.key}` })),
      ...programOutcome.failures.map((f) => ({ ...f, key: `Program_Metric__c:${f.key}` }))
    ];
    const failedKeys = new Set([...accountOutcome.failures.map((f) => `A:${f.key}`), ...programOutcome.failures.map((f) => `P:${f.key}`)]);
    const written = new Map<string, string>();
    for (const key of [...accountOutcome.written.map((k) => `A:${k}`), ...programOutcome.written.map((k) => `P:${k}`)]) {
      written.set(key, diff.hashes.get(key)!);
    }
    // The hashes to keep: every row produced, except rows that failed (their stored hash no longer tells the truth).
    const after = new Map<string, string>();
    for (const [key, hash] of diff.hashes) if (!failedKeys.has(key)) after.set(key, hash);
    if (failures.length > 0) this.deps.logger.warn({ failures: failures.slice(0, 20), count: failures.length }, 'metric rows failed to write');
    await this.progress(90, 'wrote metric rows');
    return { written, after, failures, unchanged: diff.unchanged };
  }

  private summary(mode: SyncMode, result: MetricsResult | null, counts: { accounts: number; opportunities: number; changed: number }, written: number, unchanged: number, failures: RecordFailure[], advanced: boolean): SyncSummary {
    const dataQuality: SyncSummary['dataQuality'] = {};
    if (result) {
      for (const [kind, count] of Object.entries(result.dataQuality.counts)) {
        if (count > 0) dataQuality[kind] = { count, sampleIds: result.dataQuality.samples[kind as keyof typeof result.dataQuality.samples] };
      }
    }
    return {
      mode,
      requestedMode: this.request.mode,
      status: failures.length > 0 ? 'partial' : 'done',
      asOf: this.asOf,
      accounts: counts.accounts,
      opportunities: counts.opportunities,
      changedRecords: counts.changed,
      metricRowsWritten: written,
      metricRowsUnchanged: unchanged,
      failures,
      apiCalls: this.client.calls - this.callsAtStart,
      durationMs: Date.now() - this.started,
      watermarkAdvanced: advanced,
      dataQuality
    };
  }

  private async commit(meta: SyncMeta, mirrorMode: 'replace' | 'apply', mirror: MirrorChanges, rows: Map<string, string>, staged?: InputKind[]): Promise<void> {
    if (this.lockLost()) throw new LockLostError();
    await this.deps.state.commit(this.token, { meta, mirrorMode, mirror, rows, replaceRows: true, staged });
  }

  // ---- modes ---------------------------------------------------------------------------------

  private async fullRun(known: { context: OrgContext; accountPage: QueryPage } | null): Promise<SyncSummary> {
    let context: OrgContext;
    let accountPage: QueryPage;
    if (known) ({ context, accountPage } = known);
    else {
      const first = await this.client.compositeQueries({
        ...this.contextQueries(),
        account: { soql: selectFrom('Account', inputSources(false).account.fields) }
      });
      context = this.contextFrom(first);
      accountPage = pageOrThrow(first.account, 'Account');
    }
    // Opportunities stream through: each page goes to the engine and, serialized, into the staged
    // mirror, so memory holds the engine's per-account state, not a million records.
    const inputs = emptyInputs();
    const watermarks: Watermarks = {};
    const expected = await this.readSmallObjects(context, inputs, watermarks, accountPage);
    await this.progress(20, 'read accounts and plans');
    const engine = this.engine(context, inputs);
    const ids = new Set<string>();
    const read = await this.readOpportunities(context, expected, async (records) => {
      const page: OpportunityInput[] = [];
      const staged: Array<[string, string]> = [];
      for (const record of records) {
        const opportunity = TO_INPUT.opportunity(record);
        ids.add(opportunity.id);
        page.push(opportunity as OpportunityInput);
        staged.push([opportunity.id, JSON.stringify(opportunity)]);
        watermarks.opportunity = maxStamp(watermarks.opportunity, record);
      }
      engine.add(page);
      await this.deps.state.stageEntries(this.token, 'opportunity', staged, STAGING_TTL_MS);
    });
    if (read !== ids.size) throw new Error(`read ${read} opportunity records but ${ids.size} distinct ids`);
    await this.progress(50, 'read opportunities');
    const result = engine.finish();
    const { written, after, failures, unchanged } = await this.write(result);
    const counts = { accounts: inputs.accounts.size, opportunities: ids.size, changed: 0 };
    if (failures.length > 0) {
      await this.deps.state.dropStaged(this.token);
      await this.deps.state.saveRowHashes(written);
      return this.summary('full', result, counts, written.size, unchanged, failures, false);
    }
    try {
      for (const kind of INPUT_KINDS) {
        if (kind === 'opportunity') continue;
        const records = inputs[KIND_FIELD[kind]] as Map<string, unknown>;
        await this.deps.state.stageMirror(this.token, kind, serialized(records), STAGING_TTL_MS);
      }
      await this.commit({ version: STATE_VERSION, asOf: this.asOf, contextHash: contextHash(context), multiCurrency: context.multiCurrency, watermarks }, 'replace', {}, after, INPUT_KINDS);
    } catch (error) {
      await this.deps.state.dropStaged(this.token).catch(() => undefined);
      throw error;
    }
    return this.summary('full', result, counts, written.size, unchanged, failures, true);
  }

  /**
   * Every object is read from the newest watermark of any object, less the lookback: a record
   * stamped that much before a record the last run saw was already committed when the last run
   * read (the lookback bounds late commits), so it was read then. A per-object watermark would
   * re-read, on every run, whatever shares an object's last stamp — e.g. thousands of accounts
   * loaded in one batch long ago.
   */
  private changeQuery(kind: InputKind, multiCurrency: boolean, watermarks: Watermarks) {
    const source = inputSources(multiCurrency)[kind];
    const newest = Math.max(...Object.values(watermarks).filter((mark): mark is string => typeof mark === 'string').map((mark) => new Date(mark).getTime()));
    const since = watermarks[kind] ? dateTimeLiteral(new Date(newest - this.deps.settings.lookbackSeconds * 1000)) : null;
    return { soql: selectFrom(source.object, [...source.fields, 'IsDeleted'], since ? `SystemModstamp >= ${since}` : undefined), includeDeleted: true };
  }

  private async incrementalRun(meta: SyncMeta): Promise<SyncSummary> {
    // First call: the org context and the opportunity changes; a different context means a full run.
    const first = await this.client.compositeQueries({
      ...this.contextQueries(),
      opportunity: this.changeQuery('opportunity', meta.multiCurrency, meta.watermarks)
    });
    const context = this.contextFrom(first);
    if (contextHash(context) !== meta.contextHash) {
      this.deps.logger.info('org settings, currency rates or score weights changed: full run');
      return this.fullRun(null);
    }
    const second = await this.client.compositeQueries({
      account: this.changeQuery('account', meta.multiCurrency, meta.watermarks),
      plan: this.changeQuery('plan', meta.multiCurrency, meta.watermarks),
      initiative: this.changeQuery('initiative', meta.multiCurrency, meta.watermarks),
      sponsor: this.changeQuery('sponsor', meta.multiCurrency, meta.watermarks)
    });
    const pages: Record<InputKind, QueryPage> = {
      opportunity: pageOrThrow(first.opportunity, 'Opportunity changes'),
      account: pageOrThrow(second.account, 'Account changes'),
      plan: pageOrThrow(second.plan, 'Account_Plan__c changes'),
      initiative: pageOrThrow(second.initiative, 'Joint_Initiative__c changes'),
      sponsor: pageOrThrow(second.sponsor, 'Executive_Sponsor__c changes')
    };
    const watermarks: Watermarks = { ...meta.watermarks };
    const mirror: MirrorChanges = {};
    let changed = 0;
    for (const kind of INPUT_KINDS) {
      const seen: SfRecord[] = [];
      await this.client.drain(pages[kind], (records) => void seen.push(...records));
      const ids = seen.map((r) => toId18(String(r.Id)));
      const known = await this.deps.state.mirrorEntries(kind, ids);
      const changes = { set: new Map<string, string>(), remove: [] as string[] };
      seen.forEach((record, i) => {
        const id = ids[i]!;
        watermarks[kind] = maxStamp(watermarks[kind], record);
        if (record.IsDeleted === true || record.IsDeleted === 'true') {
          if (known.has(id)) changes.remove.push(id);
          return;
        }
        const json = JSON.stringify(TO_INPUT[kind](record));
        if (known.get(id) !== json) changes.set.set(id, json);
      });
      changed += changes.set.size + changes.remove.length;
      mirror[kind] = changes;
    }
    await this.progress(30, 'read changes');
    if (changed === 0) {
      await this.commitWatermarksOnly(meta, watermarks);
      const counts = { accounts: 0, opportunities: 0, changed: 0 };
      return this.summary('incremental', null, counts, 0, 0, [], true);
    }
    const inputs = await this.inputsFromMirror(mirror);
    const result = this.compute(context, inputs);
    const { written, after, failures, unchanged } = await this.write(result);
    const counts = { accounts: inputs.accounts.size, opportunities: inputs.opportunities.size, changed };
    if (failures.length > 0) {
      await this.deps.state.saveRowHashes(written);
      return this.summary('incremental', result, counts, written.size, unchanged, failures, false);
    }
    await this.commit({ ...meta, watermarks }, 'apply', mirror, after);
    return this.summary('incremental', result, counts, written.size, unchanged, failures, true);
  }

  private async commitWatermarksOnly(meta: SyncMeta, watermarks: Watermarks): Promise<void> {
    if (this.lockLost()) throw new LockLostError();
    const rows = await this.deps.state.rowHashes();
    await this.deps.state.commit(this.token, { meta: { ...meta, watermarks }, mirrorMode: 'apply', mirror: {}, rows, replaceRows: false });
  }

  /** The mirror with `changes` applied (in memory). */
  private async inputsFromMirror(changes: MirrorChanges): Promise<Inputs> {
    const inputs = emptyInputs();
    for (const kind of INPUT_KINDS) {
      const entries = await this.deps.state.readMirror(kind);
      const change = changes[kind];
      if (change) {
        for (const id of change.remove) entries.delete(id);
        for (const [id, json] of change.set) entries.set(id, json);
      }
      const target = inputs[KIND_FIELD[kind]] as Map<string, unknown>;
      for (const [id, json] of entries) target.set(id, JSON.parse(json));
    }
    return inputs;
  }

  private async accountRun(meta: SyncMeta | null): Promise<SyncSummary> {
    const accountId = this.accountId!;
    const sources = inputSources(true);
    const first = await this.client.compositeQueries({
      ...this.contextQueries(),
      account: { soql: selectFrom('Account', sources.account.fields, `Id = ${idLiteral(accountId)}`) }
    });
    const context = this.contextFrom(first);
    const accountPage = pageOrThrow(first.account, 'Account');
    if (accountPage.records.length === 0) throw new Error(`Account ${accountId} does not exist`);
    let inputs: Inputs;
    if (meta && meta.contextHash === contextHash(context)) {
      inputs = await this.inputsFromMirror({});
      const fresh = emptyInputs();
      const expected = await this.readSmallObjects(context, fresh, {}, accountPage, (kind) => `${inputSources(context.multiCurrency)[kind].accountField} = ${idLiteral(accountId)}`);
      await this.readOpportunities(context, expected, (records) => {
        for (const record of records) {
          const opportunity = TO_INPUT.opportunity(record);
          fresh.opportunities.set(opportunity.id, opportunity);
        }
      }, `AccountId = ${idLiteral(accountId)}`);
      for (const kind of INPUT_KINDS) {
        const target = inputs[KIND_FIELD[kind]] as Map<string, InputOf<InputKind>>;
        for (const [id, input] of target) if (accountOf(kind, input) === accountId) target.delete(id);
        for (const [id, input] of fresh[KIND_FIELD[kind]] as Map<string, InputOf<InputKind>>) target.set(id, input);
      }
    } else {
      // No usable mirror: every account's data is needed for shares and ranks, so read it all.
      const all = await this.client.firstPage(selectFrom('Account', sources.account.fields));
      inputs = (await this.readEverything(context, all)).inputs;
    }
    const result = this.compute(context, inputs);
    const { written, failures, unchanged } = await this.write(result, (id) => id === accountId);
    await this.deps.state.saveRowHashes(written);
    const counts = {
      accounts: 1,
      opportunities: [...inputs.opportunities.values()].filter((o) => o.accountId === accountId).length,
      changed: 0
    };
    return this.summary('account', result, counts, written.size, unchanged, failures, false);
  }
}
