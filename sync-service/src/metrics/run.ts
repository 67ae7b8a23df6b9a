// A metrics run: validate the context, lay out the windows, stream opportunities into the
// accumulator, then turn the sums into Account_Metric__c and Program_Metric__c rows.
import { emptyWindowTotals, OpportunityAccumulator, type PipelineTotals } from './accumulator';
import { AccountIndex } from './accountIndex';
import { accountMetricRow, addPeriodFigures, targetCents, type PeriodFigures, type PresentFigures } from './accountMetrics';
import { buildAccountTree, type AccountTree } from './accountTree';
import { validateContext } from './context';
import { RateTable } from './currency';
import { DataQualityLog } from './dataQuality';
import { recentQuarters, type FiscalPeriod } from './fiscal';
import { addMoney, percentField, type Money } from './money';
import { percentileRanks, rankAmong } from './percentileRank';
import {
  addToCohort,
  emptyCohortTotals,
  programMembership,
  programMetricRow,
  type ProgramCoverage
} from './programMetrics';
import { accountsWithSponsorOnCadence, activePlans, mutualValues, type MutualValue } from './relationship';
import { planCriteria, scoreCriteria, scoreWeights, strategicScore, type ScoreWeights } from './strategicScore';
import type { AccountMetricRow, DataQualityReport, MetricsContext, MetricsResult, MetricsRun, OpportunityInput } from './types';
import { periodWindows, SegmentLayout, type SegmentRange, type WindowName } from './windows';

/** Quarters written per account: the current one and the 11 before it. */
export const PERIOD_COUNT = 12;

type PeriodRanges = Record<Exclude<WindowName, 'pipeline'>, SegmentRange>;

/** What one account's opportunities add up to: every figure its rows need of them. */
export interface AccountFigures {
  /** Per period, oldest first (PERIOD_COUNT). */
  periods: PeriodFigures[];
  /** The open pipeline 12M (the current quarter only has one). */
  pipeline: PipelineTotals;
  /** Won in the last 36 months (lifetime value adds the open pipeline). */
  lifetimeWon: Money;
}

/** What a figures run needs: the as-of date, org and rates, and the accounts to sum for. */
export type FiguresContext = Pick<MetricsContext, 'asOf' | 'org' | 'rates'> & { accountIds: readonly string[] };

/** A streaming sum of opportunities into per-account figures (the accounts given; others are reported). */
export interface FiguresRun {
  add(opportunities: Iterable<OpportunityInput>): void;
  /** Figures of every account given (zeros without opportunities) and the opportunities' data problems. */
  finish(): { figures: Map<string, AccountFigures>; dataQuality: DataQualityReport };
}

/**
 * Start summing opportunities into per-account figures. An account's figures depend only on the
 * as-of date, the org, the rates and its own opportunities, so figures summed in separate runs (a
 * sync keeps them per account and recomputes only the accounts whose opportunities changed) are
 * those one run over everything would give. Throws on a context it cannot interpret.
 */
export function createFiguresRun(ctx: FiguresContext): FiguresRun {
  const asOfDay = validateContext({ ...ctx, accounts: ctx.accountIds.map((id) => ({ id, isStrategic: false })), plans: [], initiatives: [], sponsors: [], weights: [] });
  const periods = recentQuarters(asOfDay, ctx.org, PERIOD_COUNT);
  const windows = periods.map(periodWindows);
  const layout = new SegmentLayout(
    windows.flatMap((w) => [
      w.quarter,
      w.ttm,
      w.priorTtm,
      w.cagrBase,
      w.lifetime,
      ...(w.pipeline ? [w.pipeline] : [])
    ])
  );
  const ranges: PeriodRanges[] = windows.map((w) => ({
    quarter: layout.range(w.quarter),
    ttm: layout.range(w.ttm),
    priorTtm: layout.range(w.priorTtm),
    cagrBase: layout.range(w.cagrBase),
    lifetime: layout.range(w.lifetime)
  }));
  // Only the current quarter has a pipeline window, and no other bound falls inside it.
  const pipelineRange = layout.range(windows[PERIOD_COUNT - 1]!.pipeline!);
  if (pipelineRange.end !== pipelineRange.first + 1)
    throw new Error('metrics: the pipeline window must be one segment');

  const log = new DataQualityLog();
  const rates = new RateTable(
    ctx.rates,
    ctx.org.corporateCurrency,
    layout.firstDay,
    layout.lastDay
  );
  const accountIndex = new AccountIndex(ctx.accountIds);
  const accumulator = new OpportunityAccumulator(
    layout,
    rates,
    accountIndex,
    pipelineRange.first,
    asOfDay,
    log
  );

  let finished = false;
  return {
    add(opportunities) {
      if (finished) throw new Error('metrics: add() after finish()');
      accumulator.add(opportunities);
    },
    finish() {
      if (finished) throw new Error('metrics: finish() called twice');
      finished = true;
      const figures = new Map<string, AccountFigures>();
      const current = PERIOD_COUNT - 1;
      ctx.accountIds.forEach((accountId, index) => {
        accumulator.loadAccount(index);
        const periodFigures = ranges.map((range): PeriodFigures => {
          const totals = (segments: SegmentRange) => {
            const into = emptyWindowTotals();
            accumulator.windowTotals(segments, into);
            return into;
          };
          return { quarter: totals(range.quarter), ttm: totals(range.ttm), priorTtm: totals(range.priorTtm), cagrBase: totals(range.cagrBase) };
        });
        const lifetime = emptyWindowTotals();
        accumulator.windowTotals(ranges[current]!.lifetime, lifetime);
        figures.set(accountId, { periods: periodFigures, pipeline: { ...accumulator.pipelineTotals() }, lifetimeWon: lifetime.wonAmount });
      });
      return { figures, dataQuality: log.report() };
    }
  };
}

