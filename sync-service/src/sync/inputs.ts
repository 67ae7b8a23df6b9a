// What the sync reads from Salesforce (explicit field lists) and how a record becomes a metrics
// engine input. Records come from REST (typed JSON, nested relationships) or Bulk 2.0 (CSV strings,
// dotted column names); both map to the same input.
import type {
  AccountInput,
  ActivityInput,
  CurrencyRates,
  InitiativeInput,
  OpportunityInput,
  OrgSettings,
  PlanInput,
  SponsorshipInput,
  WeightInput
} from '../metrics';
import type { LineItemInput } from '../metrics/whitespace';
import type { HealthInitiativeInput, HealthObjectiveInput, HealthPlanInput, HealthStakeholderInput, HealthWeight } from '../metrics/planHealth';
import { selectFrom, toId18 } from '../salesforce/soql';
import type { SfRecord } from '../salesforce/client';

/** The per-record inputs the sync keeps a mirror of (all but opportunities and their line items are small). */
export type InputKind = 'opportunity' | 'account' | 'plan' | 'initiative' | 'sponsor' | 'event' | 'task' | 'objective' | 'stakeholder' | 'contact' | 'lineItem';

/** Kinds read together in one composite call of their own, with the plan-health weights (engagement and plan health). */
export const ACTIVITY_KINDS = ['event', 'task', 'objective', 'stakeholder'] as const;

export interface InputSource {
  kind: InputKind;
  object: string;
  fields: string[];
  /** Field holding the account id, for single-account reads. */
  accountField: string;
  /** A condition every read of the kind carries (contacts: only those behind stakeholders). */
  scope?: string;
}

/** The SOQL of a read of `source`: its scope and `where` (a single condition, no OR), both when both are given. */
export function sourceQuery(source: InputSource, extraFields: readonly string[] = [], where?: string): string {
  const conditions = [source.scope, where].filter((c): c is string => Boolean(c));
  return selectFrom(source.object, [...source.fields, ...extraFields], conditions.length > 0 ? conditions.join(' AND ') : undefined);
}

export function opportunityFields(multiCurrency: boolean): string[] {
  return ['Id', 'AccountId', 'Amount', 'CloseDate', 'CreatedDate', 'IsWon', 'IsClosed', 'Probability', ...(multiCurrency ? ['CurrencyIsoCode'] : []), 'SystemModstamp'];
}

