// One sync run: the reader reads the org's inputs, the planner computes the metrics and picks the
// rows whose content changed, the writer writes them (fenced by the run lock), and the state
// store commits the watermarks, the input mirror and the row hashes together.
//
// Modes
// - full: reads everything; the mirror is replaced.
// - incremental: queryAll on SystemModstamp ≥ watermark − lookback for every input object (three
//   composite calls when nothing changed; the line items' query only when getUpdated names some),
//   compared by content with the mirror; the changes are applied to the mirror (the line items of
//   an opportunity that moved account move with it). The accounts whose opportunities or line
//   items changed are summed again from their own mirror hashes, a batch at a time
//   (mirrorRecompute.ts); every other account enters through its stored figures, so every row is
//   recomputed (revenue share, score ranks, groups and program rows depend on all accounts) while
//   memory holds the changed accounts, not the org. Only rows whose content changed are written;
//   account rows written before and no longer produced (the Hierarchy rows of a group whose last
//   child moved away) are deleted. No state, a new as-of date or changed org context (fiscal
//   year, rates, weights): full.
// - account: re-reads one account's records, overlays them on the mirror (or on a full read when
//   there is no usable mirror) and writes that account's rows plus the program rows that changed
//   (over the mirror: every row that changed, so a moved account's old and new ancestors'
//   Hierarchy rows too; over a full read: the account's and its ancestors' rows). Over the mirror
//   it reads the requested accounts' opportunity and line-item hashes only, and commits like an
//   incremental run (the watermarks stay).
import crypto from 'node:crypto';
import type { Logger } from '../logger';
import { createFiguresRun, type MetricsResult, type SponsorshipInput } from '../metrics';
import type { OrgClient, RecordFailure } from '../salesforce/client';
import { WHITESPACE_CELL_FIELDS, type WhitespaceCellRow, type WhitespaceResult } from '../metrics/whitespace';
import { idLiteral, selectFrom, toId18 } from '../salesforce/soql';
import { alertRowsToWrite, inCustomerGroup, stakeholderAsWritten, type AlertRow } from './alertPlan';
import { sponsorAsWritten, sponsorRowsToWrite } from './engagementPlan';
import { withPlanHealth } from './healthPlan';
import { encodeFigures } from './figures';
import { ACTIVITY_KINDS, CONTEXT_QUERIES, bucketOf, emptyInputs, inputSources, toHealthWeights, type ContactRecord, type InputKind, type InputOf, type Inputs, type OrgContext, type StakeholderRecord } from './inputs';
import { buildAccountTree } from '../metrics/accountTree';
import { todayInZone } from '../metrics/calendar';
import { applyChanged, computeMetrics, computeWhitespace, inputsFromMirror, metricsOfFigures, mirrorChanges, overlayChanges, planRows, whitespaceFor } from './planner';
import { DeleteLogGapError, InputReader, markNow, pageOrThrow, type ChangedRecords, type DeletedIds } from './reader';
import { ACCOUNT_KINDS, INPUT_KINDS, LockLostError, MirrorIntegrityError, STATE_VERSION, type MirrorChanges, isAccountKind, type MirrorCounts, type SyncMeta, type SyncState, type Watermarks } from './state';
import { dataQualityOf, type SyncMode, type SyncSummary } from './summary';
import { cellIds, pruneAccountRows, pruneRows, vanishedAccountRows } from './pruner';
import { MetricWriter, type Fence, type WriteOutcome } from './writer';
import { encodeWhitespace, lineItemsFollow, recomputeFromMirror, whitespaceChanged } from './mirrorRecompute';

export type { SyncMode, SyncSummary } from './summary';

export interface SyncRequest {
  mode: SyncMode;
  /** Mode 'account': a 15/18-character Account id (or several in `accountIds`). */
  accountId?: string;
  accountIds?: string[];
  /** YYYY-MM-DD; default today in the org's time zone (Organization.TimeZoneSidKey). */
  asOf?: string;
}

export interface SyncSettings {
  bulkThreshold: number;
  /** Objects with more metric rows to write than this are written through a Bulk API 2.0 ingest job. */
  bulkWriteThreshold: number;
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
  /** The clock that decides the default as-of date (tests set it near midnight). */
  now?: () => Date;
}

/** Another run holds the deployment's sync lock. */
export class SyncBusyError extends Error {
  constructor() {
    super('another sync run holds the lock');
    this.name = 'SyncBusyError';
  }
}

/** A run's rows: the engine's metric rows with plan health, and the whitespace cells. */
type SyncResult = MetricsResult & { whitespaceCells: WhitespaceCellRow[] };

/** How long a staged mirror outlives a run that never commits it. */
const STAGING_TTL_MS = 60 * 60 * 1000;

