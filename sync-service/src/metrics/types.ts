// Inputs and outputs of the metrics engine (the shared contract in notes/contracts.md).
// Plain data only: the engine knows nothing of jsforce, Redis or the clock.

/** Organization settings that shape periods and money. */
export interface OrgSettings {
  /** 1–12, Organization.FiscalYearStartMonth. */
  fiscalYearStartMonth: number;
  /** Organization.UsesStartDateAsFiscalYearName: name the fiscal year by the calendar year it starts in. */
  usesStartDateAsFiscalYearName: boolean;
  /** ISO code of the corporate currency; every money output is in it. */
  corporateCurrency: string;
}

/** CurrencyType and DatedConversionRate rows; both empty in a single-currency org. Rates are stated against the corporate currency (corporate = amount / rate). */
export interface CurrencyRates {
  static: Array<{ isoCode: string; conversionRate: number }>;
  dated: Array<{
    isoCode: string;
    conversionRate: number;
    startDate: string;
    nextStartDate: string | null;
  }>;
}

export interface AccountInput {
  id: string;
  isStrategic: boolean;
  /** Account.ParentId (customer groups, see accountTree.ts); absent or null without a parent. */
  parentId?: string | null;
}

export interface PlanInput {
  id: string;
  accountId: string;
  status: string | null;
  startDate: string | null;
  revenueTarget: number | null;
  influenceRating: number | null;
  coInnovationRating: number | null;
  collaborationRating: number | null;
  riskRating: number | null;
}

/** A joint initiative, already resolved to its plan's account. Realized values are in the corporate currency. */
export interface InitiativeInput {
  id: string;
  accountId: string;
  status: string | null;
  customerValueRealized: number | null;
  supplierValueRealized: number | null;
}

export interface SponsorInput {
  id: string;
  accountId: string;
  active: boolean;
  /** Executive_Sponsor__c.Engagement_Status__c: 'No engagement' | 'On cadence' | 'Overdue'. */
  engagementStatus: string | null;
}

/** A Strategic_Score_Weight__mdt record. */
export interface WeightInput {
  criterion: string;
  weight: number;
}

export interface OpportunityInput {
  id: string;
  accountId: string | null;
  amount: number | null;
  /** YYYY-MM-DD */
  closeDate: string | null;
  /** ISO datetime; its date part (UTC) is the created date. */
  createdDate: string;
  isWon: boolean;
  isClosed: boolean;
  /** 0–100 */
  probability: number | null;
  /** Absent or null in a single-currency org: the corporate currency. */
  currencyIsoCode?: string | null;
}

export interface MetricsContext {
  /** YYYY-MM-DD: the day the metrics describe (the engine has no clock). */
  asOf: string;
  org: OrgSettings;
  rates: CurrencyRates;
  accounts: AccountInput[];
  plans: PlanInput[];
  initiatives: InitiativeInput[];
  sponsors: SponsorInput[];
  weights: WeightInput[];
}

/** Account_Metric__c.Scope__c: the account alone, or the account with its descendants (a customer group). */
export type MetricScope = 'Account' | 'Hierarchy';

/** One Account_Metric__c row, keyed by field API name; numbers rounded to the field's scale, null where undefined. */
export interface AccountMetricRow {
  Account__c: string;
  Snapshot_Key__c: string;
  Scope__c: MetricScope;
  Period__c: string;
  As_Of__c: string;
  Is_Current__c: boolean;
  Revenue_Quarter__c: number;
  Revenue_TTM__c: number;
  Revenue_Prior_TTM__c: number;
  Revenue_Growth_YoY__c: number | null;
  Revenue_CAGR_3Y__c: number | null;
  Open_Pipeline_12M__c: number | null;
  Weighted_Pipeline_12M__c: number | null;
  Pipeline_Coverage__c: number | null;
  Win_Rate__c: number | null;
  Avg_Deal_Size__c: number | null;
  Avg_Sales_Cycle_Days__c: number | null;
  Revenue_Share__c: number | null;
  Customer_Value__c: number | null;
  Supplier_Value__c: number | null;
  Mutual_Value_Balance__c: number | null;
  Strategic_Score__c: number | null;
  /** JSON [{ criterion, weight, value }]: the six criteria behind the score (strategicScore.ts). */
  Score_Criteria__c: string | null;
  Opportunity_Count__c: number;
}

/** One Program_Metric__c row (the SAM program as a whole for one period). */
export interface ProgramMetricRow {
  Period_Key__c: string;
  Period__c: string;
  As_Of__c: string;
  Is_Current__c: boolean;
  Strategic_Accounts__c: number;
  Strategic_Revenue_TTM__c: number;
  Other_Revenue_TTM__c: number;
  Strategic_Growth_YoY__c: number | null;
  Other_Growth_YoY__c: number | null;
  Strategic_Revenue_Share__c: number | null;
  Sponsor_Coverage__c: number | null;
  Plan_Coverage__c: number | null;
}

/**
 * Kinds of bad data the engine survives. Opportunity kinds sample opportunity ids; the
 * score-weight kinds sample criterion names. An excluded opportunity is reported under the
 * first exclusion reason found (account, close date, currency, amount, created date).
 */
export const DATA_QUALITY_KINDS = [
  /** AccountId is null: excluded. */
  'missingAccount',
  /** AccountId is not among the accounts given: excluded. */
  'unknownAccount',
  /** CloseDate is null: excluded. */
  'nullCloseDate',
  /** CloseDate or CreatedDate is not a valid date: excluded. */
  'invalidDate',
  /** CloseDate more than 10 years before or after the as-of date: excluded. */
  'closeDateOutOfRange',
  /** No conversion rate for the currency (at the close date): excluded. */
  'unknownCurrency',
  /** Amount is not finite or beyond ±351,843,720,888.32: excluded. */
  'invalidAmount',
  /** Amount is null: counted as 0. */
  'nullAmount',
  /** Amount below 0 (credit note): counted as negative revenue. */
  'negativeAmount',
  /** A won opportunity closed before it was created: its sales cycle counts as 0 days. */
  'closeBeforeCreated',
  /** An open opportunity in the 12-month pipeline has no probability: weighted as 0. */
  'nullProbability',
  /** Probability outside 0–100 or not whole: clamped to 0–100 and rounded. */
  'invalidProbability',
  /** A Strategic_Score_Weight__mdt criterion the engine does not know: ignored. */
  'unknownScoreCriterion',
  /** A score weight that is negative or not finite: ignored. */
  'invalidScoreWeight',
  /** Two weight records for one criterion: their weights add up. */
  'duplicateScoreCriterion'
] as const;

export type DataQualityKind = (typeof DATA_QUALITY_KINDS)[number];

/** Counts by kind (every kind present, 0 when clean) and up to 10 samples per kind (the smallest ids, so the report does not depend on input order). */
export interface DataQualityReport {
  counts: Record<DataQualityKind, number>;
  samples: Record<DataQualityKind, string[]>;
}

export interface MetricsResult {
  /**
   * Per account (in input order) its 12 periods, oldest first (Scope__c Account); then per account
   * with child accounts (by id, see accountTree.ts) its 12 Hierarchy rows, oldest first.
   */
  accountMetrics: AccountMetricRow[];
  /** The same 12 periods, oldest first. */
  programMetrics: ProgramMetricRow[];
  dataQuality: DataQualityReport;
}

export interface MetricsRun {
  /** Feed opportunities in any order and any chunking; each opportunity exactly once. */
  add(opportunities: Iterable<OpportunityInput>): void;
  /** Compute the rows; call once, after the last add. */
  finish(): MetricsResult;
}