/**
 * The rows from every account's figures (`figuresOf`) and the context's accounts, plans,
 * initiatives, sponsors and weights: revenue share, score ranks and the program rows need every
 * account, so this is where the accounts meet. `opportunityQuality`: the figures' data problems.
 */
export function metricsFromFigures(ctx: MetricsContext, figuresOf: (accountId: string) => AccountFigures, opportunityQuality?: DataQualityReport): MetricsResult {
  const asOfDay = validateContext(ctx);
  const periods = recentQuarters(asOfDay, ctx.org, PERIOD_COUNT);
  const log = new DataQualityLog();
  const weights = scoreWeights(ctx.weights, log);
  if (opportunityQuality) log.merge(opportunityQuality);
  return computeResult(ctx, periods, figuresOf, weights, log);
}

/** Start a metrics run for one as-of date (DESIGN.md "Metric definitions"). Throws on a context it cannot interpret. */
export function createMetricsRun(ctx: MetricsContext): MetricsRun {
  validateContext(ctx);
  const figuresRun = createFiguresRun({ asOf: ctx.asOf, org: ctx.org, rates: ctx.rates, accountIds: ctx.accounts.map((account) => account.id) });
  let finished = false;
  return {
    add(opportunities) {
      if (finished) throw new Error('metrics: add() after finish()');
      figuresRun.add(opportunities);
    },
    finish() {
      if (finished) throw new Error('metrics: finish() called twice');
      finished = true;
      const { figures, dataQuality } = figuresRun.finish();
      return metricsFromFigures(ctx, (id) => figures.get(id)!, dataQuality);
    }
  };
}