/** A record of one value per input kind, from another such record. */
function mapValues<T, U>(byKind: Record<InputKind, T>, f: (value: T, kind: InputKind) => U): Record<InputKind, U> {
  return Object.fromEntries(INPUT_KINDS.map((kind) => [kind, f(byKind[kind], kind)])) as Record<InputKind, U>;
}

/** The records the mirror holds per kind once `changes` apply: new ids add, removed ones go (a record that moves between account hashes is neither). */
function countsAfter(counts: MirrorCounts, changes: MirrorChanges, known: Record<InputKind, Map<string, string>>): MirrorCounts {
  return mapValues(counts, (held, kind) => {
    const change = changes[kind]!;
    return held + [...change.set.keys()].filter((id) => !known[kind].has(id) && !change.from?.has(id)).length - change.remove.length;
  });
}

/** Today on the org's wall clock; UTC when the platform does not know the org's zone. */
export function orgToday(context: OrgContext, now: Date, logger: Logger): string {
  try {
    return todayInZone(context.timeZone, now.getTime());
  } catch {
    logger.warn({ timeZone: context.timeZone }, 'unknown org time zone: the as-of date is taken in UTC');
    return todayInZone('UTC', now.getTime());
  }
}

/** Hash of the org-wide inputs: a change in any of them affects every row. */
export function contextHash(context: OrgContext): string {
  return crypto.createHash('sha256').update(JSON.stringify(context)).digest('base64url');
}

export async function runSync(request: SyncRequest, shared: SyncDeps): Promise<SyncSummary> {
  const deps = { ...shared, state: shared.state.forOrg(shared.client.organizationId) };
  const token = await deps.state.acquireLock(deps.settings.lockTtlMs);
  if (!token) throw new SyncBusyError();
  let lockLost = false;
  const heartbeat = setInterval(() => {
    deps.state.renewLock(token, deps.settings.lockTtlMs).then(
      (held) => {
        if (!held) lockLost = true;
        else return deps.state.touchStaged(token, STAGING_TTL_MS);
      },
      // A failed renewal is not a lost lock yet: the fence asks Redis itself before every batch.
      (error: unknown) => deps.logger.warn({ err: error }, 'sync lock renewal failed')
    ).catch(() => undefined);
  }, Math.max(200, Math.floor(deps.settings.lockTtlMs / 3)));
  try {
    return await new SyncRun(request, deps, token, () => lockLost).run();
  } finally {
    clearInterval(heartbeat);
    await deps.state.releaseLock(token).catch(() => undefined);
  }
}

interface Counts {
  accounts: number;
  opportunities: number;
  changed: number;
}

class SyncRun {
  private readonly started = Date.now();
  private readonly callsAtStart: number;
  /** Set from the request, or from the org's time zone once the context is read (`resolveAsOf`). */
  private asOf = '';
  private readonly reader: InputReader;
  private readonly writer: MetricWriter;
  private readonly fence: Fence;
  private sponsorRowsWritten = 0;
  private alertsWritten = 0;
  private lineItemsRead = 0;
  private cellRowsWritten = 0;
  private cellRowsUnchanged = 0;
  private cellRowsDeleted = 0;

  constructor(
    private readonly request: SyncRequest,
    private readonly deps: SyncDeps,
    private readonly token: string,
    private readonly lockLost: () => boolean
  ) {
    this.callsAtStart = deps.client.calls;
    deps.client.startRun();
    this.reader = new InputReader(deps.client, deps.settings, deps.logger);
    const fence = (this.fence = {
      check: async () => {
        if (this.lockLost() || !(await deps.state.holdsLock(token))) throw new LockLostError();
      },
      forget: (rowKeys: string[]) => deps.state.forgetRowHashes(rowKeys)
    });
    this.writer = new MetricWriter(deps.client, fence, deps.logger, {
      bulkThreshold: deps.settings.bulkWriteThreshold,
      save: (hashes) => deps.state.saveRowHashes(hashes)
    });
  }

  private get state(): SyncState {
    return this.deps.state;
  }

  private async progress(percent: number, stage: string): Promise<void> {
    await this.deps.onProgress?.(percent, stage);
  }

  async run(): Promise<SyncSummary> {
    const meta = await this.usableMeta();
    if (this.request.mode === 'account') {
      const ids = [...(this.request.accountId ? [this.request.accountId] : []), ...(this.request.accountIds ?? [])];
      if (ids.length === 0) throw new Error('account mode needs an account id');
      const accountIds = [...new Set(ids.map(toId18))];
      return this.mirrorOrElse(() => this.accountRun(accountIds, meta), () => this.accountRun(accountIds, null));
    }
    if (this.request.mode === 'incremental' && meta) return this.mirrorOrElse(() => this.incrementalRun(meta), () => this.fullRun());
    return this.fullRun();
  }

