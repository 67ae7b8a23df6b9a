// Invariants of the engine over random orgs (fast-check): the result does not depend on the
// order or chunking of the opportunities; shares add up to 100; scores and balances stay in
// 0–100; no NaN or Infinity anywhere; a Hierarchy row is the sum of its group's accounts.
import fc from 'fast-check';
import { buildAccountTree } from './accountTree';
import { parseDay, formatDay } from './calendar';
import { programMembership } from './programMetrics';
import {
  createMetricsRun,
  type MetricsContext,
  type MetricsResult,
  type OpportunityInput
} from './index';

const AS_OF = '2025-08-15';
const AS_OF_DAY = parseDay(AS_OF);
const ACCOUNT_IDS = ['001A', '001B', '001C', '001D', '001E'];

const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
const cents = (min: number, max: number) => fc.integer({ min, max }).map((value) => value / 100);

const contextArbitrary: fc.Arbitrary<MetricsContext> = fc.record({
  asOf: fc.constant(AS_OF),
  org: fc.record({
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
    usesStartDateAsFiscalYearName: fc.boolean(),
    corporateCurrency: fc.constant('USD')
  }),
  rates: fc.constant({
    static: [
      { isoCode: 'USD', conversionRate: 1 },
      { isoCode: 'EUR', conversionRate: 0.85 }
    ],
    dated: [
      { isoCode: 'EUR', conversionRate: 0.8, startDate: '2023-01-01', nextStartDate: '2024-07-01' },
      { isoCode: 'EUR', conversionRate: 0.91, startDate: '2024-07-01', nextStartDate: null },
      { isoCode: 'GBP', conversionRate: 0.777777, startDate: '2020-01-01', nextStartDate: null }
    ]
  }),
  accounts: fc
    .constant(ACCOUNT_IDS)
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc
            .record({
              isStrategic: fc.boolean(),
              // Customer groups, cycles and self-parents included (accountTree cuts them).
              parentId: fc.option(fc.constantFrom(...ACCOUNT_IDS), { nil: null, freq: 2 })
            })
            .map(({ isStrategic, parentId }) => ({ id, isStrategic, parentId }))
        )
      )
    ),
  plans: fc.array(
    fc.record({
      id: fc.uuid(),
      accountId: fc.constantFrom(...ACCOUNT_IDS),
      status: fc.constantFrom('Active', 'Draft', 'Archived', null),
      startDate: fc.option(fc.constantFrom('2023-01-01', '2024-06-01', '2025-01-01'), {
        nil: null
      }),
      revenueTarget: fc.option(cents(-100_000, 100_000_000), { nil: null }),
      influenceRating: rating,
      coInnovationRating: rating,
      collaborationRating: rating,
      riskRating: rating
    }),
    { maxLength: 6 }
  ),
  initiatives: fc.array(
    fc.record({
      id: fc.uuid(),
      accountId: fc.constantFrom(...ACCOUNT_IDS),
      status: fc.constantFrom('Proposed', 'Active', 'Completed', 'Cancelled', null),
      customerValueRealized: fc.option(cents(-10_000, 10_000_000), { nil: null }),
      supplierValueRealized: fc.option(cents(-10_000, 10_000_000), { nil: null })
    }),
    { maxLength: 8 }
  ),
  sponsors: fc.array(
    fc.record({
      id: fc.uuid(),
      accountId: fc.constantFrom(...ACCOUNT_IDS),
      active: fc.boolean(),
      engagementStatus: fc.constantFrom('On cadence', 'Overdue', 'No engagement', null)
    }),
    { maxLength: 6 }
  ),
  weights: fc.array(
    fc.record({
      criterion: fc.constantFrom(
        'Revenue_Concentration',
        'Lifetime_Value',
        'Influence',
        'Co_Innovation',
        'Collaboration',
        'Risk',
        'Other'
      ),
      weight: cents(0, 10_000)
    }),
    { maxLength: 8 }
  )
});

