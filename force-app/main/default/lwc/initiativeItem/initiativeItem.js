import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { formatCurrency, formatDate, formatLabel, todayIso, NO_VALUE } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { initiativeTone, isInitiativeOverdue } from 'c/planStatus';

/**
 * One joint initiative: status (an open one past its target date is marked Overdue), target
 * date, customer sponsor (a link to the contact), and customer and supplier value realized against target.
 */
export default class InitiativeItem extends NavigationMixin(LightningElement) {
  /** An initiative as c/planModel's readInitiatives returns it. */
  @api initiative;
  @api canEdit = false;

  labels = labels;

  get view() {
    const i = this.initiative || {};
    const today = todayIso();
    const valuePair = (realized, target) => {
      if (realized === undefined || target === undefined) {
        return NO_VALUE; // hidden from this user
      }
      return formatLabel(
        labels.planRealizedOfTarget,
        formatCurrency(realized),
        formatCurrency(target)
      );
    };
    return {
      title: i.name || NO_VALUE,
      statusText: i.statusLabel || i.status || null,
      tone: initiativeTone(i, today),
      overdue: isInitiativeOverdue(i, today),
      targetDateLine: i.targetDate
        ? formatLabel(labels.planInitiativeTargetOn, formatDate(i.targetDate))
        : null,
      sponsorText: i.customerSponsorName,
      sponsorLinked: Boolean(i.customerSponsorName && i.customerSponsorId),
      customerValueText: valuePair(i.customerValueRealized, i.customerValueTarget),
      supplierValueText: valuePair(i.supplierValueRealized, i.supplierValueTarget),
      editTitle: formatLabel(labels.planEditItem, i.name || NO_VALUE)
    };
  }

  /** The customer sponsor's contact record, as the platform opens a record. */
  handleOpenSponsor(event) {
    event.preventDefault();
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: this.initiative.customerSponsorId, actionName: 'view' }
    });
  }

  handleEdit() {
    this.dispatchEvent(new CustomEvent('edit', { detail: { id: this.initiative.id } }));
  }
}
