// The history list as an Italian user reads it: labels from translations/it.translation-meta.xml,
// the it-IT locale, field and picklist labels as the platform translates them.
import { createElement } from '@lwc/engine-dom';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';
import { EMPTY, FIELDS_IT, HISTORY, NOW, PICKLISTS_IT, STAKEHOLDER_ID } from './data/history';

require('../../../../../test/jest-mocks/labels').mockItalian();
const StakeholderHistory = require('c/stakeholderHistory').default;
const { graphql } = require('lightning/graphql');
const { getPicklistValuesByRecordType } = require('lightning/uiObjectInfoApi');

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount() {
  const element = createElement('c-stakeholder-history', { is: StakeholderHistory });
  Object.assign(element, { stakeholderId: STAKEHOLDER_ID, fields: FIELDS_IT });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-stakeholder-history in Italian', () => {
  beforeEach(() => {
    jest.useFakeTimers({
      now: NOW,
      doNotFake: ['setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask']
    });
  });

  afterEach(() => {
    jest.useRealTimers();
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('words each change in Italian, dates in the Italian format', async () => {
    const element = await mount();
    graphql.emit(HISTORY);
    getPicklistValuesByRecordType.emit(PICKLISTS_IT);
    await flushPromises();
    expect(text($(element, 'h4'))).toBe('Cronologia');
    expect(
      $$(element, '.entry').map((li) => [text($(li, '.entry-field')), text($(li, '.entry-text'))])
    ).toEqual([
      ['Atteggiamento', 'Sostenitore → Scettico, 12 mar, da Priya Nair'],
      ['Influenza', '— → Alta, 2 feb, da Maya Chen'],
      ['Forza della relazione', 'Debole → Media, 31 dic 2025, da —']
    ]);
  });

  it('says in Italian when nothing changed, or the history cannot be read', async () => {
    const element = await mount();
    graphql.emit(EMPTY);
    await flushPromises();
    expect(text($(element, '.empty'))).toBe('Nessuna modifica registrata.');
    graphql.emitErrors([{ message: 'nope' }]);
    await flushPromises();
    // An answer already shown stays; a fresh component that fails says so.
    const failing = await mount();
    graphql.emitErrors([{ message: 'nope' }]);
    await flushPromises();
    expect($(failing, 'c-error-panel').friendlyMessage).toBe('Impossibile caricare la cronologia.');
  });
});
