import SponsorPortfolio from 'c/sponsorPortfolio';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getNavigateCalledWith } from 'lightning/navigation';
import LogEngagementModal from 'c/logEngagementModal';
import { deepQuery, deepQueryAll, text } from '../../../../../test/jest-utils/shadowQuery';
import {
  badge,
  clearPage,
  emitDataAndAccess,
  flushPromises,
  mountComponent
} from '../../../../../test/jest-utils/containerSuite';

const mockData = require('./data/graphqlSponsorPortfolio.json');
const mockEmpty = require('./data/graphqlSponsorPortfolioEmpty.json');
const mockRestricted = require('./data/graphqlSponsorPortfolioRestricted.json');
const mockSponsorAccess = require('../../executiveSponsorPanel/__tests__/data/getObjectInfosSponsor.json');
const mockRepAccess = require('../../executiveSponsorPanel/__tests__/data/getObjectInfosRep.json');

jest.mock('lightning/uiRecordApi', () => ({ createRecord: jest.fn(), updateRecord: jest.fn() }), {
  virtual: true
});
// A fixed "today" in the user's time zone.
jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-06-15')
}));

// sfdx-lwc-jest's default for @salesforce/user/Id: the sponsor of every fixture sponsorship.
const CURRENT_USER_ID = '005000000000000000';
const HARTWELL = 'a05000000000001AAA';
const HARTWELL_ACCOUNT = '001000000000001AAA';

const mount = () => mountComponent('c-sponsor-portfolio', SponsorPortfolio);
const emit = (data, access = mockSponsorAccess) => emitDataAndAccess(data, access);

/** The sponsor's access without the right to create Events. */
function withoutEventCreate(access) {
  const copy = JSON.parse(JSON.stringify(access));
  copy.results.find((r) => r.result.apiName === 'Event').result.createable = false;
  return copy;
}

const $ = deepQuery;
const $$ = deepQueryAll;
const row = (element, id) => $(element, `li.sponsorship[data-id="${id}"]`);

