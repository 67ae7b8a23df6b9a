// Hand-worked customer-group example (DESIGN.md "Hierarchy rows", docs/metrics.md "Customer
// groups"): a 3-level group G ← S ← D and a lone account O. Every expected value is worked out in
// the comment above it.
import { buildAccountTree } from './accountTree';
import { programMembership } from './programMetrics';
import { createMetricsRun, type AccountMetricRow, type MetricsContext, type MetricsResult, type OpportunityInput } from './index';

// As of 15 Aug 2025, calendar fiscal year: current quarter FY2025-Q3 (1 Jul – 30 Sep 2025).
// TTM = (15 Aug 2024, 15 Aug 2025]; prior TTM = (15 Aug 2023, 15 Aug 2024]; pipeline 12M = (15 Aug 2025, 15 Aug 2026].
const CONTEXT: MetricsContext = {
  asOf: '2025-08-15',
  org: { fiscalYearStartMonth: 1, usesStartDateAsFiscalYearName: false, corporateCurrency: 'USD' },
  rates: { static: [], dated: [] },
  accounts: [
    { id: 'G', isStrategic: true, parentId: null },
    { id: 'S', isStrategic: false, parentId: 'G' },
    { id: 'D', isStrategic: false, parentId: 'S' },
    { id: 'O', isStrategic: false }
  ],
  plans: [
    { id: 'PG', accountId: 'G', status: 'Active', startDate: '2025-01-01', revenueTarget: 10_000, influenceRating: 5, coInnovationRating: 3, collaborationRating: 3, riskRating: 1 },
    { id: 'PS', accountId: 'S', status: 'Active', startDate: '2025-01-01', revenueTarget: 2_000, influenceRating: 1, coInnovationRating: 1, collaborationRating: 1, riskRating: 1 }
  ],
  initiatives: [
    { id: 'IG', accountId: 'G', status: 'Active', customerValueRealized: 100, supplierValueRealized: 300 },
    { id: 'ID', accountId: 'D', status: 'Completed', customerValueRealized: 200, supplierValueRealized: 0 },
    { id: 'IS', accountId: 'S', status: 'Cancelled', customerValueRealized: 999, supplierValueRealized: 999 }
  ],
  sponsors: [],
  weights: [
    { criterion: 'Revenue_Concentration', weight: 50 },
    { criterion: 'Lifetime_Value', weight: 0 },
    { criterion: 'Influence', weight: 50 },
    { criterion: 'Co_Innovation', weight: 0 },
    { criterion: 'Collaboration', weight: 0 },
    { criterion: 'Risk', weight: 0 }
  ]
};

let sequence = 0;
function opportunity(accountId: string, closeDate: string, amount: number, kind: 'won' | 'lost' | 'open', createdDate = closeDate, probability = 100): OpportunityInput {
  return {
    id: `006H${String(++sequence).padStart(4, '0')}`,
    accountId,
    amount,
    closeDate,
    createdDate: `${createdDate}T09:00:00.000Z`,
    isWon: kind === 'won',
    isClosed: kind !== 'open',
    probability: kind === 'open' ? probability : kind === 'won' ? 100 : 0
  };
}

const OPPORTUNITIES = [
  // G: won 10 Mar 2025 (60-day cycle: 9 Jan → 10 Mar = 22 + 28 + 10), open 10 Jan 2026 at 20 %.
  opportunity('G', '2025-03-10', 1_000, 'won', '2025-01-09'),
  opportunity('G', '2026-01-10', 1_000, 'open', '2026-01-01', 20),
  // S: won 1 Jul 2025 (30-day cycle), lost 1 May 2025.
  opportunity('S', '2025-07-01', 500, 'won', '2025-06-01'),
  opportunity('S', '2025-05-01', 10, 'lost'),
  // D: won 1 Jun 2024 (prior TTM; quarter FY2024-Q2), open 1 Dec 2025 at 50 %.
  opportunity('D', '2024-06-01', 300, 'won'),
  opportunity('D', '2025-12-01', 2_000, 'open', '2025-06-01', 50),
  // O, alone: won 1 Feb 2025.
  opportunity('O', '2025-02-01', 1_500, 'won')
];

