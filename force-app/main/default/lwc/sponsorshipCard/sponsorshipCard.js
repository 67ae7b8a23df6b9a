import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { engagementState, ENGAGEMENT } from 'c/sponsorCadence';
import { formatDate, formatLabel, todayIso, NO_VALUE } from 'c/tandemFormat';
import { labels, picklistLabel } from 'c/tandemLabels';

const STATUS_TONE = {
  [ENGAGEMENT.ON_CADENCE]: 'success',
  [ENGAGEMENT.OVERDUE]: 'error',
  [ENGAGEMENT.NONE]: 'warning'
};

function initialsOf(name) {
  return String(name || '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

/**
 * One sponsorship: the sponsor, the customer counterpart (a link to the contact), cadence,
 * engagement status and commitments. Events: `logengagement`, `edit`, `end` (after the user
 * confirmed), each with { id }. Actions show only when the container says the user may.
 */
export default class SponsorshipCard extends NavigationMixin(LightningElement) {
  /** A sponsorship as the panel reads it (see executiveSponsorPanel's readSponsorships). */
  @api sponsorship;
  @api isMine = false;
  @api canLog = false;
  @api canEdit = false;
  @api canEnd = false;
  @api busy = false;

  labels = labels;
  confirmingEnd = false;

  get view() {
    const s = this.sponsorship || {};
    const name = s.sponsorName || labels.sponsorUnknownName;
    const state = engagementState(s, todayIso());
    return {
      name,
      initials: initialsOf(name),
      photoAlt: formatLabel(labels.sponsorPhotoOf, name),
      roleText: s.roleLabel || s.role || null,
      counterpartName: s.counterpartName || null,
      counterpartText: s.counterpartName
        ? [s.counterpartName, s.counterpartTitle].filter(Boolean).join(', ')
        : labels.sponsorNoCounterpart,
      showCounterpart: s.counterpartId !== undefined,
      cadenceText:
        typeof s.cadenceDays === 'number'
          ? formatLabel(labels.sponsorCadenceEvery, s.cadenceDays)
          : NO_VALUE,
      statusText: state.status
        ? picklistLabel('engagementStatus', state.status)
        : labels.sponsorStatusUnknown,
      statusTone: STATUS_TONE[state.status] || 'neutral',
      daysSinceText:
        state.daysSince === null ? null : formatLabel(labels.sponsorDaysSince, state.daysSince),
      nextText: s.nextEngagement ? formatDate(s.nextEngagement) : NO_VALUE,
      commitments: s.commitments,
      logTitle: formatLabel(labels.sponsorLogEngagementFor, name),
      editTitle: formatLabel(labels.sponsorEditFor, name),
      endTitle: formatLabel(labels.sponsorEndFor, name),
      confirmText: formatLabel(labels.sponsorEndConfirm, name)
    };
  }

  get hasActions() {
    return this.canLog || this.canEdit || this.canEnd;
  }

  raise(name) {
    this.dispatchEvent(new CustomEvent(name, { detail: { id: this.sponsorship.id } }));
  }

  handleLog() {
    this.raise('logengagement');
  }

  handleEdit() {
    this.raise('edit');
  }

  handleAskEnd() {
    this.confirmingEnd = true;
  }

  handleCancelEnd() {
    this.confirmingEnd = false;
  }

  handleConfirmEnd() {
    this.confirmingEnd = false;
    this.raise('end');
  }

  handleOpenCounterpart(event) {
    event.preventDefault();
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: this.sponsorship.counterpartId, actionName: 'view' }
    });
  }
}
