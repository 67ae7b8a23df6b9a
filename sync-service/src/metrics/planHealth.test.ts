import fc from 'fast-check';
import { parseDay } from './calendar';
import {
  executionComponent,
  healthChecks,
  healthFields,
  planComponent,
  planHealth,
  relationshipsComponent,
  sponsorshipComponent,
  type AccountHealthInputs,
  type HealthInitiativeInput,
  type HealthObjectiveInput,
  type HealthPlanInput,
  type HealthStakeholderInput
} from './planHealth';

// D = 2026-06-15; "the last 90 days" = (2026-03-17, 2026-06-15].
const D = '2026-06-15';
const d = parseDay(D);
const DEFAULT_WEIGHTS = [
  { component: 'Plan', weight: 30 },
  { component: 'Relationships', weight: 30 },
  { component: 'Sponsorship', weight: 20 },
  { component: 'Execution', weight: 20 }
];

const EMPTY_PLAN: HealthPlanInput = {
  strengthsFilled: false,
  weaknessesFilled: false,
  opportunitiesFilled: false,
  threatsFilled: false,
  customerObjectivesFilled: false,
  valuePropositionFilled: false,
  revenueTarget: null,
  nextReview: null
};
const FULL_PLAN: HealthPlanInput = {
  strengthsFilled: true,
  weaknessesFilled: true,
  opportunitiesFilled: true,
  threatsFilled: true,
  customerObjectivesFilled: true,
  valuePropositionFilled: true,
  revenueTarget: 1_000_000,
  nextReview: D
};
const objective = (o: Partial<HealthObjectiveInput> = {}): HealthObjectiveInput => ({ ownerId: '005A', dueDate: '2026-12-31', targetValue: 100, currentValue: 0, status: 'On track', ...o });
const initiative = (i: Partial<HealthInitiativeInput> = {}): HealthInitiativeInput => ({ status: 'Active', customerValueTarget: 1000, supplierValueTarget: 500, targetDate: '2026-09-30', ...i });
const stakeholder = (s: Partial<HealthStakeholderInput> = {}): HealthStakeholderInput => ({ buyingRole: 'Influencer', influence: 'Low', relationshipStrength: 'Weak', relationshipOwnerId: null, lastInteraction: null, changeAlert: null, ...s });

describe('Plan component: the share of ten checks', () => {
  it('is 0 with nothing filled, no target, no review, no objective or initiative', () => {
    expect(planComponent(d, EMPTY_PLAN, [], [])).toBe(0);
  });

  it('is 100 with every check holding (next review exactly on D counts)', () => {
    expect(planComponent(d, FULL_PLAN, [objective()], [initiative()])).toBe(100);
  });

  it('counts partially: 4 of 10 → 40', () => {
    // Strengths, Threats and Value Proposition filled (3 of the 6 texts); target 0 is not > 0;
    // review 2026-06-14 < D has passed; an objective with owner, due date and target (1); the only
    // initiative with both value targets is Cancelled, the other lacks one (0) → 4 of 10 = 40.
    const plan = { ...EMPTY_PLAN, strengthsFilled: true, threatsFilled: true, valuePropositionFilled: true, revenueTarget: 0, nextReview: '2026-06-14' };
    const initiatives = [initiative({ status: 'Cancelled' }), initiative({ supplierValueTarget: null })];
    expect(planComponent(d, plan, [objective({ ownerId: null }), objective()], initiatives)).toBe(40);
  });
});

