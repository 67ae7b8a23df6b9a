// Hand-worked examples of the metric definitions (DESIGN.md "Metric definitions"). Every
// expected value is worked out in the comments above it.
import {
  createFiguresRun,
  createMetricsRun,
  metricsFromFigures,
  type AccountFigures,
  type AccountMetricRow,
  type MetricsContext,
  type MetricsResult,
  type OpportunityInput
} from './index';

function context(overrides: Partial<MetricsContext> = {}): MetricsContext {
  return {
    asOf: '2025-08-15',
    org: {
      fiscalYearStartMonth: 1,
      usesStartDateAsFiscalYearName: false,
      corporateCurrency: 'USD'
    },
    rates: { static: [], dated: [] },
    accounts: [{ id: 'A', isStrategic: true }],
    plans: [],
    initiatives: [],
    sponsors: [],
    weights: [],
    ...overrides
  };
}

let sequence = 0;
function won(
  accountId: string,
  closeDate: string,
  amount: number | null,
  extra: Partial<OpportunityInput> = {}
): OpportunityInput {
  return {
    id: `006W${String(++sequence).padStart(4, '0')}`,
    accountId,
    amount,
    closeDate,
    createdDate: `${closeDate}T09:00:00.000Z`,
    isWon: true,
    isClosed: true,
    probability: 100,
    ...extra
  };
}
function lost(accountId: string, closeDate: string, amount: number | null = 10): OpportunityInput {
  return won(accountId, closeDate, amount, { isWon: false, probability: 0 });
}
function open(
  accountId: string,
  closeDate: string,
  amount: number | null,
  probability: number | null
): OpportunityInput {
  return won(accountId, closeDate, amount, { isWon: false, isClosed: false, probability });
}

function compute(ctx: MetricsContext, opportunities: OpportunityInput[]): MetricsResult {
  const run = createMetricsRun(ctx);
  run.add(opportunities);
  return run.finish();
}

function row(result: MetricsResult, accountId: string, period?: string): AccountMetricRow {
  const found = result.accountMetrics.find(
    (r) =>
      r.Account__c === accountId &&
      (period === undefined ? r.Is_Current__c : r.Period__c === period)
  );
  if (!found) throw new Error(`no row for ${accountId} ${period ?? 'current'}`);
  return found;
}

