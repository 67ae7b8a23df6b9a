import { createElement } from '@lwc/engine-dom';
import RelationshipMap from 'c/relationshipMap';
import { graphql } from 'lightning/graphql';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { createRecord, deleteRecord } from 'lightning/uiRecordApi';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

const mockMap = require('./data/graphqlRelationshipMap.json');
const mockNoContacts = require('./data/graphqlRelationshipMapNoContacts.json');
const mockCycle = require('./data/graphqlRelationshipMapCycle.json');
const mockRepAccess = require('./data/getObjectInfosRep.json');
const mockSponsorAccess = require('./data/getObjectInfosSponsor.json');

jest.mock('lightning/uiRecordApi', () => ({ createRecord: jest.fn(), deleteRecord: jest.fn() }), {
  virtual: true
});
jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-03-31')
}));

const ACCOUNT_ID = '001000000000001AAA';
const GIULIA = '003000000000001AAA';
const MARCO = '003000000000002AAA';
const SARA = '003000000000003AAA';
const PAOLO = '003000000000004AAA';
const PAOLA = '003000000000005AAA';

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(data = mockMap, access = mockRepAccess, properties = {}) {
  const element = createElement('c-relationship-map', { is: RelationshipMap });
  Object.assign(element, { recordId: ACCOUNT_ID, ...properties });
  document.body.appendChild(element);
  await flushPromises();
  if (data) {
    graphql.emit(data, (config) => config.operationName === 'relationshipMap');
    getObjectInfos.emit(access);
    await flushPromises();
  }
  return element;
}

const box = (element, id) => $(element, `.node[data-id="${id}"]`);
const shownIds = (element) => $$(element, '.node').map((n) => n.dataset.id);
const fire = (target, name, detail) => target.dispatchEvent(new CustomEvent(name, { detail }));

