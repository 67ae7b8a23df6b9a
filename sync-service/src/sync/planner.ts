// The planner: inputs and state in, the metric rows to write out. Pure functions, no I/O: the
// mirror with a run's changes applied, the engine run over it, and the rows whose content differs
// from the hashes stored after their last write.
import Decimal from 'decimal.js';
import { createMetricsRun, metricsFromFigures, type AccountFigures, type AccountInput, type DataQualityReport, type InitiativeInput, type MetricsContext, type MetricsResult, type MetricsRun, type OpportunityInput, type PlanInput } from '../metrics';
import { buildAccountTree } from '../metrics/accountTree';
import { WhitespaceRun, type WhitespaceContext, type WhitespaceResult } from '../metrics/whitespace';
import { NO_ACCOUNT, accountOf, bucketOf, emptyInputs, type InitiativeRecord, type MirroredLineItem, type InputKind, type InputOf, type Inputs, type OrgContext, type PlanRecord } from './inputs';
import { sponsorsAfterEngagement } from './engagementPlan';
import type { ChangedRecords } from './reader';
import { diffRows, type RowDiff, type RowsToWrite } from './rowHash';
import { INPUT_KINDS, isAccountKind, type KindChanges, type MirrorChanges } from './state';

/**
 * An amount of `isoCode` in the corporate currency, to the cent (DESIGN.md: amounts are converted
 * with the CurrencyType rate where no date applies; Salesforce applies dated rates to
 * opportunities only). Null when the org has no rate for the currency: no number beats a wrong one.
 */
