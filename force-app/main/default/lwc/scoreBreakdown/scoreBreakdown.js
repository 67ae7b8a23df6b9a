import { LightningElement, api } from 'lwc';
import { formatFixed, formatLabel, formatNumber } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';

const CRITERION_LABELS = {
  Revenue_Concentration: 'scoreRevenueConcentration',
  Lifetime_Value: 'scoreLifetimeValue',
  Influence: 'scoreInfluence',
  Co_Innovation: 'scoreCoInnovation',
  Collaboration: 'scoreCollaboration',
  Risk: 'scoreRisk'
};

/**
 * The strategic score opened to its parts (DESIGN.md): each criterion with the admin's weight,
 * its value 0–1 and the points it adds, 100 × weight × value ÷ Σ weights; the points add up to
 * the score. Closed until the user opens it.
 */
export default class ScoreBreakdown extends LightningElement {
  /** [{ criterion, weight, value }] as the sync service wrote them (c/planModel). */
  @api criteria = [];
  @api score;

  labels = labels;
  open = false;

  get toggleLabel() {
    return this.open ? labels.scoreHideParts : labels.scoreShowParts;
  }

  get toggleIcon() {
    return this.open ? 'utility:chevrondown' : 'utility:chevronright';
  }

  get expanded() {
    return String(this.open);
  }

  get caption() {
    return formatLabel(labels.scorePartsCaption, formatNumber(this.score));
  }

  get rows() {
    const parts = this.criteria || [];
    const total = parts.reduce((sum, part) => sum + part.weight, 0);
    return parts.map((part) => ({
      key: part.criterion,
      label: labels[CRITERION_LABELS[part.criterion]] || part.criterion,
      weight: formatNumber(part.weight),
      value: formatFixed(part.value, 2),
      points: total > 0 ? formatFixed((100 * part.weight * part.value) / total, 1) : '—'
    }));
  }

  handleToggle() {
    this.open = !this.open;
  }
}