describe('Relationships component: the mean of six checks', () => {
  it('is 0 without stakeholders but for "no open alert on an Economic Buyer or Champion", which holds: 100 × 1/6', () => {
    // EB 0, Champion 0, owned High 0 (empty → 0), strong High 0 (empty → 0), recent 0 (empty → 0), no alert 1 → 1/6.
    expect(relationshipsComponent(d, [])).toBeCloseTo(100 / 6, 10);
  });

  it('cannot reach 0: an alert that fails the sixth check needs an Economic Buyer or Champion, who passes one of the first two', () => {
    // A High-influence, unowned, weak Influencer last seen exactly on D − 90 days (outside) and a
    // Champion who left: EB 0, Champion 1, owned High 0/1, strong High 0/1, recent 0/2, alert 0 → 1/6.
    const map = [stakeholder({ influence: 'High', lastInteraction: '2026-03-17' }), stakeholder({ buyingRole: 'Champion', changeAlert: 'Left account' })];
    expect(relationshipsComponent(d, map)).toBeCloseTo(100 / 6, 10);
  });

  it('is 100 with an Economic Buyer and a Champion, every High owned and strong, all recent, no alerts', () => {
    const map = [
      stakeholder({ buyingRole: 'Economic Buyer', influence: 'High', relationshipStrength: 'Strong', relationshipOwnerId: '005A', lastInteraction: D }),
      stakeholder({ buyingRole: 'Champion', influence: 'High', relationshipStrength: 'Medium', relationshipOwnerId: '005B', lastInteraction: '2026-03-18' })
    ];
    expect(relationshipsComponent(d, map)).toBe(100);
  });

  it('averages partial shares', () => {
    // Four people: EB (High, owned, Strong, 2026-05-01 recent), Champion (High, unowned, Weak,
    // 2026-01-10 stale), Coach (High, owned, None, no interaction), End User (Low, recent 2026-06-01).
    // EB 1; Champion 1; owned High 2/3; strong High 1/3; recent 2/4; no alert on EB/Champion 1.
    // Mean = (1 + 1 + 2/3 + 1/3 + 1/2 + 1) / 6 = 4.5 / 6 = 0.75 → 75.
    const map = [
      stakeholder({ buyingRole: 'Economic Buyer', influence: 'High', relationshipOwnerId: '005A', relationshipStrength: 'Strong', lastInteraction: '2026-05-01' }),
      stakeholder({ buyingRole: 'Champion', influence: 'High', relationshipStrength: 'Weak', lastInteraction: '2026-01-10' }),
      stakeholder({ buyingRole: 'Coach', influence: 'High', relationshipOwnerId: '005B', relationshipStrength: 'None' }),
      stakeholder({ buyingRole: 'End User', influence: 'Low', lastInteraction: '2026-06-01', changeAlert: 'Title changed' })
    ];
    expect(relationshipsComponent(d, map)).toBeCloseTo(75, 10);
  });
});

describe('Sponsorship component', () => {
  it('is 0 without Active sponsorships, 100 when all are on cadence, the share otherwise', () => {
    expect(sponsorshipComponent([{ active: false, engagementStatus: 'On cadence' }])).toBe(0);
    expect(sponsorshipComponent([{ active: true, engagementStatus: 'On cadence' }])).toBe(100);
    // Active: On cadence, Overdue, No engagement → 1/3; the inactive one is left out.
    const sponsors = [
      { active: true, engagementStatus: 'On cadence' },
      { active: true, engagementStatus: 'Overdue' },
      { active: true, engagementStatus: 'No engagement' },
      { active: false, engagementStatus: 'On cadence' }
    ];
    expect(sponsorshipComponent(sponsors)).toBeCloseTo(100 / 3, 10);
  });
});

describe('Execution component: mean of objective progress and initiatives on time', () => {
  it('is 50 with neither objectives with a target nor Active initiatives (0.5 each)', () => {
    expect(executionComponent(d, [objective({ targetValue: null, status: 'Achieved' })], [initiative({ status: 'Completed', targetDate: '2020-01-01' })])).toBe(50);
  });

  it('is 0 with no progress and every Active initiative late', () => {
    expect(executionComponent(d, [objective({ currentValue: -20 })], [initiative({ targetDate: '2026-06-14' })])).toBe(0);
  });

  it('is 100 when objectives are achieved or past target and Active initiatives are on time or undated', () => {
    const objectives = [objective({ status: 'Achieved', currentValue: 0 }), objective({ currentValue: 250 })];
    expect(executionComponent(d, objectives, [initiative({ targetDate: D }), initiative({ targetDate: null })])).toBe(100);
  });

  it('averages partial progress', () => {
    // Objectives: 30/120 = 0.25, 150/100 capped 1, Achieved 1 → mean 2.25/3 = 0.75.
    // Active initiatives: due 2026-07-01 (on time), 2026-05-31 (late), undated (on time) → 2/3.
    // Execution = 100 × (0.75 + 2/3) / 2 = 100 × 17/24 ≈ 70.83.
    const objectives = [objective({ targetValue: 120, currentValue: 30 }), objective({ currentValue: 150 }), objective({ status: 'Achieved', currentValue: 10 })];
    const initiatives = [initiative({ targetDate: '2026-07-01' }), initiative({ targetDate: '2026-05-31' }), initiative({ targetDate: null }), initiative({ status: 'Proposed', targetDate: '2020-01-01' })];
    expect(executionComponent(d, objectives, initiatives)).toBeCloseTo((100 * 17) / 24, 10);
    const health = planHealth(D, { plan: FULL_PLAN, objectives, initiatives, stakeholders: [], sponsors: [] }, DEFAULT_WEIGHTS);
    expect(healthFields(health).Health_Execution__c).toBe(70.8);
  });
});

