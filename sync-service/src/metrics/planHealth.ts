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

export interface PlanHealth {
  plan: number;
  relationships: number;
  sponsorship: number;
  execution: number;
  /** Σ wᵢ·componentᵢ / Σ wᵢ; null when the weights add up to 0. */
  overall: number | null;
}

const WINDOW_DAYS = 90;

/** A share over a set, with the value an empty set counts (DESIGN.md states it per component). */
function share<T>(items: readonly T[], holds: (item: T) => boolean, empty: number): number {
  return items.length === 0 ? empty : items.filter(holds).length / items.length;
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const bit = (value: boolean): number => (value ? 1 : 0);

/** Plan: the share of ten checks on the plan that hold. */
export function planComponent(d: number, plan: HealthPlanInput, objectives: readonly HealthObjectiveInput[], initiatives: readonly HealthInitiativeInput[]): number {
  const nextReview = plan.nextReview === null ? Number.NaN : parseDay(plan.nextReview);
  const checks = [
    plan.strengthsFilled,
    plan.weaknessesFilled,
    plan.opportunitiesFilled,
    plan.threatsFilled,
    plan.customerObjectivesFilled,
    plan.valuePropositionFilled,
    (plan.revenueTarget ?? 0) > 0,
    nextReview >= d,
    objectives.some((o) => o.ownerId !== null && o.dueDate !== null && o.targetValue !== null),
    initiatives.some((i) => i.status !== 'Cancelled' && i.customerValueTarget !== null && i.supplierValueTarget !== null)
  ];
  return (100 * checks.filter(Boolean).length) / checks.length;
}

/** Relationships: the mean of six checks on the account's stakeholders; a share over an empty set counts 0. */
export function relationshipsComponent(d: number, stakeholders: readonly HealthStakeholderInput[]): number {
  const high = stakeholders.filter((s) => s.influence === 'High');
  const key = stakeholders.filter((s) => s.buyingRole === 'Economic Buyer' || s.buyingRole === 'Champion');
  const recent = (s: HealthStakeholderInput): boolean => {
    const day = s.lastInteraction === null ? Number.NaN : parseDay(s.lastInteraction);
    return day > d - WINDOW_DAYS && day <= d;
  };
  return (
    100 *
    mean([
      bit(stakeholders.some((s) => s.buyingRole === 'Economic Buyer')),
      bit(stakeholders.some((s) => s.buyingRole === 'Champion')),
      share(high, (s) => s.relationshipOwnerId !== null, 0),
      share(high, (s) => s.relationshipStrength === 'Strong' || s.relationshipStrength === 'Medium', 0),
      share(stakeholders, recent, 0),
      bit(!key.some((s) => s.changeAlert !== null))
    ])
  );
}

/** Sponsorship: the share of Active sponsorships On cadence; 0 with none. */
export function sponsorshipComponent(sponsors: readonly HealthSponsorInput[]): number {
  return 100 * share(sponsors.filter((s) => s.active), (s) => s.engagementStatus === 'On cadence', 0);
}

/** Execution: the mean of the objectives' mean progress and the share of Active initiatives not past their target date; either over an empty set counts 0.5. */
export function executionComponent(d: number, objectives: readonly HealthObjectiveInput[], initiatives: readonly HealthInitiativeInput[]): number {
  // Objectives without a target are left out (a zero target has no progress to measure either).
  const measured = objectives.filter((o) => o.targetValue !== null && o.targetValue !== 0);
  const progress = measured.map((o) => (o.status === 'Achieved' ? 1 : Math.min(1, Math.max(0, (o.currentValue ?? 0) / o.targetValue!))));
  const active = initiatives.filter((i) => i.status === 'Active');
  const onTime = share(active, (i) => i.targetDate === null || parseDay(i.targetDate) >= d, 0.5);
  return 100 * mean([progress.length === 0 ? 0.5 : mean(progress), onTime]);
}

/** DESIGN.md "Plan health" for one account on as-of date `asOf`; null without an Active plan. */
export function planHealth(asOf: string, inputs: AccountHealthInputs, weights: readonly HealthWeight[]): PlanHealth | null {
  if (inputs.plan === null) return null;
  const d = parseDay(asOf);
  if (Number.isNaN(d)) throw new Error(`as-of date is not YYYY-MM-DD: ${asOf}`);
  const scores: Record<HealthComponent, number> = {
    Plan: planComponent(d, inputs.plan, inputs.objectives, inputs.initiatives),
    Relationships: relationshipsComponent(d, inputs.stakeholders),
    Sponsorship: sponsorshipComponent(inputs.sponsors),
    Execution: executionComponent(d, inputs.objectives, inputs.initiatives)
  };
  let weighted = 0;
  let total = 0;
  for (const { component, weight } of weights) {
    if (!(component in scores) || !(weight > 0)) continue;
    weighted += weight * scores[component as HealthComponent];
    total += weight;
  }
  return { plan: scores.Plan, relationships: scores.Relationships, sponsorship: scores.Sponsorship, execution: scores.Execution, overall: total > 0 ? weighted / total : null };
}

/** The four components and the score as the Account_Metric__c fields hold them (one decimal). */
export function healthFields(health: PlanHealth | null): Record<'Plan_Health__c' | 'Health_Plan__c' | 'Health_Relationships__c' | 'Health_Sponsorship__c' | 'Health_Execution__c', number | null> {
  const oneDecimal = (value: number | null | undefined): number | null => (value === null || value === undefined ? null : Math.round(value * 10 + 1e-9) / 10);
  return {
    Plan_Health__c: oneDecimal(health?.overall),
    Health_Plan__c: oneDecimal(health?.plan),
    Health_Relationships__c: oneDecimal(health?.relationships),
    Health_Sponsorship__c: oneDecimal(health?.sponsorship),
    Health_Execution__c: oneDecimal(health?.execution)
  };
}