const opportunityArbitrary: fc.Arbitrary<OpportunityInput> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    accountId: fc.constantFrom(...ACCOUNT_IDS, ...ACCOUNT_IDS, null, '001Z'),
    amount: fc.option(cents(-500_000, 50_000_000), { nil: null, freq: 10 }),
    // From 9 years back to 2 years ahead of the as-of date, and now and then something absurd.
    closeOffset: fc.oneof(
      { weight: 20, arbitrary: fc.integer({ min: -3300, max: 730 }) },
      fc.integer({ min: -5000, max: 5000 })
    ),
    cycle: fc.integer({ min: -20, max: 500 }),
    state: fc.constantFrom('won', 'lost', 'open'),
    probability: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 10 }),
    currencyIsoCode: fc.constantFrom('USD', 'USD', 'EUR', 'GBP', null, undefined, 'XXX')
  })
  .map(({ closeOffset, cycle, state, ...rest }) => ({
    ...rest,
    closeDate: formatDay(AS_OF_DAY + closeOffset),
    createdDate: `${formatDay(AS_OF_DAY + closeOffset - cycle)}T12:00:00.000Z`,
    isWon: state === 'won',
    isClosed: state !== 'open'
  }));

/** Opportunities, a permutation of them, and the chunk sizes to feed the permutation in. */
const feedArbitrary = fc.array(opportunityArbitrary, { maxLength: 60 }).chain((opportunities) =>
  fc.record({
    opportunities: fc.constant(opportunities),
    order: fc.shuffledSubarray(
      opportunities.map((_, index) => index),
      { minLength: opportunities.length, maxLength: opportunities.length }
    ),
    chunks: fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 20 })
  })
);

function computeInOneGo(ctx: MetricsContext, opportunities: OpportunityInput[]): MetricsResult {
  const run = createMetricsRun(ctx);
  run.add(opportunities);
  return run.finish();
}

function computeInChunks(
  ctx: MetricsContext,
  opportunities: OpportunityInput[],
  chunks: number[]
): MetricsResult {
  const run = createMetricsRun(ctx);
  let next = 0;
  for (const size of chunks) {
    run.add(opportunities.slice(next, next + size));
    next += size;
  }
  // The rest, as a generator rather than an array: add() takes any iterable.
  run.add(
    (function* rest() {
      yield* opportunities.slice(next);
    })()
  );
  return run.finish();
}

