// The map's trend arrows: one history connection in the map's own query (no request per person),
// read against 90 days ago. Today is 31 March 2026, so D−90 is 31 December 2025 and the query asks
// for changes from 1 January 2026 00:00 UTC.
import { createElement } from '@lwc/engine-dom';
import RelationshipMap from 'c/relationshipMap';
import { graphql } from 'lightning/graphql';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

const mockMap = require('./data/graphqlRelationshipMap.json');
const mockRepAccess = require('./data/getObjectInfosRep.json');

jest.mock('lightning/uiRecordApi', () => ({ createRecord: jest.fn(), deleteRecord: jest.fn() }), {
  virtual: true
});
jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-03-31')
}));

const ACCOUNT_ID = '001000000000001AAA';
const GIULIA = '003000000000001AAA'; // stakeholder …1: Advocate, Strong today
const MARCO = '003000000000002AAA'; // stakeholder …2: Skeptic, Weak today
const SARA = '003000000000003AAA'; // stakeholder …3: Supporter, Medium today

const change = (id, parentId, field, oldValue, newValue, createdDate) => ({
  node: {
    Id: id,
    ParentId: { value: parentId },
    Field: { value: field },
    OldValue: { value: oldValue },
    NewValue: { value: newValue },
    CreatedDate: { value: createdDate }
  }
});

function withHistory(edges) {
  const data = JSON.parse(JSON.stringify(mockMap));
  data.uiapi.query.Stakeholder__History = { edges };
  return data;
}

// Giulia: Supporter→Advocate on 10 Feb (inside): improving; strength untouched: steady.
// Marco: Supporter→Neutral on 5 Jan, Neutral→Skeptic on 2 Mar: Supporter then, Skeptic now: decaying;
//        strength Strong→Weak on 20 Mar: decaying.
// Sara: Neutral→Supporter on 30 Dec 2025 (outside the window, were it returned): steady.
const HISTORY = [
  change(
    'h1',
    'a03000000000001AAA',
    'Attitude__c',
    'Supporter',
    'Advocate',
    '2026-02-10T09:00:00.000Z'
  ),
  change(
    'h2',
    'a03000000000002AAA',
    'Attitude__c',
    'Supporter',
    'Neutral',
    '2026-01-05T09:00:00.000Z'
  ),
  change(
    'h3',
    'a03000000000002AAA',
    'Attitude__c',
    'Neutral',
    'Skeptic',
    '2026-03-02T09:00:00.000Z'
  ),
  change(
    'h4',
    'a03000000000002AAA',
    'Relationship_Strength__c',
    'Strong',
    'Weak',
    '2026-03-20T09:00:00.000Z'
  ),
  change(
    'h5',
    'a03000000000003AAA',
    'Attitude__c',
    'Neutral',
    'Supporter',
    '2025-12-30T09:00:00.000Z'
  )
];

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(data) {
  const element = createElement('c-relationship-map', { is: RelationshipMap });
  element.recordId = ACCOUNT_ID;
  document.body.appendChild(element);
  await flushPromises();
  graphql.emit(data, (config) => config.operationName === 'relationshipMap');
  getObjectInfos.emit(mockRepAccess);
  await flushPromises();
  return element;
}

const box = (element, id) => $(element, `.node[data-id="${id}"]`);
const arrows = (element, id) =>
  $$(box(element, id), '.trend').map((arrow) => [text(arrow), arrow.className, arrow.title]);

describe('c-relationship-map trends', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('asks for the history in the map query itself, from the first day of the 90-day window', async () => {
    const element = createElement('c-relationship-map', { is: RelationshipMap });
    element.recordId = ACCOUNT_ID;
    document.body.appendChild(element);
    await flushPromises();
    const configs = [];
    graphql.emit(withHistory([]), (config) => {
      configs.push(config);
      return false;
    });
    expect(configs.find((c) => c.operationName === 'relationshipMap').variables).toEqual({
      recordId: ACCOUNT_ID,
      since: '2026-01-01T00:00:00.000Z'
    });
  });

  it('draws an arrow for attitude and strength on each mapped person', async () => {
    const element = await mount(withHistory(HISTORY));
    expect(arrows(element, GIULIA)).toEqual([
      ['↑', 'trend trend-improving', 'Attitude: improving over the last 90 days'],
      ['→', 'trend trend-steady', 'Relationship: steady over the last 90 days']
    ]);
    expect(arrows(element, MARCO)).toEqual([
      ['↓', 'trend trend-decaying', 'Attitude: decaying over the last 90 days'],
      ['↓', 'trend trend-decaying', 'Relationship: decaying over the last 90 days']
    ]);
    expect(arrows(element, SARA).map(([symbol]) => symbol)).toEqual(['→', '→']);
    // The box's accessible name says it in words.
    expect(box(element, MARCO).getAttribute('aria-label')).toContain(
      'Attitude: Skeptic, decaying over the last 90 days'
    );
  });

  it('draws no arrows when the user may not read the history (connection left out)', async () => {
    const element = await mount(mockMap);
    expect($$(element, '.trend').filter((el) => box(element, GIULIA).contains(el))).toEqual([]);
    expect(arrows(element, GIULIA)).toEqual([]);
  });

  it('shows the arrows in the table view too', async () => {
    const element = await mount(withHistory(HISTORY));
    const toolbar = $(element, 'c-map-toolbar');
    toolbar.dispatchEvent(new CustomEvent('viewchange', { detail: { value: 'Table' } }));
    await flushPromises();
    const table = $(element, 'c-stakeholder-table');
    const datatable = $(table, 'lightning-datatable');
    const marco = datatable.data.find((row) => row.id === MARCO);
    expect([marco.attitude, marco.strength]).toEqual(['− Skeptic ↓', 'Weak ↓']);
  });
});