export function inputSources(multiCurrency: boolean): Record<InputKind, InputSource> {
  const currency = multiCurrency ? ['CurrencyIsoCode'] : [];
  return {
    opportunity: { kind: 'opportunity', object: 'Opportunity', fields: opportunityFields(multiCurrency), accountField: 'AccountId' },
    account: { kind: 'account', object: 'Account', fields: ['Id', 'Strategic_Account__c', 'ParentId', 'SystemModstamp'], accountField: 'Id' },
    plan: {
      kind: 'plan',
      object: 'Account_Plan__c',
      fields: [
        'Id', 'Account__c', 'Status__c', 'Start_Date__c', 'Revenue_Target__c', 'Influence_Rating__c', 'Co_Innovation_Rating__c', 'Collaboration_Rating__c', 'Risk_Rating__c',
        // Plan health reads whether these are filled (the mirror keeps only that).
        'Next_Review__c', 'Strengths__c', 'Weaknesses__c', 'Opportunities__c', 'Threats__c', 'Customer_Objectives__c', 'Value_Proposition__c',
        ...currency, 'SystemModstamp'
      ],
      accountField: 'Account__c'
    },
    initiative: {
      kind: 'initiative',
      object: 'Joint_Initiative__c',
      fields: ['Id', 'Account_Plan__c', 'Account_Plan__r.Account__c', 'Status__c', 'Customer_Value_Realized__c', 'Supplier_Value_Realized__c', 'Customer_Value_Target__c', 'Supplier_Value_Target__c', 'Target_Date__c', ...currency, 'SystemModstamp'],
      accountField: 'Account_Plan__r.Account__c'
    },
    sponsor: {
      kind: 'sponsor',
      object: 'Executive_Sponsor__c',
      fields: ['Id', 'Account__c', 'Active__c', 'Engagement_Status__c', 'Sponsor__c', 'Customer_Counterpart__c', 'Cadence_Days__c', 'Last_Engagement__c', 'Engagements_90D__c', 'SystemModstamp'],
      accountField: 'Account__c'
    },
    // Activities on an account carry its id in WhatId (single-account reads take those).
    event: { kind: 'event', object: 'Event', fields: ['Id', 'OwnerId', 'WhoId', 'WhatId', 'ActivityDate', 'SystemModstamp'], accountField: 'WhatId' },
    task: { kind: 'task', object: 'Task', fields: ['Id', 'OwnerId', 'WhoId', 'WhatId', 'ActivityDate', 'Status', 'SystemModstamp'], accountField: 'WhatId' },
    objective: {
      kind: 'objective',
      object: 'Plan_Objective__c',
      fields: ['Id', 'Account_Plan__c', 'Account_Plan__r.Account__c', 'Owner_User__c', 'Due_Date__c', 'Target_Value__c', 'Current_Value__c', 'Status__c', 'SystemModstamp'],
      accountField: 'Account_Plan__r.Account__c'
    },
    stakeholder: {
      kind: 'stakeholder',
      object: 'Stakeholder__c',
      fields: ['Id', 'Account__c', 'Contact__c', 'Buying_Role__c', 'Influence__c', 'Relationship_Strength__c', 'Relationship_Owner__c', 'Last_Interaction__c', 'Change_Alert__c', 'Change_Detected__c', 'Previous_Title__c', 'SystemModstamp'],
      accountField: 'Account__c'
    },
    // What change alerts compare (DESIGN.md "Stakeholder change alerts"), for the people mapped only.
    contact: {
      kind: 'contact',
      object: 'Contact',
      fields: ['Id', 'AccountId', 'Title', 'EmailBouncedDate', 'SystemModstamp'],
      accountField: 'AccountId',
      scope: 'Id IN (SELECT Contact__c FROM Stakeholder__c)'
    },
    // Whitespace (DESIGN.md): a line item's account, dates and currency are its opportunity's, joined
    // from the opportunity mirror (editing an opportunity does not stamp its line items).
    lineItem: { kind: 'lineItem', object: 'OpportunityLineItem', fields: ['Id', 'OpportunityId', 'Opportunity.AccountId', 'TotalPrice', 'Product2.Family', 'SystemModstamp'], accountField: 'Opportunity.AccountId' }
  };
}

export const CONTEXT_QUERIES = {
  organization: 'SELECT FiscalYearStartMonth, UsesStartDateAsFiscalYearName, DefaultCurrencyIsoCode, TimeZoneSidKey FROM Organization',
  currencies: 'SELECT IsoCode, ConversionRate, IsCorporate, IsActive FROM CurrencyType',
  datedRates: 'SELECT IsoCode, ConversionRate, StartDate, NextStartDate FROM DatedConversionRate ORDER BY IsoCode, StartDate',
  weights: 'SELECT DeveloperName, Criterion__c, Weight__c FROM Strategic_Score_Weight__mdt ORDER BY DeveloperName',
  healthWeights: 'SELECT DeveloperName, Component__c, Weight__c FROM Plan_Health_Weight__mdt ORDER BY DeveloperName'
} as const;

export function toHealthWeights(records: SfRecord[]): HealthWeight[] {
  return records.map((w) => ({ component: String(w.Component__c ?? w.DeveloperName), weight: Number(w.Weight__c) }));
}

