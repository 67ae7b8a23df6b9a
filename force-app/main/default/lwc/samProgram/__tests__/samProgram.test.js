import { createElement } from '@lwc/engine-dom';
import SamProgram from 'c/samProgram';
import { graphql } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { getNavigateCalledWith } from 'lightning/navigation';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

const mockProgram = require('./data/graphqlProgram.json');
const mockEmpty = require('./data/graphqlProgramEmpty.json');
const mockRestricted = require('./data/graphqlProgramRestricted.json');
const mockAdmin = require('./data/getObjectInfosAdmin.json');
const mockRep = require('./data/getObjectInfosRep.json');
const mockAccountEditor = require('./data/getObjectInfosAccountEditor.json');

jest.mock('lightning/uiRecordApi', () => ({ updateRecord: jest.fn() }), { virtual: true });

const BOREALIS = '001000000000002AAA';
const COBALT = '001000000000003AAA';
const DELTA = '001000000000004AAA';

// A macrotask lets every chained promise (write → toast → refresh) settle.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(properties = {}) {
  const element = createElement('c-sam-program', { is: SamProgram });
  Object.assign(element, properties);
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

async function emit(data, access = mockRep) {
  graphql.emit(data);
  getObjectInfos.emit(access);
  await flushPromises();
}

const tile = (element, key) => {
  const box = $(element, `.tile[data-key="${key}"] c-metric-tile`);
  return {
    value: text(box.shadowRoot.querySelector('.tile-value')),
    details: [...box.shadowRoot.querySelectorAll('.tile-detail')].map(text)
  };
};
const accountsTable = (element) => $($(element, 'c-program-accounts'), 'lightning-datatable');
const tableColumn = (element, field) => accountsTable(element).data.map((row) => row[field]);

