// A metrics run: validate the context, lay out the windows, stream opportunities into the
// accumulator, then turn each account's sums into figures (figures.ts) and the figures into
// Account_Metric__c and Program_Metric__c rows (accountMetrics.ts, programMetrics.ts).
import { OpportunityAccumulator } from './accumulator';
import { accountMetricRow } from './accountMetrics';
import { validateContext } from './context';
import { RateTable } from './currency';
import { DataQualityLog } from './dataQuality';
import {
  accountFigures,
  programFigures,
  type AccountFigures,
  type Relationships,
  type WindowRanges
} from './figures';
import { recentQuarters } from './fiscal';
import { programMetricRow } from './programMetrics';
import { accountsWithSponsorOnCadence, activePlans, mutualValues } from './relationship';
import { scoreWeights } from './strategicScore';
import type { MetricsContext, MetricsRun } from './types';
import { periodWindows, SegmentLayout } from './windows';

/** Quarters written per account: the current one and the 11 before it. */
export const PERIOD_COUNT = 12;

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
  const ranges: WindowRanges[] = windows.map((w) => ({
    quarter: layout.range(w.quarter),
    ttm: layout.range(w.ttm),
    priorTtm: layout.range(w.priorTtm),
    cagrBase: layout.range(w.cagrBase),
    lifetime: layout.range(w.lifetime)
  }));
  const pipeline = layout.range(windows[PERIOD_COUNT - 1]!.pipeline!);

  const log = new DataQualityLog();
  const weights = scoreWeights(ctx.weights, log);
  const rates = new RateTable(
    ctx.rates,
    ctx.org.corporateCurrency,
    layout.firstDay,
    layout.lastDay
  );
  const accumulator = new OpportunityAccumulator(
    ctx.accounts.map((account) => account.id),
    layout,
    rates,
    pipeline,
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
      const relationships: Relationships = {
        activePlans: activePlans(ctx.plans),
        mutualValues: mutualValues(ctx.initiatives),
        withSponsorOnCadence: accountsWithSponsorOnCadence(ctx.sponsors)
      };
      // Per account its 12 periods, oldest first.
      const byAccount: AccountFigures[][] = ctx.accounts.map((account) =>
        accountFigures(
          account,
          periods,
          ranges,
          pipeline,
          accumulator.segmentSums(account.id),
          relationships
        )
      );
      const programs = periods.map((period, p) =>
        programFigures(
          period,
          byAccount.map((figures) => figures[p]!),
          weights
        )
      );
      return {
        accountMetrics: byAccount.flatMap((figures) =>
          figures.map((f, p) => accountMetricRow(f, programs[p]!))
        ),
        programMetrics: programs.map(programMetricRow),
        dataQuality: log.report()
      };
    }
  };
}