export function toCorporate(context: OrgContext, amount: number | null, isoCode: string | null | undefined): number | null {
  if (amount === null || isoCode === undefined || isoCode === null || isoCode === context.org.corporateCurrency) return amount;
  const rate = context.rates.static.find((r) => r.isoCode === isoCode)?.conversionRate;
  if (rate === undefined || !(rate > 0)) return null;
  return new Decimal(amount).div(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

function planInCorporate(context: OrgContext, { currencyIsoCode, ...plan }: PlanRecord): PlanInput {
  return { ...plan, revenueTarget: toCorporate(context, plan.revenueTarget, currencyIsoCode) };
}

function initiativeInCorporate(context: OrgContext, { currencyIsoCode, ...initiative }: InitiativeRecord): InitiativeInput {
  return {
    ...initiative,
    customerValueRealized: toCorporate(context, initiative.customerValueRealized, currencyIsoCode),
    supplierValueRealized: toCorporate(context, initiative.supplierValueRealized, currencyIsoCode)
  };
}

type EngineInputs = Pick<Inputs, 'account' | 'plan' | 'initiative' | 'sponsor' | 'event' | 'task'>;

/** The engine's context: the accounts, plans, initiatives and sponsors of `inputs` (sponsors as the activities leave them: see engagementPlan.ts). */
export function metricsContext(asOf: string, context: OrgContext, inputs: EngineInputs): MetricsContext {
  return {
    asOf,
    org: context.org,
    rates: context.rates,
    accounts: [...inputs.account.values()],
    plans: [...inputs.plan.values()].map((plan) => planInCorporate(context, plan)),
    initiatives: [...inputs.initiative.values()].map((initiative) => initiativeInCorporate(context, initiative)),
    sponsors: sponsorsAfterEngagement(asOf, inputs),
    weights: context.weights
  };
}

/** An engine run over `inputs` but the opportunities, which the caller adds. */
export function engineFor(asOf: string, context: OrgContext, inputs: EngineInputs): MetricsRun {
  return createMetricsRun(metricsContext(asOf, context, inputs));
}

/** The metrics from every account's opportunity figures (see metrics/run.ts `createFiguresRun`). */
export function metricsOfFigures(asOf: string, context: OrgContext, inputs: EngineInputs, figures: Map<string, AccountFigures>, quality: DataQualityReport): MetricsResult {
  return metricsFromFigures(metricsContext(asOf, context, inputs), (id) => {
    const found = figures.get(id);
    if (!found) throw new Error(`no figures for account ${id}`);
    return found;
  }, quality);
}

export function computeMetrics(asOf: string, context: OrgContext, inputs: Inputs): MetricsResult {
  const run = engineFor(asOf, context, inputs);
  run.add(inputs.opportunity.values() as Iterable<OpportunityInput>);
  return run.finish();
}

/** A whitespace run over the org's accounts and groups; the caller adds opportunities, then line items. */
export function whitespaceFor(asOf: string, context: OrgContext, accounts: Iterable<AccountInput>): WhitespaceRun {
  return new WhitespaceRun(whitespaceContext(asOf, context, accounts));
}

/** What every whitespace run of one as-of date shares (a run over a batch of accounts makes many). */
export function whitespaceContext(asOf: string, context: OrgContext, accounts: Iterable<AccountInput>): WhitespaceContext {
  const list = [...accounts];
  return {
    asOf,
    corporateCurrency: context.org.corporateCurrency,
    rates: context.rates,
    accounts: list,
    tree: buildAccountTree(list.map((account) => [account.id, account.parentId] as const))
  };
}

/** The whitespace cells of inputs held whole (DESIGN.md "Whitespace"). */
export function computeWhitespace(asOf: string, context: OrgContext, inputs: Pick<Inputs, 'account' | 'opportunity' | 'lineItem'>): WhitespaceResult {
  const run = whitespaceFor(asOf, context, inputs.account.values());
  run.addOpportunities(inputs.opportunity.values());
  run.addLineItems(inputs.lineItem.values());
  return run.finish();
}

/**
 * What the changed records do to the mirror: records whose content differs from the mirrored
 * JSON (`known`, by kind and id) are set, deleted records the mirror holds are removed. Of a
 * per-account kind also the account hash each record leaves (`from`) and enters (`to`).
 */
export function mirrorChanges(changed: ChangedRecords, known: Record<InputKind, Map<string, string>>): { changes: MirrorChanges; count: number } {
  const changes: MirrorChanges = {};
  let count = 0;
  for (const kind of INPUT_KINDS) {
    const change: KindChanges = { set: new Map<string, string>(), remove: [] as string[] };
    const bucketed = isAccountKind(kind);
    const from = new Map<string, string>();
    const to = new Map<string, string>();
    for (const record of changed[kind] ?? []) {
      const old = known[kind].get(record.id);
      if (record.deleted) {
        if (old !== undefined) change.remove.push(record.id);
      } else {
        const json = JSON.stringify(record.input);
        if (old === json) continue;
        change.set.set(record.id, json);
        if (bucketed) to.set(record.id, bucketOf(kind, record.input!));
      }
      if (bucketed && old !== undefined) from.set(record.id, bucketOf(kind, JSON.parse(old) as InputOf<InputKind>));
    }
    if (bucketed) Object.assign(change, { from, to });
    count += change.set.size + change.remove.length;
    changes[kind] = change;
  }
  return { changes, count };
}

/** The mirror (JSON by kind and id; the kinds it has) with `changes` applied, parsed into inputs. */
export function inputsFromMirror(mirror: Partial<Record<InputKind, Map<string, string>>>, changes: MirrorChanges): Inputs {
  const inputs = emptyInputs();
  for (const kind of INPUT_KINDS) {
    const entries = mirror[kind];
    if (!entries) continue;
    const change = changes[kind];
    if (change) {
      for (const id of change.remove) entries.delete(id);
      for (const [id, json] of change.set) entries.set(id, json);
    }
    const target = inputs[kind] as Map<string, InputOf<InputKind>>;
    for (const [id, json] of entries) target.set(id, JSON.parse(json) as InputOf<InputKind>);
  }
  return inputs;
}

/** The per-account mirror hashes a kind's changes touch: those its records leave and enter. */
export function touchedBuckets(change: KindChanges | undefined): Set<string> {
  return new Set([...(change?.from?.values() ?? []), ...(change?.to?.values() ?? [])]);
}

/** One account hash's entries (JSON by id) as `change` leaves them: records that left or were deleted go, records that entered or changed come. */
export function bucketAfter(bucket: string, entries: Map<string, string>, change: KindChanges | undefined): Map<string, string> {
  if (!change) return entries;
  for (const id of change.remove) entries.delete(id);
  for (const [id, json] of change.set) {
    if (change.to?.get(id) === bucket) entries.set(id, json);
    else entries.delete(id);
  }
  return entries;
}

/**
 * The line items that follow their opportunity from one account's mirror hash to another's: of
 * every opportunity `opportunities` moves, the line items `held` in the hash it leaves (bucket →
 * JSON by id) are set again with the new account, unless this run read them itself (`lines` has
 * them: their read says where they go). Adds them to `lines`; returns how many moved.
 */
export function moveLineItems(opportunities: KindChanges | undefined, held: ReadonlyMap<string, ReadonlyMap<string, string>>, lines: KindChanges): number {
  const moved = movedOpportunities(opportunities);
  const from = (lines.from ??= new Map());
  const to = (lines.to ??= new Map());
  const removed = new Set(lines.remove);
  let count = 0;
  for (const [bucket, entries] of held) {
    for (const [id, json] of entries) {
      const line = JSON.parse(json) as MirroredLineItem;
      const target = moved.get(line.opportunityId);
      if (target === undefined || target.from !== bucket || lines.set.has(id) || removed.has(id)) continue;
      lines.set.set(id, JSON.stringify({ ...line, accountId: target.to === NO_ACCOUNT ? null : target.to }));
      from.set(id, bucket);
      to.set(id, target.to);
      count++;
    }
  }
  return count;
}

/** Opportunities whose account hash changes: id → the hash left and the one entered. */
export function movedOpportunities(change: KindChanges | undefined): Map<string, { from: string; to: string }> {
  const moved = new Map<string, { from: string; to: string }>();
  for (const id of change?.set.keys() ?? []) {
    const from = change?.from?.get(id);
    const to = change?.to?.get(id);
    if (from !== undefined && to !== undefined && from !== to) moved.set(id, { from, to });
  }
  return moved;
}

/**
 * What re-reading the records of `accountIds` says about the mirror (`base`): every fresh record
 * is set, and every mirrored record of those accounts the read no longer returns is gone (deleted,
 * or moved to an account outside the set: the next incremental run puts that one back).
 */
export function overlayChanges(base: Inputs, fresh: Inputs, accountIds: ReadonlySet<string>): ChangedRecords {
  const changed = {} as ChangedRecords;
  for (const kind of INPUT_KINDS) {
    const now = fresh[kind] as Map<string, InputOf<InputKind>>;
    const seen: ChangedRecords[InputKind] = [...now].map(([id, input]) => ({ id, deleted: false, input }));
    for (const [id, input] of base[kind] as Map<string, InputOf<InputKind>>) {
      const account = accountOf(kind, input);
      if (account !== null && accountIds.has(account) && !now.has(id)) seen.push({ id, deleted: true, input: null });
    }
    changed[kind] = seen;
  }
  return changed;
}

/** `inputs` with the changed records set and the deleted ones removed. */
export function applyChanged(inputs: Inputs, changed: ChangedRecords): Inputs {
  for (const kind of INPUT_KINDS) {
    const target = inputs[kind] as Map<string, InputOf<InputKind>>;
    for (const record of changed[kind] ?? []) {
      if (record.deleted || !record.input) target.delete(record.id);
      else target.set(record.id, record.input);
    }
  }
  return inputs;
}

/** The rows to write: those whose hash differs from `stored` (see rowHash.ts). */
export function planRows(result: RowsToWrite, stored: Map<string, string>, includeAccount?: (accountId: string) => boolean): RowDiff {
  return diffRows(result, stored, includeAccount);
}
