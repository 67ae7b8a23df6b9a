// Program_Metric__c: the SAM program as a whole per period (DESIGN.md "Program").
import type { FiscalPeriod } from './fiscal';
import { addMoney, currencyField, growthField, percentField, type Money } from './money';
import type { ProgramMetricRow } from './types';

/** Cohort sums for one period, in cents. */
export interface CohortTotals {
  strategicTtm: Money;
  strategicPriorTtm: Money;
  otherTtm: Money;
  otherPriorTtm: Money;
}

export function emptyCohortTotals(): CohortTotals {
  return { strategicTtm: 0, strategicPriorTtm: 0, otherTtm: 0, otherPriorTtm: 0 };
}

export function addToCohort(
  totals: CohortTotals,
  isStrategic: boolean,
  ttm: Money,
  priorTtm: Money
): void {
  if (isStrategic) {
    totals.strategicTtm = addMoney(totals.strategicTtm, ttm);
    totals.strategicPriorTtm = addMoney(totals.strategicPriorTtm, priorTtm);
  } else {
    totals.otherTtm = addMoney(totals.otherTtm, ttm);
    totals.otherPriorTtm = addMoney(totals.otherPriorTtm, priorTtm);
  }
}

/** Coverage of the strategic accounts today: counts of those with an on-cadence sponsor and with an Active plan. */
export interface ProgramCoverage {
  withSponsorOnCadence: number;
  withActivePlan: number;
}

export function programMetricRow(
  period: FiscalPeriod,
  strategicAccounts: number,
  totals: CohortTotals,
  coverage: ProgramCoverage | null
): ProgramMetricRow {
  return {
    Period_Key__c: period.label,
    Period__c: period.label,
    As_Of__c: period.asOf,
    Is_Current__c: period.isCurrent,
    Strategic_Accounts__c: strategicAccounts,
    Strategic_Revenue_TTM__c: currencyField(totals.strategicTtm),
    Other_Revenue_TTM__c: currencyField(totals.otherTtm),
    Strategic_Growth_YoY__c: growthField(totals.strategicTtm, totals.strategicPriorTtm),
    Other_Growth_YoY__c: growthField(totals.otherTtm, totals.otherPriorTtm),
    Strategic_Revenue_Share__c: percentField(
      totals.strategicTtm,
      addMoney(totals.strategicTtm, totals.otherTtm)
    ),
    Sponsor_Coverage__c: coverage
      ? percentField(coverage.withSponsorOnCadence, strategicAccounts)
      : null,
    Plan_Coverage__c: coverage ? percentField(coverage.withActivePlan, strategicAccounts) : null
  };
}