describe('c-relationship-map', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner until the wire answers, and asks for this account only', async () => {
    const element = await mount(null);
    expect($(element, 'lightning-spinner')).not.toBeNull();
    expect(graphql.getLastConfig()).toEqual(
      expect.objectContaining({ variables: { recordId: ACCOUNT_ID } })
    );
  });

  it('shows a readable message when the wire fails', async () => {
    const element = await mount(null);
    graphql.emitErrors([{ message: 'Stakeholder__c is not supported by UI API' }]);
    await flushPromises();
    expect($(element, 'c-error-panel').friendlyMessage).toBe(
      'The relationship map could not be loaded.'
    );
  });

  it('invites to add contacts when the account has none, and still names the missing roles', async () => {
    const element = await mount(mockNoContacts);
    expect(text($(element, '.empty'))).toBe(
      'This account has no contacts yet. Add contacts to map the buying centre.'
    );
    expect($$(element, '.gap-text').map(text)).toEqual([
      'No economic buyer identified.',
      'No champion identified.'
    ]);
  });

  it('draws every contact once, with reporting lines, informal links and the legend', async () => {
    const element = await mount();
    expect(shownIds(element).sort()).toEqual(
      [GIULIA, MARCO, SARA, PAOLO, PAOLA, '003000000000006AAA'].sort()
    );
    // Marco, Sara → Giulia; Paola → Marco; Paolo → Sara (the advisor's manager is elsewhere).
    expect($$(element, 'path.reporting-line')).toHaveLength(4);
    expect($$(element, 'g.informal-link').map((l) => l.dataset.type)).toEqual([
      'Influences',
      'Allied with'
    ]);
    expect($(element, 'c-map-legend')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('names the coverage gaps, and a name selects that person on the map', async () => {
    const element = await mount();
    const gap = $(element, 'li.gap[data-code="HIGH_INFLUENCE_NO_OWNER"]');
    expect(text(gap)).toBe('High-influence stakeholders without a relationship owner: Marco Verdi');
    gap.querySelector('button.person').click();
    await flushPromises();
    expect(box(element, MARCO).getAttribute('aria-pressed')).toBe('true');
    expect(text($(element, '.editor-heading'))).toBe('Edit Marco Verdi');
  });

  it('opens the stakeholder form beside the chart for the rep, with the fields he may read', async () => {
    const element = await mount();
    box(element, PAOLO).click();
    await flushPromises();
    const form = $(element, 'lightning-record-edit-form');
    expect(form.objectApiName).toBe('Stakeholder__c');
    expect(form.recordId).toBeUndefined(); // Paolo is not mapped yet: the form creates
    expect($$(element, 'lightning-input-field').map((f) => f.fieldName)).toEqual([
      'Buying_Role__c',
      'Influence__c',
      'Attitude__c',
      'Relationship_Strength__c',
      'Relationship_Owner__c',
      'Last_Interaction__c',
      'Notes__c'
    ]);
    // The panel sits in the workspace next to the chart, not above it.
    expect($(element, '.workspace > aside.side c-stakeholder-editor')).not.toBeNull();
  });

  it('shows the sponsor (read-only on stakeholders) details, with no form and no link actions', async () => {
    const element = await mount(mockMap, mockSponsorAccess);
    box(element, MARCO).click();
    await flushPromises();
    expect($(element, 'lightning-record-edit-form')).toBeNull();
    expect($(element, '.add-link')).toBeNull();
    expect($(element, '.remove-link')).toBeNull();
    expect(text($(element, '.editor-heading'))).toBe('Marco Verdi');
    expect($$(element, '.details dd').map(text)).toContain('Decision Maker');
  });

  it('returns focus to the person after the panel closes', async () => {
    const element = await mount();
    box(element, SARA).click();
    await flushPromises();
    $(element, 'lightning-button-icon.close-editor').click();
    await flushPromises();
    const chart = $(element, 'c-map-org-chart');
    expect(chart.shadowRoot.activeElement).toBe(box(element, SARA));
    expect($(element, 'c-stakeholder-editor')).toBeNull();
  });

  it('announces a save and asks the page to refresh', async () => {
    const element = await mount();
    const toasts = [];
    const refreshes = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push(e.detail.title));
    element.addEventListener('lightning__refresh', () => refreshes.push(true));
    box(element, MARCO).click();
    await flushPromises();
    fire($(element, 'c-stakeholder-editor'), 'saved', { contactId: MARCO });
    await flushPromises();
    expect(toasts).toEqual(['The relationship map was updated.']);
    expect(refreshes).toHaveLength(1);
  });

  it('links two mapped people, and refuses a person who is not mapped', async () => {
    createRecord.mockResolvedValue({ id: 'a04000000000009AAA' });
    const element = await mount();
    box(element, GIULIA).click();
    await flushPromises();
    const editor = $(element, 'c-stakeholder-editor');
    fire(editor, 'addlink', { toContactId: PAOLO, type: 'Influences' });
    await flushPromises();
    expect(text($(element, 'c-error-panel').shadowRoot)).toContain(
      'Only mapped people can be linked'
    );
    expect(createRecord).not.toHaveBeenCalled();
    fire(editor, 'addlink', { toContactId: PAOLA, type: 'Influences' });
    await flushPromises();
    // Giulia's stakeholder a03…1 influences Paola's a03…5.
    expect(createRecord.mock.calls[0][0]).toEqual({
      apiName: 'Stakeholder_Link__c',
      fields: {
        Account__c: ACCOUNT_ID,
        From__c: 'a03000000000001AAA',
        To__c: 'a03000000000005AAA',
        Type__c: 'Influences'
      }
    });
  });

  it('removes an informal link', async () => {
    deleteRecord.mockResolvedValue({});
    const element = await mount();
    box(element, SARA).click();
    await flushPromises();
    expect($$(element, '.link-text').map(text)).toEqual([
      'Influences Marco Verdi',
      'Giulia Bianchi: Allied with this person'
    ]);
    $(element, 'lightning-button-icon.remove-link').click();
    await flushPromises();
    expect(deleteRecord.mock.calls[0][0]).toBe('a04000000000001AAA');
  });

  it('finds people by name or title and highlights them', async () => {
    const element = await mount();
    const toolbar = $(element, 'c-map-toolbar');
    fire($(element, 'lightning-input.search'), 'change', { value: 'officer' });
    await flushPromises();
    // Chief Executive, Financial and Technology Officers: Giulia, Marco and Sara.
    expect(
      $$(element, '.node.matched')
        .map((n) => n.dataset.id)
        .sort()
    ).toEqual([GIULIA, MARCO, SARA]);
    expect(text(toolbar.shadowRoot.querySelector('.search-summary'))).toBe('3 found');
    fire($(element, 'lightning-input.search'), 'change', { value: 'paola' });
    await flushPromises();
    expect($$(element, '.node.matched').map((n) => n.dataset.id)).toEqual([PAOLA]);
  });

  it('shows mapped people only on request, each under his nearest mapped manager', async () => {
    const element = await mount();
    fire($(element, 'lightning-input.mapped-only'), 'change', { checked: true });
    await flushPromises();
    expect(shownIds(element)).not.toContain(PAOLO);
    expect(shownIds(element)).toHaveLength(5);
  });

  it('collapses and expands a branch', async () => {
    const element = await mount();
    const toggle = $(element, `button.branch-toggle[data-id="${MARCO}"]`);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.click();
    await flushPromises();
    expect(shownIds(element)).not.toContain(PAOLA);
    const folded = $(element, `button.branch-toggle[data-id="${MARCO}"]`);
    expect(text(folded)).toBe('+1');
    expect(folded.getAttribute('aria-label')).toBe('Show the 1 people under Marco Verdi');
    folded.click();
    await flushPromises();
    expect(shownIds(element)).toContain(PAOLA);
  });

  it('asks for the child accounts’ contacts only when the user wants them', async () => {
    const element = await mount();
    expect(box(element, '003000000000077AAA')).toBeNull();
    fire($(element, 'lightning-input.child-accounts'), 'change', { checked: true });
    await flushPromises();
    graphql.emit(
      {
        uiapi: {
          query: {
            Contact: {
              edges: [
                {
                  node: {
                    Id: '003000000000077AAA',
                    Name: { value: 'Jonas Weber' },
                    Title: { value: 'Managing Director' },
                    ReportsToId: { value: GIULIA },
                    Account: { Name: { value: 'Bianchi GmbH' } }
                  }
                }
              ]
            }
          }
        }
      },
      (config) => config.operationName === 'relationshipMapChildren'
    );
    await flushPromises();
    expect(text(box(element, '003000000000077AAA').querySelector('.node-title'))).toBe(
      'Managing Director · Account: Bianchi GmbH'
    );
  });

  it('shows the same people in a table', async () => {
    const element = await mount(mockMap, mockRepAccess, { defaultView: 'Table' });
    const table = $(element, 'lightning-datatable');
    expect(table.data.map((r) => r.name)).toContain('Paolo Gallo');
    expect(table.data.find((r) => r.id === PAOLO).lastInteraction).toBe(
      'Not mapped yet: select to add buying role, influence and attitude'
    );
  });

  it('opens another account with a fresh view: nothing selected, no search, nothing folded', async () => {
    const element = await mount();
    $(element, `button.branch-toggle[data-id="${MARCO}"]`).click();
    box(element, SARA).click();
    fire($(element, 'lightning-input.search'), 'change', { value: 'officer' });
    await flushPromises();
    element.recordId = '001000000000002AAA';
    graphql.emit(mockMap, (config) => config.operationName === 'relationshipMap');
    await flushPromises();
    expect(shownIds(element)).toContain(PAOLA);
    expect($(element, 'c-stakeholder-editor')).toBeNull();
    expect($$(element, '.node.matched')).toHaveLength(0);
  });

  it('survives reporting cycles', async () => {
    const element = await mount(mockCycle);
    expect(shownIds(element).length).toBeGreaterThan(0);
  });
});
