import { createElement } from '@lwc/engine-dom';
import AccountPlan from 'c/accountPlan';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfos, getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import PlanRecordModal from 'c/planRecordModal';
import { deepQuery, deepQueryAll, text } from '../../../../../test/jest-utils/shadowQuery';

const mockPlan = require('./data/graphqlAccountPlan.json');
const mockNoActivePlan = require('./data/graphqlAccountPlanNoActivePlan.json');
const mockRestricted = require('./data/graphqlAccountPlanRestricted.json');
const mockSyncNone = require('./data/graphqlSyncNone.json');
const mockSyncPending = require('./data/graphqlSyncPending.json');
const mockSyncProcessing = require('./data/graphqlSyncProcessing.json');
const mockSyncDone = require('./data/graphqlSyncDone.json');
const mockSyncFailed = require('./data/graphqlSyncFailed.json');
const mockSyncOlderDone = require('./data/graphqlSyncOlderDone.json');
const mockRepAccess = require('./data/getObjectInfosRep.json');
const mockSponsorAccess = require('./data/getObjectInfosSponsor.json');

jest.mock('lightning/uiRecordApi', () => ({ createRecord: jest.fn(), updateRecord: jest.fn() }), {
  virtual: true
});
jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-03-31')
}));

const ACCOUNT_ID = '001000000000001AAA';
const PLAN_ID = 'a00000000000001AAA';
const POLL_MS = 5000;

// A macrotask lets every chained promise (write → toast → refresh) settle.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));
const isPlanQuery = (config) => config.operationName === 'accountPlan';
const isSyncQuery = (config) => config.operationName === 'accountPlanSync';