describe('metrics engine', () => {
  describe('periods', () => {
    it('writes 12 fiscal quarters per account of an April-start year, the current one up to the as-of date', () => {
      // FY start April, as of 15 Aug 2025: current quarter FY2026-Q2 = 1 Jul – 30 Sep 2025.
      // Won 30 Jun (previous quarter, FY2026-Q1) 100; won 1 Jul 200; won 15 Aug 300; won 16 Aug 400
      // (after the as-of date: in no window of the current quarter).
      // Revenue_Quarter__c (current) = 200 + 300 = 500; FY2026-Q1 (Apr–Jun, As_Of 30 Jun) = 100.
      const result = compute(
        context({
          org: {
            fiscalYearStartMonth: 4,
            usesStartDateAsFiscalYearName: false,
            corporateCurrency: 'USD'
          }
        }),
        [
          won('A', '2025-06-30', 100),
          won('A', '2025-07-01', 200),
          won('A', '2025-08-15', 300),
          won('A', '2025-08-16', 400)
        ]
      );
      expect(result.accountMetrics.map((r) => r.Period__c)).toEqual([
        'FY2023-Q3',
        'FY2023-Q4',
        'FY2024-Q1',
        'FY2024-Q2',
        'FY2024-Q3',
        'FY2024-Q4',
        'FY2025-Q1',
        'FY2025-Q2',
        'FY2025-Q3',
        'FY2025-Q4',
        'FY2026-Q1',
        'FY2026-Q2'
      ]);
      const current = row(result, 'A');
      expect(current).toMatchObject({
        Snapshot_Key__c: 'A:FY2026-Q2',
        As_Of__c: '2025-08-15',
        Is_Current__c: true,
        Revenue_Quarter__c: 500,
        // TTM (15 Aug 2024, 15 Aug 2025] = 100 + 200 + 300 = 600.
        Revenue_TTM__c: 600
      });
      expect(row(result, 'A', 'FY2026-Q1')).toMatchObject({
        As_Of__c: '2025-06-30',
        Is_Current__c: false,
        Revenue_Quarter__c: 100,
        Revenue_TTM__c: 100
      });
      expect(result.programMetrics.map((p) => p.Period_Key__c)).toEqual(
        result.accountMetrics.map((r) => r.Period__c)
      );
    });

    it('counts a leap day in the window of a quarter ending on 28 February', () => {
      // FY start March, as of 10 Apr 2025: FY2025-Q4 = Dec 2024 – Feb 2025, As_Of 28 Feb 2025.
      // Its TTM = (28 Feb 2024, 28 Feb 2025]: 29 Feb 2024 is inside, 28 Feb 2024 is not.
      // Prior TTM = (28 Feb 2023, 28 Feb 2024]: holds 28 Feb 2024.
      // Won 29 Feb 2024: 500; won 28 Feb 2024: 300.
      // TTM 500, prior 300, growth = 500 / 300 − 1 = 0.6666… → 66.67 points.
      const ctx = context({
        asOf: '2025-04-10',
        org: {
          fiscalYearStartMonth: 3,
          usesStartDateAsFiscalYearName: false,
          corporateCurrency: 'USD'
        }
      });
      const result = compute(ctx, [won('A', '2024-02-29', 500), won('A', '2024-02-28', 300)]);
      expect(row(result, 'A', 'FY2025-Q4')).toMatchObject({
        As_Of__c: '2025-02-28',
        Revenue_TTM__c: 500,
        Revenue_Prior_TTM__c: 300,
        Revenue_Growth_YoY__c: 66.67
      });
      // Current (As_Of 10 Apr 2025): TTM (10 Apr 2024, 10 Apr 2025] holds neither; prior
      // (10 Apr 2023, 10 Apr 2024] holds both: 800. Growth 0 / 800 − 1 = −100 %.
      expect(row(result, 'A')).toMatchObject({
        Revenue_TTM__c: 0,
        Revenue_Prior_TTM__c: 800,
        Revenue_Growth_YoY__c: -100
      });
      // FY2024-Q4 ends on the leap day itself: As_Of 29 Feb 2024, TTM (28 Feb 2023, 29 Feb 2024] = 800.
      expect(row(result, 'A', 'FY2024-Q4')).toMatchObject({
        As_Of__c: '2024-02-29',
        Revenue_TTM__c: 800
      });
    });
  });

  describe('revenue', () => {
    it('leaves growth and CAGR undefined after a zero prior year', () => {
      // As of 15 Aug 2025: TTM = (15 Aug 2024, 15 Aug 2025] won 1,000.00; nothing before.
      // Growth: prior TTM 0 ≤ 0 → null. CAGR: base (15 Aug 2021, 15 Aug 2022] 0 → null.
      const result = compute(context(), [won('A', '2025-03-01', 1000)]);
      expect(row(result, 'A')).toMatchObject({
        Revenue_TTM__c: 1000,
        Revenue_Prior_TTM__c: 0,
        Revenue_Growth_YoY__c: null,
        Revenue_CAGR_3Y__c: null
      });
    });

    it('computes the 3-year CAGR from the base window 36–48 months back', () => {
      // As of 15 Aug 2025: base = (15 Aug 2021, 15 Aug 2022]: won 1,000 on 1 Jan 2022.
      // TTM: won 1,331 on 1 Jan 2025. (1331 / 1000)^(1/3) − 1 = 1.1 − 1 = 10 %.
      // 15 Aug 2021 itself is outside the base (start exclusive): its 5,000 does not count.
      const result = compute(context(), [
        won('A', '2022-01-01', 1000),
        won('A', '2025-01-01', 1331),
        won('A', '2021-08-15', 5000)
      ]);
      expect(row(result, 'A').Revenue_CAGR_3Y__c).toBe(10);
    });

    it('counts a credit note as negative revenue and a null amount as 0, and reports both', () => {
      // TTM = 500 − 120 + 0 = 380; three won deals → avg deal 380 / 3 = 126.666… → 126.67.
      const credit = won('A', '2025-05-01', -120);
      const blank = won('A', '2025-05-02', null);
      const result = compute(context(), [won('A', '2025-05-03', 500), credit, blank]);
      expect(row(result, 'A')).toMatchObject({ Revenue_TTM__c: 380, Avg_Deal_Size__c: 126.67 });
      expect(result.dataQuality.counts.negativeAmount).toBe(1);
      expect(result.dataQuality.samples.negativeAmount).toEqual([credit.id]);
      expect(result.dataQuality.counts.nullAmount).toBe(1);
      expect(result.dataQuality.samples.nullAmount).toEqual([blank.id]);
    });

    it('converts a two-currency account with dated rates by close date', () => {
      // Corporate USD. EUR dated rates: 0.8 for [1 Jan 2025, 1 Apr 2025), 0.9 from 1 Apr 2025;
      // static EUR 0.85 for dates outside those ranges. USD amounts need no conversion.
      //   EUR 100 won 15 Mar 2025 → 100 / 0.8  = 125
      //   EUR  90 won 10 May 2025 →  90 / 0.9  = 100
      //   EUR  85 won 20 Dec 2024 →  85 / 0.85 = 100 (static: before the first dated range)
      //   EUR  10 won  2 Jun 2025 →  10 / 0.9  = 11.111…
      //   USD  50 won  1 Jun 2025 →  50
      // TTM = 125 + 100 + 100 + 11.111… + 50 = 386.111… → 386.11
      // Current quarter (Jul–Sep 2025, none) → 0; quarter FY2025-Q2 (Apr–Jun): 100 + 11.111… + 50 = 161.11.
      // GBP has no rate at all: that opportunity is left out and reported.
      const ctx = context({
        rates: {
          static: [
            { isoCode: 'USD', conversionRate: 1 },
            { isoCode: 'EUR', conversionRate: 0.85 }
          ],
          dated: [
            {
              isoCode: 'EUR',
              conversionRate: 0.8,
              startDate: '2025-01-01',
              nextStartDate: '2025-04-01'
            },
            { isoCode: 'EUR', conversionRate: 0.9, startDate: '2025-04-01', nextStartDate: null }
          ]
        }
      });
      const pounds = won('A', '2025-06-03', 70, { currencyIsoCode: 'GBP' });
      const result = compute(ctx, [
        won('A', '2025-03-15', 100, { currencyIsoCode: 'EUR' }),
        won('A', '2025-05-10', 90, { currencyIsoCode: 'EUR' }),
        won('A', '2024-12-20', 85, { currencyIsoCode: 'EUR' }),
        won('A', '2025-06-02', 10, { currencyIsoCode: 'EUR' }),
        won('A', '2025-06-01', 50, { currencyIsoCode: 'USD' }),
        pounds
      ]);
      expect(row(result, 'A')).toMatchObject({ Revenue_TTM__c: 386.11, Revenue_Quarter__c: 0 });
      expect(row(result, 'A', 'FY2025-Q2').Revenue_Quarter__c).toBe(161.11);
      // Avg deal: 386.111… / 5 = 77.222… → 77.22 (the unrounded total is divided).
      expect(row(result, 'A').Avg_Deal_Size__c).toBe(77.22);
      expect(result.dataQuality.counts.unknownCurrency).toBe(1);
      expect(result.dataQuality.samples.unknownCurrency).toEqual([pounds.id]);
    });
  });

  describe('deals', () => {
    it('computes win rate, average deal size, sales cycle and opportunity count over the TTM', () => {
      // As of 15 Aug 2025, TTM (15 Aug 2024, 15 Aug 2025]:
      //   won 1 Mar 2025, 300, created 1 Jan 2025 (UTC date) → cycle 59 days (Jan 31 + Feb 28)
      //   won 1 Jun 2025, 200, created 22 May 2025 → cycle 10 days
      //   lost 1 Apr 2025; lost 2 Apr 2025; open closing 1 Jul 2025 (stale, still open)
      //   won 1 Jan 2024 (outside the TTM)
      // Win rate = 2 / (2 + 2) = 50 %; avg deal = 500 / 2 = 250; cycle = (59 + 10) / 2 = 34.5;
      // opportunity count = 2 won + 2 lost + 1 open = 5.
      const result = compute(context(), [
        won('A', '2025-03-01', 300, { createdDate: '2025-01-01T23:30:00.000Z' }),
        won('A', '2025-06-01', 200, { createdDate: '2025-05-22T00:00:00.000Z' }),
        lost('A', '2025-04-01'),
        lost('A', '2025-04-02'),
        open('A', '2025-07-01', 80, 40),
        won('A', '2024-01-01', 999)
      ]);
      expect(row(result, 'A')).toMatchObject({
        Win_Rate__c: 50,
        Avg_Deal_Size__c: 250,
        Avg_Sales_Cycle_Days__c: 34.5,
        Opportunity_Count__c: 5
      });
    });

    it('shows an account with no won revenue as zero revenue and undefined averages', () => {
      // Two lost deals in the TTM (and one open, closing in December: pipeline, not TTM):
      // revenue 0, win rate 0 / (0 + 2) = 0 %, opportunity count 2,
      // no won deal → avg deal size and sales cycle null; growth and CAGR null (prior 0).
      // Its revenue share: 0 / (0 + 400) = 0 %. B holds all the revenue: 400 / 400 = 100 %.
      const ctx = context({
        accounts: [
          { id: 'A', isStrategic: true },
          { id: 'B', isStrategic: false }
        ]
      });
      const result = compute(ctx, [
        lost('A', '2025-02-01'),
        lost('A', '2025-03-01'),
        open('A', '2025-12-01', 100, 50),
        won('B', '2025-02-01', 400)
      ]);
      expect(row(result, 'A')).toMatchObject({
        Revenue_TTM__c: 0,
        Revenue_Growth_YoY__c: null,
        Revenue_CAGR_3Y__c: null,
        Win_Rate__c: 0,
        Avg_Deal_Size__c: null,
        Avg_Sales_Cycle_Days__c: null,
        Revenue_Share__c: 0,
        Opportunity_Count__c: 2
      });
      expect(row(result, 'B').Revenue_Share__c).toBe(100);
      // Nothing closed in A's TTM a year earlier: win rate null there.
      expect(row(result, 'A', 'FY2024-Q3').Win_Rate__c).toBeNull();
    });
  });

  describe('pipeline', () => {
    it('sums open opportunities closing in the next 12 months, weighted by probability, against the Active plan target', () => {
      // As of 15 Aug 2025, pipeline window (15 Aug 2025, 15 Aug 2026]:
      //   open 1 Sep 2025, 1,000 at 25 % → weighted 250
      //   open 15 Aug 2026, 3,000 at 60 % → weighted 1,800 (end inclusive)
      //   open 16 Aug 2026, 9,999 (beyond 12 months) and open 15 Aug 2025 (the as-of day, start exclusive): out
      //   open 1 Oct 2025, 333.33 at null probability → weighted 0, reported
      // Open = 1,000 + 3,000 + 333.33 = 4,333.33; weighted = 250 + 1,800 = 2,050.
      // Active plan target 8,000: coverage = 4,333.33 / 8,000 = 0.54166… → 0.54.
      // (The Draft plan's target is ignored.)
      const ctx = context({
        plans: [
          {
            id: 'P1',
            accountId: 'A',
            status: 'Active',
            startDate: '2025-01-01',
            revenueTarget: 8000,
            influenceRating: null,
            coInnovationRating: null,
            collaborationRating: null,
            riskRating: null
          },
          {
            id: 'P2',
            accountId: 'A',
            status: 'Draft',
            startDate: '2025-06-01',
            revenueTarget: 1,
            influenceRating: null,
            coInnovationRating: null,
            collaborationRating: null,
            riskRating: null
          }
        ]
      });
      const unweighted = open('A', '2025-10-01', 333.33, null);
      const result = compute(ctx, [
        open('A', '2025-09-01', 1000, 25),
        open('A', '2026-08-15', 3000, 60),
        open('A', '2026-08-16', 9999, 90),
        open('A', '2025-08-15', 7777, 90),
        unweighted
      ]);
      expect(row(result, 'A')).toMatchObject({
        Open_Pipeline_12M__c: 4333.33,
        Weighted_Pipeline_12M__c: 2050,
        Pipeline_Coverage__c: 0.54
      });
      expect(result.dataQuality.samples.nullProbability).toEqual([unweighted.id]);
      // Past quarters describe no pipeline.
      expect(row(result, 'A', 'FY2025-Q2')).toMatchObject({
        Open_Pipeline_12M__c: null,
        Weighted_Pipeline_12M__c: null,
        Pipeline_Coverage__c: null
      });
    });

    it('has no coverage without an Active plan target', () => {
      const result = compute(context(), [open('A', '2025-09-01', 1000, 25)]);
      expect(row(result, 'A').Pipeline_Coverage__c).toBeNull();
    });
  });

  describe('mutual value', () => {
    it('sums realized value of initiatives that are not Cancelled and measures the balance', () => {
      // Customer value 200 + 100 = 300 (the Cancelled 5,000 is ignored); supplier 60 + 40 = 100.
      // Balance = 100 × 2 × min(300, 100) / (300 + 100) = 100 × 200 / 400 = 50.
      const ctx = context({
        initiatives: [
          {
            id: 'J1',
            accountId: 'A',
            status: 'Active',
            customerValueRealized: 200,
            supplierValueRealized: 60
          },
          {
            id: 'J2',
            accountId: 'A',
            status: 'Completed',
            customerValueRealized: 100,
            supplierValueRealized: 40
          },
          {
            id: 'J3',
            accountId: 'A',
            status: 'Cancelled',
            customerValueRealized: 5000,
            supplierValueRealized: null
          }
        ]
      });
      const result = compute(ctx, []);
      expect(row(result, 'A')).toMatchObject({
        Customer_Value__c: 300,
        Supplier_Value__c: 100,
        Mutual_Value_Balance__c: 50
      });
      expect(row(result, 'A', 'FY2025-Q2')).toMatchObject({
        Customer_Value__c: null,
        Mutual_Value_Balance__c: null
      });
    });

    it('leaves the balance undefined when no value was realized', () => {
      expect(row(compute(context(), []), 'A')).toMatchObject({
        Customer_Value__c: 0,
        Supplier_Value__c: 0,
        Mutual_Value_Balance__c: null
      });
    });
  });

  describe('strategic score', () => {
    it('ranks tied accounts alike in revenue concentration', () => {
      // TTM: A 100, B 200, C 200, D 0. Positive values {100, 200, 200}, n = 3.
      // A: (0 below + ½·1 equal) / 3 = 1/6; B, C: (1 + ½·2) / 3 = 2/3; D: TTM ≤ 0 → 0.
      // Only Revenue_Concentration weighs (25): score = 100 × rank → 16.7, 66.7, 66.7, 0.
      const ctx = context({
        accounts: ['A', 'B', 'C', 'D'].map((id) => ({ id, isStrategic: false })),
        weights: [{ criterion: 'Revenue_Concentration', weight: 25 }]
      });
      const result = compute(ctx, [
        won('A', '2025-01-10', 100),
        won('B', '2025-01-10', 200),
        won('C', '2025-01-10', 150),
        won('C', '2025-01-11', 50)
      ]);
      expect(['A', 'B', 'C', 'D'].map((id) => row(result, id).Strategic_Score__c)).toEqual([
        16.7, 66.7, 66.7, 0
      ]);
    });

    it('weighs the six criteria with the configured weights', () => {
      // Default weights: concentration 25, lifetime 20, influence 15, co-innovation 15, collaboration 15, risk 10 (Σ 100).
      // A: TTM 300 (B: 100) → concentration rank among {100, 300}: (1 + ½) / 2 = 0.75.
      // Lifetime = won in 36 months + open pipeline 12M: A 300 + 0 = 300; B 100 + 500 = 600 → A (0 + ½)/2 = 0.25.
      // A's Active plan: influence 5 → (5−1)/4 = 1; co-innovation 3 → 0.5; collaboration missing → 0.5; risk 2 → 1 − 1/4 = 0.75.
      // Score = 100 × (25·0.75 + 20·0.25 + 15·1 + 15·0.5 + 15·0.5 + 10·0.75) / 100
      //       = 18.75 + 5 + 15 + 7.5 + 7.5 + 7.5 = 61.25 → 61.3 (half away from zero).
      // B has no plan: ratings all 0.5; concentration (0 + ½)/2 = 0.25; lifetime (1 + ½)/2 = 0.75.
      // Score = (25·0.25 + 20·0.75 + 15·0.5 + 15·0.5 + 15·0.5 + 10·0.5) = 6.25 + 15 + 7.5 + 7.5 + 7.5 + 5 = 48.75 → 48.8.
      const ctx = context({
        accounts: [
          { id: 'A', isStrategic: true },
          { id: 'B', isStrategic: false }
        ],
        plans: [
          {
            id: 'P1',
            accountId: 'A',
            status: 'Active',
            startDate: '2024-01-01',
            revenueTarget: null,
            influenceRating: 5,
            coInnovationRating: 3,
            collaborationRating: null,
            riskRating: 2
          }
        ],
        weights: [
          { criterion: 'Revenue_Concentration', weight: 25 },
          { criterion: 'Lifetime_Value', weight: 20 },
          { criterion: 'Influence', weight: 15 },
          { criterion: 'Co_Innovation', weight: 15 },
          { criterion: 'Collaboration', weight: 15 },
          { criterion: 'Risk', weight: 10 }
        ]
      });
      const result = compute(ctx, [
        won('A', '2025-02-01', 300),
        won('B', '2025-02-01', 100),
        open('B', '2026-01-01', 500, 50)
      ]);
      expect(row(result, 'A').Strategic_Score__c).toBe(61.3);
      expect(row(result, 'B').Strategic_Score__c).toBe(48.8);
      // The parts behind A's 61.3, as metrics.md works them out: revenue rank 0.75 (300 above
      // 100), lifetime rank 0.25 (300 below 100 + 500), influence 5 → 1, co-innovation 3 → 0.5,
      // collaboration not rated → 0.5, risk 2 → 1 − 1/4 = 0.75; the admin's weights beside them.
      expect(JSON.parse(row(result, 'A').Score_Criteria__c!)).toEqual([
        { criterion: 'Revenue_Concentration', weight: 25, value: 0.75 },
        { criterion: 'Lifetime_Value', weight: 20, value: 0.25 },
        { criterion: 'Influence', weight: 15, value: 1 },
        { criterion: 'Co_Innovation', weight: 15, value: 0.5 },
        { criterion: 'Collaboration', weight: 15, value: 0.5 },
        { criterion: 'Risk', weight: 10, value: 0.75 }
      ]);
      expect(row(result, 'A', 'FY2025-Q2').Score_Criteria__c).toBeNull();
      expect(row(result, 'A', 'FY2025-Q2').Strategic_Score__c).toBeNull();
    });

    it('has no score when every weight is 0, and reports unknown criteria', () => {
      const result = compute(
        context({
          weights: [
            { criterion: 'Risk', weight: 0 },
            { criterion: 'Charisma', weight: 50 }
          ]
        }),
        []
      );
      expect(row(result, 'A').Strategic_Score__c).toBeNull();
      expect(row(result, 'A').Score_Criteria__c).toBeNull();
      expect(result.dataQuality.counts.unknownScoreCriterion).toBe(1);
      expect(result.dataQuality.samples.unknownScoreCriterion).toEqual(['Charisma']);
    });
  });

  describe('program', () => {
    it('compares the strategic cohort with the others and covers sponsors and plans today', () => {
      // Strategic S1, S2; other O1. As of 15 Aug 2025:
      //   S1 TTM 300, prior 100; S2 TTM 100, prior 100; O1 TTM 100, prior 200.
      // Strategic TTM 400, prior 200 → growth 400/200 − 1 = 100 %; other 100/200 − 1 = −50 %.
      // Strategic share = 400 / (400 + 100) = 80 %.
      // Sponsors: S1 has an Active one On cadence; S2's is Overdue → coverage 1/2 = 50 %.
      // Plans: S2 has an Active plan → 1/2 = 50 %. (O1's plan does not count: not strategic.)
      const ctx = context({
        accounts: [
          { id: 'S1', isStrategic: true },
          { id: 'S2', isStrategic: true },
          { id: 'O1', isStrategic: false }
        ],
        sponsors: [
          { id: 'X1', accountId: 'S1', active: true, engagementStatus: 'On cadence' },
          { id: 'X2', accountId: 'S2', active: true, engagementStatus: 'Overdue' },
          { id: 'X3', accountId: 'S2', active: false, engagementStatus: 'On cadence' }
        ],
        plans: [
          {
            id: 'P1',
            accountId: 'S2',
            status: 'Active',
            startDate: null,
            revenueTarget: null,
            influenceRating: null,
            coInnovationRating: null,
            collaborationRating: null,
            riskRating: null
          },
          {
            id: 'P2',
            accountId: 'O1',
            status: 'Active',
            startDate: null,
            revenueTarget: null,
            influenceRating: null,
            coInnovationRating: null,
            collaborationRating: null,
            riskRating: null
          }
        ]
      });
      const result = compute(ctx, [
        won('S1', '2025-01-01', 300),
        won('S1', '2024-01-01', 100),
        won('S2', '2025-01-01', 100),
        won('S2', '2024-01-01', 100),
        won('O1', '2025-01-01', 100),
        won('O1', '2024-01-01', 200)
      ]);
      const current = result.programMetrics.at(-1)!;
      expect(current).toMatchObject({
        Period_Key__c: 'FY2025-Q3',
        Is_Current__c: true,
        Strategic_Accounts__c: 2,
        Strategic_Revenue_TTM__c: 400,
        Other_Revenue_TTM__c: 100,
        Strategic_Growth_YoY__c: 100,
        Other_Growth_YoY__c: -50,
        Strategic_Revenue_Share__c: 80,
        Sponsor_Coverage__c: 50,
        Plan_Coverage__c: 50
      });
      // A past quarter keeps its revenue figures but no coverage (it describes today).
      // FY2025-Q1 (As_Of 31 Mar 2025): strategic TTM (31 Mar 2024, 31 Mar 2025] = 300 + 100 = 400.
      expect(result.programMetrics.find((p) => p.Period__c === 'FY2025-Q1')).toMatchObject({
        As_Of__c: '2025-03-31',
        Strategic_Revenue_TTM__c: 400,
        Sponsor_Coverage__c: null,
        Plan_Coverage__c: null
      });
    });
  });

  describe('bad data', () => {
    it('reports what it cannot use and keeps going', () => {
      // As of 15 Aug 2025; the plausible range is 15 Aug 2015 – 15 Aug 2035.
      const noAccount = won('A', '2025-01-01', 1, { accountId: null });
      const strangerAccount = won('ZZZ', '2025-01-01', 1);
      const noClose = won('A', '2025-01-01', 1, { closeDate: null });
      const badClose = won('A', '2025-01-01', 1, { closeDate: '2025-02-30' });
      const tooLate = won('A', '2035-08-16', 1);
      const tooEarly = won('A', '2015-08-14', 1);
      const huge = won('A', '2025-01-01', 1e12);
      const backwards = won('A', '2025-01-10', 40, { createdDate: '2025-01-20T10:00:00Z' });
      const oddProbability = open('A', '2025-10-01', 100, 150);
      const result = compute(context(), [
        noAccount,
        strangerAccount,
        noClose,
        badClose,
        tooLate,
        tooEarly,
        huge,
        backwards,
        oddProbability,
        won('A', '2025-01-05', 60)
      ]);
      const { counts, samples } = result.dataQuality;
      expect(counts).toMatchObject({
        missingAccount: 1,
        unknownAccount: 1,
        nullCloseDate: 1,
        invalidDate: 1,
        closeDateOutOfRange: 2,
        invalidAmount: 1,
        closeBeforeCreated: 1,
        invalidProbability: 1
      });
      expect(samples.closeDateOutOfRange).toEqual([tooLate.id, tooEarly.id].sort());
      // Only the two usable won deals count: 40 + 60 = 100; the backwards one's cycle counts 0
      // days, the other's 0 (created the same day) → 0.0. The 150 % probability is clamped to 100:
      // weighted 100.
      expect(row(result, 'A')).toMatchObject({
        Revenue_TTM__c: 100,
        Avg_Sales_Cycle_Days__c: 0,
        Weighted_Pipeline_12M__c: 100
      });
    });

    it('keeps at most 10 samples, the smallest ids, whatever the order', () => {
      const blanks = Array.from({ length: 25 }, (_, i) =>
        won('A', '2025-01-01', null, { id: `006N${String(i).padStart(3, '0')}` })
      );
      const result = compute(context(), [...blanks].reverse());
      expect(result.dataQuality.counts.nullAmount).toBe(25);
      expect(result.dataQuality.samples.nullAmount).toEqual(blanks.slice(0, 10).map((o) => o.id));
    });

    it('throws on a context it cannot interpret, naming the field', () => {
      expect(() => createMetricsRun(context({ asOf: '2025-13-01' }))).toThrow(/asOf/);
      expect(() =>
        createMetricsRun(
          context({
            org: {
              fiscalYearStartMonth: 0,
              usesStartDateAsFiscalYearName: false,
              corporateCurrency: 'USD'
            }
          })
        )
      ).toThrow(/org\.fiscalYearStartMonth/);
      expect(() =>
        createMetricsRun(
          context({ rates: { static: [{ isoCode: 'EUR', conversionRate: 0 }], dated: [] } })
        )
      ).toThrow(/rates\.static\[0\]\.conversionRate/);
      expect(() =>
        createMetricsRun(
          context({
            accounts: [
              { id: 'A', isStrategic: true },
              { id: 'A', isStrategic: false }
            ]
          })
        )
      ).toThrow(/accounts\[1\]\.id/);
    });

    it('refuses opportunities after finish', () => {
      const run = createMetricsRun(context());
      run.finish();
      expect(() => run.add([])).toThrow(/after finish/);
    });
  });
});

