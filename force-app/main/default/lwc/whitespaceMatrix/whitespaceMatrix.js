import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import CELL_OBJECT from '@salesforce/schema/Whitespace_Cell__c';
import STATUS_FIELD from '@salesforce/schema/Whitespace_Cell__c.Status__c';
import WhitespaceOpportunities from 'c/whitespaceOpportunities';
import { MASTER_RECORD_TYPE_ID, picklistLabeler } from 'c/picklistLabels';
import { NO_VALUE, formatCurrency, formatLabel } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { GraphqlWireMixin } from 'c/graphqlWire';
import { groupLabels } from 'c/groupLabels';
import { WHITESPACE_MATRIX_QUERY } from './matrixQuery';
import {
  NO_FAMILY,
  STATUSES,
  buildMatrix,
  canReadCells,
  groupTop,
  readCells,
  readSegments
} from './matrixModel';

// A shape as well as a colour for each status, so the matrix reads without colour vision.
const STATUS_ICON = {
  Won: 'utility:success',
  Open: 'utility:clock',
  Lost: 'utility:close',
  Whitespace: 'utility:add'
};

const compact = (value) => formatCurrency(value, { compact: true });

/**
 * What a customer group buys from us: its segments (this account and its subsidiaries,
 * indented by level) × product families, each cell coloured by status with won TTM and open
 * pipeline, totals per row and column. Read-only. A cell opens the segment's opportunities in
 * that family (c/whitespaceOpportunities).
 */
export default class WhitespaceMatrix extends GraphqlWireMixin(LightningElement) {
  @api recordId;

  labels = labels;
  groupLabels = groupLabels;

  get variables() {
    return { recordId: this.recordId };
  }

  @wire(graphql, {
    query: WHITESPACE_MATRIX_QUERY,
    variables: '$variables',
    operationName: 'whitespaceMatrix'
  })
  wiredMatrix(result) {
    this.receiveGraphql(result);
  }

  /** Status labels in the user's language. */
  @wire(getPicklistValuesByRecordType, {
    objectApiName: CELL_OBJECT,
    recordTypeId: MASTER_RECORD_TYPE_ID
  })
  cellPicklists;

  get noAccess() {
    return !canReadCells(this.data);
  }

  get cells() {
    return readCells(this.data);
  }

  get matrix() {
    return buildMatrix(readSegments(this.data, this.recordId), this.cells);
  }

  get isEmpty() {
    return this.matrix.families.length === 0;
  }

  /** "Lumen Optics and its subsidiaries, in the Castellan Manufacturing group" on a subsidiary. */
  get subtreeNote() {
    const top = groupTop(this.cells, this.recordId);
    const [root] = this.matrix.rows;
    return top && root ? formatLabel(groupLabels.matrixSubtree, root.segment.name, top.name) : null;
  }

  statusLabel(status) {
    return picklistLabeler(this.cellPicklists)(STATUS_FIELD.fieldApiName, status);
  }

  familyLabel(family) {
    return family === NO_FAMILY ? groupLabels.matrixNoFamily : family;
  }

  get legend() {
    return STATUSES.map((status) => ({
      status,
      label: this.statusLabel(status),
      iconName: STATUS_ICON[status],
      className: `legend-item swatch status-${status.toLowerCase()}`
    }));
  }

  get columns() {
    return this.matrix.families.map((family) => ({ key: family, label: this.familyLabel(family) }));
  }

  /** Won and open amounts as the cell shows them; a cell with neither names its status. */
  amountLines(won, open) {
    const lines = [];
    if (won > 0) {
      lines.push({
        key: 'won',
        className: 'won',
        text: formatLabel(groupLabels.matrixWon, compact(won))
      });
    }
    if (open > 0) {
      lines.push({
        key: 'open',
        className: 'open',
        text: formatLabel(groupLabels.matrixOpen, compact(open))
      });
    }
    return lines;
  }

  /** A total's lines; "—" for a segment or family with nothing won or open. */
  totalLines({ won, open }) {
    const lines = this.amountLines(won, open);
    return lines.length ? lines : [{ key: 'none', className: 'none', text: NO_VALUE }];
  }

  get rows() {
    return this.matrix.rows.map((row) => ({
      key: row.segment.id,
      name: row.segment.name,
      level: row.segment.level,
      headerClass: `segment level-${Math.min(row.segment.level, 5)}`,
      cells: row.cells.map((cell) => {
        const statusLabel = this.statusLabel(cell.status);
        const familyLabel = this.familyLabel(cell.family);
        return {
          key: cell.family,
          family: cell.family,
          status: cell.status,
          statusLabel,
          iconName: STATUS_ICON[cell.status],
          className: `cell status-${cell.status.toLowerCase()}`,
          lines: this.amountLines(cell.won, cell.open),
          hasLines: cell.won > 0 || cell.open > 0,
          actionLabel: formatLabel(
            groupLabels.matrixCellAction,
            row.segment.name,
            familyLabel,
            statusLabel,
            formatCurrency(cell.won),
            formatCurrency(cell.open)
          )
        };
      }),
      totalLines: this.totalLines(row.total)
    }));
  }

  get totals() {
    return this.matrix.columnTotals.map((column) => ({
      key: column.family,
      lines: this.totalLines(column)
    }));
  }

  get grandTotalLines() {
    return this.totalLines(this.matrix.total);
  }

  /** A cell's opportunities in a modal: filtered to exactly that segment and family. */
  handleCellClick(event) {
    const { segment, family } = event.currentTarget.dataset;
    const row = this.matrix.rows.find((candidate) => candidate.segment.id === segment);
    const heading = formatLabel(
      groupLabels.matrixOppsTitle,
      row.segment.name,
      this.familyLabel(family)
    );
    WhitespaceOpportunities.open({
      size: 'medium',
      label: heading,
      heading,
      segmentId: segment,
      family
    });
  }
}