async function mount(properties = {}) {
  const element = createElement('c-account-plan', { is: AccountPlan });
  Object.assign(element, { recordId: ACCOUNT_ID, ...properties });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

async function mountWith(planData, syncData = mockSyncNone, properties, access = mockRepAccess) {
  const element = await mount(properties);
  graphql.emit(planData, isPlanQuery);
  graphql.emit(syncData, isSyncQuery);
  getObjectInfos.emit(access);
  await flushPromises();
  return element;
}

const $ = deepQuery;
const $$ = deepQueryAll;
const badge = (node) => text(node && node.shadowRoot.querySelector('.badge-label'));

describe('c-account-plan', () => {
  afterEach(() => {
    PlanRecordModal.open.mockReset();
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  describe('states', () => {
    it('shows a spinner until the plan query answers', async () => {
      const element = await mount();
      expect($(element, '.loading lightning-spinner')).not.toBeNull();
    });

    it('sends two queries for this account: the plan and the newest recalculation request', async () => {
      await mount();
      const configs = [];
      graphql.emit(undefined, (config) => {
        // Instances not yet configured by LWC report an empty config.
        if (config.operationName) {
          configs.push(config);
        }
        return false;
      });
      expect(configs.map((c) => c.operationName).sort()).toStrictEqual([
        'accountPlan',
        'accountPlanSync'
      ]);
      configs.forEach((config) => expect(config.variables).toEqual({ recordId: ACCOUNT_ID }));
    });

    it('shows a readable message when the wire fails', async () => {
      const element = await mount();
      graphql.emitErrors([{ message: 'Field Revenue_TTM__c is not accessible' }], isPlanQuery);
      await flushPromises();
      const panel = $(element, 'c-error-panel');
      expect(panel.friendlyMessage).toBe('The account plan could not be loaded.');
      expect(text(panel.shadowRoot.querySelector('.messages'))).toBe(
        'Field Revenue_TTM__c is not accessible'
      );
      await expect(element).toBeAccessible();
    });

    it('offers to create a plan, and to activate a draft, when none is active', async () => {
      const element = await mountWith(mockNoActivePlan);
      expect(text($(element, '.no-plan .slds-text-heading_small'))).toBe('No active account plan');
      expect(text($(element, '.draft-text'))).toBe(
        'Draft plan: Acme Draft Plan 2027 (starts Jan 1, 2027)'
      );
      expect($(element, '.no-metrics')).toBeNull();
      await expect(element).toBeAccessible();
    });
  });

  describe('the active plan', () => {
    it('shows the newest Active plan with its period, status and governance', async () => {
      const element = await mountWith(mockPlan);
      expect(text($(element, '.plan-name'))).toBe('Acme Growth Plan 2026–2028');
      expect(badge($(element, '.plan-status'))).toBe('Active');
      expect(text($(element, '.plan-period'))).toBe('Jan 1, 2026 – Dec 31, 2028');
      expect(text($(element, '.revenue-target'))).toBe('$6,000,000');
      expect(text($(element, '.next-review'))).toBe('Apr 15, 2026');
      expect(text($(element, '.governance'))).toBe('Quarterly business review');
      expect($(element, '.customer-objectives').textContent).toBe(
        'Cut unplanned downtime by 20 %.\nEnter two new markets.'
      );
      expect(text($(element, '.value-proposition'))).toBe('Predictive maintenance as a service.');
    });

    it('shows SWOT in four quadrants unless the page hides it', async () => {
      const element = await mountWith(mockPlan);
      expect($$(element, '.quadrant').map((q) => text(q.querySelector('h5')))).toEqual([
        'Strengths',
        'Weaknesses',
        'Opportunities',
        'Threats'
      ]);
      expect(text($(element, '.quadrant.threats p'))).toBe('Competitor bundle offer.');

      const hidden = await mountWith(mockPlan, mockSyncNone, { hideSwot: true });
      expect($(hidden, '.swot')).toBeNull();
    });

    it("lists only this plan's objectives with status and progress toward target", async () => {
      const element = await mountWith(mockPlan);
      const rows = $$(element, 'li.objective');
      expect(rows.map((r) => r.dataset.id)).toEqual(['a02000000000001AAA', 'a02000000000002AAA']);
      const [wallet, lab] = rows;
      expect(text($(wallet, '.objective-title'))).toBe('Share of wallet in maintenance spend (%)');
      expect(badge($(wallet, '.objective-status'))).toBe('On track');
      expect(text($(wallet, '.objective-category'))).toBe('Growth');
      expect(text($(wallet, '.objective-due'))).toBe('Due Dec 31, 2026');
      expect(text($(wallet, '.objective-owner'))).toBe('Anna Rossi');
      // 21 of 30 = 70 %, on track: a green bar.
      expect(text($(wallet, '.objective-progress'))).toBe('21 of 30');
      expect(text($(wallet, '.objective-percent'))).toBe('70%');
      expect($(wallet, 'lightning-progress-bar').value).toBe(70);
      expect($(wallet, 'lightning-progress-bar').classList).toContain('progress_success');
      // A zero target has no meaningful percentage.
      expect(text($(lab, '.objective-progress'))).toBe('0 of 0');
      expect($(lab, '.objective-percent')).toBeNull();
    });

    it('labels statuses and categories as the org defines them for the user (Italian here)', async () => {
      const element = await mountWith(mockPlan);
      const picklists = (fields) => ({
        picklistFieldValues: Object.fromEntries(
          Object.entries(fields).map(([field, values]) => [
            field,
            { values: values.map(([value, label]) => ({ value, label })) }
          ])
        )
      });
      const of = (apiName) => (config) => config.objectApiName.objectApiName === apiName;
      getPicklistValuesByRecordType.emit(
        picklists({ Status__c: [['Active', 'Attivo']] }),
        of('Account_Plan__c')
      );
      getPicklistValuesByRecordType.emit(
        picklists({
          Status__c: [['On track', 'In linea']],
          Category__c: [['Growth', 'Crescita']]
        }),
        of('Plan_Objective__c')
      );
      getPicklistValuesByRecordType.emit(
        picklists({ Status__c: [['Active', 'In corso']] }),
        of('Joint_Initiative__c')
      );
      await flushPromises();
      expect(badge($(element, '.plan-status'))).toBe('Attivo');
      const wallet = $(element, 'li.objective[data-id="a02000000000001AAA"]');
      expect(badge($(wallet, '.objective-status'))).toBe('In linea');
      expect(text($(wallet, '.objective-category'))).toBe('Crescita');
      // A value without a label in the answer (the lab's "At risk") shows as stored.
      const lab = $(element, 'li.objective[data-id="a02000000000002AAA"]');
      expect(badge($(lab, '.objective-status'))).toBe('At risk');
      expect(badge($($(element, 'li.initiative'), '.initiative-status'))).toBe('In corso');
    });

    it('shows joint initiatives with customer and supplier value, realized against target', async () => {
      const element = await mountWith(mockPlan);
      const rows = $$(element, 'li.initiative');
      expect(rows).toHaveLength(1);
      const [pilot] = rows;
      expect(text($(pilot, '.initiative-title'))).toBe('Predictive maintenance pilot');
      expect(badge($(pilot, '.initiative-status'))).toBe('Active');
      expect(text($(pilot, '.customer-value'))).toBe('$120,000 realized of $500,000');
      expect(text($(pilot, '.supplier-value'))).toBe('$80,000 realized of $300,000');
      expect(text($(pilot, '.initiative-target-date'))).toBe('Target Sep 30, 2026');
      expect(text($(pilot, '.initiative-sponsor'))).toBe('Giulia Bianchi');
      // Today (mocked) is Mar 31, 2026: the pilot is not overdue.
      expect($(pilot, '.initiative-overdue')).toBeNull();
    });

    it('shows the current-quarter metrics in the user locale, with their as-of date', async () => {
      const element = await mountWith(mockPlan);
      expect(text($(element, '.as-of'))).toBe('As of Aug 20, 2026 (FY2026-Q3)');
      const tiles = Object.fromEntries(
        $$(element, 'li.tile').map((tile) => [
          tile.dataset.key,
          [$(tile, '.tile-value'), ...$$(tile, '.tile-detail')].map(text)
        ])
      );
      expect(tiles).toEqual({
        // 4.25M of the 6M target: 70.8 % attained.
        revenue: ['$4.3M', '+12.5% year over year', 'Attainment of the target: 70.8%'],
        cagr: ['+8.3%'],
        pipeline: ['$1.8M', 'Coverage of the target: 1.20×'],
        winRate: ['35%'],
        // 180K to the customer, 100K to us: 100 × 2 × 100 / 280 = 71.4.
        mutualValue: ['71.4 / 100', 'Customer $180K · Supplier $100K'],
        score: ['82.5 / 100'],
        health: ['60.5 / 100']
      });
      // The exact amount is one hover away.
      expect($($(element, 'li.tile[data-key="revenue"]'), '.slds-box').title).toBe('$4,250,000');
      await expect(element).toBeAccessible();
    });

    it("shows the group's figures beside the account's own when the account has subsidiaries", async () => {
      // The current Hierarchy row (Scope__c Hierarchy, key {AccountId}:{period}:H): the account
      // with all its subsidiaries.
      const withGroup = JSON.parse(JSON.stringify(mockPlan));
      withGroup.uiapi.query.GroupMetric = {
        edges: [
          {
            node: {
              Id: 'a0M000000000099AAA',
              Revenue_TTM__c: { value: 12400000 },
              Revenue_Growth_YoY__c: { value: 8 },
              Open_Pipeline_12M__c: { value: 3150000 }
            }
          }
        ]
      };
      const element = await mountWith(withGroup);
      const revenue = $(element, 'li.tile[data-key="revenue"]');
      const group = $(revenue, '.tile-detail[data-key="group"]');
      expect(text(group)).toBe('Group: $12.4M TTM, +8%');
      expect(group.title).toBe('The account with all its subsidiaries');
      // The account's own figures stay as they were.
      expect(text($(revenue, '.tile-value'))).toBe('$4.3M');
      expect(
        text($($(element, 'li.tile[data-key="pipeline"]'), '.tile-detail[data-key="group"]'))
      ).toBe('Group: $3.2M');
      await expect(element).toBeAccessible();
    });

    it('opens plan health to its components and the actions that would raise it', async () => {
      const element = await mountWith(mockPlan);
      const breakdown = $(element, 'c-health-breakdown');
      const toggle = $(breakdown, 'lightning-button.toggle');
      expect(toggle.label).toBe('Show what makes up plan health');
      toggle.click();
      await Promise.resolve();
      expect(text($(breakdown, 'caption'))).toBe(
        'Plan health 60.5 = Σ (weight × component) ÷ Σ weights'
      );
      // test/sync/planHealth.test.ts's account: points 30 × 70 ÷ 100 = 21, 30 × 58.3 ÷ 100 = 17.49,
      // 20 × 50 ÷ 100 = 10, 20 × 60 ÷ 100 = 12 → 60.49, the score 60.5 within rounding.
      expect(
        $$(breakdown, 'tr.part').map((row) => [
          text(row.querySelector('.component')),
          text(row.querySelector('.value')),
          text(row.querySelector('.points')),
          [...row.querySelectorAll('li.action')].map(text)
        ])
      ).toEqual([
        [
          'Plan: is it written?',
          '70',
          '21.0',
          ['Fill in the opportunities', 'Fill in the threats', 'Fill in the value proposition']
        ],
        [
          'Relationships: do we know the people who decide?',
          '58.3',
          '17.5',
          [
            'No champion identified',
            'Give high-influence stakeholders a relationship owner (50% have one)',
            'Strengthen relationships with high-influence stakeholders (50% strong or medium)',
            'Meet the stakeholders not seen in the last 90 days (50% seen)'
          ]
        ],
        [
          'Sponsorship: are the sponsors keeping cadence?',
          '50',
          '10.0',
          ['Bring executive sponsors back on cadence (50% on cadence)']
        ],
        [
          'Execution: is the plan being carried out?',
          '60',
          '12.0',
          [
            'Move the objectives toward their targets (70% progress)',
            'Bring late joint initiatives back on schedule (50% on time)'
          ]
        ]
      ]);
      await expect(element).toBeAccessible();
    });

    it('charts quarterly revenue, oldest first, for as many quarters as the page asks', async () => {
      const element = await mountWith(mockPlan, mockSyncNone, { quartersShown: 4 });
      expect(text($(element, '.chart-heading'))).toBe('Revenue by quarter, last 4 quarters');
      const chart = $(element, 'c-revenue-chart');
      expect(chart.points).toEqual([
        { period: 'FY2025-Q4', value: 980000, partial: false },
        { period: 'FY2026-Q1', value: 1150000, partial: false },
        { period: 'FY2026-Q2', value: 1250000, partial: false },
        // The current quarter, as of Aug 20: still running.
        { period: 'FY2026-Q3', value: 870000, partial: true }
      ]);
      const bars = [...chart.shadowRoot.querySelectorAll('g.bar')];
      expect(bars.map((bar) => text(bar.querySelector('.period-label')))).toEqual([
        'Q4 FY25',
        'Q1 FY26',
        'Q2',
        'Q3'
      ]);
      expect(text(bars[2].querySelector('title'))).toBe('FY2026-Q2: $1,250,000');
      expect(text(bars[3].querySelector('title'))).toBe('FY2026-Q3: $870,000 (quarter to date)');
      // The tallest quarter reaches the top of the axis (0 – 1.5M in 500k steps).
      expect([...chart.shadowRoot.querySelectorAll('.tick-label')].map(text)).toEqual([
        '$0',
        '$500K',
        '$1M',
        '$1.5M'
      ]);
    });

    it('shows — for every field the user may not read, and copes with zero, blank, huge values and long names', async () => {
      const element = await mountWith(mockRestricted);
      expect(text($(element, '.plan-name'))).toBe(
        'Acme Industrie Meccaniche e Sistemi di Automazione Avanzata S.p.A. – Strategic Plan'
      );
      // Hidden (no value object in the answer, as with @optional): a dash, never a broken card.
      expect(text($(element, '.revenue-target'))).toBe('—');
      expect(text($(element, '.next-review'))).toBe('—');
      expect($$(element, '.quadrant p').map(text)).toEqual(['—', '—', '—', '—']);
      expect(text($(element, '.value-proposition'))).toBe('—');
      const tiles = Object.fromEntries(
        $$(element, 'li.tile').map((tile) => [
          tile.dataset.key,
          [$(tile, '.tile-value'), ...$$(tile, '.tile-detail')].map(text)
        ])
      );
      // No revenue target readable: no attainment claimed.
      expect(tiles).toEqual({
        revenue: ['$0', '— year over year'],
        cagr: ['—'],
        pipeline: ['$1000T', 'Coverage of the target: —'],
        winRate: ['—'],
        mutualValue: ['0 / 100', 'Customer — · Supplier —'],
        score: ['— / 100'],
        // Plan health hidden: a dash and nothing to open.
        health: ['— / 100']
      });
      expect($(element, 'c-health-breakdown')).toBeNull();
      // The objective's current value is hidden: no progress claimed.
      expect($(element, '.objective-progress')).toBeNull();
      expect(text($(element, '.no-initiatives'))).toBe('No joint initiatives yet.');
      await expect(element).toBeAccessible();
    });
  });

  describe("the user's access (getObjectInfo)", () => {
    const actions = (element) =>
      [
        'lightning-button.edit-plan',
        'lightning-button.add-objective',
        'lightning-button-icon.edit-objective',
        'lightning-button.add-initiative',
        'lightning-button-icon.edit-initiative',
        'lightning-button.recalculate',
        'lightning-button.create-plan',
        'lightning-button.activate-draft'
      ].filter((selector) => $(element, selector) !== null);

    it('offers the account team (Tandem_User) every action on the plan', async () => {
      const element = await mountWith(mockPlan);
      expect(actions(element)).toEqual([
        'lightning-button.edit-plan',
        'lightning-button.add-objective',
        'lightning-button-icon.edit-objective',
        'lightning-button.add-initiative',
        'lightning-button-icon.edit-initiative',
        'lightning-button.recalculate'
      ]);
      const drafts = await mountWith(mockNoActivePlan);
      expect(actions(drafts)).toEqual([
        'lightning-button.recalculate',
        'lightning-button.create-plan',
        'lightning-button.activate-draft'
      ]);
    });

    it('shows the sponsor (Tandem_Sponsor, read-only on plans) the plan without any action', async () => {
      const element = await mountWith(mockPlan, mockSyncNone, {}, mockSponsorAccess);
      expect(text($(element, '.plan-name'))).toBe('Acme Growth Plan 2026–2028');
      expect($$(element, 'li.objective')).toHaveLength(2);
      expect(actions(element)).toEqual([]);
      const drafts = await mountWith(mockNoActivePlan, mockSyncNone, {}, mockSponsorAccess);
      expect(text($(drafts, '.draft-text'))).toBe(
        'Draft plan: Acme Draft Plan 2027 (starts Jan 1, 2027)'
      );
      expect(actions(drafts)).toEqual([]);
      await expect(element).toBeAccessible();
    });

    it('shows no action before the access is known or when it cannot be read', async () => {
      const element = await mount();
      graphql.emit(mockPlan, isPlanQuery);
      graphql.emit(mockSyncNone, isSyncQuery);
      await flushPromises();
      expect(actions(element)).toEqual([]);
      getObjectInfos.error({ body: { message: 'no access' } });
      await flushPromises();
      expect(actions(element)).toEqual([]);
    });
  });

  describe('writing', () => {
    it('opens the plan form in a modal prefilled for a new plan, and reloads after the save', async () => {
      PlanRecordModal.open.mockResolvedValue({ id: 'a00000000000009AAA' });
      const element = await mountWith(mockNoActivePlan);
      $(element, 'lightning-button.create-plan').click();
      await flushPromises();
      // Today 2026-03-31: three years less a day ends 2029-03-30; the review 90 days on, 2026-06-29.
      expect(PlanRecordModal.open).toHaveBeenCalledWith(
        expect.objectContaining({
          kind: 'plan',
          parentId: ACCOUNT_ID,
          accountId: ACCOUNT_ID,
          defaults: {
            Name: 'Acme Industrie S.p.A. Account Plan 2026–2029',
            Status__c: 'Active',
            Start_Date__c: '2026-03-31',
            End_Date__c: '2029-03-30',
            Next_Review__c: '2026-06-29'
          }
        })
      );
      expect(refreshGraphQL).toHaveBeenCalledWith(
        expect.objectContaining({ data: mockNoActivePlan })
      );
    });

    it('reloads nothing when the form is cancelled', async () => {
      PlanRecordModal.open.mockResolvedValue(undefined);
      const element = await mountWith(mockPlan);
      $(element, 'lightning-button.add-initiative').click();
      await flushPromises();
      expect(PlanRecordModal.open).toHaveBeenCalledWith(
        expect.objectContaining({
          kind: 'initiative',
          parentId: PLAN_ID,
          accountId: ACCOUNT_ID,
          defaults: { Status__c: 'Proposed', Start_Date__c: '2026-03-31' }
        })
      );
      expect(refreshGraphQL).not.toHaveBeenCalled();
    });

    it('activates a draft plan', async () => {
      updateRecord.mockResolvedValue({});
      const element = await mountWith(mockNoActivePlan);
      $(element, 'lightning-button.activate-draft').click();
      await flushPromises();
      expect(updateRecord).toHaveBeenCalledWith({
        fields: { Id: 'a00000000000004AAA', Status__c: 'Active' }
      });
      expect(refreshGraphQL).toHaveBeenCalledTimes(1);
    });

    it('edits the plan, an objective (with its owner) and an initiative (with its sponsor) by id', async () => {
      PlanRecordModal.open.mockResolvedValue({ id: 'x' });
      const element = await mountWith(mockPlan);
      $(element, 'lightning-button.edit-plan').click();
      await flushPromises();
      expect(PlanRecordModal.open).toHaveBeenLastCalledWith(
        expect.objectContaining({ kind: 'plan', recordId: PLAN_ID, parentId: ACCOUNT_ID })
      );
      $($(element, 'li.objective[data-id="a02000000000001AAA"]'), 'lightning-button-icon').click();
      await flushPromises();
      const objective = PlanRecordModal.open.mock.calls[1][0];
      expect(objective).toEqual(
        expect.objectContaining({
          kind: 'objective',
          recordId: 'a02000000000001AAA',
          parentId: PLAN_ID
        })
      );
      expect(Object.keys(objective.lookups)).toEqual(['Owner_User__c']);
      $(element, 'lightning-button-icon.edit-initiative').click();
      await flushPromises();
      const initiative = PlanRecordModal.open.mock.calls[2][0];
      expect(initiative).toEqual(
        expect.objectContaining({ kind: 'initiative', recordId: 'a06000000000001AAA' })
      );
      expect(Object.keys(initiative.lookups)).toEqual(['Customer_Sponsor__c']);
      expect(refreshGraphQL).toHaveBeenCalledTimes(3);
    });
  });

  describe('recalculate', () => {
    beforeEach(() => {
      // Only the polling interval runs on fake time; promises and setTimeout stay real.
      jest.useFakeTimers({
        doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'nextTick', 'queueMicrotask']
      });
    });

    it('creates a pending sync request and polls its status until it is done', async () => {
      createRecord.mockResolvedValue({ id: 'a07000000000001AAA' });
      const element = await mountWith(mockPlan);
      $(element, 'lightning-button.recalculate').click();
      await flushPromises();
      expect(createRecord).toHaveBeenCalledWith({
        apiName: 'Sync_Request__c',
        fields: { Account__c: ACCOUNT_ID, Status__c: 'Pending' }
      });
      expect(text($(element, '.sync-text'))).toBe('Recalculation: Pending…');
      expect($(element, 'lightning-button.recalculate').disabled).toBe(true);

      jest.advanceTimersByTime(POLL_MS);
      expect(refreshGraphQL).toHaveBeenCalledTimes(1);
      graphql.emit(mockSyncProcessing, isSyncQuery);
      await flushPromises();
      expect(text($(element, '.sync-text'))).toBe('Recalculation: Processing…');

      jest.advanceTimersByTime(POLL_MS);
      expect(refreshGraphQL).toHaveBeenCalledTimes(2);
      graphql.emit(mockSyncDone, isSyncQuery);
      await flushPromises();
      expect(text($(element, '.sync-text'))).toBe('Metrics recalculated.');
      // Done: the metrics are reloaded and polling stops.
      expect(refreshGraphQL).toHaveBeenCalledTimes(3);
      expect(refreshGraphQL).toHaveBeenLastCalledWith(expect.objectContaining({ data: mockPlan }));
      jest.advanceTimersByTime(10 * POLL_MS);
      expect(refreshGraphQL).toHaveBeenCalledTimes(3);
      expect($(element, 'lightning-button.recalculate').disabled).toBe(false);
      await expect(element).toBeAccessible();
    });

    it('keeps waiting when a stale answer about an older request arrives', async () => {
      createRecord.mockResolvedValue({ id: 'a07000000000001AAA' });
      const element = await mountWith(mockPlan);
      $(element, 'lightning-button.recalculate').click();
      await flushPromises();
      graphql.emit(mockSyncOlderDone, isSyncQuery);
      await flushPromises();
      expect(text($(element, '.sync-text'))).toBe('Recalculation: Pending…');
      jest.advanceTimersByTime(POLL_MS);
      expect(refreshGraphQL).toHaveBeenCalledTimes(1);
    });

    it("shows the service's reason when the recalculation failed", async () => {
      createRecord.mockResolvedValue({ id: 'a07000000000001AAA' });
      const element = await mountWith(mockPlan);
      $(element, 'lightning-button.recalculate').click();
      await flushPromises();
      jest.advanceTimersByTime(POLL_MS);
      graphql.emit(mockSyncFailed, isSyncQuery);
      await flushPromises();
      expect(text($(element, '.sync-text'))).toBe(
        'The recalculation failed: REQUEST_LIMIT_EXCEEDED: daily API budget reserve reached'
      );
      expect($(element, '.sync-status').classList).toContain('slds-text-color_error');
      jest.advanceTimersByTime(10 * POLL_MS);
      expect(refreshGraphQL).toHaveBeenCalledTimes(1);
    });

    it('resumes watching a request still in progress when the page opens', async () => {
      const element = await mountWith(mockPlan, mockSyncPending);
      expect(text($(element, '.sync-text'))).toBe('Recalculation: Pending…');
      jest.advanceTimersByTime(POLL_MS);
      expect(refreshGraphQL).toHaveBeenCalledWith(
        expect.objectContaining({ data: mockSyncPending })
      );
    });

    it('does not announce an old finished request', async () => {
      const element = await mountWith(mockPlan, mockSyncDone);
      expect($(element, '.sync-text')).toBeNull();
    });

    it('stops polling after about ten minutes and says it is still waiting', async () => {
      const element = await mountWith(mockPlan, mockSyncPending);
      jest.advanceTimersByTime(121 * POLL_MS);
      await flushPromises();
      expect(refreshGraphQL).toHaveBeenCalledTimes(120);
      expect(text($(element, '.sync-text'))).toBe(
        'Still waiting for the sync service. The metrics will update once it has processed the request.'
      );
      jest.advanceTimersByTime(10 * POLL_MS);
      expect(refreshGraphQL).toHaveBeenCalledTimes(120);
    });

    it('stops polling when the component leaves the page', async () => {
      const element = await mountWith(mockPlan, mockSyncPending);
      document.body.removeChild(element);
      jest.advanceTimersByTime(10 * POLL_MS);
      expect(refreshGraphQL).not.toHaveBeenCalled();
    });

    it('explains a request that could not be created', async () => {
      createRecord.mockRejectedValue({
        body: [{ message: 'You do not have access to Sync_Request__c' }]
      });
      const element = await mountWith(mockPlan);
      $(element, 'lightning-button.recalculate').click();
      await flushPromises();
      const panel = $(element, 'c-error-panel.action-error');
      expect(text(panel.shadowRoot.querySelector('.messages'))).toBe(
        'You do not have access to Sync_Request__c'
      );
      jest.advanceTimersByTime(10 * POLL_MS);
      expect(refreshGraphQL).not.toHaveBeenCalled();
    });
  });
});