describe('per-account figures', () => {
  it('summed in separate runs per account give the rows of one run over everything', () => {
    // Three accounts (shares, ranks and cohorts need them all), one selling in EUR at 0.9 per USD.
    const ctx = context({
      accounts: [{ id: 'A', isStrategic: true }, { id: 'B', isStrategic: false }, { id: 'C', isStrategic: true }],
      rates: { static: [{ isoCode: 'USD', conversionRate: 1 }, { isoCode: 'EUR', conversionRate: 0.9 }], dated: [] }
    });
    const opportunities: OpportunityInput[] = ctx.accounts.flatMap((account, i) => [
      won(account.id, '2024-02-10', 1000 + i * 333.33),
      won(account.id, '2025-05-02', 77.77 * (i + 1), { currencyIsoCode: i === 1 ? 'EUR' : 'USD' }),
      lost(account.id, '2025-03-01'),
      open(account.id, '2025-09-30', 250.5 * (i + 1), 40)
    ]);
    const whole = createMetricsRun(ctx);
    whole.add(opportunities);
    const expected = whole.finish();
    const figures = new Map<string, AccountFigures>();
    for (const account of ctx.accounts) {
      const one = createFiguresRun({ asOf: ctx.asOf, org: ctx.org, rates: ctx.rates, accountIds: [account.id] });
      one.add(opportunities.filter((o) => o.accountId === account.id));
      for (const [id, f] of one.finish().figures) figures.set(id, f);
    }
    const split = metricsFromFigures(ctx, (id) => figures.get(id)!);
    expect(split.accountMetrics).toEqual(expected.accountMetrics);
    expect(split.programMetrics).toEqual(expected.programMetrics);
    expect(expected.accountMetrics.find((r) => r.Account__c === 'B' && r.Is_Current__c)!.Revenue_Share__c).toBeGreaterThan(0);
  });
});
