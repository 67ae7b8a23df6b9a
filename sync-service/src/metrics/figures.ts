// What the metrics are computed from (DESIGN.md "Metric definitions"): per account and period the
// opportunity sums over the period's windows and, for the current quarter, the relationship today;
// per period the same sums over the strategic cohort and the other accounts, and the ranks that
// compare accounts. Metric definitions (accountMetrics.ts, programMetrics.ts) read only these.
import type { FiscalPeriod } from './fiscal';
import { addMoney, type Money } from './money';
import { addSums, emptySums, type OpportunitySums } from './opportunitySums';
import { percentileRanks, type Fraction } from './percentileRank';
import type { MutualValue } from './relationship';
import type { ScoreWeights } from './strategicScore';
import type { AccountInput, PlanInput } from './types';
import { runningTotals, sumOverWindow, type SegmentRange } from './windows';

/** Opportunity sums over the windows of one period (DESIGN.md "Periods": relative to its As_Of D). */
export interface WindowSums {
  /** The fiscal quarter up to D. */
  quarter: OpportunitySums;
  /** (D−12m, D] */
  ttm: OpportunitySums;
  /** (D−24m, D−12m] */
  priorTtm: OpportunitySums;
  /** (D−48m, D−36m], the CAGR base. */
  cagrBase: OpportunitySums;
}

/** The segments each window of a period covers. */
export interface WindowRanges {
  quarter: SegmentRange;
  ttm: SegmentRange;
  priorTtm: SegmentRange;
  cagrBase: SegmentRange;
  /** (D−36m, D]: won revenue counted in lifetime value. */
  lifetime: SegmentRange;
}

/** The relationship today: what only the current quarter shows (docs/metrics.md "Decisions"). */
export interface PresentFigures {
  /** Opportunities closing in (D, D+12m]; the open ones are the pipeline. */
  pipeline: OpportunitySums;
  /** Won in (D−36m, D] plus the open pipeline 12M (DESIGN.md "Strategic_Score__c"). */
  lifetimeValue: Money;
  activePlan: PlanInput | undefined;
  mutualValue: MutualValue;
  hasSponsorOnCadence: boolean;
}

/** One account in one period, before it is compared with the others. */
export interface AccountFigures {
  account: AccountInput;
  period: FiscalPeriod;
  windows: WindowSums;
  /** Null for a past quarter. */
  present: PresentFigures | null;
}

/** The strategic accounts, or all the others (DESIGN.md "Program"). */
export interface Cohort {
  accounts: number;
  ttm: OpportunitySums;
  priorTtm: OpportunitySums;
}

/** All accounts together in one period. */
export interface ProgramFigures {
  period: FiscalPeriod;
  strategic: Cohort;
  other: Cohort;
  /** Null for a past quarter. */
  present: ProgramPresent | null;
}

/** The program today. */
export interface ProgramPresent {
  strategicWithSponsorOnCadence: number;
  strategicWithActivePlan: number;
  /** Percentile rank of each account's TTM among accounts with TTM > 0, by account id. */
  revenueRank: Map<string, Fraction>;
  /** The same rank by lifetime value. */
  lifetimeRank: Map<string, Fraction>;
  scoreWeights: ScoreWeights;
}

/** The relationship of each account today, keyed by account id. */
export interface Relationships {
  activePlans: Map<string, PlanInput>;
  mutualValues: Map<string, MutualValue>;
  withSponsorOnCadence: Set<string>;
}

const NO_MUTUAL_VALUE: MutualValue = { customer: 0, supplier: 0 };

/** One account's figures for each period, from its opportunity sums per segment. */
export function accountFigures(
  account: AccountInput,
  periods: readonly FiscalPeriod[],
  ranges: readonly WindowRanges[],
  pipeline: SegmentRange,
  segments: readonly OpportunitySums[],
  relationships: Relationships
): AccountFigures[] {
  const totals = runningTotals(segments);
  return periods.map((period, p) => {
    const range = ranges[p]!;
    const windows: WindowSums = {
      quarter: sumOverWindow(totals, range.quarter),
      ttm: sumOverWindow(totals, range.ttm),
      priorTtm: sumOverWindow(totals, range.priorTtm),
      cagrBase: sumOverWindow(totals, range.cagrBase)
    };
    if (!period.isCurrent) return { account, period, windows, present: null };
    const pipelineSums = sumOverWindow(totals, pipeline);
    const lifetimeWon = sumOverWindow(totals, range.lifetime).won;
    return {
      account,
      period,
      windows,
      present: {
        pipeline: pipelineSums,
        lifetimeValue: addMoney(lifetimeWon, pipelineSums.open),
        activePlan: relationships.activePlans.get(account.id),
        mutualValue: relationships.mutualValues.get(account.id) ?? NO_MUTUAL_VALUE,
        hasSponsorOnCadence: relationships.withSponsorOnCadence.has(account.id)
      }
    };
  });
}

function emptyCohort(): Cohort {
  return { accounts: 0, ttm: emptySums(), priorTtm: emptySums() };
}

function rankById(accounts: readonly AccountFigures[], values: Money[]): Map<string, Fraction> {
  const ranks = percentileRanks(values);
  return new Map(accounts.map((figures, index) => [figures.account.id, ranks[index]!]));
}

/** All accounts' figures of one period, taken together. */
export function programFigures(
  period: FiscalPeriod,
  accounts: readonly AccountFigures[],
  scoreWeights: ScoreWeights
): ProgramFigures {
  const strategic = emptyCohort();
  const other = emptyCohort();
  for (const { account, windows } of accounts) {
    const cohort = account.isStrategic ? strategic : other;
    cohort.accounts++;
    addSums(cohort.ttm, windows.ttm);
    addSums(cohort.priorTtm, windows.priorTtm);
  }
  if (!period.isCurrent) return { period, strategic, other, present: null };
  const strategicToday = accounts.filter((figures) => figures.account.isStrategic);
  return {
    period,
    strategic,
    other,
    present: {
      strategicWithSponsorOnCadence: strategicToday.filter((f) => f.present!.hasSponsorOnCadence)
        .length,
      strategicWithActivePlan: strategicToday.filter((f) => f.present!.activePlan !== undefined)
        .length,
      revenueRank: rankById(
        accounts,
        accounts.map((figures) => figures.windows.ttm.won)
      ),
      lifetimeRank: rankById(
        accounts,
        accounts.map((figures) => figures.present!.lifetimeValue)
      ),
      scoreWeights
    }
  };
}
