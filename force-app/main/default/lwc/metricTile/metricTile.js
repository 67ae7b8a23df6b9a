import { LightningElement, api } from 'lwc';
import { labels } from 'c/tandemLabels';

/**
 * One metric: its label, value (exact amount on hover) and detail lines. A detail with
 * `decline: true` is marked red with a down arrow, so a falling number never reads as neutral.
 */
export default class MetricTile extends LightningElement {
  @api label;
  @api value;
  /** The exact value (full amount) shown on hover; defaults to the value. */
  @api exactValue;
  /** [{ key, text, decline, title }]; title explains the line on hover. */
  @api details = [];

  labels = labels;

  get title() {
    return this.exactValue || this.value;
  }

  get detailLines() {
    return (this.details || []).map((detail) => ({
      ...detail,
      className: detail.decline
        ? 'tile-detail slds-text-body_small slds-text-color_error'
        : 'tile-detail slds-text-body_small'
    }));
  }
}
