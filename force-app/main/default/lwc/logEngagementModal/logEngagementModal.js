import { api, wire } from 'lwc';
import LightningModal from 'lightning/modal';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';
import EVENT_TYPE from '@salesforce/schema/Event.Type';
import { formatLabel, todayIso } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';

// The master record type: Event types as the admin configured them, translated by the platform.
const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

/**
 * Asks when the sponsor met the counterpart, how, and what was said. Closes with
 * { date, type, notes } when the user logs it, and with undefined when they cancel.
 */
export default class LogEngagementModal extends LightningModal {
  @api sponsorName;
  @api counterpartName;

  labels = labels;
  date = todayIso();
  type = null;
  notes = null;

  @wire(getPicklistValues, { recordTypeId: MASTER_RECORD_TYPE_ID, fieldApiName: EVENT_TYPE })
  eventTypes;

  get typeOptions() {
    const values = (this.eventTypes && this.eventTypes.data && this.eventTypes.data.values) || [];
    return values.map(({ label, value }) => ({ label, value }));
  }

  get hasTypes() {
    return this.typeOptions.length > 0;
  }

  get heading() {
    return this.counterpartName
      ? formatLabel(labels.sponsorLogWith, labels.sponsorLogEngagement, this.counterpartName)
      : labels.sponsorLogEngagement;
  }

  handleChange(event) {
    this[event.target.dataset.field] = event.detail.value || null;
  }

  handleCancel() {
    this.close(undefined);
  }

  handleLog() {
    const date = this.template.querySelector('[data-field="date"]');
    if (!this.date || (date && date.reportValidity && date.reportValidity() === false)) {
      return;
    }
    this.close({ date: this.date, type: this.type, notes: this.notes });
  }
}