describe('metrics engine properties', () => {
  it('gives the same result whatever the order and chunking of the opportunities', () => {
    fc.assert(
      fc.property(contextArbitrary, feedArbitrary, (ctx, { opportunities, order, chunks }) => {
        const shuffled = order.map((index) => opportunities[index]!);
        expect(computeInChunks(ctx, shuffled, chunks)).toEqual(computeInOneGo(ctx, opportunities));
      }),
      { numRuns: 150 }
    );
  });

  it('keeps every number finite, scores and balances within 0–100, and shares summing to 100', () => {
    fc.assert(
      fc.property(contextArbitrary, feedArbitrary, (ctx, { opportunities }) => {
        const result = computeInOneGo(ctx, opportunities);
        for (const row of [...result.accountMetrics, ...result.programMetrics]) {
          for (const value of Object.values(row)) {
            if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
          }
        }
        for (const row of result.accountMetrics) {
          if (row.Strategic_Score__c !== null) {
            expect(row.Strategic_Score__c).toBeGreaterThanOrEqual(0);
            expect(row.Strategic_Score__c).toBeLessThanOrEqual(100);
          }
          if (row.Mutual_Value_Balance__c !== null) {
            expect(row.Mutual_Value_Balance__c).toBeGreaterThanOrEqual(0);
            expect(row.Mutual_Value_Balance__c).toBeLessThanOrEqual(100);
          }
          if (row.Win_Rate__c !== null) {
            expect(row.Win_Rate__c).toBeGreaterThanOrEqual(0);
            expect(row.Win_Rate__c).toBeLessThanOrEqual(100);
          }
          expect(Number.isInteger(row.Opportunity_Count__c)).toBe(true);
        }
        const periods = new Set(result.accountMetrics.map((row) => row.Period__c));
        expect(periods.size).toBe(12);
        for (const period of periods) {
          const rows = result.accountMetrics.filter((row) => row.Period__c === period && row.Scope__c === 'Account');
          const shares = rows.map((row) => row.Revenue_Share__c);
          if (shares.every((share) => share === null)) continue;
          // Each share is rounded to 0.01 once, so the sum is within 0.005 per account of 100.
          const sum = shares.reduce<number>((acc, share) => acc + (share ?? Number.NaN), 0);
          expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.005 * rows.length + 1e-9);
        }
      }),
      { numRuns: 150 }
    );
  });

  it('adds the accounts of each cohort up to the program totals', () => {
    fc.assert(
      fc.property(contextArbitrary, feedArbitrary, (ctx, { opportunities }) => {
        const result = computeInOneGo(ctx, opportunities);
        // A group counts once, at its top strategic account; its accounts' revenue is strategic.
        const membership = programMembership(ctx.accounts, buildAccountTree(ctx.accounts.map((a) => [a.id, a.parentId])));
        const strategic = new Set(ctx.accounts.filter((_, i) => membership.inStrategicCohort[i]).map((a) => a.id));
        for (const program of result.programMetrics) {
          expect(program.Strategic_Accounts__c).toBe(membership.strategicUnits.length);
          const rows = result.accountMetrics.filter((row) => row.Period__c === program.Period__c && row.Scope__c === 'Account');
          const sum = (inCohort: boolean) =>
            rows
              .filter((row) => strategic.has(row.Account__c) === inCohort)
              .reduce((total, row) => total + row.Revenue_TTM__c, 0);
          // Each account's TTM and the cohort total are each rounded once to the cent.
          const tolerance = (accounts: number) => 0.005 * (accounts + 1) + 1e-6;
          expect(Math.abs(sum(true) - program.Strategic_Revenue_TTM__c)).toBeLessThanOrEqual(
            tolerance(strategic.size)
          );
          expect(Math.abs(sum(false) - program.Other_Revenue_TTM__c)).toBeLessThanOrEqual(
            tolerance(rows.length - strategic.size)
          );
        }
      }),
      { numRuns: 100 }
    );
  });

  it('sums each Hierarchy row over the account and its descendants', () => {
    fc.assert(
      fc.property(contextArbitrary, feedArbitrary, (ctx, { opportunities }) => {
        const result = computeInOneGo(ctx, opportunities);
        const tree = buildAccountTree(ctx.accounts.map((a) => [a.id, a.parentId]));
        const own = new Map(result.accountMetrics.filter((row) => row.Scope__c === 'Account').map((row) => [row.Snapshot_Key__c, row]));
        const groups = result.accountMetrics.filter((row) => row.Scope__c === 'Hierarchy');
        expect(new Set(groups.map((row) => row.Account__c))).toEqual(new Set(tree.withChildren()));
        for (const group of groups) {
          expect(group.Snapshot_Key__c).toBe(`${group.Account__c}:${group.Period__c}:H`);
          const members = [group.Account__c, ...tree.descendantsOf(group.Account__c)].map((id) => own.get(`${id}:${group.Period__c}`)!);
          const sum = (field: 'Revenue_TTM__c' | 'Revenue_Prior_TTM__c' | 'Opportunity_Count__c') => members.reduce((total, row) => total + row[field], 0);
          // Each account's figure and the group's are each rounded once to the cent.
          const tolerance = 0.005 * (members.length + 1) + 1e-6;
          expect(Math.abs(sum('Revenue_TTM__c') - group.Revenue_TTM__c)).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(sum('Revenue_Prior_TTM__c') - group.Revenue_Prior_TTM__c)).toBeLessThanOrEqual(tolerance);
          expect(group.Opportunity_Count__c).toBe(sum('Opportunity_Count__c'));
          if (group.Is_Current__c) {
            const pipeline = members.reduce((total, row) => total + row.Open_Pipeline_12M__c!, 0);
            expect(Math.abs(pipeline - group.Open_Pipeline_12M__c!)).toBeLessThanOrEqual(tolerance);
          }
        }
      }),
      { numRuns: 150 }
    );
  });

  it('gives every account the same rows whatever the order of the accounts', () => {
    fc.assert(
      fc.property(
        contextArbitrary,
        feedArbitrary,
        fc.func(fc.integer()),
        (ctx, { opportunities }, rank) => {
          const reordered = {
            ...ctx,
            accounts: [...ctx.accounts].sort((a, b) => rank(a.id) - rank(b.id))
          };
          const byKey = (result: MetricsResult) =>
            new Map(result.accountMetrics.map((row) => [row.Snapshot_Key__c, row]));
          const original = computeInOneGo(ctx, opportunities);
          const permuted = computeInOneGo(reordered, opportunities);
          expect(byKey(permuted)).toEqual(byKey(original));
          expect(permuted.programMetrics).toEqual(original.programMetrics);
          expect(permuted.dataQuality).toEqual(original.dataQuality);
        }
      ),
      { numRuns: 100 }
    );
  });

  it('gives the same rows whether the opportunities come in one page or one at a time', () => {
    fc.assert(
      fc.property(contextArbitrary, feedArbitrary, (ctx, { opportunities }) => {
        const run = createMetricsRun(ctx);
        for (const opportunity of opportunities) run.add([opportunity]);
        expect(run.finish()).toEqual(computeInOneGo(ctx, opportunities));
      }),
      { numRuns: 100 }
    );
  });
});
