import { api, wire } from 'lwc';
import LightningModal from 'lightning/modal';
import { NavigationMixin } from 'lightning/navigation';
import { graphql } from 'lightning/graphql';
import CURRENCY from '@salesforce/i18n/currency';
import { labels } from 'c/tandemLabels';
import { groupLabels } from 'c/groupLabels';
import { CELL_OPPORTUNITIES_QUERY } from './opportunitiesQuery';
import { readOpportunityRows } from './opportunityRows';

/** The family the sync gives opportunities without products (c/whitespaceMatrix's NO_FAMILY). */
const NO_FAMILY = '(none)';

const COLUMNS = [
  {
    label: groupLabels.matrixOppsName,
    fieldName: 'name',
    type: 'button',
    typeAttributes: { label: { fieldName: 'name' }, name: 'open', variant: 'base' },
    wrapText: true
  },
  { label: groupLabels.matrixOppsStage, fieldName: 'stage', wrapText: true },
  { label: groupLabels.matrixOppsCloseDate, fieldName: 'closeDate', type: 'date-local' },
  {
    label: groupLabels.matrixOppsAmount,
    fieldName: 'amount',
    type: 'currency',
    typeAttributes: { currencyCode: { fieldName: 'currency' } }
  }
];

/**
 * The opportunities behind one cell of the whitespace matrix (a segment × a product family),
 * read-only, in a modal: the matrix stays where it was, and the list is exactly the cell's, which
 * no list view or report link can filter to. A name opens the opportunity.
 */
export default class WhitespaceOpportunities extends NavigationMixin(LightningModal) {
  /** "Acme Fabrication · Analytics: opportunities". */
  @api heading;
  /** The segment (Account) whose opportunities are listed. */
  @api segmentId;
  /** Product2.Family, or "(none)" for opportunities without products. */
  @api family;

  labels = labels;
  groupLabels = groupLabels;
  columns = COLUMNS;
  data;
  errors;

  get variables() {
    const none = this.family === NO_FAMILY;
    return {
      segmentId: this.segmentId,
      family: none ? null : this.family,
      noProductsAccountId: none ? this.segmentId : null
    };
  }

  @wire(graphql, {
    query: CELL_OPPORTUNITIES_QUERY,
    variables: '$variables',
    operationName: 'whitespaceOpportunities'
  })
  wiredOpportunities(result) {
    if (result.data) {
      this.data = result.data;
      this.errors = undefined;
    } else if (result.errors) {
      this.errors = result.errors;
    }
  }

  get isLoading() {
    return !this.data && !this.errors;
  }

  get hasLoadError() {
    return !this.data && Boolean(this.errors);
  }

  get rows() {
    // Without multi-currency there is no CurrencyIsoCode: amounts are in the org's currency.
    return readOpportunityRows(this.data).map((row) => ({
      ...row,
      currency: row.currency || CURRENCY
    }));
  }

  get hasRows() {
    return this.rows.length > 0;
  }

  handleRowAction(event) {
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: {
        recordId: event.detail.row.id,
        objectApiName: 'Opportunity',
        actionName: 'view'
      }
    });
  }

  handleClose() {
    this.close();
  }
}
