// The data model as DESIGN.md's table and the lead's contracts (notes/contracts.md) state it,
// written once here: the metadata is checked against this, never against itself.
//
// One string per field:
//   Text(40) | LongTextArea | Date | DateTime | Checkbox | Currency(18,2) | Percent(18,2) | Number(5,1)
//   Lookup(User) | MasterDetail(Account)
//   Picklist: A* | B | C        (* marks the default value; API names in order)
//   Formula Number: <formula> | Formula Text: <formula>
// followed by flags: `required`, `extid` (external id), `unique`, `= <default>`.
// Where DESIGN.md leaves a type open, the choice made for the LWCs is stated (e.g. Governance
// cadence is free text because the plan form edits it as text).

const money = 'Currency(18,2)';
const percent = 'Percent(18,2)';
const rating = 'Number(1,0)';

export const EXPECTED_MODEL: Record<string, Record<string, string>> = {
  Account: { Strategic_Account__c: 'Checkbox = false' },
  Account_Plan__c: {
    Account__c: 'MasterDetail(Account)',
    Status__c: 'Picklist: Draft* | Active | Archived',
    Start_Date__c: 'Date',
    End_Date__c: 'Date',
    Customer_Objectives__c: 'LongTextArea',
    Value_Proposition__c: 'LongTextArea',
    Strengths__c: 'LongTextArea',
    Weaknesses__c: 'LongTextArea',
    Opportunities__c: 'LongTextArea',
    Threats__c: 'LongTextArea',
    Revenue_Target__c: money,
    Governance_Cadence__c: 'Text(255)',
    Next_Review__c: 'Date',
    Influence_Rating__c: rating,
    Co_Innovation_Rating__c: rating,
    Collaboration_Rating__c: rating,
    Risk_Rating__c: rating
  },
  Plan_Objective__c: {
    Account_Plan__c: 'MasterDetail(Account_Plan__c)',
    Category__c: 'Picklist: Growth | Relationship | Co-innovation | Customer experience | Risk',
    Measure__c: 'Text(255)',
    Target_Value__c: 'Number(18,2)',
    Current_Value__c: 'Number(18,2)',
    Due_Date__c: 'Date',
    Status__c: 'Picklist: Not started* | On track | At risk | Off track | Achieved',
    Owner_User__c: 'Lookup(User)'
  },
  Joint_Initiative__c: {
    Account_Plan__c: 'MasterDetail(Account_Plan__c)',
    Status__c: 'Picklist: Proposed* | Active | Completed | Cancelled',
    Start_Date__c: 'Date',
    Target_Date__c: 'Date',
    Customer_Sponsor__c: 'Lookup(Contact)',
    Internal_Owner__c: 'Lookup(User)',
    Customer_Value_Target__c: money,
    Customer_Value_Realized__c: money,
    Supplier_Value_Target__c: money,
    Supplier_Value_Realized__c: money,
    Success_Measure__c: 'Text(255)',
    Opportunity__c: 'Lookup(Opportunity)'
  },
  Stakeholder__c: {
    Account__c: 'MasterDetail(Account)',
    Contact__c: 'Lookup(Contact) required',
    Unique_Key__c: 'Text(40) extid unique',
    Buying_Role__c:
      'Picklist: Economic Buyer | Decision Maker | Technical Evaluator | Influencer | Champion | Coach | Gatekeeper | Blocker | End User',
    Influence__c: 'Picklist: High | Medium | Low',
    Attitude__c: 'Picklist: Advocate | Supporter | Neutral | Skeptic | Detractor | Unknown*',
    Relationship_Strength__c: 'Picklist: Strong | Medium | Weak | None',
    Relationship_Owner__c: 'Lookup(User)',
    Last_Interaction__c: 'Date',
    Notes__c: 'LongTextArea',
    // Derived: written by the sync service from the Contact (DESIGN.md "Stakeholder change alerts").
    Change_Alert__c: 'Picklist: Left account | Title changed | Email bounced',
    Change_Detected__c: 'Date',
    Previous_Title__c: 'Text(128)'
  },
  Stakeholder_Link__c: {
    Account__c: 'MasterDetail(Account)',
    From__c: 'Lookup(Stakeholder__c)',
    To__c: 'Lookup(Stakeholder__c)',
    Type__c: 'Picklist: Influences | Allied with | In conflict with | Dotted line to'
  },
  Executive_Sponsor__c: {
    Account__c: 'MasterDetail(Account)',
    Sponsor__c: 'Lookup(User) required',
    Customer_Counterpart__c: 'Lookup(Contact)',
    Role__c: 'Picklist: Executive Sponsor | Co-Sponsor | Functional Sponsor',
    Active__c: 'Checkbox = true',
    Start_Date__c: 'Date',
    Cadence_Days__c: 'Number(4,0) = 90',
    Last_Engagement__c: 'Date',
    Next_Engagement__c: 'Date',
    Commitments__c: 'LongTextArea',
    Engagements_90D__c: 'Number(4,0)',
    Days_Since_Engagement__c: 'Formula Number: TODAY() - Last_Engagement__c',
    Engagement_Status__c:
      'Formula Text: IF(ISBLANK(Last_Engagement__c), "No engagement", IF(TODAY() - Last_Engagement__c > Cadence_Days__c, "Overdue", "On cadence"))'
  },
  Account_Metric__c: {
    Account__c: 'MasterDetail(Account)',
    Snapshot_Key__c: 'Text(40) extid unique',
    Period__c: 'Text(12)',
    As_Of__c: 'Date',
    Is_Current__c: 'Checkbox = false',
    Revenue_Quarter__c: money,
    Revenue_TTM__c: money,
    Revenue_Prior_TTM__c: money,
    Revenue_Growth_YoY__c: percent,
    Revenue_CAGR_3Y__c: percent,
    Open_Pipeline_12M__c: money,
    Weighted_Pipeline_12M__c: money,
    Pipeline_Coverage__c: 'Number(16,2)',
    Win_Rate__c: percent,
    Avg_Deal_Size__c: money,
    Avg_Sales_Cycle_Days__c: 'Number(8,1)',
    Revenue_Share__c: percent,
    Customer_Value__c: money,
    Supplier_Value__c: money,
    Mutual_Value_Balance__c: 'Number(5,1)',
    Strategic_Score__c: 'Number(5,1)',
    Score_Criteria__c: 'LongTextArea',
    Opportunity_Count__c: 'Number(9,0)',
    Scope__c: 'Picklist: Account* | Hierarchy',
    Plan_Health__c: 'Number(5,1)',
    Health_Plan__c: 'Number(5,1)',
    Health_Relationships__c: 'Number(5,1)',
    Health_Sponsorship__c: 'Number(5,1)',
    Health_Execution__c: 'Number(5,1)',
    Health_Checks__c: 'LongTextArea',
    Computed_At__c: 'DateTime'
  },
  Program_Metric__c: {
    Period_Key__c: 'Text(12) extid unique',
    Period__c: 'Text(12)',
    As_Of__c: 'Date',
    Is_Current__c: 'Checkbox = false',
    Strategic_Accounts__c: 'Number(9,0)',
    Strategic_Revenue_TTM__c: money,
    Other_Revenue_TTM__c: money,
    Strategic_Growth_YoY__c: percent,
    Other_Growth_YoY__c: percent,
    Strategic_Revenue_Share__c: percent,
    Sponsor_Coverage__c: percent,
    Plan_Coverage__c: percent,
    Computed_At__c: 'DateTime'
  },
  Sync_Request__c: {
    Account__c: 'Lookup(Account) required',
    Status__c: 'Picklist: Pending* | Processing | Done | Failed',
    Message__c: 'Text(255)'
  },
  Whitespace_Cell__c: {
    Account__c: 'MasterDetail(Account)',
    Cell_Key__c: 'Text(255) extid unique',
    Segment_Account__c: 'Lookup(Account)',
    Product_Family__c: 'Text(255)',
    Won_TTM__c: money,
    Open_Pipeline_12M__c: money,
    Last_Won__c: 'Date',
    Status__c: 'Picklist: Won | Open | Lost | Whitespace',
    Computed_At__c: 'DateTime'
  },
  Plan_Health_Weight__mdt: {
    Component__c: 'Picklist: Plan | Relationships | Sponsorship | Execution',
    Weight__c: 'Number(5,2) required'
  },
  Strategic_Score_Weight__mdt: {
    Criterion__c: 'Picklist: Revenue_Concentration | Lifetime_Value | Influence | Co_Innovation | Collaboration | Risk',
    Weight__c: 'Number(5,2) required'
  }
};