/** A value by field path: `A__r.B__c` is nested in REST answers and a dotted column in Bulk CSV. */
export function valueAt(record: SfRecord, path: string): unknown {
  if (path in record) return record[path];
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (value === null || value === undefined || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}

function number(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

function bool(value: unknown): boolean {
  return value === true || value === 'true';
}

function id18(value: unknown): string | null {
  const t = text(value);
  return t === null ? null : toId18(t);
}

function requiredId(record: SfRecord, path: string): string {
  const id = id18(valueAt(record, path));
  if (!id) throw new Error(`record ${String(record.Id)} has no ${path}`);
  return id;
}

/** REST answers `…+0000`, Bulk 2.0 `…Z`: one form, so mirrored inputs compare equal. */
function isoDateTime(value: unknown): string {
  const t = text(value);
  const date = t === null ? null : new Date(t);
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : (t ?? '');
}

/** Date part of a Salesforce date or datetime answer. */
function dateOnly(value: unknown): string | null {
  const t = text(value);
  return t === null ? null : t.slice(0, 10);
}

export function toOpportunity(record: SfRecord): OpportunityInput {
  const opportunity: OpportunityInput = {
    id: requiredId(record, 'Id'),
    accountId: id18(record.AccountId),
    amount: number(record.Amount),
    closeDate: dateOnly(record.CloseDate),
    createdDate: isoDateTime(record.CreatedDate),
    isWon: bool(record.IsWon),
    isClosed: bool(record.IsClosed),
    probability: number(record.Probability)
  };
  if ('CurrencyIsoCode' in record) opportunity.currencyIsoCode = text(record.CurrencyIsoCode);
  return opportunity;
}

export function toAccount(record: SfRecord): AccountInput {
  return { id: requiredId(record, 'Id'), isStrategic: bool(record.Strategic_Account__c), parentId: id18(record.ParentId) };
}

/** A plan as read: its target in the plan's own currency (see `toCorporate`); what plan health reads of it. */
export type PlanRecord = PlanInput & { currencyIsoCode?: string | null; health: HealthPlanInput };
/** An initiative as read: its values in its own currency (see `toCorporate`); what plan health reads of it. */
export type InitiativeRecord = InitiativeInput & { currencyIsoCode?: string | null; planId: string | null; health: HealthInitiativeInput };
export type ObjectiveRecord = HealthObjectiveInput & { id: string; planId: string; accountId: string };
export type StakeholderRecord = HealthStakeholderInput & { id: string; accountId: string; contactId: string | null; changeDetected: string | null; previousTitle: string | null };
/** A contact behind a stakeholder, as change alerts compare it. */
export interface ContactRecord {
  id: string;
  accountId: string | null;
  title: string | null;
  /** When an email to the contact last bounced (Salesforce clears it when the address changes). */
  emailBouncedDate: string | null;
}

function withCurrency<T extends object>(input: T, record: SfRecord): T & { currencyIsoCode?: string | null } {
  return 'CurrencyIsoCode' in record ? { ...input, currencyIsoCode: text(record.CurrencyIsoCode) } : input;
}

export function toPlan(record: SfRecord): PlanRecord {
  return withCurrency({
    id: requiredId(record, 'Id'),
    accountId: requiredId(record, 'Account__c'),
    status: text(record.Status__c),
    startDate: dateOnly(record.Start_Date__c),
    revenueTarget: number(record.Revenue_Target__c),
    influenceRating: number(record.Influence_Rating__c),
    coInnovationRating: number(record.Co_Innovation_Rating__c),
    collaborationRating: number(record.Collaboration_Rating__c),
    riskRating: number(record.Risk_Rating__c),
    health: {
      strengthsFilled: text(record.Strengths__c) !== null,
      weaknessesFilled: text(record.Weaknesses__c) !== null,
      opportunitiesFilled: text(record.Opportunities__c) !== null,
      threatsFilled: text(record.Threats__c) !== null,
      customerObjectivesFilled: text(record.Customer_Objectives__c) !== null,
      valuePropositionFilled: text(record.Value_Proposition__c) !== null,
      revenueTarget: number(record.Revenue_Target__c),
      nextReview: dateOnly(record.Next_Review__c)
    }
  }, record);
}

export function toInitiative(record: SfRecord): InitiativeRecord {
  return withCurrency({
    id: requiredId(record, 'Id'),
    accountId: requiredId(record, 'Account_Plan__r.Account__c'),
    status: text(record.Status__c),
    customerValueRealized: number(record.Customer_Value_Realized__c),
    supplierValueRealized: number(record.Supplier_Value_Realized__c),
    planId: id18(record.Account_Plan__c),
    health: {
      status: text(record.Status__c),
      customerValueTarget: number(record.Customer_Value_Target__c),
      supplierValueTarget: number(record.Supplier_Value_Target__c),
      targetDate: dateOnly(record.Target_Date__c)
    }
  }, record);
}

export function toObjective(record: SfRecord): ObjectiveRecord {
  return {
    id: requiredId(record, 'Id'),
    planId: requiredId(record, 'Account_Plan__c'),
    accountId: requiredId(record, 'Account_Plan__r.Account__c'),
    ownerId: id18(record.Owner_User__c),
    dueDate: dateOnly(record.Due_Date__c),
    targetValue: number(record.Target_Value__c),
    currentValue: number(record.Current_Value__c),
    status: text(record.Status__c)
  };
}

export function toStakeholder(record: SfRecord): StakeholderRecord {
  return {
    id: requiredId(record, 'Id'),
    accountId: requiredId(record, 'Account__c'),
    buyingRole: text(record.Buying_Role__c),
    influence: text(record.Influence__c),
    relationshipStrength: text(record.Relationship_Strength__c),
    relationshipOwnerId: id18(record.Relationship_Owner__c),
    lastInteraction: dateOnly(record.Last_Interaction__c),
    changeAlert: text(record.Change_Alert__c),
    contactId: id18(record.Contact__c),
    changeDetected: dateOnly(record.Change_Detected__c),
    previousTitle: text(record.Previous_Title__c)
  };
}

export function toContact(record: SfRecord): ContactRecord {
  const bounced = text(record.EmailBouncedDate);
  return { id: requiredId(record, 'Id'), accountId: id18(record.AccountId), title: text(record.Title), emailBouncedDate: bounced === null ? null : isoDateTime(bounced) };
}

/**
 * A line item as the mirror keeps it: with its opportunity's account when read, the per-account
 * mirror hash it is kept in (a run that sees the opportunity move moves its line items too).
 */
export type MirroredLineItem = LineItemInput & { accountId: string | null };

export function toLineItem(record: SfRecord): MirroredLineItem {
  return {
    id: requiredId(record, 'Id'),
    opportunityId: requiredId(record, 'OpportunityId'),
    accountId: id18(valueAt(record, 'Opportunity.AccountId')),
    family: text(valueAt(record, 'Product2.Family')),
    totalPrice: number(record.TotalPrice)
  };
}

export function toSponsor(record: SfRecord): SponsorshipInput {
  return {
    id: requiredId(record, 'Id'),
    accountId: requiredId(record, 'Account__c'),
    active: bool(record.Active__c),
    engagementStatus: text(record.Engagement_Status__c),
    sponsorUserId: id18(record.Sponsor__c),
    counterpartId: id18(record.Customer_Counterpart__c),
    cadenceDays: number(record.Cadence_Days__c),
    lastEngagement: dateOnly(record.Last_Engagement__c),
    engagements90d: number(record.Engagements_90D__c)
  };
}

/** An Event (always an engagement when it matches) or a Task (once Completed). */
function toActivity(record: SfRecord, completed: boolean): ActivityInput {
  return {
    id: requiredId(record, 'Id'),
    ownerId: id18(record.OwnerId),
    whoId: id18(record.WhoId),
    whatId: id18(record.WhatId),
    activityDate: dateOnly(record.ActivityDate),
    completed
  };
}

export const toEvent = (record: SfRecord): ActivityInput => toActivity(record, true);
export const toTask = (record: SfRecord): ActivityInput => toActivity(record, text(record.Status) === 'Completed');

export type InputOf<K extends InputKind> = K extends 'opportunity'
  ? OpportunityInput
  : K extends 'account'
    ? AccountInput
    : K extends 'plan'
      ? PlanRecord
      : K extends 'initiative'
        ? InitiativeRecord
        : K extends 'sponsor'
          ? SponsorshipInput
          : K extends 'objective'
            ? ObjectiveRecord
            : K extends 'stakeholder'
              ? StakeholderRecord
              : K extends 'contact'
                ? ContactRecord
                : K extends 'lineItem'
                  ? MirroredLineItem
                  : ActivityInput;

export const TO_INPUT: { [K in InputKind]: (record: SfRecord) => InputOf<K> } = {
  opportunity: toOpportunity,
  account: toAccount,
  plan: toPlan,
  initiative: toInitiative,
  sponsor: toSponsor,
  event: toEvent,
  task: toTask,
  objective: toObjective,
  stakeholder: toStakeholder,
  contact: toContact,
  lineItem: toLineItem
};

/** Every input of a run, by kind and record id. */
export type Inputs = { [K in InputKind]: Map<string, InputOf<K>> };

export function emptyInputs(): Inputs {
  return { opportunity: new Map(), account: new Map(), plan: new Map(), initiative: new Map(), sponsor: new Map(), event: new Map(), task: new Map(), objective: new Map(), stakeholder: new Map(), contact: new Map(), lineItem: new Map() };
}

/**
 * The account an input belongs to (an opportunity may have none; an activity's is its WhatId, which
 * may be another record). A contact belongs to none: its account is what change alerts watch, and
 * only incremental and full runs compare it.
 */
export function accountOf(kind: InputKind, input: InputOf<InputKind>): string | null {
  if (kind === 'account') return input.id;
  if (kind === 'contact') return null;
  if (kind === 'event' || kind === 'task') return (input as ActivityInput).whatId;
  return (input as { accountId: string | null }).accountId;
}

/** The bucket of a per-account mirror holding records of no account (sync/state.ts). */
export const NO_ACCOUNT = '-';

/** The per-account mirror hash a record is kept in: its account's, or NO_ACCOUNT's. */
export function bucketOf(kind: InputKind, input: InputOf<InputKind>): string {
  return accountOf(kind, input) ?? NO_ACCOUNT;
}

export interface OrgContext {
  org: OrgSettings;
  rates: CurrencyRates;
  weights: WeightInput[];
  multiCurrency: boolean;
  /** Organization.TimeZoneSidKey: "today" (the default as-of date) is the day on this wall clock. */
  timeZone: string;
}

/**
 * The org-wide inputs from the four context queries. `currencies` is null when CurrencyType is not
 * queryable (an org without multi-currency): no conversion and no CurrencyIsoCode field.
 */
export function toOrgContext(
  organization: SfRecord[],
  currencies: SfRecord[] | null,
  datedRates: SfRecord[] | null,
  weights: SfRecord[]
): OrgContext {
  const row = organization[0];
  if (!row) throw new Error('Organization query returned no row');
  const multiCurrency = currencies !== null;
  const corporate = currencies?.find((c) => bool(c.IsCorporate));
  const org: OrgSettings = {
    fiscalYearStartMonth: number(row.FiscalYearStartMonth) ?? 1,
    usesStartDateAsFiscalYearName: bool(row.UsesStartDateAsFiscalYearName),
    corporateCurrency: text(corporate?.IsoCode) ?? text(row.DefaultCurrencyIsoCode) ?? 'USD'
  };
  const rates: CurrencyRates = {
    static: (currencies ?? []).map((c) => ({ isoCode: String(c.IsoCode), conversionRate: Number(c.ConversionRate) })),
    dated: (datedRates ?? []).map((d) => ({
      isoCode: String(d.IsoCode),
      conversionRate: Number(d.ConversionRate),
      startDate: String(d.StartDate),
      nextStartDate: text(d.NextStartDate)
    }))
  };
  return {
    org,
    rates,
    weights: weights.map((w) => ({ criterion: String(w.Criterion__c ?? w.DeveloperName), weight: Number(w.Weight__c) })),
    multiCurrency,
    timeZone: text(row.TimeZoneSidKey) ?? 'GMT'
  };
}
