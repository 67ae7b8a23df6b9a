// One Account_Metric__c row from the sums of its windows (DESIGN.md "Metric definitions").
import type { PipelineTotals, WindowTotals } from './accumulator';
import type { FiscalPeriod } from './fiscal';
import {
  addMoney,
  cagrField,
  centsOf,
  currencyField,
  growthField,
  moneySign,
  percentField,
  scaledQuotient,
  type Money
} from './money';
import { mutualValueBalance, type MutualValue } from './relationship';
import type { AccountMetricRow, MetricScope } from './types';

export interface PeriodFigures {
  quarter: WindowTotals;
  ttm: WindowTotals;
  priorTtm: WindowTotals;
  cagrBase: WindowTotals;
}

/** What only the current quarter shows: it describes the relationship today. */
export interface PresentFigures {
  pipeline: PipelineTotals;
  /** Revenue_Target__c in cents: the Active plan's (a group's: the sum over its Active plans); null without one. */
  revenueTarget: Money | null;
  mutualValue: MutualValue;
}

/** Revenue_Target__c of a plan in cents; null without a plan or a target. */
export function targetCents(plan: { revenueTarget: number | null } | undefined): Money | null {
  const target = plan?.revenueTarget ?? null;
  return target === null ? null : centsOf(target);
}

/** Open pipeline / the revenue target, a ratio with 2 decimals; null without a positive target. */
function pipelineCoverage(present: PresentFigures): number | null {
  const target = present.revenueTarget;
  return target !== null && moneySign(target) > 0
    ? scaledQuotient(present.pipeline.openAmount, target, 100) / 100
    : null;
}

/** Adds the sums of `from` into `into` (a customer group's figures are its accounts' added up). */
export function addPeriodFigures(into: PeriodFigures, from: PeriodFigures): void {
  for (const window of ['quarter', 'ttm', 'priorTtm', 'cagrBase'] as const) {
    const a = into[window];
    const b = from[window];
    a.wonAmount = addMoney(a.wonAmount, b.wonAmount);
    a.wonCount += b.wonCount;
    a.lostCount += b.lostCount;
    a.opportunityCount += b.opportunityCount;
    a.salesCycleDays += b.salesCycleDays;
  }
}

/** The key of a row: `{AccountId}:{period}`, and `:H` after it for a Hierarchy row. */
export function snapshotKey(accountId: string, periodLabel: string, scope: MetricScope): string {
  return scope === 'Hierarchy' ? `${accountId}:${periodLabel}:H` : `${accountId}:${periodLabel}`;
}

/**
 * The row without Revenue_Share__c, Strategic_Score__c and Score_Criteria__c, which need every
 * account (filled in by the run). A Hierarchy row is the same over the group's added-up figures.
 */
export function accountMetricRow(
  accountId: string,
  period: FiscalPeriod,
  figures: PeriodFigures,
  present: PresentFigures | null,
  scope: MetricScope = 'Account'
): AccountMetricRow {
  const { ttm } = figures;
  const closed = ttm.wonCount + ttm.lostCount;
  return {
    Account__c: accountId,
    Snapshot_Key__c: snapshotKey(accountId, period.label, scope),
    Scope__c: scope,
    Period__c: period.label,
    As_Of__c: period.asOf,
    Is_Current__c: period.isCurrent,
    Revenue_Quarter__c: currencyField(figures.quarter.wonAmount),
    Revenue_TTM__c: currencyField(ttm.wonAmount),
    Revenue_Prior_TTM__c: currencyField(figures.priorTtm.wonAmount),
    Revenue_Growth_YoY__c: growthField(ttm.wonAmount, figures.priorTtm.wonAmount),
    Revenue_CAGR_3Y__c: cagrField(ttm.wonAmount, figures.cagrBase.wonAmount),
    Open_Pipeline_12M__c: present ? currencyField(present.pipeline.openAmount) : null,
    // cents × probability points / 100 = cents
    Weighted_Pipeline_12M__c: present
      ? currencyField(scaledQuotient(present.pipeline.weightedAmountTimesProbability, 100, 1))
      : null,
    Pipeline_Coverage__c: present ? pipelineCoverage(present) : null,
    Win_Rate__c: closed > 0 ? percentField(ttm.wonCount, closed) : null,
    Avg_Deal_Size__c:
      ttm.wonCount > 0 ? currencyField(scaledQuotient(ttm.wonAmount, ttm.wonCount, 1)) : null,
    Avg_Sales_Cycle_Days__c:
      ttm.wonCount > 0 ? scaledQuotient(ttm.salesCycleDays, ttm.wonCount, 10) / 10 : null,
    Revenue_Share__c: null,
    Customer_Value__c: present ? currencyField(present.mutualValue.customer) : null,
    Supplier_Value__c: present ? currencyField(present.mutualValue.supplier) : null,
    Mutual_Value_Balance__c: present ? mutualValueBalance(present.mutualValue) : null,
    Strategic_Score__c: null,
    Score_Criteria__c: null,
    Opportunity_Count__c: ttm.opportunityCount
  };
}