function compute(): MetricsResult {
  const run = createMetricsRun(CONTEXT);
  run.add(OPPORTUNITIES);
  return run.finish();
}

function rowOf(result: MetricsResult, key: string): AccountMetricRow {
  const found = result.accountMetrics.find((r) => r.Snapshot_Key__c === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

describe('hierarchy rows', () => {
  const result = compute();

  it('writes Hierarchy rows for the accounts with children only, after the account rows', () => {
    // 4 accounts × 12 quarters, then G and S (the two with children) × 12.
    expect(result.accountMetrics).toHaveLength(4 * 12 + 2 * 12);
    expect(result.accountMetrics.slice(0, 48).every((r) => r.Scope__c === 'Account' && !r.Snapshot_Key__c.endsWith(':H'))).toBe(true);
    expect(new Set(result.accountMetrics.slice(48).map((r) => `${r.Account__c} ${r.Scope__c}`))).toEqual(new Set(['G Hierarchy', 'S Hierarchy']));
    expect(result.accountMetrics.some((r) => r.Snapshot_Key__c === 'D:FY2025-Q3:H')).toBe(false);
  });

  it('sums the whole group of the top account (G + S + D)', () => {
    expect(rowOf(result, 'G:FY2025-Q3:H')).toMatchObject({
      Account__c: 'G',
      Scope__c: 'Hierarchy',
      Period__c: 'FY2025-Q3',
      Is_Current__c: true,
      // Won 1 Jul – 15 Aug 2025: S 500.
      Revenue_Quarter__c: 500,
      // TTM: G 1,000 + S 500 = 1,500; prior TTM: D 300; growth 1,500 / 300 − 1 = 4 → 400 %.
      Revenue_TTM__c: 1_500,
      Revenue_Prior_TTM__c: 300,
      Revenue_Growth_YoY__c: 400,
      // Pipeline 12M: D 2,000 + G 1,000 = 3,000; weighted 2,000 × 0.5 + 1,000 × 0.2 = 1,200.
      Open_Pipeline_12M__c: 3_000,
      Weighted_Pipeline_12M__c: 1_200,
      // Target: the group's Active plans, 10,000 (G) + 2,000 (S) = 12,000; 3,000 / 12,000 = 0.25.
      Pipeline_Coverage__c: 0.25,
      // Closed in TTM: won G, won S, lost S → 2 / 3 = 66.67 %.
      Win_Rate__c: 66.67,
      // 1,500 / 2 won = 750; cycles (60 + 30) / 2 = 45 days.
      Avg_Deal_Size__c: 750,
      Avg_Sales_Cycle_Days__c: 45,
      // Initiatives not Cancelled: customer 100 (G) + 200 (D) = 300, supplier 300 + 0 = 300 → balanced.
      Customer_Value__c: 300,
      Supplier_Value__c: 300,
      Mutual_Value_Balance__c: 100,
      // Of all accounts' TTM (G 1,000 + S 500 + D 0 + O 1,500 = 3,000): 1,500 / 3,000.
      Revenue_Share__c: 50,
      // Opportunities closed in TTM: G won, S won, S lost.
      Opportunity_Count__c: 3,
      // Concentration: 1,500 ranked among the accounts' positive TTMs {500, 1,000, 1,500}: 2 below,
      // 1 equal → (2 + ½) / 3 = 5/6; influence from G's plan (5 − 1) / 4 = 1.
      // 100 × (50 × 5/6 + 50 × 1) / 100 = 91.67 → 91.7.
      Strategic_Score__c: 91.7
    });
    // Lifetime (won 36 months + pipeline): G 2,000, S 500, D 2,300, O 1,500; the group's 4,800
    // is above all four → rank 1.
    const criteria = JSON.parse(rowOf(result, 'G:FY2025-Q3:H').Score_Criteria__c!) as Array<{ criterion: string; value: number }>;
    expect(Object.fromEntries(criteria.map((c) => [c.criterion, c.value]))).toEqual({
      Revenue_Concentration: 0.8333,
      Lifetime_Value: 1,
      Influence: 1,
      Co_Innovation: 0.5,
      Collaboration: 0.5,
      Risk: 1
    });
  });

  it('sums a middle account with what is below it (S + D), with S’s own plan', () => {
    expect(rowOf(result, 'S:FY2025-Q3:H')).toMatchObject({
      // TTM S 500; prior D 300 → 500 / 300 − 1 = 66.67 %.
      Revenue_TTM__c: 500,
      Revenue_Growth_YoY__c: 66.67,
      // Pipeline D 2,000 over S's target 2,000 = 1.
      Open_Pipeline_12M__c: 2_000,
      Pipeline_Coverage__c: 1,
      // Customer 200 (D), supplier 0 (S's initiative is Cancelled) → one-sided.
      Mutual_Value_Balance__c: 0,
      // 500 / 3,000 = 16.67 %.
      Revenue_Share__c: 16.67,
      // Concentration: 500 among {500, 1,000, 1,500} → (0 + ½) / 3 = 1/6; influence (1 − 1) / 4 = 0.
      // 100 × (50 × 1/6 + 0) / 100 = 8.33 → 8.3.
      Strategic_Score__c: 8.3
    });
  });

  it('keeps the account rows’ meaning (the account alone)', () => {
    expect(rowOf(result, 'G:FY2025-Q3')).toMatchObject({
      Scope__c: 'Account',
      Revenue_TTM__c: 1_000,
      // 1,000 / G's own target 10,000.
      Pipeline_Coverage__c: 0.1,
      Revenue_Share__c: 33.33,
      // Concentration (1 + ½) / 3 = 0.5: 100 × (50 × 0.5 + 50 × 1) / 100 = 75.
      Strategic_Score__c: 75
    });
  });

  it('fills past quarters of a Hierarchy row with the group’s history only', () => {
    // FY2024-Q2 (Apr – Jun 2024): D's 300 won on 1 Jun 2024; no present-only figures.
    expect(rowOf(result, 'G:FY2024-Q2:H')).toMatchObject({
      As_Of__c: '2024-06-30',
      Is_Current__c: false,
      Revenue_Quarter__c: 300,
      Open_Pipeline_12M__c: null,
      Pipeline_Coverage__c: null,
      Strategic_Score__c: null
    });
  });

  it('counts the group once in the program, with its subsidiaries’ revenue as strategic', () => {
    const current = result.programMetrics.at(-1)!;
    // One strategic unit (G); strategic TTM G + S + D = 1,500, other O = 1,500 → 50 %.
    expect(current).toMatchObject({ Strategic_Accounts__c: 1, Strategic_Revenue_TTM__c: 1_500, Other_Revenue_TTM__c: 1_500, Strategic_Revenue_Share__c: 50, Plan_Coverage__c: 100 });
  });
});

describe('programMembership', () => {
  it('counts each group once, at its top strategic account', () => {
    // T* ← C* ← N       T and C strategic: one unit (T); C and N are strategic revenue.
    // P ← X*            X strategic under a non-strategic parent: a unit of its own; P is other.
    // L*                a lone strategic account: a unit.
    // Q                 a lone other account.
    const accounts = [
      { id: 'T', isStrategic: true },
      { id: 'C', isStrategic: true, parentId: 'T' },
      { id: 'N', isStrategic: false, parentId: 'C' },
      { id: 'P', isStrategic: false },
      { id: 'X', isStrategic: true, parentId: 'P' },
      { id: 'L', isStrategic: true },
      { id: 'Q', isStrategic: false }
    ];
    const membership = programMembership(accounts, buildAccountTree(accounts.map((a) => [a.id, a.parentId])));
    expect(membership.strategicUnits.map((a) => a.id)).toEqual(['T', 'X', 'L']);
    expect(membership.inStrategicCohort).toEqual([true, true, true, false, true, true, false]);
  });
});
