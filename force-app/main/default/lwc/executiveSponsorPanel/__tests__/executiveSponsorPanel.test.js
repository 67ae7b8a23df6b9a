import ExecutiveSponsorPanel from 'c/executiveSponsorPanel';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import LogEngagementModal from 'c/logEngagementModal';
import SponsorshipModal from 'c/sponsorshipModal';
import { deepQuery, deepQueryAll, text } from '../../../../../test/jest-utils/shadowQuery';
import {
  badge,
  clearPage,
  emitDataAndAccess,
  flushPromises,
  mountComponent
} from '../../../../../test/jest-utils/containerSuite';

const mockData = require('./data/graphqlSponsorPanel.json');
const mockNoSponsors = require('./data/graphqlSponsorPanelNoSponsors.json');
const mockRestricted = require('./data/graphqlSponsorPanelRestricted.json');
const mockRepAccess = require('./data/getObjectInfosRep.json');
const mockSponsorAccess = require('./data/getObjectInfosSponsor.json');

jest.mock('lightning/uiRecordApi', () => ({ createRecord: jest.fn(), updateRecord: jest.fn() }), {
  virtual: true
});
// A fixed "today" in the user's time zone.
jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-03-31')
}));

const ACCOUNT_ID = '001000000000001AAA';
// sfdx-lwc-jest's default for @salesforce/user/Id; Luca Ferrari's sponsorship in the fixture.
const CURRENT_USER_ID = '005000000000000000';

const mount = (properties = {}) =>
  mountComponent('c-executive-sponsor-panel', ExecutiveSponsorPanel, {
    recordId: ACCOUNT_ID,
    ...properties
  });
const emit = (element, data, access = mockRepAccess) => emitDataAndAccess(data, access);

const $ = deepQuery;
const $$ = deepQueryAll;

