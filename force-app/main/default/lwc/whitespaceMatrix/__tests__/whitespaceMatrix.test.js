import { createElement } from '@lwc/engine-dom';
import WhitespaceMatrix from 'c/whitespaceMatrix';
import WhitespaceOpportunities from 'c/whitespaceOpportunities';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import { RefreshEvent } from 'lightning/refresh';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

const mockMatrix = require('./data/graphqlMatrix.json');
const mockSubsidiary = require('./data/graphqlMatrixSubsidiary.json');
const mockEmpty = require('./data/graphqlMatrixEmpty.json');
const mockNoAccess = require('./data/graphqlMatrixNoAccess.json');
const mockStatusLabels = require('./data/getPicklistValuesCell.json');

const CASTELLAN = '001000000000001AAA';
const FALCON = '001000000000003AAA';

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(recordId = CASTELLAN) {
  const element = createElement('c-whitespace-matrix', { is: WhitespaceMatrix });
  element.recordId = recordId;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

async function emit(data) {
  graphql.emit(data);
  getPicklistValuesByRecordType.emit(mockStatusLabels);
  await flushPromises();
}

/** The lines of a cell (won, open, or its status) joined with " | ". */
const linesOf = (node) =>
  [...node.querySelectorAll('.amounts > span, :scope > span')].map(text).join(' | ');

/** Each body row as the user reads it: segment, level, then each cell's status and text. */
function rowsOf(element) {
  return $$(element, 'tbody tr.row').map((row) => ({
    segment: text(row.querySelector('th')),
    level: Number(row.dataset.level),
    cells: [...row.querySelectorAll('td.cell')].map(
      (cell) => `${cell.dataset.status}: ${linesOf(cell)}`
    ),
    total: linesOf(row.querySelector('td.row-total'))
  }));
}

describe('c-whitespace-matrix', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner until the wire answers', async () => {
    const element = await mount();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    expect($(element, 'table')).toBeNull();
  });

  it('queries the account and its subsidiaries in one request', async () => {
    await mount();
    expect(graphql.getLastConfig()).toEqual(
      expect.objectContaining({
        variables: { recordId: CASTELLAN },
        operationName: 'whitespaceMatrix'
      })
    );
  });

  it('shows a readable message in the error panel when the wire fails', async () => {
    const element = await mount();
    graphql.emitErrors([{ message: 'Field Won_TTM__c is not available' }]);
    await flushPromises();
    const panel = $(element, 'c-error-panel');
    expect(panel).not.toBeNull();
    expect(panel.friendlyMessage).toBe('The whitespace matrix could not be loaded.');
    expect(text(panel.shadowRoot.querySelector('.messages'))).toBe(
      'Field Won_TTM__c is not available'
    );
    expect($(element, 'table')).toBeNull();
  });

  it('says so when nothing has been sold to the group yet', async () => {
    const element = await mount();
    await emit(mockEmpty);
    expect(text($(element, 'p.empty'))).toBe('No products sold to this group yet.');
    expect($(element, 'table')).toBeNull();
    expect($(element, 'c-error-panel')).toBeNull();
  });

  it('shows a clear notice, not a broken card, to a user who may not read the cells', async () => {
    const element = await mount();
    await emit(mockNoAccess);
    expect(text($(element, 'p.no-access'))).toBe(
      'You do not have access to the whitespace cells; ask your administrator for a Tandem permission set.'
    );
    expect($(element, 'table')).toBeNull();
    expect($(element, 'c-error-panel')).toBeNull();
    await expect(element).toBeAccessible();
  });

  describe('the Castellan group', () => {
    it('lists the segments in tree order, indented by level, and the families as columns', async () => {
      const element = await mount();
      await emit(mockMatrix);
      expect($$(element, 'thead th').map(text)).toEqual([
        'Segment',
        'Analytics',
        'Fleet Telematics',
        'Predictive Maintenance',
        'Total'
      ]);
      expect(rowsOf(element).map((row) => [row.segment, row.level])).toEqual([
        ['Castellan Manufacturing', 0],
        ['Acme Fabrication', 1],
        ['Falcon Aerospace Parts', 1],
        ['Lumen Optics', 2],
        ['Quartz Electronics', 3]
      ]);
      expect($$(element, 'tbody th').map((th) => th.className)).toEqual([
        'segment level-0',
        'segment level-1',
        'segment level-1',
        'segment level-2',
        'segment level-3'
      ]);
      expect($(element, 'p.subtree')).toBeNull();
    });

    it('colours each cell by status and shows won TTM and open pipeline, or the status itself', async () => {
      const element = await mount();
      await emit(mockMatrix);
      const rows = rowsOf(element);
      expect(rows[0].cells).toEqual([
        'Won: $1.2M won | $300K open',
        'Open: $450K open',
        'Lost: Lost'
      ]);
      expect(rows[1].cells).toEqual([
        'Whitespace: Whitespace',
        'Won: $250K won',
        'Whitespace: Whitespace'
      ]);
      expect(rows[4].cells).toEqual([
        'Whitespace: Whitespace',
        'Whitespace: Whitespace',
        'Lost: Lost'
      ]);
      const won = $(element, 'td.cell[data-status="Won"]');
      expect(won.className).toBe('cell status-won');
      // A shape per status besides the colour.
      expect(won.querySelector('lightning-icon').iconName).toBe('utility:success');
      expect($(element, 'td.cell[data-status="Lost"] lightning-icon').iconName).toBe(
        'utility:close'
      );
      expect($(element, 'td.cell[data-status="Whitespace"] lightning-icon').iconName).toBe(
        'utility:add'
      );
      expect($(element, 'td.cell[data-status="Open"] lightning-icon').iconName).toBe(
        'utility:clock'
      );
    });

    it('adds up every row and column', async () => {
      const element = await mount();
      await emit(mockMatrix);
      // Rows: Castellan 1,200,000 won, 300,000 + 450,000 = 750,000 open; Acme 250,000 won;
      // Falcon 80,000.10 won; Lumen 20,000.20 open; Quartz nothing.
      expect(rowsOf(element).map((row) => row.total)).toEqual([
        '$1.2M won | $750K open',
        '$250K won',
        '$80K won',
        '$20K open',
        '—'
      ]);
      // Columns: Analytics 1,200,000 + 80,000.10 = 1,280,000.10 won, 300,000 + 20,000.20 =
      // 320,000.20 open; Fleet Telematics 250,000 won, 450,000 open; Predictive Maintenance none.
      expect($$(element, 'tfoot td.column-total').map(linesOf)).toEqual([
        '$1.3M won | $320K open',
        '$250K won | $450K open',
        '—'
      ]);
      // All: 1,280,000.10 + 250,000 = 1,530,000.10 won; 320,000.20 + 450,000 = 770,000.20 open.
      expect(linesOf($(element, 'tfoot td.grand-total'))).toBe('$1.5M won | $770K open');
    });

    it('names each cell for assistive technology with its full amounts', async () => {
      const element = await mount();
      await emit(mockMatrix);
      const button = $(element, 'tbody tr.row[data-segment="001000000000003AAA"] button');
      expect(button.getAttribute('aria-label')).toBe(
        'Falcon Aerospace Parts, Analytics: Won, $80,000 won, $0 open. Show the opportunities'
      );
    });

    it('shows a legend with a label and an icon per status', async () => {
      const element = await mount();
      await emit(mockMatrix);
      expect($$(element, '.legend-item').map(text)).toEqual(['Won', 'Open', 'Lost', 'Whitespace']);
      expect($$(element, '.legend-item lightning-icon').map((icon) => icon.iconName)).toEqual([
        'utility:success',
        'utility:clock',
        'utility:close',
        'utility:add'
      ]);
    });

    it("opens the cell's opportunities in a modal filtered to its segment and family", async () => {
      const element = await mount();
      await emit(mockMatrix);
      const cell = $$(element, 'tbody tr.row[data-segment="001000000000004AAA"] button')[0];
      cell.click();
      expect(WhitespaceOpportunities.open).toHaveBeenCalledWith({
        size: 'medium',
        label: 'Lumen Optics · Analytics: opportunities',
        heading: 'Lumen Optics · Analytics: opportunities',
        segmentId: '001000000000004AAA',
        family: 'Analytics'
      });
    });

    it('offers no action that writes (read-only)', async () => {
      const element = await mount();
      await emit(mockMatrix);
      expect($$(element, 'lightning-button')).toHaveLength(0);
      expect($$(element, 'lightning-button-icon')).toHaveLength(0);
    });

    it('reloads when another component asks the page to refresh', async () => {
      const element = await mount();
      await emit(mockMatrix);
      element.dispatchEvent(new RefreshEvent());
      await flushPromises();
      expect(refreshGraphQL).toHaveBeenCalled();
    });

    it('is accessible', async () => {
      const element = await mount();
      await emit(mockMatrix);
      await expect(element).toBeAccessible();
    });
  });

  describe("a subsidiary's page", () => {
    it("shows the subsidiary's own subtree of the group matrix, and says whose group it is", async () => {
      const element = await mount(FALCON);
      await emit(mockSubsidiary);
      expect(rowsOf(element).map((row) => [row.segment, row.level])).toEqual([
        ['Falcon Aerospace Parts', 0],
        ['Lumen Optics', 1],
        ['Quartz Electronics', 2]
      ]);
      expect(text($(element, 'p.subtree'))).toBe(
        'Falcon Aerospace Parts and its subsidiaries, in the Castellan Manufacturing group'
      );
      // Analytics: Falcon 80,000.10 won + Lumen 20,000.20 open.
      expect(linesOf($(element, 'tfoot td.column-total'))).toBe('$80K won | $20K open');
    });
  });
});
