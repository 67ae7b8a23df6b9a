import { api, wire } from 'lwc';
import LightningModal from 'lightning/modal';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { truncate } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { PLAN_FORMS } from './planFields';

const HALF = 'slds-col slds-size_1-of-1 slds-medium-size_1-of-2';
const WIDE = 'slds-col slds-size_1-of-1';

/**
 * Adds or edits a plan, objective or joint initiative with lightning-record-edit-form: the
 * platform reads labels, types and picklist values, shows only fields the user may read, makes
 * read-only the ones they may not write, and answers validation rules. Closes with { id } after a
 * save and with undefined on cancel.
 */
export default class PlanRecordModal extends LightningModal {
  /** plan | objective | initiative | task */
  @api kind;
  /** The record to edit; empty to add one. */
  @api recordId;
  /** The record a new one is created under (the account or the plan). */
  @api parentId;
  /** The account, whose contacts the contact pickers offer. */
  @api accountId;
  /** Values a new record starts with: { fieldApiName: value }. */
  @api defaults;
  /** Current values of the picker lookups of the record edited: { fieldApiName: id }. */
  @api lookups;

  labels = labels;
  saving = false;
  /** The values chosen in the pickers: { fieldApiName: id }. */
  picked = {};

  @wire(getObjectInfo, { objectApiName: '$objectApiName' })
  objectInfo;

  connectedCallback() {
    this.picked = { ...(this.lookups || {}) };
  }

  get form() {
    return PLAN_FORMS[this.kind];
  }

  get objectApiName() {
    return this.form.object;
  }

  get heading() {
    const [add, edit] = this.form.headings;
    return labels[this.recordId ? edit : add];
  }

  /** A new record shows its defaults; an existing one its stored values (value left undefined). */
  inputs(names, className) {
    const defaults = (!this.recordId && this.defaults) || {};
    return names.map((name) => ({ name, className, value: defaults[name] }));
  }

  get fields() {
    return [...this.inputs(this.form.half, HALF), ...this.inputs(this.form.wide, WIDE)];
  }

  /** Pickers for lookups the user may write (the record-edit-form does this for its own fields). */
  get pickers() {
    const info = this.objectInfo && this.objectInfo.data;
    if (!info) {
      return [];
    }
    return this.form.pickers
      .filter(({ field }) => {
        const access = info.fields[field];
        return access && (this.recordId ? access.updateable : access.createable);
      })
      .map(({ field, object, label, ofAccount }) => ({
        field,
        object,
        label: labels[label],
        value: this.picked[field] || null,
        filter:
          ofAccount && this.accountId
            ? { criteria: [{ fieldPath: 'AccountId', operator: 'eq', value: this.accountId }] }
            : undefined
      }));
  }

  handlePick(event) {
    this.picked = { ...this.picked, [event.target.dataset.field]: event.detail.recordId || null };
  }

  /** What the form saves: its input fields, the pickers, the parent and the derived name. */
  fieldsToSave() {
    const fields = {};
    this.template.querySelectorAll('lightning-input-field').forEach((input) => {
      fields[input.fieldName] = input.value === undefined ? null : input.value;
    });
    this.pickers.forEach(({ field }) => {
      // A new record left without a choice takes the platform's default (a task's owner: me).
      if (this.recordId || this.picked[field]) {
        fields[field] = this.picked[field] || null;
      }
    });
    if (!this.recordId) {
      fields[this.form.parent] = this.parentId;
    }
    if (this.form.name && fields[this.form.nameFrom]) {
      fields[this.form.name] = truncate(String(fields[this.form.nameFrom]).trim(), 80);
    }
    return fields;
  }

  handleSave() {
    const checked = [...this.template.querySelectorAll('lightning-input-field')];
    if (!checked.every((input) => input.reportValidity() !== false)) {
      return;
    }
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
