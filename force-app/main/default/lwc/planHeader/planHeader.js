import { LightningElement, api } from 'lwc';
import { formatCurrency, formatDate, formatLabel, NO_VALUE } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';

const PLAN_STATUS_TONE = { Active: 'success', Archived: 'inverse' };
const RATINGS = [
  ['influenceRating', 'planFieldInfluenceRating'],
  ['coInnovationRating', 'planFieldCoInnovationRating'],
  ['collaborationRating', 'planFieldCollaborationRating'],
  ['riskRating', 'planFieldRiskRating']
];

/**
 * The plan's name, status, period, target, review and governance, the four ratings that feed
 * the strategic score, and the customer's objectives and our value proposition.
 * A field the user may not read shows "—". Event: `edit` (the user asked to edit the plan).
 */
export default class PlanHeader extends LightningElement {
  /** A plan as c/planModel's readPlans returns it; `undefined` fields are hidden from the user. */
  @api plan;
  /** Whether the user may edit the plan (object and field access). */
  @api canEdit = false;

  labels = labels;

  get view() {
    const plan = this.plan || {};
    const shown = (value) => {
      return value === undefined || value === null || value === '' ? NO_VALUE : value;
    };
    return {
      name: shown(plan.name),
      statusText: plan.statusLabel || plan.status || NO_VALUE,
      statusTone: PLAN_STATUS_TONE[plan.status] || 'neutral',
      periodText: formatLabel(
        labels.planPeriod,
        formatDate(plan.startDate),
        formatDate(plan.endDate)
      ),
      revenueTargetText: formatCurrency(plan.revenueTarget),
      nextReviewText: formatDate(plan.nextReview),
      governanceText: shown(plan.governanceCadence),
      customerObjectives: shown(plan.customerObjectives),
      valueProposition: shown(plan.valueProposition)
    };
  }

  get ratings() {
    const plan = this.plan || {};
    return RATINGS.map(([key, label]) => ({
      key,
      label: labels[label],
      text:
        typeof plan[key] === 'number' ? formatLabel(labels.planRatingOfFive, plan[key]) : NO_VALUE
    }));
  }

  handleEdit() {
    this.dispatchEvent(new CustomEvent('edit'));
  }
}
