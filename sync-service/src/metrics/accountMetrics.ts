// One Account_Metric__c row from the sums of its windows (DESIGN.md "Metric definitions").
import type { PipelineTotals, WindowTotals } from './accumulator';
import type { FiscalPeriod } from './fiscal';
import {
  cagrField,
  centsOf,
  currencyField,
  growthField,
  moneySign,
  percentField,
  scaledQuotient
} from './money';
import { mutualValueBalance, type MutualValue } from './relationship';
import type { AccountMetricRow, PlanInput } from './types';

export interface PeriodFigures {
  quarter: WindowTotals;
  ttm: WindowTotals;
  priorTtm: WindowTotals;
  cagrBase: WindowTotals;
}

/** What only the current quarter shows: it describes the relationship today. */
export interface PresentFigures {
  pipeline: PipelineTotals;
  activePlan: PlanInput | undefined;
  mutualValue: MutualValue;
}

/** Open pipeline / the Active plan's Revenue_Target__c, a ratio with 2 decimals; null without a positive target. */
function pipelineCoverage(present: PresentFigures): number | null {
  const target = present.activePlan?.revenueTarget ?? null;
  if (target === null) return null;
  const targetCents = centsOf(target);
  return moneySign(targetCents) > 0
    ? scaledQuotient(present.pipeline.openAmount, targetCents, 100) / 100
    : null;
}

/** The row without Revenue_Share__c, Strategic_Score__c and Score_Criteria__c, which need every account (filled in by the run). */
export function accountMetricRow(
  accountId: string,
  period: FiscalPeriod,
  figures: PeriodFigures,
  present: PresentFigures | null
): AccountMetricRow {
  const { ttm } = figures;
  const closed = ttm.wonCount + ttm.lostCount;
  return {
    Account__c: accountId,
    Snapshot_Key__c: `${accountId}:${period.label}`,
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
