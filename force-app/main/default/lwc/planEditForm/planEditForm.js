import { LightningElement, api } from 'lwc';
import { labels } from 'c/tandemLabels';

/**
 * The edit form the account plan uses in place (plan, objective, joint initiative): renders the
 * field list it is given and reports changes; the parent owns the draft and the write.
 * Events: `fieldchange` ({ key, value }), `save`, `cancel`.
 */
export default class PlanEditForm extends LightningElement {
  /** Heading read by assistive technology and shown above the fields. */
  @api heading;
  /** Field views: { key, label, value, required, maxLength, options, isText, isTextarea,
   *  isNumber, isCurrency, isDate, isChoice, isUser, className }. */
  @api fields = [];
  /** A validation message of the parent (required fields, dates). */
  @api message;
  /** Errors of a failed save. */
  @api errors;
  @api saving = false;

  labels = labels;

  handleChange(event) {
    const key = event.target.dataset.key;
    const value = event.detail.recordId !== undefined ? event.detail.recordId : event.detail.value;
    this.dispatchEvent(new CustomEvent('fieldchange', { detail: { key, value } }));
  }

  handleSave() {
    this.dispatchEvent(new CustomEvent('save'));
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }
}
