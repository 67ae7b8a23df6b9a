// Program_Metric__c: the SAM program as a whole per period (DESIGN.md "Program").
import type { AccountTree } from './accountTree';
import type { FiscalPeriod } from './fiscal';
import { addMoney, currencyField, growthField, percentField, type Money } from './money';
import type { AccountInput, ProgramMetricRow } from './types';

/**
 * Who the program counts (docs/metrics.md "Program metrics and customer groups"): a customer
 * group counts once, at its top strategic account, i.e. a strategic account with no strategic
 * account above it. That account and everything below it in its group form one strategic unit:
 * their revenue is strategic revenue, whatever their own flag. Every other account is in the
 * other cohort. Coverage is that of the units' top strategic accounts.
 */
export interface ProgramMembership {
  /** The strategic accounts the program counts (those with no strategic ancestor), in input order. */
  strategicUnits: AccountInput[];
  /** Per account (input order): whether its revenue is in the strategic cohort. */
  inStrategicCohort: boolean[];
}

export function programMembership(accounts: readonly AccountInput[], tree: AccountTree): ProgramMembership {
  const strategic = new Set(accounts.filter((account) => account.isStrategic).map((account) => account.id));
  const strategicUnits = accounts.filter((account) => account.isStrategic && !tree.ancestorsOf(account.id).some((id) => strategic.has(id)));
  const inStrategicCohort = accounts.map((account) => account.isStrategic || tree.ancestorsOf(account.id).some((id) => strategic.has(id)));
  return { strategicUnits, inStrategicCohort };
}

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
