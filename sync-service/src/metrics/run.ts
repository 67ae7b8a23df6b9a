// A metrics run: validate the context, lay out the windows, stream opportunities into the
// accumulator, then turn the sums into Account_Metric__c and Program_Metric__c rows.
import { emptyWindowTotals, OpportunityAccumulator } from './accumulator';
import { AccountIndex } from './accountIndex';
import { accountMetricRow, type PeriodFigures, type PresentFigures } from './accountMetrics';
import { validateContext } from './context';
import { RateTable } from './currency';
import { DataQualityLog } from './dataQuality';
import { recentQuarters, type FiscalPeriod } from './fiscal';
import { addMoney, percentField, type Money } from './money';
import { percentileRanks } from './percentileRank';
import {
  addToCohort,
  emptyCohortTotals,
  programMetricRow,
  type ProgramCoverage
} from './programMetrics';
import { accountsWithSponsorOnCadence, activePlans, mutualValues } from './relationship';
import { planCriteria, scoreCriteria, scoreWeights, strategicScore, type ScoreWeights } from './strategicScore';
import type { AccountMetricRow, MetricsContext, MetricsResult, MetricsRun } from './types';
import { periodWindows, SegmentLayout, type SegmentRange, type WindowName } from './windows';

/** Quarters written per account: the current one and the 11 before it. */
export const PERIOD_COUNT = 12;

type PeriodRanges = Record<Exclude<WindowName, 'pipeline'>, SegmentRange>;

/** Start a metrics run for one as-of date (DESIGN.md "Metric definitions"). Throws on a context it cannot interpret. */
export function createMetricsRun(ctx: MetricsContext): MetricsRun {
  const asOfDay = validateContext(ctx);
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
  const weights = scoreWeights(ctx.weights, log);
  const rates = new RateTable(
    ctx.rates,
    ctx.org.corporateCurrency,
    layout.firstDay,
    layout.lastDay
  );
  const accountIndex = new AccountIndex(ctx.accounts.map((account) => account.id));
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
      return computeResult(ctx, periods, ranges, accumulator, weights, log);
    }
  };
}

function computeResult(
  ctx: MetricsContext,
  periods: FiscalPeriod[],
  ranges: PeriodRanges[],
  accumulator: OpportunityAccumulator,
  weights: ScoreWeights,
  log: DataQualityLog
): MetricsResult {
  const current = PERIOD_COUNT - 1;
  const plans = activePlans(ctx.plans);
  const values = mutualValues(ctx.initiatives);
  const onCadence = accountsWithSponsorOnCadence(ctx.sponsors);

  const rows: AccountMetricRow[] = [];
  const ttmByPeriod: Money[][] = periods.map(() => []);
  const cohorts = periods.map(emptyCohortTotals);
  const lifetimeValues: Money[] = [];
  // Scratch sums, refilled for every (account, period): rows keep numbers only.
  const figures: PeriodFigures = {
    quarter: emptyWindowTotals(),
    ttm: emptyWindowTotals(),
    priorTtm: emptyWindowTotals(),
    cagrBase: emptyWindowTotals()
  };
  const lifetimeWindow = emptyWindowTotals();
  ctx.accounts.forEach((account, index) => {
    accumulator.loadAccount(index);
    periods.forEach((period, p) => {
      const range = ranges[p]!;
      accumulator.windowTotals(range.quarter, figures.quarter);
      accumulator.windowTotals(range.ttm, figures.ttm);
      accumulator.windowTotals(range.priorTtm, figures.priorTtm);
      accumulator.windowTotals(range.cagrBase, figures.cagrBase);
      let present: PresentFigures | null = null;
      if (period.isCurrent) {
        const pipeline = accumulator.pipelineTotals();
        present = {
          pipeline,
          activePlan: plans.get(account.id),
          mutualValue: values.get(account.id) ?? { customer: 0, supplier: 0 }
        };
        // Lifetime value: won in the last 36 months plus the open pipeline 12M.
        accumulator.windowTotals(range.lifetime, lifetimeWindow);
        lifetimeValues.push(addMoney(lifetimeWindow.wonAmount, pipeline.openAmount));
      }
      rows.push(accountMetricRow(account.id, period, figures, present));
      ttmByPeriod[p]!.push(figures.ttm.wonAmount);
      addToCohort(
        cohorts[p]!,
        account.isStrategic,
        figures.ttm.wonAmount,
        figures.priorTtm.wonAmount
      );
    });
  });

  // Revenue share needs every account's TTM; rows are account-major, PERIOD_COUNT per account.
  periods.forEach((_, p) => {
    const ttms = ttmByPeriod[p]!;
    const total = ttms.reduce(addMoney, 0);
    ttms.forEach((ttm, index) => {
      rows[index * PERIOD_COUNT + p]!.Revenue_Share__c = percentField(ttm, total);
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

  const strategic = ctx.accounts.filter((account) => account.isStrategic);
  const coverage: ProgramCoverage = {
    withSponsorOnCadence: strategic.filter((account) => onCadence.has(account.id)).length,
    withActivePlan: strategic.filter((account) => plans.has(account.id)).length
  };
  const programMetrics = periods.map((period, p) =>
    programMetricRow(period, strategic.length, cohorts[p]!, period.isCurrent ? coverage : null)
  );
  return { accountMetrics: rows, programMetrics, dataQuality: log.report() };
}