  /** `run`, or `instead` when it finds an account's mirror hash damaged (before it writes anything). */
  private async mirrorOrElse(run: () => Promise<SyncSummary>, instead: () => Promise<SyncSummary>): Promise<SyncSummary> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof MirrorIntegrityError)) throw error;
      this.deps.logger.warn({ err: error }, 'sync mirror damaged: reading the org instead');
      await this.state.forgetMeta();
      return instead();
    }
  }

  /** The run's as-of date: the requested one, else today in the org's time zone. */
  private resolveAsOf(context: OrgContext): string {
    this.asOf = this.request.asOf ?? orgToday(context, this.deps.now?.() ?? new Date(), this.deps.logger);
    return this.asOf;
  }

  /** The state's meta, or null when there is none or its mirror does not hold what it counts. */
  private async usableMeta(): Promise<SyncMeta | null> {
    const meta = await this.state.readMeta();
    if (!meta) return null;
    try {
      await this.state.assertMirror(meta);
      return meta;
    } catch (error) {
      if (!(error instanceof MirrorIntegrityError)) throw error;
      this.deps.logger.warn({ err: error }, 'sync mirror damaged: a full run rebuilds it');
      return null;
    }
  }

  /**
   * Writes the rows of `result` that changed, and the engagement fields of the sponsorships of
   * `inputs` that differ from what Salesforce holds; the hashes to keep are every row's but the
   * failed ones. `sponsorsAfter`: the sponsorships as Salesforce now holds them, for the mirror
   * (see sponsorAsWritten); a failed one keys `S:<Id>` into `failedKeys`, so the next run retries it.
   */
  private async write(
    context: OrgContext,
    result: SyncResult,
    inputs: Pick<Inputs, 'sponsor' | 'event' | 'task'>,
    includeAccount?: (id: string) => boolean,
    stored?: Map<string, string>
  ): Promise<WriteOutcome & { after: Map<string, string>; unchanged: number; hashes: Map<string, string>; stored: Map<string, string>; sponsorsAfter: Map<string, SponsorshipInput> }> {
    const known = stored ?? (await this.state.rowHashes());
    const diff = planRows(result, known, includeAccount);
    const outcome = await this.writer.write(diff, context.multiCurrency ? context.org.corporateCurrency : null);
    const isCell = (key: string) => key.startsWith('W:');
    this.cellRowsWritten += [...outcome.written.keys()].filter(isCell).length;
    this.cellRowsUnchanged += [...diff.hashes.keys()].filter(isCell).length - diff.cellRows.length;
    const after = new Map([...diff.hashes].filter(([key]) => !outcome.failedKeys.has(key)));
    const sponsorRows = sponsorRowsToWrite(this.asOf, inputs).filter((row) => !includeAccount || includeAccount(inputs.sponsor.get(row.Id)!.accountId));
    const sponsors = await this.writer.updateSponsors(sponsorRows);
    this.sponsorRowsWritten += sponsors.written.size;
    const sponsorsAfter = new Map(sponsorRows.filter((row) => sponsors.written.has(row.Id)).map((row) => [row.Id, sponsorAsWritten(this.asOf, inputs.sponsor.get(row.Id)!, row)] as const));
    for (const row of sponsorRows) if (!sponsors.written.has(row.Id)) outcome.failedKeys.add(`S:${row.Id}`);
    outcome.failures.push(...sponsors.failures);
    await this.progress(90, 'wrote metric rows');
    return { ...outcome, after, unchanged: diff.unchanged, hashes: diff.hashes, stored: known, sponsorsAfter };
  }

  /**
   * Deletes the account rows the state says were written and `result` no longer has (a customer
   * group whose last child moved away); a row that fails to go keeps its hash in `after`, so the
   * next run tries again.
   */
  private async pruneVanished(stored: Map<string, string>, produced: Map<string, string>, after: Map<string, string>): Promise<{ deleted: number; failures: RecordFailure[] }> {
    const vanished = vanishedAccountRows(stored, produced);
    if (vanished.length === 0) return { deleted: 0, failures: [] };
    const pruned = await pruneAccountRows(this.deps.client, this.fence, vanished, this.deps.logger);
    for (const failure of pruned.failures) {
      const key = `A:${failure.key.slice('Account_Metric__c:'.length)}`;
      const hash = stored.get(key);
      if (hash !== undefined) after.set(key, hash);
    }
    return pruned;
  }

  /**
   * Change alerts (see alertPlan.ts): the contacts read this run (`now`) against what the state
   * saw last (`then`). Writes the stakeholders whose alert fields change and sets them in `inputs`
   * as written, so plan health reads them in this run; returns those (for the mirror) and the rows
   * that failed (kept in the state: the next run sends them again).
   */
  private async raiseAlerts(
    inputs: Pick<Inputs, 'account' | 'stakeholder'>,
    then: ReadonlyMap<string, ContactRecord>,
    now: ReadonlyMap<string, ContactRecord>,
    retries: readonly AlertRow[]
  ): Promise<{ written: Map<string, string>; retry: AlertRow[]; failures: RecordFailure[] }> {
    const rows = alertRowsToWrite(this.asOf, inputs.stakeholder.values(), then, now, inCustomerGroup(inputs.account.values()), retries);
    const written = new Map<string, string>();
    if (rows.length === 0) return { written, retry: [], failures: [] };
    const outcome = await this.writer.updateStakeholders(rows);
    for (const row of rows) {
      if (!outcome.written.has(row.Id)) continue;
      const stakeholder = stakeholderAsWritten(inputs.stakeholder.get(row.Id)!, row);
      inputs.stakeholder.set(row.Id, stakeholder);
      written.set(row.Id, JSON.stringify(stakeholder));
    }
    this.alertsWritten += written.size;
    return { written, retry: rows.filter((row) => !outcome.written.has(row.Id)), failures: outcome.failures };
  }

  /** The contacts as the last committed run saw them (none when there is no usable state). */
  private async contactsSeen(): Promise<{ contacts: Map<string, ContactRecord>; retries: AlertRow[] }> {
    const meta = await this.state.readMeta();
    if (!meta) return { contacts: new Map(), retries: [] };
    const mirror = await this.state.readMirror('contact');
    return { contacts: new Map([...mirror].map(([id, json]) => [id, JSON.parse(json) as ContactRecord])), retries: meta.alertRetries };
  }

  private summary(mode: SyncMode, result: MetricsResult | null, counts: Counts, written: number, unchanged: number, failures: RecordFailure[], advanced: boolean, deleted = 0): SyncSummary {
    return {
      mode,
      requestedMode: this.request.mode,
      status: failures.length > 0 ? 'partial' : 'done',
      asOf: this.asOf,
      accounts: counts.accounts,
      opportunities: counts.opportunities,
      changedRecords: counts.changed,
      metricRowsWritten: written - this.cellRowsWritten,
      metricRowsUnchanged: unchanged - this.cellRowsUnchanged,
      metricRowsDeleted: deleted - this.cellRowsDeleted,
      sponsorRowsWritten: this.sponsorRowsWritten,
      stakeholderAlertsWritten: this.alertsWritten,
      lineItems: this.lineItemsRead,
      whitespaceCellsWritten: this.cellRowsWritten,
      whitespaceCellsDeleted: this.cellRowsDeleted,
      failures,
      apiCalls: this.deps.client.calls - this.callsAtStart,
      durationMs: Date.now() - this.started,
      watermarkAdvanced: advanced,
      dataQuality: dataQualityOf(result)
    };
  }

  private async fullRun(): Promise<SyncSummary> {
    const { context, pages } = await this.reader.context({ account: { soql: selectFrom('Account', inputSources(false).account.fields) } });
    // Opportunities stream through: each page goes to the engine and, serialized, into the staged
    // mirror, so memory holds the engine's per-account state, not a million records.
    const inputs = emptyInputs();
    const marks: Watermarks = {};
    markNow(this.deps.client, marks, ['account']);
    const expected = await this.reader.readSmallObjects(context, pages.account, inputs, marks);
    await this.progress(20, 'read accounts and plans');
    this.resolveAsOf(context);
    const figuresRun = createFiguresRun({ asOf: this.asOf, org: context.org, rates: context.rates, accountIds: [...inputs.account.keys()] });
    const whitespace = whitespaceFor(this.asOf, context, inputs.account.values());
    const ids = new Set<string>();
    const read = await this.reader.streamOpportunities(context, expected, async (page) => {
      for (const opportunity of page) ids.add(opportunity.id);
      figuresRun.add(page);
      whitespace.addOpportunities(page);
      await this.state.stageBucketed(this.token, 'opportunity', page.map((o) => [o.id, bucketOf('opportunity', o), JSON.stringify(o)]), STAGING_TTL_MS);
    });
    if (read !== ids.size) throw new Error(`read ${read} opportunity records but ${ids.size} distinct ids`);
    await this.progress(50, 'read opportunities');
    // Line items after every opportunity (whitespace joins them); a duplicate would show at the
    // commit, where the staged mirror must hold as many line items as were read.
    const lines = await this.reader.streamLineItems(context, async (page) => {
      whitespace.addLineItems(page);
      await this.state.stageBucketed(this.token, 'lineItem', page.map((l) => [l.id, bucketOf('lineItem', l), JSON.stringify(l)]), STAGING_TTL_MS);
    });
    this.lineItemsRead = lines;
    await this.progress(60, 'read line items');
    const seen = await this.contactsSeen();
    const alerts = await this.raiseAlerts(inputs, seen.contacts, inputs.contact, seen.retries);
    const { figures, dataQuality } = figuresRun.finish();
    const cellsRun = whitespace.finish();
    const result = this.withWhitespace(withPlanHealth(metricsOfFigures(this.asOf, context, inputs, figures, dataQuality), this.asOf, inputs, this.reader.healthWeights), cellsRun);
    const existing = new Map<string, string>();
    const { written, after, failures: writeFailures, failedKeys, unchanged, hashes, sponsorsAfter } = await this.write(context, result, inputs, undefined, await this.verifiedHashes(result, existing));
    for (const [id, sponsor] of sponsorsAfter) inputs.sponsor.set(id, sponsor);
    // Rows Salesforce holds that the result no longer has (quarters that left the window, cells
    // that no longer apply) go.
    const cells = new Map([...existing].filter(([key]) => key.startsWith('W:')));
    const pruned = await pruneRows(this.deps.client, this.fence, new Map([...existing].filter(([key]) => !cells.has(key))), hashes, this.deps.logger);
    const prunedCells = await pruneRows(this.deps.client, this.fence, cells, hashes, this.deps.logger);
    this.cellRowsDeleted += prunedCells.deleted;
    pruned.deleted += prunedCells.deleted;
    const failures = [...alerts.failures, ...writeFailures, ...pruned.failures, ...prunedCells.failures];
    const counts = { accounts: inputs.account.size, opportunities: ids.size, changed: 0 };
    // Rows that failed are left out of the hashes and listed: the next run writes them again.
    try {
      for (const kind of INPUT_KINDS) {
        if (kind === 'opportunity' || kind === 'lineItem') continue;
        const entries = [...(inputs[kind] as Map<string, unknown>)].map(([id, input]): [string, string] => [id, JSON.stringify(input)]);
        await this.state.stageMirror(this.token, kind, entries, STAGING_TTL_MS);
      }
      if (this.lockLost()) throw new LockLostError();
      const held = { ...mapValues(inputs as Record<InputKind, Map<string, unknown>>, (records) => records.size), opportunity: ids.size, lineItem: lines };
      const meta: SyncMeta = { version: STATE_VERSION, asOf: this.asOf, contextHash: contextHash(context), multiCurrency: context.multiCurrency, watermarks: marks, counts: held, retryRows: [...failedKeys], alertRetries: alerts.retry };
      const stored = { set: new Map([...figures].map(([id, f]) => [id, encodeFigures(f)] as const)), remove: [], replace: true };
      await this.state.commit(this.token, { meta, mirrorMode: 'replace', mirror: {}, rows: after, replaceRows: true, staged: INPUT_KINDS, figures: stored, whitespace: encodeWhitespace(cellsRun.figures, [], true) });
    } catch (error) {
      await this.state.dropStaged(this.token).catch(() => undefined);
      if (!(error instanceof MirrorIntegrityError)) throw error;
      // The rows are written; only the state is refused. The next run is full again.
      this.deps.logger.warn({ err: error }, 'staged mirror incomplete at commit: state not saved');
      await this.state.forgetMeta();
      await this.state.saveRowHashes(written);
      return this.summary('full', result, counts, written.size, unchanged, failures, false, pruned.deleted);
    }
    return this.summary('full', result, counts, written.size, unchanged, failures, true, pruned.deleted);
  }

  private async incrementalRun(meta: SyncMeta): Promise<SyncSummary> {
    // First call: the org context and the opportunity changes; a different context means a full run.
    const change = (kind: InputKind) => this.reader.changeQuery(kind, meta.multiCurrency, meta.watermarks);
    const marks: Watermarks = { ...meta.watermarks };
    const first = await this.reader.context({ opportunity: change('opportunity') });
    markNow(this.deps.client, marks, ['opportunity']);
    if (contextHash(first.context) !== meta.contextHash) {
      this.deps.logger.info('org settings, currency rates or score weights changed: full run');
      return this.fullRun();
    }
    if (this.resolveAsOf(first.context) !== meta.asOf) {
      this.deps.logger.info({ asOf: this.asOf, stateAsOf: meta.asOf }, 'new as-of date: full run');
      return this.fullRun();
    }
    // The delete log (purged records) up to the first answer's clock rides in the second call.
    const end = this.deps.client.serverTime;
    // So does getUpdated of the line items: their change query has no room left in the three
    // composite calls, so it runs only when getUpdated names some (2,000 a page, not 200 ids a query).
    const lookups = end === null ? {} : this.reader.deletedLookups(meta.watermarks, end);
    const updates = end === null ? {} : this.reader.updatedLookups(meta.watermarks, end);
    const { pages: second, deleted, updated } = await this.deps.client.compositeReads(
      { account: change('account'), plan: change('plan'), initiative: change('initiative'), sponsor: change('sponsor'), contact: change('contact') },
      lookups,
      updates
    );
    markNow(this.deps.client, marks, ['account', 'plan', 'initiative', 'sponsor', 'contact']);
    if (end !== null) marks.lineItem = new Date(end).toISOString();
    const third = await this.deps.client.compositeQueries({
      event: change('event'),
      task: change('task'),
      objective: change('objective'),
      stakeholder: change('stakeholder'),
      healthWeights: { soql: CONTEXT_QUERIES.healthWeights }
    });
    markNow(this.deps.client, marks, ACTIVITY_KINDS);
    this.reader.healthWeights = toHealthWeights(pageOrThrow(third.healthWeights, 'Plan_Health_Weight__mdt').records);
    let purged: DeletedIds;
    let lineItemIds: string[];
    try {
      purged = this.reader.deletedIds(lookups, deleted);
      lineItemIds = this.reader.updatedIds(updates, updated).lineItem ?? [];
    } catch (error) {
      if (!(error instanceof DeleteLogGapError)) throw error;
      this.deps.logger.info({ err: error }, 'deletions since the watermark unknown: full run');
      return this.fullRun();
    }
    const changed = await this.reader.readChanges(
      {
        opportunity: first.pages.opportunity,
        account: pageOrThrow(second.account, 'Account changes'),
        plan: pageOrThrow(second.plan, 'Account_Plan__c changes'),
        initiative: pageOrThrow(second.initiative, 'Joint_Initiative__c changes'),
        sponsor: pageOrThrow(second.sponsor, 'Executive_Sponsor__c changes'),
        event: pageOrThrow(third.event, 'Event changes'),
        task: pageOrThrow(third.task, 'Task changes'),
        objective: pageOrThrow(third.objective, 'Plan_Objective__c changes'),
        stakeholder: pageOrThrow(third.stakeholder, 'Stakeholder__c changes'),
        contact: pageOrThrow(second.contact, 'Contact changes'),
        lineItem: lineItemIds.length > 0 ? await this.deps.client.firstPage(change('lineItem').soql, true) : { records: [], totalSize: 0, done: true }
      },
      purged
    );
    this.lineItemsRead = changed.lineItem.length;
    const known = {} as Record<InputKind, Map<string, string>>;
    for (const kind of INPUT_KINDS) known[kind] = await this.state.mirrorEntries(kind, changed[kind].map((r) => r.id));
    // A new stakeholder's contact that no change query returned is read once (first sight).
    const unseen = await this.unseenContacts(changed, known.contact);
    for (const contact of unseen) changed.contact.push({ id: contact.id, deleted: false, input: contact });
    const { changes, count } = mirrorChanges(changed, known);
    await lineItemsFollow(this.state, changes);
    const counts = countsAfter(meta.counts, changes, known);
    await this.progress(30, 'read changes');
    // Nothing changed and nothing left to retry: only the watermarks move.
    if (count === 0 && meta.retryRows.length === 0 && meta.alertRetries.length === 0) {
      if (this.lockLost()) throw new LockLostError();
      await this.state.commit(this.token, { meta: { ...meta, watermarks: marks }, mirrorMode: 'apply', mirror: {}, rows: new Map(), replaceRows: false });
      return this.summary('incremental', null, { accounts: 0, opportunities: 0, changed: 0 }, 0, 0, [], true);
    }
    const inputs = inputsFromMirror(await this.readWholeMirror(), changes);
    const contactsThen = new Map([...known.contact].map(([id, json]) => [id, JSON.parse(json) as ContactRecord]));
    const contactsNow = new Map(changed.contact.flatMap((r) => (r.deleted || !r.input ? [] : [[r.id, r.input as ContactRecord] as const])));
    const alerts = await this.raiseAlerts(inputs, contactsThen, contactsNow, meta.alertRetries);
    for (const [id, json] of alerts.written) changes.stakeholder!.set.set(id, json);
    const { figures, dataQuality, storedFigures: keptFigures, whitespace } = await recomputeFromMirror(this.state, this.asOf, first.context, inputs.account, changes, whitespaceChanged(changes, meta.retryRows));
    const result = this.withWhitespace(withPlanHealth(metricsOfFigures(this.asOf, first.context, inputs, figures, dataQuality), this.asOf, inputs, this.reader.healthWeights), whitespace);
    const { written, after, failures, failedKeys, unchanged, hashes, stored, sponsorsAfter } = await this.write(first.context, result, inputs);
    for (const [id, sponsor] of sponsorsAfter) changes.sponsor!.set.set(id, JSON.stringify(sponsor));
    const stale = await this.settleCells(whitespace !== null, stored, hashes, after, failedKeys);
    const pruned = await this.pruneVanished(stored, hashes, after);
    failures.push(...stale.failures, ...pruned.failures);
    const seen = { accounts: inputs.account.size, opportunities: counts.opportunity, changed: count };
    if (this.lockLost()) throw new LockLostError();
    await this.state.commit(this.token, { meta: { ...meta, watermarks: marks, counts, retryRows: [...failedKeys], alertRetries: alerts.retry }, mirrorMode: 'apply', mirror: changes, rows: after, replaceRows: true, figures: keptFigures, ...(whitespace ? { whitespace: whitespace.stored } : {}) });
    return this.summary('incremental', result, seen, written.size, unchanged, [...alerts.failures, ...failures], true, pruned.deleted + stale.deleted);
  }

  /**
   * The full run's verify: the hashes of the rows as Salesforce holds them, so a row someone edited
   * or deleted is written again; `ids` gets the Id of every row there (see pruneRows). Skipped when
   * the state has no hashes (every row is written anyway): rows that left the window meanwhile are
   * then deleted by the next full run that has them.
   */
  private async verifiedHashes(result: MetricsResult, ids: Map<string, string>): Promise<Map<string, string> | undefined> {
    if ((await this.state.rowHashCount()) === 0) return undefined;
    const fields = (row: object | undefined) => (row ? Object.keys(row).filter((f) => f !== 'Computed_At__c') : []);
    // Cells are read whether or not the run has any: the ones held go when none applies.
    return this.reader.metricRowHashes(fields(result.accountMetrics[0]), fields(result.programMetrics[0]), ids, [...WHITESPACE_CELL_FIELDS]);
  }

  /** The engine's rows with the whitespace cells (none: the cells stay as they are); line items of a currency without a rate are logged. */
  private withWhitespace(result: MetricsResult, whitespace: WhitespaceResult | null): SyncResult {
    if (whitespace && whitespace.unknownCurrency.length > 0) {
      this.deps.logger.warn({ count: whitespace.unknownCurrency.length, sampleIds: whitespace.unknownCurrency.slice(0, 10) }, 'line items without a conversion rate left out of whitespace');
    }
    return { ...result, whitespaceCells: whitespace?.cells ?? [] };
  }

  /**
   * After the writes of a run that did not read the cells back: with cells computed, deletes those
   * the state holds (`stored`) but the run no longer produces (a segment that left its group, a
   * family no longer sold); a cell that fails to go keeps its hash in `after` and its key in
   * `failedKeys`, so the next run tries again. Without (nothing they depend on changed), the
   * stored cells' hashes carry over.
   */
  private async settleCells(computed: boolean, stored: Map<string, string>, produced: Map<string, string>, after: Map<string, string>, failedKeys: Set<string>): Promise<{ deleted: number; failures: RecordFailure[] }> {
    const cells = [...stored].filter(([key]) => key.startsWith('W:'));
    if (!computed) {
      for (const [key, hash] of cells) after.set(key, hash);
      return { deleted: 0, failures: [] };
    }
    const stale = cells.map(([key]) => key).filter((key) => !produced.has(key));
    if (stale.length === 0) return { deleted: 0, failures: [] };
    const pruned = await pruneRows(this.deps.client, this.fence, await cellIds(this.deps.client, stale), produced, this.deps.logger);
    for (const failure of pruned.failures) {
      const key = `W:${failure.key.slice('Whitespace_Cell__c:'.length)}`;
      after.set(key, stored.get(key)!);
      failedKeys.add(key);
    }
    this.cellRowsDeleted += pruned.deleted;
    return pruned;
  }

  /** Contacts of changed stakeholders that neither the mirror nor this run's change query holds. */
  private async unseenContacts(changed: ChangedRecords, knownContacts: Map<string, string>): Promise<ContactRecord[]> {
    const read = new Set(changed.contact.map((r) => r.id));
    const wanted = [...new Set(changed.stakeholder.flatMap((r) => {
      const contactId = r.input ? (r.input as StakeholderRecord).contactId : null;
      return contactId !== null && !read.has(contactId) && !knownContacts.has(contactId) ? [contactId] : [];
    }))];
    if (wanted.length === 0) return [];
    const held = await this.state.mirrorEntries('contact', wanted);
    const missing = wanted.filter((id) => !held.has(id));
    return missing.length === 0 ? [] : this.reader.contactsById(missing);
  }

  /** The kinds mirrored whole (all but the per-account ones), as JSON by id. */
  private async readWholeMirror(): Promise<Partial<Record<InputKind, Map<string, string>>>> {
    const mirror: Partial<Record<InputKind, Map<string, string>>> = {};
    for (const kind of INPUT_KINDS) if (!isAccountKind(kind)) mirror[kind] = await this.state.readMirror(kind);
    return mirror;
  }

  private async accountRun(accountIds: string[], meta: SyncMeta | null): Promise<SyncSummary> {
    const sources = inputSources(true);
    const ids = new Set(accountIds);
    const inList = accountIds.map(idLiteral).join(', ');
    const { context, pages } = await this.reader.context({ account: { soql: selectFrom('Account', sources.account.fields, `Id IN (${inList})`) } });
    const found = new Set(pages.account.records.map((r) => toId18(String(r.Id))));
    const missing = accountIds.filter((id) => !found.has(id));
    // A deleted account still has its rows recomputed (it drops out of shares and ranks); only a
    // single, explicitly requested account that does not exist is an error.
    if (accountIds.length === 1 && missing.length === 1) throw new Error(`Account ${accountIds[0]} does not exist`);
    const countOf = (inputs: { opportunity: Map<string, { accountId: string | null }> }) => [...inputs.opportunity.values()].filter((o) => o.accountId !== null && ids.has(o.accountId)).length;
    const asOf = this.resolveAsOf(context);
    if (!meta || meta.contextHash !== contextHash(context) || meta.asOf !== asOf) {
      // No usable mirror: every account's data is needed for shares and ranks, so read it all.
      const all = await this.deps.client.firstPage(selectFrom('Account', sources.account.fields));
      const inputs = (await this.reader.readEverything(context, all)).inputs;
      this.lineItemsRead = inputs.lineItem.size;
      const result = this.withWhitespace(withPlanHealth(computeMetrics(this.asOf, context, inputs), this.asOf, inputs, this.reader.healthWeights), computeWhitespace(this.asOf, context, inputs));
      // The accounts' groups too: their ancestors' Hierarchy rows sum them.
      const tree = buildAccountTree([...inputs.account.values()].map((account) => [account.id, account.parentId]));
      const rowsOf = new Set(accountIds.flatMap((id) => [id, ...tree.ancestorsOf(id)]));
      const { written, failures, unchanged } = await this.write(context, result, inputs, (id) => rowsOf.has(id));
      await this.state.saveRowHashes(written);
      return this.summary('account', result, { accounts: ids.size, opportunities: countOf(inputs), changed: 0 }, written.size, unchanged, failures, false);
    }
    const own = (kind: InputKind) => `${inputSources(context.multiCurrency)[kind].accountField} IN (${inList})`;
    const fresh = (await this.reader.readEverything(context, pages.account, own)).inputs;
    this.lineItemsRead = fresh.lineItem.size;
    // The small kinds whole, and of the opportunities and line items only the requested accounts' hashes.
    const whole = await this.readWholeMirror();
    const inputs = inputsFromMirror(whole, {});
    for (const kind of ACCOUNT_KINDS) {
      const target = inputs[kind] as Map<string, InputOf<InputKind>>;
      for await (const batch of this.state.readBuckets(kind, accountIds)) {
        for (const entries of batch.values()) for (const [id, json] of entries) target.set(id, JSON.parse(json) as InputOf<InputKind>);
      }
    }
    const overlay = overlayChanges(inputs, fresh, ids);
    // A new stakeholder's contact is read once here (first sight), so its next change raises an alert.
    for (const contact of await this.unseenContacts(overlay, whole.contact ?? new Map())) overlay.contact.push({ id: contact.id, deleted: false, input: contact });
    // A re-read opportunity may have come from an account outside the set: its old entry says which.
    const known = { ...whole } as Record<InputKind, Map<string, string>>;
    for (const kind of ACCOUNT_KINDS) known[kind] = await this.state.mirrorEntries(kind, overlay[kind].map((r) => r.id));
    const { changes, count } = mirrorChanges(overlay, known);
    await lineItemsFollow(this.state, changes);
    const counts = countsAfter(meta.counts, changes, known);
    applyChanged(inputs, overlay);
    const { figures, dataQuality, storedFigures: keptFigures, whitespace } = await recomputeFromMirror(this.state, this.asOf, context, inputs.account, changes, true);
    const result = this.withWhitespace(withPlanHealth(metricsOfFigures(this.asOf, context, inputs, figures, dataQuality), this.asOf, inputs, this.reader.healthWeights), whitespace);
    const { written, after, failures, failedKeys, unchanged, hashes, stored, sponsorsAfter } = await this.write(context, result, inputs);
    for (const [id, sponsor] of sponsorsAfter) changes.sponsor!.set.set(id, JSON.stringify(sponsor));
    const stale = await this.settleCells(whitespace !== null, stored, hashes, after, failedKeys);
    failures.push(...stale.failures);
    const seen = { accounts: ids.size, opportunities: countOf(inputs), changed: count };
    if (failures.length > 0) {
      await this.state.saveRowHashes(written);
      return this.summary('account', result, seen, written.size, unchanged, failures, false, stale.deleted);
    }
    // A moved account can leave its old parent without children: that group's rows go.
    const pruned = await this.pruneVanished(stored, hashes, after);
    if (this.lockLost()) throw new LockLostError();
    await this.state.commit(this.token, { meta: { ...meta, counts }, mirrorMode: 'apply', mirror: changes, rows: after, replaceRows: true, figures: keptFigures, ...(whitespace ? { whitespace: whitespace.stored } : {}) });
    return this.summary('account', result, seen, written.size, unchanged, pruned.failures, false, pruned.deleted + stale.deleted);
  }
}
