import { LightningElement, api } from 'lwc';
import { formatCurrency, formatNumber, formatPercent, NO_VALUE } from 'c/tandemFormat';
import { picklistLabel } from 'c/tandemLabels';
import { programLabels } from 'c/programLabels';
import { PLAN_STATUS, SPONSOR_STATUS, sortRows } from 'c/programModel';

// Each shown column sorts on the raw value behind its text (amounts and percentages by number).
const COLUMNS = [
  { fieldName: 'name', label: 'columnAccount', sortBy: 'name', kind: 'link' },
  { fieldName: 'revenueText', label: 'columnRevenue', sortBy: 'revenueTtm' },
  { fieldName: 'growthText', label: 'columnGrowth', sortBy: 'growthYoY' },
  { fieldName: 'cagrText', label: 'columnCagr', sortBy: 'cagr3Y' },
  { fieldName: 'scoreText', label: 'columnScore', sortBy: 'score' },
  { fieldName: 'balanceText', label: 'columnBalance', sortBy: 'balance' },
  { fieldName: 'sponsorText', label: 'columnSponsor', sortBy: 'sponsorText', kind: 'status' },
  { fieldName: 'planText', label: 'columnPlan', sortBy: 'planText', kind: 'status' }
];

function sponsorText(status) {
  if (status === undefined) {
    return NO_VALUE;
  }
  return status === SPONSOR_STATUS.NONE
    ? programLabels.noSponsor
    : picklistLabel('engagementStatus', status);
}

function planText(account) {
  if (account.planStatus === undefined) {
    return NO_VALUE;
  }
  return account.planStatus === PLAN_STATUS.NONE
    ? programLabels.noPlan
    : account.planStatusLabel || account.planStatus;
}

/**
 * The strategic accounts as a sortable table (TTM, YoY, CAGR, score, mutual-value balance,
 * sponsor and plan status); an account's name opens its record (raises `open` with its id).
 */
export default class ProgramAccounts extends LightningElement {
  /** Rows of c/programModel's readStrategicAccounts. */
  @api accounts = [];

  programLabels = programLabels;
  sortedBy = 'revenueText';
  sortedDirection = 'desc';

  get hasAccounts() {
    return (this.accounts || []).length > 0;
  }

  get columns() {
    return COLUMNS.map((column) => {
      const base = {
        label: programLabels[column.label],
        fieldName: column.fieldName,
        sortable: true,
        hideDefaultActions: true
      };
      return column.kind === 'link'
        ? {
            ...base,
            // Names stay readable; the figures share the rest.
            initialWidth: 200,
            type: 'button',
            typeAttributes: {
              label: { fieldName: 'name' },
              title: { fieldName: 'openTitle' },
              name: 'open',
              variant: 'base'
            }
          }
        : // Statuses wrap rather than cut ("No engagement").
          { ...base, type: 'text', wrapText: column.kind === 'status' };
    });
  }

  get rows() {
    const rows = (this.accounts || []).map((account) => ({
      ...account,
      name: account.name || NO_VALUE,
      openTitle: account.name,
      revenueText: formatCurrency(account.revenueTtm, { compact: true }),
      growthText: formatPercent(account.growthYoY, { signed: true }),
      cagrText: formatPercent(account.cagr3Y, { signed: true }),
      scoreText: formatNumber(account.score, { maximumFractionDigits: 0 }),
      balanceText: formatNumber(account.balance, { maximumFractionDigits: 0 }),
      sponsorText: sponsorText(account.sponsorStatus),
      planText: planText(account)
    }));
    const column = COLUMNS.find((c) => c.fieldName === this.sortedBy) || COLUMNS[1];
    // "—" is blank: sort it last, as sortRows does with null.
    const keyed = rows.map((row) => ({
      ...row,
      sortKey: row[column.sortBy] === NO_VALUE ? null : row[column.sortBy]
    }));
    return sortRows(keyed, 'sortKey', this.sortedDirection);
  }

  handleSort(event) {
    this.sortedBy = event.detail.fieldName;
    this.sortedDirection = event.detail.sortDirection;
  }

  handleRowAction(event) {
    this.dispatchEvent(new CustomEvent('open', { detail: { id: event.detail.row.id } }));
  }
}