describe('c-sam-program', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  describe('states', () => {
    it('shows a spinner until the wire answers', async () => {
      const element = await mount();
      expect($(element, 'lightning-spinner')).not.toBeNull();
      expect($(element, 'c-program-summary')).toBeNull();
    });

    it('asks for the configured number of candidates', async () => {
      await mount({ candidateCount: 3 });
      expect(graphql.getLastConfig()).toEqual(
        expect.objectContaining({ variables: { candidates: 3 }, operationName: 'samProgram' })
      );
    });

    it('shows a readable message when the wire fails', async () => {
      const element = await mount();
      graphql.emitErrors([{ message: 'Insufficient access to Program_Metric__c' }]);
      await flushPromises();
      const panel = $(element, 'c-error-panel');
      expect(panel.friendlyMessage).toBe('The program could not be loaded.');
      expect(text(panel.shadowRoot.querySelector('.messages'))).toBe(
        'Insufficient access to Program_Metric__c'
      );
      expect($(element, 'lightning-spinner')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('says the sync has not run yet when there is no program figure and no strategic account', async () => {
      const element = await mount();
      await emit(mockEmpty);
      expect(text($(element, 'p.empty'))).toBe(
        'No program figures yet: the sync service writes them on its next run.'
      );
      expect($(element, 'c-program-summary')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('shows strategic accounts before the first sync, with an empty summary and "—" figures', async () => {
      const element = await mount();
      const beforeSync = JSON.parse(JSON.stringify(mockProgram));
      beforeSync.uiapi.query.Program_Metric__c.edges = [];
      beforeSync.uiapi.query.strategicMetrics.edges = [];
      beforeSync.uiapi.query.candidateMetrics.edges = [];
      await emit(beforeSync);
      expect(text($($(element, 'c-program-summary'), '.no-periods'))).toBe(
        'No program figures yet: the sync service writes them on its next run.'
      );
      expect(tableColumn(element, 'revenueText')).toEqual(['—', '—', '—']);
      expect(text($($(element, 'c-program-candidates'), '.empty'))).toBe(
        'No candidates: no account outside the program has a score yet.'
      );
    });
  });

  describe('the program in figures', () => {
    it('states the growth ratio in words: 16 % against 10 % is 1.6× as fast', async () => {
      const element = await mount();
      await emit(mockProgram);
      expect(text($(element, '.sentence'))).toBe(
        'Strategic accounts grew 1.6× as fast as the other accounts (+16% against +10% year over year).'
      );
      expect(text($(element, '.as-of'))).toBe('FY2026-Q2, as of Jun 15, 2026');
    });

    it('shows growth, share, coverage, average plan health and the count as tiles', async () => {
      const element = await mount();
      await emit(mockProgram);
      expect(tile(element, 'strategicGrowth').value).toBe('+16%');
      expect(tile(element, 'otherGrowth').value).toBe('+10%');
      // 1.6M of 1.6M + 0.4M = 2M is 80 %.
      expect(tile(element, 'share')).toEqual({
        value: '80%',
        details: ['$1.6M of $2M, last 12 months']
      });
      expect(tile(element, 'sponsorCoverage').value).toBe('66.7%');
      expect(tile(element, 'planCoverage').value).toBe('66.7%');
      // Acme 75 and Borealis 45 have a plan health, Cobalt none: (75 + 45) / 2 = 60.
      expect(tile(element, 'planHealth')).toEqual({
        value: '60',
        details: ['Over 2 of 3 strategic accounts']
      });
      expect(tile(element, 'strategicAccounts').value).toBe('3');
      await expect(element).toBeAccessible();
    });

    it('lists the quarters newest first', async () => {
      const element = await mount();
      await emit(mockProgram);
      const table = $($(element, 'c-program-summary'), 'lightning-datatable');
      expect(table.columns.map((c) => c.label)).toEqual([
        'Quarter',
        'Strategic',
        'Strategic YoY',
        'Other YoY',
        'Strategic share',
        'Sponsor coverage',
        'Plan coverage'
      ]);
      expect(table.data.map((row) => [row.period, row.strategicGrowth, row.otherGrowth])).toEqual([
        ['FY2026-Q2', '+16%', '+10%'],
        ['FY2026-Q1', '+12.5%', '+12.5%']
      ]);
    });
  });

  describe('strategic accounts', () => {
    it('shows TTM, YoY, CAGR, score, balance, sponsor and plan status, largest revenue first', async () => {
      const element = await mount();
      await emit(mockProgram);
      const table = accountsTable(element);
      expect(table.columns.map((c) => [c.label, c.sortable])).toEqual([
        ['Account', true],
        ['Revenue TTM', true],
        ['YoY', true],
        ['CAGR 3Y', true],
        ['Score', true],
        ['Value balance', true],
        ['Sponsor', true],
        ['Plan', true]
      ]);
      expect(table.sortedBy).toBe('revenueText');
      expect(table.sortedDirection).toBe('desc');
      expect(
        table.data.map((r) => [
          r.name,
          r.revenueText,
          r.growthText,
          r.cagrText,
          r.scoreText,
          r.balanceText,
          r.sponsorText,
          r.planText
        ])
      ).toEqual([
        ['Acme Industrial', '$900K', '+20%', '+15%', '82', '90', 'On cadence', 'Active'],
        // One sponsor overdue, one on cadence: the table shows the worse.
        ['Borealis Energy', '$500K', '-5%', '+2%', '70', '40', 'Overdue', 'Active'],
        ['Cobalt Logistics', '$200K', '+30%', '—', '55', '—', 'No sponsor', 'Draft']
      ]);
    });

    it('sorts by the number behind a column, blanks last', async () => {
      const element = await mount();
      await emit(mockProgram);
      accountsTable(element).dispatchEvent(
        new CustomEvent('sort', { detail: { fieldName: 'growthText', sortDirection: 'asc' } })
      );
      await flushPromises();
      expect(tableColumn(element, 'growthText')).toEqual(['-5%', '+20%', '+30%']);
      accountsTable(element).dispatchEvent(
        new CustomEvent('sort', { detail: { fieldName: 'cagrText', sortDirection: 'desc' } })
      );
      await flushPromises();
      expect(tableColumn(element, 'cagrText')).toEqual(['+15%', '+2%', '—']);
      expect(accountsTable(element).sortedBy).toBe('cagrText');
    });

    it("opens an account's record from its name", async () => {
      const element = await mount();
      await emit(mockProgram);
      const table = accountsTable(element);
      table.dispatchEvent(
        new CustomEvent('rowaction', {
          detail: { action: { name: 'open' }, row: table.data.find((r) => r.id === COBALT) }
        })
      );
      await flushPromises();
      expect(getNavigateCalledWith().pageReference).toEqual({
        type: 'standard__recordPage',
        attributes: { recordId: COBALT, objectApiName: 'Account', actionName: 'view' }
      });
    });

    it('says so when no account is in the program', async () => {
      const element = await mount();
      const none = JSON.parse(JSON.stringify(mockProgram));
      none.uiapi.query.Account.edges = [];
      await emit(none);
      expect(text($($(element, 'c-program-accounts'), '.empty'))).toBe(
        'No account is in the program yet.'
      );
      expect(text($($(element, 'c-program-at-risk'), '.empty'))).toBe(
        'No strategic account is at risk.'
      );
    });
  });

  describe('at risk', () => {
    it('names shrinking revenue, the overdue sponsor and a missing Active plan', async () => {
      const element = await mount();
      await emit(mockProgram);
      const risks = $$(element, 'li.risk');
      expect(risks.map((li) => li.dataset.id)).toEqual([BOREALIS, COBALT]);
      expect(risks.map((li) => [...li.querySelectorAll('.reason')].map(text))).toEqual([
        ['Revenue shrinking (-5% year over year)', 'Sponsor overdue: Luca Ferrari'],
        ['No Active plan']
      ]);
      $(risks[1], 'lightning-button.open').click();
      expect(getNavigateCalledWith().pageReference.attributes.recordId).toBe(COBALT);
    });

    it('draws no conclusion from what the user may not read', async () => {
      const element = await mount();
      await emit(mockRestricted);
      // Sponsorships and plan status hidden: "—", and only the shrinking revenue is a risk.
      expect(tableColumn(element, 'sponsorText')).toEqual(['—', '—', '—']);
      expect(tableColumn(element, 'planText')).toEqual(['—', '—', '—']);
      const risks = $$(element, 'li.risk');
      expect(risks.map((li) => [...li.querySelectorAll('.reason')].map(text))).toEqual([
        ['Revenue shrinking (-5% year over year)']
      ]);
    });
  });

  describe('candidates', () => {
    it('ranks accounts outside the program by score with the criteria that lift them most', async () => {
      const element = await mount();
      await emit(mockProgram);
      const items = $$(element, 'li.candidate');
      expect(items.map((li) => li.dataset.id)).toEqual([DELTA, '001000000000005AAA']);
      expect(text($(items[0], '.rank'))).toBe('No. 1');
      expect(text($(items[0], '.score'))).toBe('Score 64 · $300K · +8%');
      // Six criteria of weight 1: points = 100 × value ÷ 6 (0.9 → 15.0, 0.8 → 13.3, 0.75 → 12.5).
      expect(text($(items[0], '.strongest'))).toBe(
        'Strongest: Revenue concentration (15.0 points), Lifetime value (13.3 points), Collaboration (12.5 points)'
      );
      expect($(items[0], 'c-score-breakdown').score).toBe(64.17);
      // No criteria written: no breakdown and no "strongest" line.
      expect($(items[1], '.strongest')).toBeNull();
      expect($(items[1], 'c-score-breakdown')).toBeNull();
    });

    it.each([
      ['the rep (no Account edit)', mockRep, 0],
      ['an account editor without the Strategic Account field', mockAccountEditor, 0],
      ['the admin', mockAdmin, 2]
    ])(
      'offers Nominate only to users who may edit the Strategic Account box: %s',
      async (_who, access, count) => {
        const element = await mount();
        await emit(mockProgram, access);
        expect($$(element, 'lightning-button.nominate').length).toBe(count);
      }
    );

    it('nominates: checks Strategic Account, says so and reloads the page', async () => {
      updateRecord.mockResolvedValue({});
      const element = await mount();
      await emit(mockProgram, mockAdmin);
      const toasts = jest.fn();
      const refreshes = jest.fn();
      element.addEventListener('lightning__showtoast', toasts);
      element.addEventListener('lightning__refresh', refreshes);
      const button = $(element, `li.candidate[data-id="${DELTA}"] lightning-button.nominate`);
      expect(button.title).toBe('Nominate Delta Foods as a strategic account');
      button.click();
      await flushPromises();
      expect(updateRecord).toHaveBeenCalledWith({
        fields: { Id: DELTA, Strategic_Account__c: true }
      });
      expect(toasts).toHaveBeenCalled();
      expect(toasts.mock.calls[0][0].detail.title).toBe('Delta Foods is now a strategic account.');
      expect(refreshes).toHaveBeenCalled();
    });

    it('shows why a nomination failed', async () => {
      updateRecord.mockRejectedValue({ body: { message: 'Insufficient access rights' } });
      const element = await mount();
      await emit(mockProgram, mockAdmin);
      $(element, `li.candidate[data-id="${DELTA}"] lightning-button.nominate`).click();
      await flushPromises();
      const panel = $(element, 'c-error-panel.action-error');
      expect(panel).not.toBeNull();
      expect(text(panel.shadowRoot.querySelector('.messages'))).toBe('Insufficient access rights');
    });
  });
});