describe('c-executive-sponsor-panel', () => {
  afterEach(clearPage);

  describe('reading', () => {
    it('shows a spinner until the wire answers', async () => {
      const element = await mount();
      expect($(element, 'lightning-spinner')).not.toBeNull();
      expect($(element, 'c-error-panel')).toBeNull();
    });

    it('queries the active sponsorships of this account', async () => {
      await mount();
      expect(graphql.getLastConfig()).toEqual(
        expect.objectContaining({
          variables: { recordId: ACCOUNT_ID },
          operationName: 'executiveSponsorPanel'
        })
      );
    });

    it('shows a readable message when the wire fails', async () => {
      const element = await mount();
      graphql.emitErrors([{ message: 'Insufficient access to Executive_Sponsor__c' }]);
      await flushPromises();
      const panel = $(element, 'c-error-panel');
      expect(panel).not.toBeNull();
      expect(panel.friendlyMessage).toBe('Executive sponsors could not be loaded.');
      expect(text(panel.shadowRoot.querySelector('.messages'))).toBe(
        'Insufficient access to Executive_Sponsor__c'
      );
      expect($(element, 'lightning-spinner')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it("lists the current user's own sponsorship first, marked as his", async () => {
      const element = await mount();
      await emit(element, mockData);
      const rows = $$(element, 'li.sponsor');
      expect(rows.map((row) => row.dataset.id)).toEqual([
        'a05000000000002AAA', // Luca Ferrari = current user, Functional Sponsor
        'a05000000000001AAA' // Anna Rossi, Executive Sponsor
      ]);
      expect(text($(rows[0], '.sponsor-name'))).toContain('Luca Ferrari');
      expect(badge($(rows[0], '.mine'))).toBe('You');
      expect($(rows[1], '.mine')).toBeNull();
      expect(CURRENT_USER_ID).toBe(
        mockData.uiapi.query.Executive_Sponsor__c.edges[1].node.Sponsor__c.value
      );
    });

    it('shows photo, title, counterpart, role, cadence, status with days since, next engagement and commitments', async () => {
      const element = await mount();
      await emit(element, mockData);
      const anna = $(element, 'li[data-id="a05000000000001AAA"]');
      const avatar = $(anna, 'lightning-avatar');
      expect(avatar.src).toBe('https://example.invalid/anna.png');
      expect(avatar.alternativeText).toBe('Photo of Anna Rossi');
      expect(avatar.initials).toBe('AR');
      expect(text($(anna, '.sponsor-title'))).toBe('Chief Operating Officer');
      expect(badge($(anna, '.role'))).toBe('Executive Sponsor');
      expect(text($(anna, '.counterpart'))).toBe('Giulia Bianchi, Chief Executive Officer');
      expect(text($(anna, '.cadence'))).toBe('Every 90 days');
      // Colour and text: the badge says "Overdue" and carries a warning icon.
      expect(badge($(anna, '.status'))).toBe('Overdue');
      expect($(anna, '.slds-theme_error')).not.toBeNull();
      expect(text($(anna, '.days-since'))).toBe('Days since last engagement: 120');
      expect(text($(anna, '.next'))).toBe('Apr 20, 2026');
      expect($(anna, '.commitments').textContent).toBe(
        'Quarterly business review with the CEO.\nJoint roadmap by June.'
      );

      const luca = $(element, 'li[data-id="a05000000000002AAA"]');
      expect(badge($(luca, '.status'))).toBe('On cadence');
      expect($(luca, '.slds-theme_success')).not.toBeNull();
      expect(text($(luca, '.counterpart'))).toBe('No counterpart named yet');
      expect(text($(luca, '.next'))).toBe('—');
      expect($(luca, '.commitments')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('names high-influence executives without a sponsor counterpart', async () => {
      const element = await mount();
      await emit(element, mockData);
      // Giulia Bianchi is Anna Rossi's counterpart; Marco Verdi has nobody.
      expect(text($(element, '.gap'))).toBe(
        'High-influence customer executives without a sponsor counterpart: Marco Verdi (Chief Financial Officer)'
      );
    });

    it('says so when the account has no active sponsor, and still shows the gap', async () => {
      const element = await mount();
      await emit(element, mockNoSponsors);
      expect(text($(element, '.empty'))).toBe('No active executive sponsor for this account yet.');
      expect($$(element, 'li.sponsor')).toHaveLength(0);
      expect(text($(element, '.gap'))).toContain('Marco Verdi');
      await expect(element).toBeAccessible();
    });

    it('renders without fields the user cannot see, and with very long names and extreme cadences', async () => {
      const element = await mount();
      await emit(element, mockRestricted);
      const rows = $$(element, 'li.sponsor');
      expect(rows).toHaveLength(2);
      const [first, second] = rows; // Executive Sponsor before Co-Sponsor
      expect(text($(second, '.sponsor-name'))).toBe(
        'Maria Antonietta Giuseppina Carolina Wolfeschlegelsteinhausenbergerdorff-Montecuccoli'
      );
      expect(text($(second, '.cadence'))).toBe('Every 9999 days');
      // Hidden counterpart, formula and last-engagement fields: no counterpart line, no
      // status guess, no "log" button (the user could not write the field either).
      expect($(second, '.counterpart')).toBeNull();
      expect(badge($(second, '.status'))).toBe('Status not available');
      expect($(second, '.log-engagement')).toBeNull();
      expect(text($(second, '.next'))).toBe('—');
      // Visible but blank: "No engagement", zero-day cadence shown as is.
      expect(badge($(first, '.status'))).toBe('No engagement');
      expect($(first, '.days-since')).toBeNull();
      expect(text($(first, '.cadence'))).toBe('Every 0 days');
      expect($(first, '.log-engagement')).not.toBeNull();
      // Photo hidden: the avatar falls back to initials.
      expect($(second, 'lightning-avatar').initials).toBe('MA');
      // Counterparts hidden everywhere: the gap is not assessed rather than wrongly reported.
      expect($(element, '.gap')).toBeNull();
      await expect(element).toBeAccessible();
    });
  });

  describe('actions', () => {
    it('logs an engagement from the modal: an Event, the engagement dates advanced by the cadence, the counterpart noted', async () => {
      LogEngagementModal.open.mockResolvedValue({
        date: '2026-03-30',
        type: 'Meeting',
        notes: 'Roadmap review.'
      });
      createRecord.mockResolvedValue({ id: '00U000000000001AAA' });
      updateRecord.mockResolvedValue({});
      const element = await mount();
      await emit(element, mockData);
      const toasts = [];
      element.addEventListener('lightning__showtoast', (event) => toasts.push(event.detail));

      $($(element, 'li[data-id="a05000000000001AAA"]'), 'lightning-button.log-engagement').click();
      await flushPromises();

      expect(LogEngagementModal.open).toHaveBeenCalledWith(
        expect.objectContaining({ sponsorName: 'Anna Rossi', counterpartName: 'Giulia Bianchi' })
      );
      expect(createRecord).toHaveBeenCalledWith({
        apiName: 'Event',
        fields: {
          Subject: 'Executive engagement: Giulia Bianchi',
          ActivityDate: '2026-03-30',
          IsAllDayEvent: true,
          Type: 'Meeting',
          Description: 'Roadmap review.',
          WhoId: '003000000000001AAA',
          WhatId: ACCOUNT_ID,
          OwnerId: '005000000000009AAA'
        }
      });
      // Cadence 90 days: next engagement due Jun 28, 2026.
      expect(updateRecord).toHaveBeenCalledWith({
        fields: {
          Id: 'a05000000000001AAA',
          Last_Engagement__c: '2026-03-30',
          Next_Engagement__c: '2026-06-28'
        }
      });
      expect(updateRecord).toHaveBeenCalledWith({
        fields: { Id: 'a03000000000001AAA', Last_Interaction__c: '2026-03-30' }
      });
      expect(refreshGraphQL).toHaveBeenCalledTimes(1);
      expect(toasts).toEqual([
        expect.objectContaining({
          title: 'Engagement logged: next one due Jun 28, 2026.',
          variant: 'success'
        })
      ]);
    });

    it('writes nothing when the modal is cancelled', async () => {
      LogEngagementModal.open.mockResolvedValue(undefined);
      const element = await mount();
      await emit(element, mockData);
      $(element, 'lightning-button.log-engagement').click();
      await flushPromises();
      expect(createRecord).not.toHaveBeenCalled();
      expect(updateRecord).not.toHaveBeenCalled();
    });

    it('shows why logging failed', async () => {
      LogEngagementModal.open.mockResolvedValue({ date: '2026-03-31', type: null, notes: null });
      createRecord.mockRejectedValue({
        body: { message: 'You do not have access to this record.' }
      });
      const element = await mount();
      await emit(element, mockData);
      $(element, 'lightning-button.log-engagement').click();
      await flushPromises();
      const panel = $(element, 'c-error-panel.action-error');
      expect(text(panel.shadowRoot.querySelector('.messages'))).toBe(
        'You do not have access to this record.'
      );
      expect(updateRecord).not.toHaveBeenCalled();
      expect(refreshGraphQL).not.toHaveBeenCalled();
    });

    it('lets the sponsor (Tandem_Sponsor) log on his own sponsorship only, and nothing else', async () => {
      LogEngagementModal.open.mockResolvedValue({ date: '2026-03-31', type: null, notes: null });
      createRecord.mockResolvedValue({ id: '00U000000000002AAA' });
      updateRecord.mockResolvedValue({});
      const element = await mount();
      await emit(element, mockData, mockSponsorAccess);
      const [own, other] = $$(element, 'li.sponsor');
      expect($(own, 'lightning-button.log-engagement')).not.toBeNull();
      expect($(other, 'lightning-button.log-engagement')).toBeNull();
      for (const selector of ['.add-sponsorship', '.edit-sponsorship', '.end-sponsorship']) {
        expect($(element, `lightning-button${selector}`)).toBeNull();
      }
      $(own, 'lightning-button.log-engagement').click();
      await flushPromises();
      // No counterpart: an Event on the account only; the stakeholder is not touched.
      expect(createRecord.mock.calls[0][0].fields).not.toHaveProperty('WhoId');
      expect(updateRecord).toHaveBeenCalledTimes(1);
      expect(updateRecord).toHaveBeenCalledWith({
        fields: {
          Id: 'a05000000000002AAA',
          Last_Engagement__c: '2026-03-31',
          Next_Engagement__c: '2026-05-30'
        }
      });
      await expect(element).toBeAccessible();
    });

    it('edits the terms of a sponsorship in the record form, naming its sponsor and counterpart', async () => {
      SponsorshipModal.open.mockResolvedValue({ id: 'a05000000000001AAA' });
      const element = await mount();
      await emit(element, mockData);
      $(
        $(element, 'li[data-id="a05000000000001AAA"]'),
        'lightning-button.edit-sponsorship'
      ).click();
      await flushPromises();
      const options = SponsorshipModal.open.mock.calls[0][0];
      expect(options).toEqual(
        expect.objectContaining({ recordId: 'a05000000000001AAA', accountId: ACCOUNT_ID })
      );
      expect(Object.keys(options.current)).toEqual(['sponsorId', 'counterpartId']);
      expect(refreshGraphQL).toHaveBeenCalledTimes(1);
    });

    it('ends a sponsorship after a confirmation', async () => {
      updateRecord.mockResolvedValue({});
      const element = await mount();
      await emit(element, mockData);
      const row = () => $(element, 'li[data-id="a05000000000001AAA"]');

      $(row(), 'lightning-button.end-sponsorship').click();
      await flushPromises();
      expect(updateRecord).not.toHaveBeenCalled();
      expect(text($(row(), '.confirm-text'))).toBe('End the sponsorship of Anna Rossi?');

      $(row(), 'lightning-button.confirm-end').click();
      await flushPromises();
      expect(updateRecord).toHaveBeenCalledWith({
        fields: { Id: 'a05000000000001AAA', Active__c: false }
      });
      expect(refreshGraphQL).toHaveBeenCalledTimes(1);
    });

    it('can back out of ending a sponsorship', async () => {
      const element = await mount();
      await emit(element, mockData);
      $(element, 'lightning-button.end-sponsorship').click();
      await flushPromises();
      $(element, 'lightning-button.cancel-end').click();
      await flushPromises();
      expect($(element, '.confirm-text')).toBeNull();
      expect(updateRecord).not.toHaveBeenCalled();
    });

    it('adds a sponsorship in the record form with the default cadence; a cancel reloads nothing', async () => {
      SponsorshipModal.open.mockResolvedValue(undefined);
      const element = await mount({ defaultCadenceDays: 60 });
      await emit(element, mockData);
      $(element, 'lightning-button.add-sponsorship').click();
      await flushPromises();
      expect(SponsorshipModal.open).toHaveBeenCalledWith(
        expect.objectContaining({
          recordId: undefined,
          accountId: ACCOUNT_ID,
          defaultCadenceDays: 60
        })
      );
      expect(refreshGraphQL).not.toHaveBeenCalled();
    });
  });
});
