// Plan health (DESIGN.md "Plan health"): four 0–100 components of an account's Active plan and
// their weighted mean. Pure: the plan and what hangs off it in, the scores out (unrounded; the
// fields hold one decimal, see `healthFields`).
import { parseDay } from './calendar';

/** The Active plan as plan health reads it: whether each text is filled, not the text itself. */
export interface HealthPlanInput {
  strengthsFilled: boolean;
  weaknessesFilled: boolean;
  opportunitiesFilled: boolean;
  threatsFilled: boolean;
  customerObjectivesFilled: boolean;
  valuePropositionFilled: boolean;
  revenueTarget: number | null;
  /** YYYY-MM-DD */
  nextReview: string | null;
}

export interface HealthObjectiveInput {
  ownerId: string | null;
  dueDate: string | null;
  targetValue: number | null;
  currentValue: number | null;
  status: string | null;
}

export interface HealthInitiativeInput {
  status: string | null;
  customerValueTarget: number | null;
  supplierValueTarget: number | null;
  targetDate: string | null;
}

export interface HealthStakeholderInput {
  buyingRole: string | null;
  influence: string | null;
  relationshipStrength: string | null;
  relationshipOwnerId: string | null;
  lastInteraction: string | null;
  changeAlert: string | null;
}

export interface HealthSponsorInput {
  active: boolean;
  engagementStatus: string | null;
}

/** Everything plan health reads for one account: its Active plan (null: no health) and that plan's objectives and initiatives. */
export interface AccountHealthInputs {
  plan: HealthPlanInput | null;
  objectives: readonly HealthObjectiveInput[];
  initiatives: readonly HealthInitiativeInput[];
  stakeholders: readonly HealthStakeholderInput[];
  sponsors: readonly HealthSponsorInput[];
}

export type HealthComponent = 'Plan' | 'Relationships' | 'Sponsorship' | 'Execution';

/** A Plan_Health_Weight__mdt record. */
export interface HealthWeight {
  component: string;
  weight: number;
}

/**
 * A check that failed, as a stable code the account plan words as the action to take; `value` is
 * the share (0–1, two decimals) when the check is a share.
 */
export interface FailedCheck {
  code: string;
  value?: number;
}

export interface PlanHealth {
  plan: number;
  relationships: number;
  sponsorship: number;
  execution: number;
  /** Σ wᵢ·componentᵢ / Σ wᵢ; null when the weights add up to 0. */
  overall: number | null;
  /** Each component's weight (0 when it has none) and the checks inside it that failed. */
  components: Record<HealthComponent, { weight: number; failed: FailedCheck[] }>;
}

const WINDOW_DAYS = 90;

/** One check: its code, its value 0–1 and whether it is a share (then the failure carries the value). */
interface Check {
  code: string;
  value: number;
  isShare?: boolean;
}

/** A component's score and failed checks from the checks it averages. */
interface Scored {
  score: number;
  failed: FailedCheck[];
}

/** A share over a set, with the value an empty set counts (DESIGN.md states it per component). */
function share<T>(items: readonly T[], holds: (item: T) => boolean, empty: number): number {
  return items.length === 0 ? empty : items.filter(holds).length / items.length;
}

const bit = (value: boolean): number => (value ? 1 : 0);

/** 100 × the mean of the checks' values, and those short of 1 (a code once). */
function scored(checks: readonly Check[]): Scored {
  const failed: FailedCheck[] = [];
  for (const { code, value, isShare } of checks) {
    if (value >= 1 || failed.some((f) => f.code === code)) continue;
    failed.push(isShare ? { code, value: Math.round(value * 100) / 100 } : { code });
  }
  return { score: (100 * checks.reduce((sum, c) => sum + c.value, 0)) / checks.length, failed };
}