/** The default Strategic_Score_Weight__mdt records: DeveloperName = criterion → weight. */
export const EXPECTED_WEIGHTS: Record<string, number> = {
  Revenue_Concentration: 25,
  Lifetime_Value: 20,
  Influence: 15,
  Co_Innovation: 15,
  Collaboration: 15,
  Risk: 10
};

/** The default Plan_Health_Weight__mdt records: DeveloperName = component → weight. */
export const EXPECTED_HEALTH_WEIGHTS: Record<string, number> = {
  Plan: 30,
  Relationships: 30,
  Sponsorship: 20,
  Execution: 20
};

/** The objects whose every field is a metric written by the sync service (help text required). */
export const METRIC_OBJECTS = ['Account_Metric__c', 'Program_Metric__c', 'Whitespace_Cell__c'];

export interface FieldExpectation {
  type: string;
  /** Length for Text, target object for relationships. */
  length?: number;
  precision?: number;
  scale?: number;
  referenceTo?: string;
  picklist?: { values: string[]; defaultValue: string | null };
  formula?: string;
  required: boolean;
  externalId: boolean;
  unique: boolean;
  defaultValue: string | null;
}

/** Parses one entry of EXPECTED_MODEL; throws on a malformed entry so the table cannot rot silently. */
export function parseExpectation(spec: string): FieldExpectation {
  const base = { required: false, externalId: false, unique: false, defaultValue: null };
  const formula = /^Formula (Number|Text): (.+)$/.exec(spec);
  if (formula) return { ...base, type: formula[1] ?? '', formula: formula[2] ?? '' };
  const picklist = /^Picklist: (.+?)((?: required)?)$/.exec(spec);
  if (picklist) {
    const entries = (picklist[1] ?? '').split(' | ');
    const values = entries.map((v) => v.replace(/\*$/, ''));
    const defaultEntry = entries.find((v) => v.endsWith('*'));
    return {
      ...base,
      type: 'Picklist',
      picklist: { values, defaultValue: defaultEntry ? defaultEntry.slice(0, -1) : null },
      required: Boolean(picklist[2])
    };
  }
  const match = /^(\w+)(?:\(([\w,]+)\))?((?: (?:required|extid|unique))*)(?: = (.+))?$/.exec(spec);
  if (!match) throw new Error(`EXPECTED_MODEL: cannot read "${spec}"`);
  const [, type = '', args, flags = '', defaultValue] = match;
  const expectation: FieldExpectation = {
    ...base,
    type,
    required: flags.includes('required'),
    externalId: flags.includes('extid'),
    unique: flags.includes('unique'),
    defaultValue: defaultValue ?? null
  };
  if (type === 'Lookup' || type === 'MasterDetail') expectation.referenceTo = args;
  else if (type === 'Text') expectation.length = Number(args);
  else if (args) {
    const [precision, scale] = args.split(',').map(Number);
    expectation.precision = precision;
    expectation.scale = scale;
  }
  return expectation;
}
