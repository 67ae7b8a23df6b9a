// Account_Metric__c: how each number of a row is computed from its figures (figures.ts), one
// entry per field, in the order of DESIGN.md "Metric definitions". A new account metric is a field
// in types.ts and its entry here (plus a sum in opportunitySums.ts if it needs one).
import type { AccountFigures, PresentFigures, ProgramFigures } from './figures';
import {
  addMoney,
  cagrField,
  centsOf,
  currencyField,
  growthField,
  moneySign,
  percentField,
  scaledQuotient
} from './money';
import type { OpportunitySums } from './opportunitySums';
import { mutualValueBalance } from './relationship';
import { planCriteria, strategicScore } from './strategicScore';
import type { AccountMetricRow } from './types';

/** The fields that identify a row; every other field is a metric. */
type RowKey = 'Account__c' | 'Snapshot_Key__c' | 'Period__c' | 'As_Of__c' | 'Is_Current__c';
type AccountMetricField = Exclude<keyof AccountMetricRow, RowKey>;

/** A metric of the current quarter only: null in past quarters (docs/metrics.md "Decisions"). */
function today<T>(
  compute: (present: PresentFigures, figures: AccountFigures, program: ProgramFigures) => T
): (figures: AccountFigures, program: ProgramFigures) => T | null {
  return (figures, program) =>
    figures.present ? compute(figures.present, figures, program) : null;
}

/** Won and lost in the window. */
function closedCount(sums: OpportunitySums): number {
  return sums.wonCount + sums.lostCount;
}

/** Each metric of an Account_Metric__c row; TypeScript insists on one entry per field of AccountMetricRow. */
const ACCOUNT_METRICS: {
  [Field in AccountMetricField]: (
    figures: AccountFigures,
    program: ProgramFigures
  ) => AccountMetricRow[Field];
} = {
  /** DESIGN.md "Revenue_Quarter__c": won in the fiscal quarter, up to D. */
  Revenue_Quarter__c: ({ windows }) => currencyField(windows.quarter.won),
  /** DESIGN.md "Revenue": won in TTM = (D−12m, D]. */
  Revenue_TTM__c: ({ windows }) => currencyField(windows.ttm.won),
  /** DESIGN.md "Revenue": won in prior TTM = (D−24m, D−12m]. */
  Revenue_Prior_TTM__c: ({ windows }) => currencyField(windows.priorTtm.won),
  /** DESIGN.md "Revenue_Growth_YoY__c" = TTM / prior TTM − 1; null when prior TTM ≤ 0. */
  Revenue_Growth_YoY__c: ({ windows }) => growthField(windows.ttm.won, windows.priorTtm.won),
  /** DESIGN.md "Revenue_CAGR_3Y__c" = (TTM / base)^(1/3) − 1; null when either is ≤ 0. */
  Revenue_CAGR_3Y__c: ({ windows }) => cagrField(windows.ttm.won, windows.cagrBase.won),
  /** DESIGN.md "Open_Pipeline_12M__c": open opportunities closing in (D, D+12m]. */
  Open_Pipeline_12M__c: today(({ pipeline }) => currencyField(pipeline.open)),
  /** DESIGN.md "Weighted_Pipeline_12M__c": the same times Probability / 100. */
  Weighted_Pipeline_12M__c: today(({ pipeline }) =>
    currencyField(scaledQuotient(pipeline.openTimesProbability, 100, 1))
  ),
  /** DESIGN.md "Pipeline_Coverage__c" = open pipeline 12M / the Active plan's Revenue_Target__c; null without a positive target. */
  Pipeline_Coverage__c: today(({ pipeline, activePlan }) => {
    const target = activePlan?.revenueTarget ?? null;
    if (target === null || moneySign(centsOf(target)) <= 0) return null;
    return scaledQuotient(pipeline.open, centsOf(target), 100) / 100;
  }),
  /** DESIGN.md "Win_Rate__c" = won / (won + lost) closed in TTM; null when none closed. */
  Win_Rate__c: ({ windows: { ttm } }) =>
    closedCount(ttm) > 0 ? percentField(ttm.wonCount, closedCount(ttm)) : null,
  /** DESIGN.md "Avg_Deal_Size__c" = TTM revenue / number won in TTM. */
  Avg_Deal_Size__c: ({ windows: { ttm } }) =>
    ttm.wonCount > 0 ? currencyField(scaledQuotient(ttm.won, ttm.wonCount, 1)) : null,
  /** DESIGN.md "Avg_Sales_Cycle_Days__c" = mean of (CloseDate − created date) over those won in TTM. */
  Avg_Sales_Cycle_Days__c: ({ windows: { ttm } }) =>
    ttm.wonCount > 0 ? scaledQuotient(ttm.salesCycleDays, ttm.wonCount, 10) / 10 : null,
  /** DESIGN.md "Revenue_Share__c" = the account's TTM / all accounts' TTM. */
  Revenue_Share__c: ({ windows }, program) =>
    percentField(windows.ttm.won, addMoney(program.strategic.ttm.won, program.other.ttm.won)),
  /** DESIGN.md "Mutual value": realized customer value of initiatives not Cancelled. */
  Customer_Value__c: today(({ mutualValue }) => currencyField(mutualValue.customer)),
  /** DESIGN.md "Mutual value": realized supplier value of the same initiatives. */
  Supplier_Value__c: today(({ mutualValue }) => currencyField(mutualValue.supplier)),
  /** DESIGN.md "Mutual_Value_Balance__c" = 100 × 2·min(c, s) / (c + s). */
  Mutual_Value_Balance__c: today(({ mutualValue }) => mutualValueBalance(mutualValue)),
  /** DESIGN.md "Strategic_Score__c" = 100 × Σ wᵢ·xᵢ / Σ wᵢ over the six criteria. */
  Strategic_Score__c: today(({ activePlan }, { account }, program) =>
    strategicScore(
      {
        Revenue_Concentration: program.present!.revenueRank.get(account.id)!,
        Lifetime_Value: program.present!.lifetimeRank.get(account.id)!,
        ...planCriteria(activePlan)
      },
      program.present!.scoreWeights
    )
  ),
  /** docs/metrics.md "Opportunity count": opportunities with CloseDate in TTM, whatever their stage. */
  Opportunity_Count__c: ({ windows }) => windows.ttm.opportunityCount
};

const METRIC_FIELDS = Object.keys(ACCOUNT_METRICS) as AccountMetricField[];
// Rows are copies of a template that holds every field, so filling one in changes no object shape.
const ROW_TEMPLATE = Object.fromEntries(
  ['Account__c', 'Snapshot_Key__c', 'Period__c', 'As_Of__c', 'Is_Current__c', ...METRIC_FIELDS].map(
    (field) => [field, null]
  )
);

/** One Account_Metric__c row (DESIGN.md "Metric definitions"). */
export function accountMetricRow(
  figures: AccountFigures,
  program: ProgramFigures
): AccountMetricRow {
  const { account, period } = figures;
  const row: Record<string, unknown> = { ...ROW_TEMPLATE };
  row.Account__c = account.id;
  row.Snapshot_Key__c = `${account.id}:${period.label}`;
  row.Period__c = period.label;
  row.As_Of__c = period.asOf;
  row.Is_Current__c = period.isCurrent;
  for (const field of METRIC_FIELDS) row[field] = ACCOUNT_METRICS[field](figures, program);
  return row as unknown as AccountMetricRow;
}