describe('failed checks: the codes the account plan words as actions', () => {
  const checks = (inputs: Partial<AccountHealthInputs>) =>
    planHealth(D, { plan: FULL_PLAN, objectives: [], initiatives: [], stakeholders: [], sponsors: [], ...inputs }, DEFAULT_WEIGHTS)!.components;

  it('Plan: the partial example (4 of 10) names the six failed checks; the full plan none', () => {
    // Weaknesses, Opportunities, Customer Objectives missing; target 0; review 2026-06-14 passed;
    // the only initiative with both targets is Cancelled. The objective with an owner holds.
    const plan = { ...EMPTY_PLAN, strengthsFilled: true, threatsFilled: true, valuePropositionFilled: true, revenueTarget: 0, nextReview: '2026-06-14' };
    const initiatives = [initiative({ status: 'Cancelled' }), initiative({ supplierValueTarget: null })];
    expect(checks({ plan, objectives: [objective({ ownerId: null }), objective()], initiatives }).Plan.failed).toEqual([
      { code: 'weaknesses' },
      { code: 'opportunities' },
      { code: 'customerObjectives' },
      { code: 'revenueTarget' },
      { code: 'nextReviewPassed' },
      { code: 'initiativeValued' }
    ]);
    expect(checks({ objectives: [objective()], initiatives: [initiative()] }).Plan.failed).toEqual([]);
    // No review date at all is a different action from a date that has passed.
    expect(checks({ plan: EMPTY_PLAN }).Plan.failed.map((f) => f.code)).toEqual([
      'strengths',
      'weaknesses',
      'opportunities',
      'threats',
      'customerObjectives',
      'valueProposition',
      'revenueTarget',
      'nextReviewMissing',
      'objectiveDefined',
      'initiativeValued'
    ]);
  });

  it('Relationships: the partial example (75) names its three shares, with the share', () => {
    // As "averages partial shares": owned High 2/3 → 0.67, strong High 1/3 → 0.33, recent 2/4 → 0.5;
    // EB, Champion and "no alert on EB/Champion" hold (the alert is on an End User).
    const stakeholders = [
      stakeholder({ buyingRole: 'Economic Buyer', influence: 'High', relationshipOwnerId: '005A', relationshipStrength: 'Strong', lastInteraction: '2026-05-01' }),
      stakeholder({ buyingRole: 'Champion', influence: 'High', relationshipStrength: 'Weak', lastInteraction: '2026-01-10' }),
      stakeholder({ buyingRole: 'Coach', influence: 'High', relationshipOwnerId: '005B', relationshipStrength: 'None' }),
      stakeholder({ buyingRole: 'End User', influence: 'Low', lastInteraction: '2026-06-01', changeAlert: 'Title changed' })
    ];
    expect(checks({ stakeholders }).Relationships.failed).toEqual([
      { code: 'highInfluenceOwned', value: 0.67 },
      { code: 'highInfluenceStrong', value: 0.33 },
      { code: 'recentInteraction', value: 0.5 }
    ]);
  });

  it('Relationships: nobody mapped names the missing people, not empty shares; a Champion who left is named', () => {
    // 100/6: only "no alert" holds; the two High shares over nobody are one action.
    expect(checks({ stakeholders: [] }).Relationships.failed).toEqual([{ code: 'economicBuyer' }, { code: 'champion' }, { code: 'noHighInfluence' }, { code: 'noStakeholders' }]);
    // As "cannot reach 0": EB 0, owned High 0/1, strong High 0/1, recent 0/2, alert on the Champion.
    const map = [stakeholder({ influence: 'High', lastInteraction: '2026-03-17' }), stakeholder({ buyingRole: 'Champion', changeAlert: 'Left account' })];
    expect(checks({ stakeholders: map }).Relationships.failed).toEqual([
      { code: 'economicBuyer' },
      { code: 'highInfluenceOwned', value: 0 },
      { code: 'highInfluenceStrong', value: 0 },
      { code: 'recentInteraction', value: 0 },
      { code: 'keyPersonAlert' }
    ]);
  });

  it('Sponsorship: none Active, a share of 1/3 on cadence, all on cadence', () => {
    expect(checks({ sponsors: [{ active: false, engagementStatus: 'On cadence' }] }).Sponsorship.failed).toEqual([{ code: 'noActiveSponsor' }]);
    const sponsors = [
      { active: true, engagementStatus: 'On cadence' },
      { active: true, engagementStatus: 'Overdue' },
      { active: true, engagementStatus: 'No engagement' }
    ];
    expect(checks({ sponsors }).Sponsorship.failed).toEqual([{ code: 'sponsorsOnCadence', value: 0.33 }]);
    expect(checks({ sponsors: [{ active: true, engagementStatus: 'On cadence' }] }).Sponsorship.failed).toEqual([]);
  });

  it('Execution: the partial example (progress 0.75, on time 2/3); nothing to measure; all done', () => {
    const objectives = [objective({ targetValue: 120, currentValue: 30 }), objective({ currentValue: 150 }), objective({ status: 'Achieved', currentValue: 10 })];
    const initiatives = [initiative({ targetDate: '2026-07-01' }), initiative({ targetDate: '2026-05-31' }), initiative({ targetDate: null })];
    expect(checks({ objectives, initiatives }).Execution.failed).toEqual([
      { code: 'objectiveProgress', value: 0.75 },
      { code: 'initiativesOnTime', value: 0.67 }
    ]);
    expect(checks({}).Execution.failed).toEqual([{ code: 'noMeasuredObjective' }, { code: 'noActiveInitiative' }]);
    expect(checks({ objectives: [objective({ status: 'Achieved' })], initiatives: [initiative()] }).Execution.failed).toEqual([]);
  });
});

