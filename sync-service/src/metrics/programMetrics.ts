// Program_Metric__c: how each number of the SAM program's row for a period is computed from the
// period's figures (figures.ts), one entry per field. A new program metric is a field in types.ts
// and its entry here.
import type { ProgramFigures, ProgramPresent } from './figures';
import { addMoney, currencyField, growthField, percentField } from './money';
import type { ProgramMetricRow } from './types';

/** The fields that identify a row; every other field is a metric. */
type RowKey = 'Period_Key__c' | 'Period__c' | 'As_Of__c' | 'Is_Current__c';
type ProgramMetricField = Exclude<keyof ProgramMetricRow, RowKey>;

/** A metric of the current quarter only: null in past quarters. */
function today<T>(
  compute: (present: ProgramPresent, figures: ProgramFigures) => T
): (figures: ProgramFigures) => T | null {
  return (figures) => (figures.present ? compute(figures.present, figures) : null);
}

/** Each metric of a Program_Metric__c row; TypeScript insists on one entry per field of ProgramMetricRow. */
const PROGRAM_METRICS: {
  [Field in ProgramMetricField]: (figures: ProgramFigures) => ProgramMetricRow[Field];
} = {
  /** DESIGN.md "Program": accounts with Strategic_Account__c (today's flags, for every period). */
  Strategic_Accounts__c: ({ strategic }) => strategic.accounts,
  /** DESIGN.md "Program": Σ TTM of the strategic accounts. */
  Strategic_Revenue_TTM__c: ({ strategic }) => currencyField(strategic.ttm.won),
  /** DESIGN.md "Program": Σ TTM of the other accounts. */
  Other_Revenue_TTM__c: ({ other }) => currencyField(other.ttm.won),
  /** DESIGN.md "Program": the cohort's summed TTM / its summed prior TTM − 1. */
  Strategic_Growth_YoY__c: ({ strategic }) =>
    growthField(strategic.ttm.won, strategic.priorTtm.won),
  /** DESIGN.md "Program": the same for the other accounts. */
  Other_Growth_YoY__c: ({ other }) => growthField(other.ttm.won, other.priorTtm.won),
  /** docs/metrics.md "Strategic revenue share": strategic TTM / (strategic + other TTM). */
  Strategic_Revenue_Share__c: ({ strategic, other }) =>
    percentField(strategic.ttm.won, addMoney(strategic.ttm.won, other.ttm.won)),
  /** DESIGN.md "Sponsor coverage": strategic accounts with an Active sponsor On cadence / strategic accounts. */
  Sponsor_Coverage__c: today((present, { strategic }) =>
    percentField(present.strategicWithSponsorOnCadence, strategic.accounts)
  ),
  /** DESIGN.md "plan coverage": strategic accounts with an Active plan / strategic accounts. */
  Plan_Coverage__c: today((present, { strategic }) =>
    percentField(present.strategicWithActivePlan, strategic.accounts)
  )
};

const METRIC_FIELDS = Object.keys(PROGRAM_METRICS) as ProgramMetricField[];

/** One Program_Metric__c row (DESIGN.md "Program"). */
export function programMetricRow(figures: ProgramFigures): ProgramMetricRow {
  const { period } = figures;
  const row: Record<string, unknown> = {
    Period_Key__c: period.label,
    Period__c: period.label,
    As_Of__c: period.asOf,
    Is_Current__c: period.isCurrent
  };
  for (const field of METRIC_FIELDS) row[field] = PROGRAM_METRICS[field](figures);
  return row as unknown as ProgramMetricRow;
}
