import { LightningElement, api } from 'lwc';

/**
 * The head shared by an objective and an initiative: title, the edit button when the user may
 * edit, and a line with the status badge followed by the item's own facts (default slot).
 * Raises `edit`. `kind` names the classes (objective-title, edit-objective, objective-status).
 */
export default class PlanItemHeader extends LightningElement {
  /** objective | initiative */
  @api kind;
  @api heading;
  @api editTitle;
  @api canEdit = false;
  /** The status label (already translated); no badge without one. */
  @api statusText;
  /** success | warning | error | neutral */
  @api tone;

  get titleClass() {
    return `${this.kind}-title slds-text-title_bold wrap`;
  }

  get editClass() {
    return `edit-${this.kind}`;
  }

  get statusClass() {
    return `${this.kind}-status`;
  }

  handleEdit() {
    this.dispatchEvent(new CustomEvent('edit'));
  }
}
