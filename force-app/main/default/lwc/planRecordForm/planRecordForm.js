import { LightningElement, api } from 'lwc';
import { addYears, formatLabel, truncate, NO_VALUE } from 'c/tandemFormat';
import { labels, picklistOptions } from 'c/tandemLabels';
import { INITIATIVE_FORM, OBJECTIVE_FORM, PLAN_FORM } from './planSchema';

const FORMS = { plan: PLAN_FORM, objective: OBJECTIVE_FORM, initiative: INITIATIVE_FORM };
const NUMERIC_TYPES = new Set(['number', 'currency', 'rating']);
const RATING_OPTIONS = ['1', '2', '3', '4', '5'].map((value) => ({ value, label: value }));
const HEADINGS = {
  plan: ['planCreatePlan', 'planEditPlan'],
  objective: ['planAddObjective', 'planEditObjective'],
  initiative: ['planAddInitiative', 'planEditInitiative']
};

const toInput = (value) => (value === null || value === undefined ? '' : String(value));
const normalized = (value) => (value === undefined || value === '' ? null : value);

function fromInput(spec, raw) {
  if (raw === '' || raw === null || raw === undefined) {
    return null;
  }
  if (NUMERIC_TYPES.has(spec.type)) {
    const number = Number(raw);
    return Number.isFinite(number) ? number : null;
  }
  return typeof raw === 'string' ? raw.trim() || null : raw;
}

/**
 * The form of a plan, objective or joint initiative. It offers only the fields the user may
 * write (createable for a new record, updateable for an existing one, from getObjectInfo),
 * keeps the draft and checks it. Events: `save` ({ apiName, id, fields }) with only what
 * changed, `cancel`. The container writes.
 */
export default class PlanRecordForm extends LightningElement {
  /** plan | objective | initiative */
  @api kind;
  /** The record being edited (c/planModel shape), or null for a new one. */
  @api record;
  /** Values a new record starts with, by model key. */
  @api prefill;
  /** ObjectInfo `fields` of the record's object: { [apiName]: { createable, updateable } }. */
  @api fieldAccess = {};
  /** Contacts of the account for the initiative's customer sponsor: [{ id, name }]. */
  @api contacts = [];
  /** The id of the parent record a new record is created under (account or plan). */
  @api parentId;
  @api saving = false;
  @api errors;

  labels = labels;
  draft = {};
  message;

  connectedCallback() {
    const source = this.record || this.prefill || {};
    const draft = {};
    this.form.fields.forEach((spec) => {
      draft[spec.key] = toInput(source[spec.key]);
    });
    this.draft = draft;
  }

  get form() {
    return FORMS[this.kind];
  }

  get heading() {
    const [create, edit] = HEADINGS[this.kind];
    return labels[this.record ? edit : create];
  }

  /** The user may write this field on this record (FLS as the UI API reports it). */
  writable(spec) {
    const info = (this.fieldAccess || {})[spec.field.fieldApiName];
    return Boolean(info && (this.record ? info.updateable : info.createable));
  }

  get fields() {
    const contactOptions = [
      { value: '', label: labels.commonNone },
      ...(this.contacts || []).map((c) => ({ value: c.id, label: c.name || NO_VALUE }))
    ];
    return this.form.fields
      .filter((spec) => this.writable(spec))
      .map((spec) => {
        let options;
        if (spec.type === 'picklist') {
          options = [{ value: '', label: labels.commonNone }, ...picklistOptions(spec.picklist)];
        } else if (spec.type === 'rating') {
          options = [{ value: '', label: labels.commonNone }, ...RATING_OPTIONS];
        } else if (spec.type === 'contact') {
          options = contactOptions;
        }
        return {
          key: spec.key,
          label: labels[spec.label],
          value: this.draft[spec.key],
          required: Boolean(spec.required),
          maxLength: spec.maxLength,
          options,
          isText: spec.type === 'text',
          isTextarea: spec.type === 'textarea',
          isNumber: spec.type === 'number',
          isCurrency: spec.type === 'currency',
          isDate: spec.type === 'date',
          isChoice: Boolean(options),
          isUser: spec.type === 'user',
          className:
            spec.type === 'textarea'
              ? 'slds-col slds-size_1-of-1'
              : 'slds-col slds-size_1-of-1 slds-medium-size_1-of-2'
        };
      });
  }

  handleFieldChange(event) {
    const { key, value } = event.detail;
    this.draft = { ...this.draft, [key]: toInput(value) };
  }

  /** Fields to write: every filled field of a new record, only the changes of an existing one. */
  changedFields() {
    const fields = {};
    const missing = [];
    this.form.fields
      .filter((spec) => this.writable(spec))
      .forEach((spec) => {
        const value = fromInput(spec, this.draft[spec.key]);
        if (spec.required && value === null) {
          missing.push(labels[spec.label]);
        }
        const unchanged = this.record
          ? value === normalized(this.record[spec.key])
          : value === null;
        if (!unchanged) {
          fields[spec.field.fieldApiName] = value;
        }
      });
    return { fields, missing };
  }

  problem(missing) {
    if (missing.length > 0) {
      return formatLabel(labels.planRequiredMissing, missing.join(', '));
    }
    if (this.kind === 'plan') {
      const { startDate: start, endDate: end } = this.draft;
      if (start && end && end <= start) {
        return labels.planEndBeforeStart;
      }
      if (start && end && end > addYears(start, 5)) {
        return labels.planTooLong;
      }
    }
    return null;
  }

  handleSave() {
    const { fields, missing } = this.changedFields();
    this.message = this.problem(missing);
    if (this.message) {
      return;
    }
    const form = this.form;
    if (!this.record) {
      fields[form.parent.fieldApiName] = this.parentId;
      if (form.name) {
        // The record name repeats another field (shortened), so lists and lookups read well.
        fields[form.name.fieldApiName] = truncate(
          fromInput({ type: 'text' }, this.draft[form.nameFrom]),
          80
        );
      }
    }
    this.dispatchEvent(
      new CustomEvent('save', {
        detail: {
          apiName: form.object.objectApiName,
          id: this.record ? this.record.id : null,
          fields
        }
      })
    );
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }
}
