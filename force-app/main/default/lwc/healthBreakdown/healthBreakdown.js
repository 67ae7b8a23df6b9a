import { LightningElement, api } from 'lwc';
import { formatFixed, formatLabel, formatNumber, formatPercent } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';

const COMPONENT_LABELS = {
  Plan: 'healthPlan',
  Relationships: 'healthRelationships',
  Sponsorship: 'healthSponsorship',
  Execution: 'healthExecution'
};

// The sync's check codes (sync-service/src/metrics/planHealth.ts), each worded as the action to take.
const CHECK_LABELS = {
  strengths: 'healthCheckStrengths',
  weaknesses: 'healthCheckWeaknesses',
  opportunities: 'healthCheckOpportunities',
  threats: 'healthCheckThreats',
  customerObjectives: 'healthCheckCustomerObjectives',
  valueProposition: 'healthCheckValueProposition',
  revenueTarget: 'healthCheckRevenueTarget',
  nextReviewMissing: 'healthCheckNextReviewMissing',
  nextReviewPassed: 'healthCheckNextReviewPassed',
  objectiveDefined: 'healthCheckObjectiveDefined',
  initiativeValued: 'healthCheckInitiativeValued',
  economicBuyer: 'healthCheckEconomicBuyer',
  champion: 'healthCheckChampion',
  noHighInfluence: 'healthCheckNoHighInfluence',
  highInfluenceOwned: 'healthCheckHighInfluenceOwned',
  highInfluenceStrong: 'healthCheckHighInfluenceStrong',
  noStakeholders: 'healthCheckNoStakeholders',
  recentInteraction: 'healthCheckRecentInteraction',
  keyPersonAlert: 'healthCheckKeyPersonAlert',
  noActiveSponsor: 'healthCheckNoActiveSponsor',
  sponsorsOnCadence: 'healthCheckSponsorsOnCadence',
  noMeasuredObjective: 'healthCheckNoMeasuredObjective',
  objectiveProgress: 'healthCheckObjectiveProgress',
  noActiveInitiative: 'healthCheckNoActiveInitiative',
  initiativesOnTime: 'healthCheckInitiativesOnTime'
};

/** A failed check as the action to take; a share fills the label's {0}; a code this release does not know shows as sent. */
function actionText(check) {
  const label = labels[CHECK_LABELS[check.code]];
  if (!label) {
    return check.code;
  }
  return typeof check.value === 'number'
    ? formatLabel(label, formatPercent(100 * check.value))
    : label;
}

/**
 * Plan health opened to its parts (DESIGN.md "Plan health"): each component with the admin's
 * weight, its value 0–100 and the points it adds (weight × value ÷ Σ weights), and under it each
 * check that failed, worded as the action to take. Closed until the user opens it.
 */
export default class HealthBreakdown extends LightningElement {
  /** [{ component, weight, failed: [{ code, value? }] }] as the sync service wrote them (c/planModel). */
  @api checks = [];
  /** { Plan, Relationships, Sponsorship, Execution }: the component fields (undefined when hidden). */
  @api values = {};
  @api score;

  labels = labels;
  open = false;

  get toggleLabel() {
    return this.open ? labels.healthHideParts : labels.healthShowParts;
  }

  get toggleIcon() {
    return this.open ? 'utility:chevrondown' : 'utility:chevronright';
  }

  get expanded() {
    return String(this.open);
  }

  get caption() {
    return formatLabel(labels.healthCaption, formatNumber(this.score));
  }

  get rows() {
    const parts = this.checks || [];
    const values = this.values || {};
    const total = parts.reduce((sum, part) => sum + part.weight, 0);
    return parts.map((part) => {
      const value = values[part.component];
      const known = typeof value === 'number' && total > 0;
      return {
        key: part.component,
        label: labels[COMPONENT_LABELS[part.component]] || part.component,
        weight: formatNumber(part.weight),
        value: formatNumber(value),
        points: known ? formatFixed((part.weight * value) / total, 1) : '—',
        actions: part.failed.map((check) => ({ key: check.code, text: actionText(check) })),
        allPass: part.failed.length === 0
      };
    });
  }

  handleToggle() {
    this.open = !this.open;
  }
}
