// Change alerts on the map: the sync service found that a person left the account, changed title
// or cannot be emailed. The map marks the person (a badge, in words for screen readers), the
// coverage gaps list each alert as a gap of its own, and the panel shows it; a user who may edit
// the stakeholder clears it (its three fields blanked), a read-only sponsor only sees it.
import { createElement } from '@lwc/engine-dom';
import RelationshipMap from 'c/relationshipMap';
import { graphql } from 'lightning/graphql';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { updateRecord } from 'lightning/uiRecordApi';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';
import {
  ACCOUNT_ID,
  GIULIA,
  MARCO,
  MARCO_STAKEHOLDER,
  PAOLA,
  SARA,
  mapWithAlerts,
  mapWithDeparture
} from './data/alertsFixture';

const mockRepAccess = require('./data/getObjectInfosRep.json');
const mockSponsorAccess = require('./data/getObjectInfosSponsor.json');

jest.mock(
  'lightning/uiRecordApi',
  () => ({ createRecord: jest.fn(), deleteRecord: jest.fn(), updateRecord: jest.fn() }),
  { virtual: true }
);
jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-03-31')
}));

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(access = mockRepAccess, data = mapWithAlerts('en')) {
  const element = createElement('c-relationship-map', { is: RelationshipMap });
  element.recordId = ACCOUNT_ID;
  document.body.appendChild(element);
  await flushPromises();
  graphql.emit(data, (config) => config.operationName === 'relationshipMap');
  getObjectInfos.emit(access);
  await flushPromises();
  return element;
}

const box = (element, id) => $(element, `.node[data-id="${id}"]`);

async function select(element, id) {
  box(element, id).click();
  await flushPromises();
  return $(element, 'c-stakeholder-editor');
}

describe('c-relationship-map change alerts', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('marks each alerted person with a badge and says it in the box’s accessible name', async () => {
    const element = await mount();
    const badged = [GIULIA, MARCO, SARA, PAOLA].filter((id) =>
      box(element, id).querySelector('.alert-badge')
    );
    expect(badged).toEqual([MARCO, SARA, PAOLA]);
    expect(box(element, MARCO).className).toContain('has-alert');
    expect(box(element, MARCO).querySelector('.alert-badge').title).toBe(
      'Change alert: Left account'
    );
    expect(box(element, MARCO).getAttribute('aria-label')).toContain('Change alert: Left account');
    expect(box(element, GIULIA).className).not.toContain('has-alert');
  });

  it('lists each alert as a coverage gap of its own, naming the role and the person', async () => {
    const element = await mount();
    const gaps = $$($(element, 'c-map-coverage-gaps'), 'li.gap').filter(
      (li) => li.dataset.code === 'CHANGE_ALERT'
    );
    expect(gaps.map(text)).toEqual([
      'Champion Marco Verdi left the account',
      'Technical Evaluator Sara Russo has a new title (was CTO)',
      'Email to Gatekeeper Paola Neri bounced'
    ]);
    // The name is a button that selects the person.
    expect(gaps[0].querySelector('button.person').dataset.id).toBe(MARCO);
  });

  it('keeps a person who left the account on the map (no longer among its contacts), marked', async () => {
    const element = await mount(mockRepAccess, mapWithDeparture('en'));
    const marco = box(element, MARCO);
    expect(marco.querySelector('.alert-badge').title).toBe('Change alert: Left account');
    expect(text(marco.querySelector('.node-title'))).toBe('CIO');
    const gaps = $$($(element, 'c-map-coverage-gaps'), 'li.gap');
    expect(text(gaps.find((li) => li.dataset.code === 'CHANGE_ALERT'))).toBe(
      'Champion Marco Verdi left the account'
    );
  });

  it('explains the badge in the legend', async () => {
    const element = await mount();
    expect(text($($(element, 'c-map-legend'), '.entry.change-alert'))).toBe(
      '!Change alert: left the account, new title or bounced email'
    );
  });

  it('shows the alert in the panel, and a rep clears it: the three fields blanked', async () => {
    updateRecord.mockResolvedValue({ id: MARCO_STAKEHOLDER });
    const element = await mount();
    const toasts = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push(e.detail.title));
    const editor = await select(element, SARA);
    const notice = $(editor, '.change-alert');
    expect(text($(notice, '.alert-text'))).toBe('Title changed');
    expect($$(notice, '.alert-line').map(text)).toEqual([
      'Previous title: CTO',
      'Detected Mar 18, 2026'
    ]);
    await select(element, MARCO);
    const clear = $($(element, 'c-stakeholder-editor'), 'lightning-button.clear-alert');
    expect(clear.label).toBe('Clear alert');
    expect(clear.title).toBe('Clear the change alert on Marco Verdi once you have acted on it');
    clear.click();
    await flushPromises();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: MARCO_STAKEHOLDER,
        Change_Alert__c: null,
        Change_Detected__c: null,
        Previous_Title__c: null
      }
    });
    expect(toasts).toEqual(['Change alert cleared']);
  });

  it('shows a failed clear in the panel', async () => {
    updateRecord.mockRejectedValue({
      body: { message: 'insufficient access rights on object id' }
    });
    const element = await mount();
    await select(element, MARCO);
    $($(element, 'c-stakeholder-editor'), 'lightning-button.clear-alert').click();
    await flushPromises();
    expect($($(element, 'c-stakeholder-editor'), 'c-error-panel')).not.toBeNull();
  });

  it('a sponsor (read only) sees the alert but no action to clear it', async () => {
    const element = await mount(mockSponsorAccess);
    const editor = await select(element, MARCO);
    expect(text($(editor, '.change-alert .alert-text'))).toBe('Left account');
    expect($(editor, '.clear-alert')).toBeNull();
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('says the alert in the table view too', async () => {
    const element = await mount();
    const toolbar = $(element, 'c-map-toolbar');
    toolbar.dispatchEvent(new CustomEvent('viewchange', { detail: { value: 'Table' } }));
    await flushPromises();
    const datatable = $($(element, 'c-stakeholder-table'), 'lightning-datatable');
    const alertOf = (id) => datatable.data.find((row) => row.id === id).alert;
    expect([MARCO, SARA, GIULIA].map(alertOf)).toEqual([
      'Left account · Detected Mar 20, 2026',
      'Title changed · Previous title: CTO · Detected Mar 18, 2026',
      ''
    ]);
  });

  it('is accessible with the alerts shown', async () => {
    const element = await mount();
    await select(element, MARCO);
    await expect(element).toBeAccessible();
  });
});