function planChecks(d: number, plan: HealthPlanInput, objectives: readonly HealthObjectiveInput[], initiatives: readonly HealthInitiativeInput[]): Scored {
  const nextReview = plan.nextReview === null ? Number.NaN : parseDay(plan.nextReview);
  return scored([
    { code: 'strengths', value: bit(plan.strengthsFilled) },
    { code: 'weaknesses', value: bit(plan.weaknessesFilled) },
    { code: 'opportunities', value: bit(plan.opportunitiesFilled) },
    { code: 'threats', value: bit(plan.threatsFilled) },
    { code: 'customerObjectives', value: bit(plan.customerObjectivesFilled) },
    { code: 'valueProposition', value: bit(plan.valuePropositionFilled) },
    { code: 'revenueTarget', value: bit((plan.revenueTarget ?? 0) > 0) },
    { code: plan.nextReview === null ? 'nextReviewMissing' : 'nextReviewPassed', value: bit(nextReview >= d) },
    { code: 'objectiveDefined', value: bit(objectives.some((o) => o.ownerId !== null && o.dueDate !== null && o.targetValue !== null)) },
    { code: 'initiativeValued', value: bit(initiatives.some((i) => i.status !== 'Cancelled' && i.customerValueTarget !== null && i.supplierValueTarget !== null)) }
  ]);
}

function relationshipsChecks(d: number, stakeholders: readonly HealthStakeholderInput[]): Scored {
  const high = stakeholders.filter((s) => s.influence === 'High');
  const key = stakeholders.filter((s) => s.buyingRole === 'Economic Buyer' || s.buyingRole === 'Champion');
  const recent = (s: HealthStakeholderInput): boolean => {
    const day = s.lastInteraction === null ? Number.NaN : parseDay(s.lastInteraction);
    return day > d - WINDOW_DAYS && day <= d;
  };
  // Over an empty set the share fails for want of people, which is the action to name.
  const noHigh = high.length === 0;
  return scored([
    { code: 'economicBuyer', value: bit(stakeholders.some((s) => s.buyingRole === 'Economic Buyer')) },
    { code: 'champion', value: bit(stakeholders.some((s) => s.buyingRole === 'Champion')) },
    { code: noHigh ? 'noHighInfluence' : 'highInfluenceOwned', value: share(high, (s) => s.relationshipOwnerId !== null, 0), isShare: !noHigh },
    { code: noHigh ? 'noHighInfluence' : 'highInfluenceStrong', value: share(high, (s) => s.relationshipStrength === 'Strong' || s.relationshipStrength === 'Medium', 0), isShare: !noHigh },
    { code: stakeholders.length === 0 ? 'noStakeholders' : 'recentInteraction', value: share(stakeholders, recent, 0), isShare: stakeholders.length > 0 },
    { code: 'keyPersonAlert', value: bit(!key.some((s) => s.changeAlert !== null)) }
  ]);
}

function sponsorshipChecks(sponsors: readonly HealthSponsorInput[]): Scored {
  const active = sponsors.filter((s) => s.active);
  const onCadence = share(active, (s) => s.engagementStatus === 'On cadence', 0);
  return scored([active.length === 0 ? { code: 'noActiveSponsor', value: 0 } : { code: 'sponsorsOnCadence', value: onCadence, isShare: true }]);
}

function executionChecks(d: number, objectives: readonly HealthObjectiveInput[], initiatives: readonly HealthInitiativeInput[]): Scored {
  // Objectives without a target are left out (a zero target has no progress to measure either).
  const measured = objectives.filter((o) => o.targetValue !== null && o.targetValue !== 0);
  const progress = measured.map((o) => (o.status === 'Achieved' ? 1 : Math.min(1, Math.max(0, (o.currentValue ?? 0) / o.targetValue!))));
  const active = initiatives.filter((i) => i.status === 'Active');
  const onTime = share(active, (i) => i.targetDate === null || parseDay(i.targetDate) >= d, 0.5);
  return scored([
    progress.length === 0 ? { code: 'noMeasuredObjective', value: 0.5 } : { code: 'objectiveProgress', value: progress.reduce((a, b) => a + b, 0) / progress.length, isShare: true },
    active.length === 0 ? { code: 'noActiveInitiative', value: 0.5 } : { code: 'initiativesOnTime', value: onTime, isShare: true }
  ]);
}

