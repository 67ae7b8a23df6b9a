import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { ENGAGEMENT } from 'c/sponsorCadence';
import {
  formatCurrency,
  formatDate,
  formatLabel,
  formatNumber,
  formatPercent,
  NO_VALUE
} from 'c/tandemFormat';
import { labels, picklistLabel } from 'c/tandemLabels';

const STATUS_TONE = {
  [ENGAGEMENT.ON_CADENCE]: 'success',
  [ENGAGEMENT.OVERDUE]: 'error',
  [ENGAGEMENT.NONE]: 'warning'
};

/**
 * One sponsored account in the sponsor's portfolio: the account (a link to its record), the
 * counterpart, the cadence status with days since the last engagement and the next one due, the
 * account's revenue, growth and score, its plan. Event: `logengagement` ({ id }), offered only
 * when the container says the user may.
 */
export default class PortfolioItem extends NavigationMixin(LightningElement) {
  /** An entry of orderPortfolio (sponsorPortfolio's portfolioModel). */
  @api entry;
  @api canLog = false;
  @api busy = false;

  labels = labels;
  accountUrl;

  connectedCallback() {
    // A real href (open in a new tab works); a plain click navigates inside the app.
    this[NavigationMixin.GenerateUrl](this.accountPage).then((url) => {
      this.accountUrl = url;
    });
  }

  get accountPage() {
    return {
      type: 'standard__recordPage',
      attributes: { recordId: this.entry.accountId, objectApiName: 'Account', actionName: 'view' }
    };
  }

  get view() {
    const e = this.entry || {};
    const state = e.state || { status: null, daysSince: null };
    const metric = e.metric || {};
    const money = metric.currency
      ? { compact: true, currency: metric.currency }
      : { compact: true };
    const accountName = e.accountName || NO_VALUE;
    return {
      accountName,
      statusText: state.status
        ? picklistLabel('engagementStatus', state.status)
        : labels.sponsorStatusUnknown,
      statusTone: STATUS_TONE[state.status] || 'neutral',
      daysSinceText:
        state.daysSince === null ? null : formatLabel(labels.sponsorDaysSince, state.daysSince),
      showCounterpart: e.counterpartId !== undefined,
      counterpartText: e.counterpartName
        ? [e.counterpartName, e.counterpartTitle].filter(Boolean).join(', ')
        : labels.sponsorNoCounterpart,
      nextText: e.nextEngagement ? formatDate(e.nextEngagement) : NO_VALUE,
      revenueText: formatCurrency(metric.revenueTtm, money),
      growthText:
        typeof metric.growthYoy === 'number'
          ? formatLabel(labels.planMetricYoy, formatPercent(metric.growthYoy, { signed: true }))
          : null,
      scoreText: formatNumber(metric.strategicScore, { maximumFractionDigits: 0 }),
      planText: e.plan ? e.plan.statusLabel || e.plan.status || NO_VALUE : labels.portfolioNoPlan,
      reviewText: e.plan && e.plan.nextReview ? formatDate(e.plan.nextReview) : NO_VALUE,
      logTitle: formatLabel(labels.portfolioLogAt, accountName)
    };
  }

  handleOpenAccount(event) {
    event.preventDefault();
    this[NavigationMixin.Navigate](this.accountPage);
  }

  handleLog() {
    this.dispatchEvent(new CustomEvent('logengagement', { detail: { id: this.entry.id } }));
  }
}
