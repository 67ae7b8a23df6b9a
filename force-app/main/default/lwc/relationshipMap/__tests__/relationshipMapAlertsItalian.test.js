// Change alerts on the map as an Italian user reads them: every label from
// translations/it.translation-meta.xml, the it-IT locale, and the picklist labels the platform
// translates (Change_Alert__c's Italian values).
import { createElement } from '@lwc/engine-dom';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';
import { ACCOUNT_ID, MARCO, SARA, mapWithAlerts } from './data/alertsFixture';

require('../../../../../test/jest-mocks/labels').mockItalian();
const RelationshipMap = require('c/relationshipMap').default;
const { graphql } = require('lightning/graphql');
const { getObjectInfos } = require('lightning/uiObjectInfoApi');

const mockRepAccess = require('./data/getObjectInfosRep.json');

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

async function mount() {
  const element = createElement('c-relationship-map', { is: RelationshipMap });
  element.recordId = ACCOUNT_ID;
  document.body.appendChild(element);
  await flushPromises();
  graphql.emit(mapWithAlerts('it'), (config) => config.operationName === 'relationshipMap');
  getObjectInfos.emit(mockRepAccess);
  await flushPromises();
  return element;
}

describe('c-relationship-map change alerts in Italian', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('words the gaps, the badge and the legend in Italian', async () => {
    const element = await mount();
    const gaps = $$($(element, 'c-map-coverage-gaps'), 'li.gap').filter(
      (li) => li.dataset.code === 'CHANGE_ALERT'
    );
    expect(gaps.map(text)).toEqual([
      'Champion Marco Verdi ha lasciato l’account',
      'Technical Evaluator Sara Russo ha una nuova qualifica (prima: CTO)',
      'L’email a Gatekeeper Paola Neri è stata respinta'
    ]);
    const badge = $(element, `.node[data-id="${MARCO}"]`).querySelector('.alert-badge');
    expect(badge.title).toBe("Avviso di cambiamento: Ha lasciato l'account");
    expect(text($($(element, 'c-map-legend'), '.entry.change-alert'))).toBe(
      '!Avviso di cambiamento: ha lasciato l’account, nuova qualifica o email respinta'
    );
  });

  it('shows the alert in the panel with its details and the action to clear it', async () => {
    const element = await mount();
    $(element, `.node[data-id="${SARA}"]`).click();
    await flushPromises();
    const editor = $(element, 'c-stakeholder-editor');
    expect(text($(editor, '.change-alert .alert-text'))).toBe('Ruolo cambiato');
    expect($$(editor, '.change-alert .alert-line').map(text)).toEqual([
      'Qualifica precedente: CTO',
      'Rilevato il 18 mar 2026'
    ]);
    expect($(editor, 'lightning-button.clear-alert').label).toBe('Rimuovi l’avviso');
  });
});