describe('c-sponsor-portfolio', () => {
  afterEach(clearPage);

  describe('reading', () => {
    it('shows a spinner until the wire answers', async () => {
      const element = await mount();
      expect($(element, 'lightning-spinner')).not.toBeNull();
      expect($(element, '.empty')).toBeNull();
    });

    it("queries the current user's sponsorships", async () => {
      await mount();
      expect(graphql.getLastConfig()).toEqual(
        expect.objectContaining({
          variables: { userId: CURRENT_USER_ID },
          operationName: 'sponsorPortfolio'
        })
      );
    });

    it('shows a readable message when the wire fails', async () => {
      const element = await mount();
      graphql.emitErrors([{ message: 'Insufficient access to Executive_Sponsor__c' }]);
      await flushPromises();
      const panel = $(element, 'c-error-panel');
      expect(panel.friendlyMessage).toBe('Your sponsorships could not be loaded.');
      expect(text(panel.shadowRoot.querySelector('.messages'))).toBe(
        'Insufficient access to Executive_Sponsor__c'
      );
      expect($(element, 'lightning-spinner')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('says so when the user sponsors no account', async () => {
      const element = await mount();
      await emit(mockEmpty);
      expect(text($(element, '.empty'))).toBe('You sponsor no accounts.');
      expect($$(element, 'li.sponsorship')).toHaveLength(0);
      expect($(element, '.summary')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('lists overdue sponsorships first (longest silence first), then never engaged, then on cadence by next engagement', async () => {
      const element = await mount();
      await emit(mockData);
      expect($$(element, 'li.sponsorship').map((li) => li.dataset.id)).toEqual([
        HARTWELL, // Overdue, 150 days
        'a05000000000003AAA', // Aurora: Overdue, 75 days
        'a05000000000002AAA', // Northwind: No engagement
        'a05000000000006AAA', // Bluefjord: On cadence, next Jul 1
        'a05000000000005AAA' // Castellan: On cadence, next Aug 5
      ]);
      expect(text($(element, '.summary'))).toBe('Sponsored accounts: 5 · Overdue: 2');
      expect($(element, 'ul.portfolio').getAttribute('aria-label')).toBe(
        'Your sponsorships, overdue first'
      );
    });

    it("shows each account's counterpart, cadence status, next engagement, revenue, growth, score and plan", async () => {
      const element = await mount();
      await emit(mockData);
      const hartwell = row(element, HARTWELL);
      expect(text($(hartwell, '.account-link'))).toBe('Hartwell Logistics');
      expect(badge($(hartwell, '.status'))).toBe('Overdue');
      expect($(hartwell, '.slds-theme_error')).not.toBeNull();
      expect(text($(hartwell, '.days-since'))).toBe('Days since last engagement: 150');
      expect(text($(hartwell, '.counterpart'))).toBe('Kofi Schmidt, Chief Executive Officer');
      expect(text($(hartwell, '.next'))).toBe('Apr 16, 2026');
      // 1,250,000 USD compact; growth −4.2 points; score 71.4 rounded.
      expect(text($(hartwell, '.revenue'))).toBe('$1.3M');
      expect(text($(hartwell, '.growth'))).toBe('(-4.2% year over year)');
      expect(text($(hartwell, '.score'))).toBe('71');
      // The Active plan, not the newer Draft.
      expect(text($(hartwell, '.plan'))).toBe('Active');
      expect(text($(hartwell, '.review'))).toBe('May 31, 2026');

      // Never engaged, no metric row yet, a Draft plan without a review date.
      const northwind = row(element, 'a05000000000002AAA');
      expect(badge($(northwind, '.status'))).toBe('No engagement');
      expect($(northwind, '.slds-theme_warning')).not.toBeNull();
      expect($(northwind, '.days-since')).toBeNull();
      expect(text($(northwind, '.next'))).toBe('—');
      expect(text($(northwind, '.revenue'))).toBe('—');
      expect($(northwind, '.growth')).toBeNull();
      expect(text($(northwind, '.score'))).toBe('—');
      expect(text($(northwind, '.plan'))).toBe('Draft');
      expect(text($(northwind, '.review'))).toBe('—');

      // The metric row's own currency; no prior year, no growth; no plan at all.
      const aurora = row(element, 'a05000000000003AAA');
      expect(text($(aurora, '.revenue'))).toBe('€310K');
      expect($(aurora, '.growth')).toBeNull();
      expect(text($(aurora, '.score'))).toBe('43');
      expect(text($(aurora, '.plan'))).toBe('No plan');

      const bluefjord = row(element, 'a05000000000006AAA');
      expect(badge($(bluefjord, '.status'))).toBe('On cadence');
      expect($(bluefjord, '.slds-theme_success')).not.toBeNull();
      expect(text($(bluefjord, '.counterpart'))).toBe('No counterpart named yet');
      await expect(element).toBeAccessible();
    });

    it('links each account to its record page', async () => {
      const element = await mount();
      await emit(mockData);
      const link = $(row(element, HARTWELL), '.account-link');
      expect(link.getAttribute('href')).toBe('https://example.invalid/generated');
      link.click();
      expect(getNavigateCalledWith().pageReference).toEqual({
        type: 'standard__recordPage',
        attributes: { recordId: HARTWELL_ACCOUNT, objectApiName: 'Account', actionName: 'view' }
      });
    });

    it('renders without what the user may not read: metrics, plans, counterpart and engagement fields', async () => {
      const element = await mount();
      await emit(mockRestricted);
      const hartwell = row(element, HARTWELL);
      expect(badge($(hartwell, '.status'))).toBe('Status not available');
      expect($(hartwell, '.counterpart')).toBeNull();
      expect(text($(hartwell, '.revenue'))).toBe('—');
      expect(text($(hartwell, '.plan'))).toBe('No plan');
      // The last engagement is hidden, so it could not be written either: no log button.
      expect($(hartwell, '.log-engagement')).toBeNull();
      await expect(element).toBeAccessible();
    });
  });

  describe('logging an engagement', () => {
    it('offers Log Engagement on every sponsorship to a sponsor who may create Events', async () => {
      const element = await mount();
      await emit(mockData);
      expect($$(element, 'lightning-button.log-engagement')).toHaveLength(5);
      expect($(row(element, HARTWELL), 'lightning-button.log-engagement').title).toBe(
        'Log an engagement at Hartwell Logistics'
      );
    });

    it('shows no Log Engagement to a user who may not create Events', async () => {
      const element = await mount();
      await emit(mockData, withoutEventCreate(mockSponsorAccess));
      expect($$(element, 'li.sponsorship')).toHaveLength(5);
      expect($(element, 'lightning-button.log-engagement')).toBeNull();
    });

    it('opens the record page’s modal, writes the Event and the engagement dates, and refreshes', async () => {
      LogEngagementModal.open.mockResolvedValue({
        date: '2026-06-14',
        type: 'Meeting',
        notes: 'Reset the quarterly review.'
      });
      createRecord.mockResolvedValue({ id: '00U000000000001AAA' });
      updateRecord.mockResolvedValue({});
      const element = await mount();
      await emit(mockData);
      const toasts = [];
      element.addEventListener('lightning__showtoast', (event) => toasts.push(event.detail));

      $(row(element, HARTWELL), 'lightning-button.log-engagement').click();
      await flushPromises();

      expect(LogEngagementModal.open).toHaveBeenCalledWith(
        expect.objectContaining({ sponsorName: 'Eleanor Voss', counterpartName: 'Kofi Schmidt' })
      );
      expect(createRecord).toHaveBeenCalledWith({
        apiName: 'Event',
        fields: {
          Subject: 'Executive engagement: Kofi Schmidt',
          ActivityDate: '2026-06-14',
          IsAllDayEvent: true,
          Type: 'Meeting',
          Description: 'Reset the quarterly review.',
          WhoId: '003000000000001AAA',
          WhatId: HARTWELL_ACCOUNT,
          OwnerId: CURRENT_USER_ID
        }
      });
      // Cadence 90 days: 2026-06-14 + 90 = 2026-09-12.
      expect(updateRecord).toHaveBeenCalledWith({
        fields: { Id: HARTWELL, Last_Engagement__c: '2026-06-14', Next_Engagement__c: '2026-09-12' }
      });
      // The sponsor may not write stakeholders: the counterpart's record is left alone.
      expect(updateRecord).toHaveBeenCalledTimes(1);
      expect(refreshGraphQL).toHaveBeenCalledTimes(1);
      expect(toasts).toEqual([
        expect.objectContaining({
          title: 'Engagement logged: next one due Sep 12, 2026.',
          variant: 'success'
        })
      ]);
    });

    it("notes the counterpart's last interaction when the user may write it", async () => {
      LogEngagementModal.open.mockResolvedValue({ date: '2026-06-14', type: null, notes: null });
      createRecord.mockResolvedValue({ id: '00U000000000002AAA' });
      updateRecord.mockResolvedValue({});
      const element = await mount();
      await emit(mockData, mockRepAccess);
      $(row(element, HARTWELL), 'lightning-button.log-engagement').click();
      await flushPromises();
      expect(updateRecord).toHaveBeenCalledWith({
        fields: { Id: 'a03000000000001AAA', Last_Interaction__c: '2026-06-14' }
      });
    });

    it('writes nothing when the modal is cancelled', async () => {
      LogEngagementModal.open.mockResolvedValue(undefined);
      const element = await mount();
      await emit(mockData);
      $(row(element, HARTWELL), 'lightning-button.log-engagement').click();
      await flushPromises();
      expect(createRecord).not.toHaveBeenCalled();
      expect(updateRecord).not.toHaveBeenCalled();
      expect(refreshGraphQL).not.toHaveBeenCalled();
    });

    it('shows why logging failed and keeps the list', async () => {
      LogEngagementModal.open.mockResolvedValue({ date: '2026-06-14', type: null, notes: null });
      createRecord.mockRejectedValue({
        body: { message: 'You do not have access to this record.' }
      });
      const element = await mount();
      await emit(mockData);
      $(row(element, HARTWELL), 'lightning-button.log-engagement').click();
      await flushPromises();
      const panel = $(element, 'c-error-panel.action-error');
      expect(text(panel.shadowRoot.querySelector('.messages'))).toBe(
        'You do not have access to this record.'
      );
      expect(updateRecord).not.toHaveBeenCalled();
      expect(refreshGraphQL).not.toHaveBeenCalled();
      expect($$(element, 'li.sponsorship')).toHaveLength(5);
    });
  });
});
