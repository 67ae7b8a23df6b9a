import { LightningElement, api } from 'lwc';
import { labels } from 'c/tandemLabels';
import { NO_VALUE } from 'c/tandemFormat';

const QUADRANTS = [
  ['strengths', 'planStrengths'],
  ['weaknesses', 'planWeaknesses'],
  ['opportunities', 'planOpportunities'],
  ['threats', 'planThreats']
];

/** The plan's strengths, weaknesses, opportunities and threats in four quadrants. */
export default class PlanSwot extends LightningElement {
  /** A plan as c/planModel's readPlans returns it. */
  @api plan;

  labels = labels;

  get quadrants() {
    const plan = this.plan || {};
    return QUADRANTS.map(([key, label]) => {
      const value = plan[key];
      let text = value;
      if (value === undefined) {
        text = NO_VALUE; // hidden from this user
      } else if (!value) {
        text = labels.planSwotEmpty;
      }
      return {
        key,
        label: labels[label],
        text,
        className: `quadrant slds-col slds-size_1-of-1 slds-medium-size_1-of-2 ${key}`
      };
    });
  }
}