function computeResult(
  ctx: MetricsContext,
  periods: FiscalPeriod[],
  figuresOf: (accountId: string) => AccountFigures,
  weights: ScoreWeights,
  log: DataQualityLog
): MetricsResult {
  const current = PERIOD_COUNT - 1;
  const plans = activePlans(ctx.plans);
  const values = mutualValues(ctx.initiatives);
  const onCadence = accountsWithSponsorOnCadence(ctx.sponsors);
  const tree = buildAccountTree(ctx.accounts.map((account) => [account.id, account.parentId]));
  const groups = customerGroups(tree, periods.length);
  const membership = programMembership(ctx.accounts, tree);

  const rows: AccountMetricRow[] = [];
  const ttmByPeriod: Money[][] = periods.map(() => []);
  const cohorts = periods.map(emptyCohortTotals);
  const lifetimeValues: Money[] = [];
  ctx.accounts.forEach((account, index) => {
    const accountFigures = figuresOf(account.id);
    // The groups this account adds to: its own (when it has children) and its ancestors'.
    const inGroups = groups.of(account.id);
    periods.forEach((period, p) => {
      const figures = accountFigures.periods[p]!;
      for (const group of inGroups) addPeriodFigures(group.figures[p]!, figures);
      let present: PresentFigures | null = null;
      if (period.isCurrent) {
        const pipeline = accountFigures.pipeline;
        const mutualValue = values.get(account.id) ?? { customer: 0, supplier: 0 };
        const target = targetCents(plans.get(account.id));
        present = { pipeline, revenueTarget: target, mutualValue };
        // Lifetime value: won in the last 36 months plus the open pipeline 12M.
        const lifetime = addMoney(accountFigures.lifetimeWon, pipeline.openAmount);
        lifetimeValues.push(lifetime);
        for (const group of inGroups) group.addPresent(pipeline, target, mutualValue, lifetime);
      }
      rows.push(accountMetricRow(account.id, period, figures, present));
      ttmByPeriod[p]!.push(figures.ttm.wonAmount);
      addToCohort(
        cohorts[p]!,
        membership.inStrategicCohort[index]!,
        figures.ttm.wonAmount,
        figures.priorTtm.wonAmount
      );
    });
  });

  // Revenue share needs every account's TTM; rows are account-major, PERIOD_COUNT per account.
  const totals = periods.map((_, p) => ttmByPeriod[p]!.reduce(addMoney, 0));
  periods.forEach((_, p) => {
    ttmByPeriod[p]!.forEach((ttm, index) => {
      rows[index * PERIOD_COUNT + p]!.Revenue_Share__c = percentField(ttm, totals[p]!);
    });
  });

  const concentration = percentileRanks(ttmByPeriod[current]!);
  const lifetime = percentileRanks(lifetimeValues);
  ctx.accounts.forEach((account, index) => {
    const criteria = {
      Revenue_Concentration: concentration[index]!,
      Lifetime_Value: lifetime[index]!,
      ...planCriteria(plans.get(account.id))
    };
    const row = rows[index * PERIOD_COUNT + current]!;
    row.Strategic_Score__c = strategicScore(criteria, weights);
    row.Score_Criteria__c = scoreCriteria(criteria, weights);
  });

  // Hierarchy rows (docs/metrics.md "Customer groups"): the same definitions over the group's
  // sums; the share is of all accounts' TTM, the score ranks the group among the accounts, with
  // the ratings of the top account's Active plan.
  for (const group of groups.all) {
    periods.forEach((period, p) => {
      const present: PresentFigures | null = period.isCurrent ? group.present : null;
      const row = accountMetricRow(group.accountId, period, group.figures[p]!, present, 'Hierarchy');
      row.Revenue_Share__c = percentField(group.figures[p]!.ttm.wonAmount, totals[p]!);
      if (period.isCurrent) {
        const criteria = {
          Revenue_Concentration: rankAmong(group.figures[p]!.ttm.wonAmount, ttmByPeriod[current]!),
          Lifetime_Value: rankAmong(group.lifetime, lifetimeValues),
          ...planCriteria(plans.get(group.accountId))
        };
        row.Strategic_Score__c = strategicScore(criteria, weights);
        row.Score_Criteria__c = scoreCriteria(criteria, weights);
      }
      rows.push(row);
    });
  }

  const strategic = membership.strategicUnits;
  const coverage: ProgramCoverage = {
    withSponsorOnCadence: strategic.filter((account) => onCadence.has(account.id)).length,
    withActivePlan: strategic.filter((account) => plans.has(account.id)).length
  };
  const programMetrics = periods.map((period, p) =>
    programMetricRow(period, strategic.length, cohorts[p]!, period.isCurrent ? coverage : null)
  );
  return { accountMetrics: rows, programMetrics, dataQuality: log.report() };
}

function emptyPeriodFigures(): PeriodFigures {
  return {
    quarter: emptyWindowTotals(),
    ttm: emptyWindowTotals(),
    priorTtm: emptyWindowTotals(),
    cagrBase: emptyWindowTotals()
  };
}

/** A customer group's running sums: per period, and what only the current quarter shows. */
interface GroupSums {
  accountId: string;
  figures: PeriodFigures[];
  present: PresentFigures;
  lifetime: Money;
  addPresent(pipeline: PipelineTotals, target: Money | null, value: MutualValue, lifetime: Money): void;
}

/** A group for each account with children, and for each account the groups it adds to. */
function customerGroups(tree: AccountTree, periodCount: number): { all: GroupSums[]; of(accountId: string): GroupSums[] } {
  const byHead = new Map<string, GroupSums>();
  for (const head of tree.withChildren()) {
    const group: GroupSums = {
      accountId: head,
      figures: Array.from({ length: periodCount }, emptyPeriodFigures),
      present: {
        pipeline: { openAmount: 0, weightedAmountTimesProbability: 0 },
        revenueTarget: null,
        mutualValue: { customer: 0, supplier: 0 }
      },
      lifetime: 0,
      addPresent(pipeline, target, value, lifetime) {
        const present = group.present;
        present.pipeline = {
          openAmount: addMoney(present.pipeline.openAmount, pipeline.openAmount),
          weightedAmountTimesProbability: addMoney(present.pipeline.weightedAmountTimesProbability, pipeline.weightedAmountTimesProbability)
        };
        // The group's target: the sum over the Active plans in it (null while none has one).
        if (target !== null) present.revenueTarget = addMoney(present.revenueTarget ?? 0, target);
        present.mutualValue = {
          customer: addMoney(present.mutualValue.customer, value.customer),
          supplier: addMoney(present.mutualValue.supplier, value.supplier)
        };
        group.lifetime = addMoney(group.lifetime, lifetime);
      }
    };
    byHead.set(head, group);
  }
  const none: GroupSums[] = [];
  return {
    all: [...byHead.values()],
    of: (accountId) => {
      if (byHead.size === 0) return none;
      const heads = tree.hasChildren(accountId) ? [accountId, ...tree.ancestorsOf(accountId)] : tree.ancestorsOf(accountId);
      return heads.map((head) => byHead.get(head)!);
    }
  };
}
