import { LightningElement, api } from 'lwc';
import SPONSOR_FIELD from '@salesforce/schema/Executive_Sponsor__c.Sponsor__c';
import COUNTERPART_FIELD from '@salesforce/schema/Executive_Sponsor__c.Customer_Counterpart__c';
import ROLE_FIELD from '@salesforce/schema/Executive_Sponsor__c.Role__c';
import START_DATE_FIELD from '@salesforce/schema/Executive_Sponsor__c.Start_Date__c';
import CADENCE_FIELD from '@salesforce/schema/Executive_Sponsor__c.Cadence_Days__c';
import NEXT_ENGAGEMENT_FIELD from '@salesforce/schema/Executive_Sponsor__c.Next_Engagement__c';
import COMMITMENTS_FIELD from '@salesforce/schema/Executive_Sponsor__c.Commitments__c';
import { todayIso } from 'c/tandemFormat';
import { labels, picklistOptions } from 'c/tandemLabels';

// Draft key → field; the form offers a field only when the user may write it.
const FIELDS = {
  sponsorId: SPONSOR_FIELD,
  role: ROLE_FIELD,
  counterpartId: COUNTERPART_FIELD,
  cadenceDays: CADENCE_FIELD,
  startDate: START_DATE_FIELD,
  nextEngagement: NEXT_ENGAGEMENT_FIELD,
  commitments: COMMITMENTS_FIELD
};
const blankToNull = (value) => (value === '' || value === undefined ? null : value);

/**
 * Adds a sponsorship or edits one. Events: `save` ({ id, fields }: every filled field of a new
 * sponsorship, only the changes of an existing one), `cancel`. The panel writes.
 */
export default class SponsorshipForm extends LightningElement {
  /** The sponsorship being edited, or null to add one. */
  @api record;
  @api accountId;
  @api defaultCadenceDays = 90;
  /** ObjectInfo `fields` of Executive_Sponsor__c. */
  @api fieldAccess = {};
  @api saving = false;
  /** A message of a failed save. */
  @api errorMessage;

  labels = labels;
  draft = {};
  message;

  connectedCallback() {
    const r = this.record;
    this.draft = r
      ? { ...r }
      : { role: 'Executive Sponsor', cadenceDays: this.defaultCadenceDays, startDate: todayIso() };
  }

  can(key) {
    const info = (this.fieldAccess || {})[FIELDS[key].fieldApiName];
    return Boolean(info && (this.record ? info.updateable : info.createable));
  }

  get show() {
    return Object.fromEntries(Object.keys(FIELDS).map((key) => [key, this.can(key)]));
  }

  get heading() {
    return this.record ? labels.sponsorEditTitle : labels.sponsorAdd;
  }

  get roleOptions() {
    return picklistOptions('sponsorRole');
  }

  get contactFilter() {
    return { criteria: [{ fieldPath: 'AccountId', operator: 'eq', value: this.accountId }] };
  }

  get shownMessage() {
    return this.message || this.errorMessage;
  }

  handlePickerChange(event) {
    this.draft = { ...this.draft, [event.target.dataset.field]: event.detail.recordId || null };
  }

  handleDraftChange(event) {
    this.draft = { ...this.draft, [event.target.dataset.field]: event.detail.value };
  }

  handleSave() {
    if (!this.record && !this.draft.sponsorId) {
      this.message = labels.sponsorRequired;
      return;
    }
    const inputs = [...this.template.querySelectorAll('[data-field]')];
    if (!inputs.every((input) => !input.reportValidity || input.reportValidity() !== false)) {
      return;
    }
    this.message = undefined;
    const fields = {};
    Object.entries(FIELDS).forEach(([key, field]) => {
      if (!this.can(key)) {
        return;
      }
      let value = blankToNull(this.draft[key]);
      if (key === 'cadenceDays' && value !== null) {
        value = Number(value);
      }
      const unchanged = this.record ? value === blankToNull(this.record[key]) : value === null;
      if (!unchanged) {
        fields[field.fieldApiName] = value;
      }
    });
    this.dispatchEvent(
      new CustomEvent('save', { detail: { id: this.record ? this.record.id : null, fields } })
    );
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }
}