describe('planHealth', () => {
  const inputs: AccountHealthInputs = {
    // Plan 40 (as in the partial Plan example).
    plan: { ...EMPTY_PLAN, strengthsFilled: true, threatsFilled: true, valuePropositionFilled: true, revenueTarget: 0, nextReview: '2026-06-14' },
    objectives: [objective({ ownerId: null }), objective()],
    initiatives: [initiative({ status: 'Cancelled' }), initiative({ supplierValueTarget: null })],
    // Relationships: nobody → 100/6.
    stakeholders: [],
    // Sponsorship: 1 of 2 → 50.
    sponsors: [
      { active: true, engagementStatus: 'On cadence' },
      { active: true, engagementStatus: 'Overdue' }
    ]
  };
  // Execution: objectives 0/100, 0/100 → 0; the Active initiative (the second) is due 2026-09-30 → 1 → (0 + 1)/2 = 50.

  it('is null without an Active plan', () => {
    expect(planHealth(D, { ...inputs, plan: null }, DEFAULT_WEIGHTS)).toBeNull();
  });

  it('weighs the components with the default weights 30/30/20/20', () => {
    const health = planHealth(D, inputs, DEFAULT_WEIGHTS)!;
    expect(health.plan).toBe(40);
    expect(health.relationships).toBeCloseTo(100 / 6, 10);
    expect(health.sponsorship).toBe(50);
    expect(health.execution).toBe(50);
    // (30·40 + 30·16.667 + 20·50 + 20·50) / 100 = (1200 + 500 + 1000 + 1000) / 100 = 37.
    expect(health.overall).toBeCloseTo(37, 10);
    expect(healthFields(health)).toMatchObject({ Plan_Health__c: 37, Health_Plan__c: 40, Health_Relationships__c: 16.7, Health_Sponsorship__c: 50, Health_Execution__c: 50 });
    // Health_Checks__c: each component with its weight and failed checks (Execution: no objective
    // has progress, 0/100 twice → 0; the one Active initiative is on time).
    expect(JSON.parse(healthFields(health).Health_Checks__c!)).toEqual([
      {
        component: 'Plan',
        weight: 30,
        failed: [{ code: 'weaknesses' }, { code: 'opportunities' }, { code: 'customerObjectives' }, { code: 'revenueTarget' }, { code: 'nextReviewPassed' }, { code: 'initiativeValued' }]
      },
      { component: 'Relationships', weight: 30, failed: [{ code: 'economicBuyer' }, { code: 'champion' }, { code: 'noHighInfluence' }, { code: 'noStakeholders' }] },
      { component: 'Sponsorship', weight: 20, failed: [{ code: 'sponsorsOnCadence', value: 0.5 }] },
      { component: 'Execution', weight: 20, failed: [{ code: 'objectiveProgress', value: 0 }] }
    ]);
    expect(healthChecks(null)).toBeNull();
  });

  it('follows changed weights: only the proportions matter', () => {
    // Plan 1, Sponsorship 3, the others 0: (1·40 + 3·50) / 4 = 190 / 4 = 47.5.
    const weights = [
      { component: 'Plan', weight: 1 },
      { component: 'Relationships', weight: 0 },
      { component: 'Sponsorship', weight: 3 },
      { component: 'Execution', weight: 0 }
    ];
    expect(planHealth(D, inputs, weights)!.overall).toBe(47.5);
    expect(planHealth(D, inputs, weights.map((w) => ({ ...w, weight: w.weight * 10 })))!.overall).toBe(47.5);
    // All weights 0 (or none): no score, the components still.
    expect(planHealth(D, inputs, [])).toMatchObject({ overall: null, plan: 40 });
  });

  it('property: every component and the score stay in [0, 100], and the score is the weighted mean', () => {
    const date = fc.option(fc.integer({ min: d - 400, max: d + 400 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10)), { nil: null });
    const num = fc.option(fc.integer({ min: -500, max: 500 }), { nil: null });
    const id = fc.option(fc.constant('005A'), { nil: null });
    const arbitrary = fc.record({
      plan: fc.record({
        strengthsFilled: fc.boolean(),
        weaknessesFilled: fc.boolean(),
        opportunitiesFilled: fc.boolean(),
        threatsFilled: fc.boolean(),
        customerObjectivesFilled: fc.boolean(),
        valuePropositionFilled: fc.boolean(),
        revenueTarget: num,
        nextReview: date
      }),
      objectives: fc.array(fc.record({ ownerId: id, dueDate: date, targetValue: num, currentValue: num, status: fc.constantFrom('On track', 'Achieved', null) }), { maxLength: 5 }),
      initiatives: fc.array(fc.record({ status: fc.constantFrom('Proposed', 'Active', 'Completed', 'Cancelled', null), customerValueTarget: num, supplierValueTarget: num, targetDate: date }), { maxLength: 5 }),
      stakeholders: fc.array(
        fc.record({
          buyingRole: fc.constantFrom('Economic Buyer', 'Champion', 'Coach', null),
          influence: fc.constantFrom('High', 'Medium', 'Low', null),
          relationshipStrength: fc.constantFrom('Strong', 'Medium', 'Weak', 'None', null),
          relationshipOwnerId: id,
          lastInteraction: date,
          changeAlert: fc.constantFrom('Left account', null)
        }),
        { maxLength: 6 }
      ),
      sponsors: fc.array(fc.record({ active: fc.boolean(), engagementStatus: fc.constantFrom('On cadence', 'Overdue', 'No engagement', null) }), { maxLength: 4 })
    });
    const weights = fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100), fc.nat(100));
    fc.assert(
      fc.property(arbitrary, weights, (account, [wp, wr, ws, we]) => {
        const health = planHealth(D, account, [
          { component: 'Plan', weight: wp },
          { component: 'Relationships', weight: wr },
          { component: 'Sponsorship', weight: ws },
          { component: 'Execution', weight: we }
        ])!;
        for (const value of [health.plan, health.relationships, health.sponsorship, health.execution]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
        const total = wp + wr + ws + we;
        if (total === 0) return health.overall === null;
        const expected = (wp * health.plan + wr * health.relationships + ws * health.sponsorship + we * health.execution) / total;
        expect(health.overall).toBeCloseTo(expected, 9);
        expect(health.overall!).toBeGreaterThanOrEqual(0);
        expect(health.overall!).toBeLessThanOrEqual(100 + 1e-9);
        return true;
      }),
      { numRuns: 300 }
    );
  });
});