/** Plan: the share of ten checks on the plan that hold. */
export function planComponent(d: number, plan: HealthPlanInput, objectives: readonly HealthObjectiveInput[], initiatives: readonly HealthInitiativeInput[]): number {
  return planChecks(d, plan, objectives, initiatives).score;
}

/** Relationships: the mean of six checks on the account's stakeholders; a share over an empty set counts 0. */
export function relationshipsComponent(d: number, stakeholders: readonly HealthStakeholderInput[]): number {
  return relationshipsChecks(d, stakeholders).score;
}

/** Sponsorship: the share of Active sponsorships On cadence; 0 with none. */
export function sponsorshipComponent(sponsors: readonly HealthSponsorInput[]): number {
  return sponsorshipChecks(sponsors).score;
}

/** Execution: the mean of the objectives' mean progress and the share of Active initiatives not past their target date; either over an empty set counts 0.5. */
export function executionComponent(d: number, objectives: readonly HealthObjectiveInput[], initiatives: readonly HealthInitiativeInput[]): number {
  return executionChecks(d, objectives, initiatives).score;
}

const COMPONENTS: readonly HealthComponent[] = ['Plan', 'Relationships', 'Sponsorship', 'Execution'];

/** DESIGN.md "Plan health" for one account on as-of date `asOf`; null without an Active plan. */
export function planHealth(asOf: string, inputs: AccountHealthInputs, weights: readonly HealthWeight[]): PlanHealth | null {
  if (inputs.plan === null) return null;
  const d = parseDay(asOf);
  if (Number.isNaN(d)) throw new Error(`as-of date is not YYYY-MM-DD: ${asOf}`);
  const parts: Record<HealthComponent, Scored> = {
    Plan: planChecks(d, inputs.plan, inputs.objectives, inputs.initiatives),
    Relationships: relationshipsChecks(d, inputs.stakeholders),
    Sponsorship: sponsorshipChecks(inputs.sponsors),
    Execution: executionChecks(d, inputs.objectives, inputs.initiatives)
  };
  const weightOf: Record<HealthComponent, number> = { Plan: 0, Relationships: 0, Sponsorship: 0, Execution: 0 };
  for (const { component, weight } of weights) {
    if (!(component in weightOf) || !(weight > 0)) continue;
    weightOf[component as HealthComponent] += weight;
  }
  let weighted = 0;
  let total = 0;
  for (const component of COMPONENTS) {
    weighted += weightOf[component] * parts[component].score;
    total += weightOf[component];
  }
  const components = Object.fromEntries(COMPONENTS.map((c) => [c, { weight: weightOf[c], failed: parts[c].failed }])) as PlanHealth['components'];
  return {
    plan: parts.Plan.score,
    relationships: parts.Relationships.score,
    sponsorship: parts.Sponsorship.score,
    execution: parts.Execution.score,
    overall: total > 0 ? weighted / total : null,
    components
  };
}

/**
 * Health_Checks__c: for each component its weight and the checks that failed, as JSON
 * [{ component, weight, failed: [{ code, value? }] }], so the page words exactly what the sync scored.
 */
export function healthChecks(health: PlanHealth | null): string | null {
  if (health === null) return null;
  return JSON.stringify(COMPONENTS.map((component) => ({ component, ...health.components[component] })));
}

/** The four components and the score as the Account_Metric__c fields hold them (one decimal), with the failed checks. */
export function healthFields(
  health: PlanHealth | null
): Record<'Plan_Health__c' | 'Health_Plan__c' | 'Health_Relationships__c' | 'Health_Sponsorship__c' | 'Health_Execution__c', number | null> & { Health_Checks__c: string | null } {
  const oneDecimal = (value: number | null | undefined): number | null => (value === null || value === undefined ? null : Math.round(value * 10 + 1e-9) / 10);
  return {
    Plan_Health__c: oneDecimal(health?.overall),
    Health_Plan__c: oneDecimal(health?.plan),
    Health_Relationships__c: oneDecimal(health?.relationships),
    Health_Sponsorship__c: oneDecimal(health?.sponsorship),
    Health_Execution__c: oneDecimal(health?.execution),
    Health_Checks__c: healthChecks(health)
  };
}
