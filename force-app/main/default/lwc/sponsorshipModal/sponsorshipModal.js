import { api, wire } from 'lwc';
import LightningModal from 'lightning/modal';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import SPONSOR_OBJECT from '@salesforce/schema/Executive_Sponsor__c';
import ACCOUNT_FIELD from '@salesforce/schema/Executive_Sponsor__c.Account__c';
import ACTIVE_FIELD from '@salesforce/schema/Executive_Sponsor__c.Active__c';
import SPONSOR_FIELD from '@salesforce/schema/Executive_Sponsor__c.Sponsor__c';
import COUNTERPART_FIELD from '@salesforce/schema/Executive_Sponsor__c.Customer_Counterpart__c';
import ROLE_FIELD from '@salesforce/schema/Executive_Sponsor__c.Role__c';
import START_DATE_FIELD from '@salesforce/schema/Executive_Sponsor__c.Start_Date__c';
import CADENCE_FIELD from '@salesforce/schema/Executive_Sponsor__c.Cadence_Days__c';
import NEXT_ENGAGEMENT_FIELD from '@salesforce/schema/Executive_Sponsor__c.Next_Engagement__c';
import COMMITMENTS_FIELD from '@salesforce/schema/Executive_Sponsor__c.Commitments__c';
import { todayIso } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';

const SPONSOR = SPONSOR_FIELD.fieldApiName;
const COUNTERPART = COUNTERPART_FIELD.fieldApiName;
const HALF = 'slds-col slds-size_1-of-1 slds-medium-size_1-of-2';

/**
 * Adds a sponsorship or edits one with lightning-record-edit-form (labels, picklist values,
 * access and validation rules from the platform); the sponsor (a user) and the counterpart (a
 * contact of the account) are chosen with lightning-record-picker. Closes with { id } after a
 * save and with undefined on cancel.
 */
export default class SponsorshipModal extends LightningModal {
  /** The sponsorship to edit; empty to add one. */
  @api recordId;
  @api accountId;
  /** The sponsor and counterpart of the sponsorship edited: { sponsorId, counterpartId }. */
  @api current;
  @api defaultCadenceDays = 90;

  labels = labels;
  objectApiName = SPONSOR_OBJECT.objectApiName;
  saving = false;
  message;
  picked = {};

  @wire(getObjectInfo, { objectApiName: SPONSOR_OBJECT })
  objectInfo;

  connectedCallback() {
    const current = this.current || {};
    this.picked = {
      [SPONSOR]: current.sponsorId || null,
      [COUNTERPART]: current.counterpartId || null
    };
  }

  get heading() {
    return this.recordId ? labels.sponsorEditTitle : labels.sponsorAdd;
  }

  get fields() {
    const isNew = !this.recordId;
    const value = (newValue) => (isNew ? newValue : undefined);
    return [
      { name: ROLE_FIELD.fieldApiName, value: value('Executive Sponsor'), className: HALF },
      { name: CADENCE_FIELD.fieldApiName, value: value(this.defaultCadenceDays), className: HALF },
      { name: START_DATE_FIELD.fieldApiName, value: value(todayIso()), className: HALF },
      { name: NEXT_ENGAGEMENT_FIELD.fieldApiName, className: HALF },
      { name: COMMITMENTS_FIELD.fieldApiName, className: 'slds-col slds-size_1-of-1' }
    ];
  }

  writable(field) {
    const info = this.objectInfo && this.objectInfo.data;
    const access = info && info.fields[field];
    return Boolean(access && (this.recordId ? access.updateable : access.createable));
  }

  get showSponsor() {
    return this.writable(SPONSOR);
  }

  get showCounterpart() {
    return this.writable(COUNTERPART);
  }

  get contactFilter() {
    return { criteria: [{ fieldPath: 'AccountId', operator: 'eq', value: this.accountId }] };
  }

  get sponsorId() {
    return this.picked[SPONSOR];
  }

  get counterpartId() {
    return this.picked[COUNTERPART];
  }

  handlePick(event) {
    this.picked = { ...this.picked, [event.target.dataset.field]: event.detail.recordId || null };
  }

  fieldsToSave() {
    const fields = {};
    this.template.querySelectorAll('lightning-input-field').forEach((input) => {
      fields[input.fieldName] = input.value === undefined ? null : input.value;
    });
    [SPONSOR, COUNTERPART]
      .filter((field) => this.writable(field))
      .forEach((field) => {
        fields[field] = this.picked[field] || null;
      });
    if (!this.recordId) {
      fields[ACCOUNT_FIELD.fieldApiName] = this.accountId;
      fields[ACTIVE_FIELD.fieldApiName] = true;
    }
    return fields;
  }

  handleSave() {
    if (!this.recordId && !this.picked[SPONSOR]) {
      this.message = labels.sponsorRequired;
      return;
    }
    const inputs = [...this.template.querySelectorAll('lightning-input-field')];
    if (!inputs.every((input) => input.reportValidity() !== false)) {
      return;
    }
    this.message = undefined;
    this.saving = true;
    this.refs.form.submit(this.fieldsToSave());
  }

  handleSuccess(event) {
    this.saving = false;
    this.close({ id: event.detail.id });
  }

  /** The form shows the platform's errors (validation rules, access) in lightning-messages. */
  handleError() {
    this.saving = false;
  }

  handleCancel() {
    this.close(undefined);
  }
}
