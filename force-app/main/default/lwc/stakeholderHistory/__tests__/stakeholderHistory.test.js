import { createElement } from '@lwc/engine-dom';
import StakeholderHistory from 'c/stakeholderHistory';
import { graphql } from 'lightning/graphql';
import { getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';
import { EMPTY, FIELDS_EN, HISTORY, NOW, PICKLISTS_EN, STAKEHOLDER_ID } from './data/history';

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount() {
  const element = createElement('c-stakeholder-history', { is: StakeholderHistory });
  Object.assign(element, { stakeholderId: STAKEHOLDER_ID, fields: FIELDS_EN });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const entries = (element) =>
  $$(element, '.entry').map((li) => [text($(li, '.entry-field')), text($(li, '.entry-text'))]);

describe('c-stakeholder-history', () => {
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

  it('shows a spinner until the history arrives, and asks for this stakeholder only', async () => {
    const element = await mount();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    expect(graphql.getLastConfig()).toEqual(
      expect.objectContaining({ variables: { stakeholderId: STAKEHOLDER_ID } })
    );
  });

  it('says so in words when the history cannot be read', async () => {
    const element = await mount();
    graphql.emitErrors([{ message: 'Stakeholder__History is not supported' }]);
    await flushPromises();
    expect($(element, 'c-error-panel').friendlyMessage).toBe('The history could not be loaded.');
  });

  it('says when nothing has changed yet', async () => {
    const element = await mount();
    graphql.emit(EMPTY);
    await flushPromises();
    expect(text($(element, '.empty'))).toBe('No changes recorded yet.');
    expect(entries(element)).toEqual([]);
  });

  it('lists each change newest first: field, old → new, the day on the user’s calendar, who', async () => {
    const element = await mount();
    graphql.emit(HISTORY);
    getPicklistValuesByRecordType.emit(PICKLISTS_EN);
    await flushPromises();
    expect(entries(element)).toEqual([
      ['Attitude', 'Supporter → Skeptic, Mar 12, by Priya Nair'],
      // A first value: nothing before it.
      ['Influence', '— → High, Feb 2, by Maya Chen'],
      // Last year in Los Angeles, and the user who made it is not visible.
      ['Relationship Strength', 'Weak → Medium, Dec 31, 2025, by —']
    ]);
    await expect(element).toBeAccessible();
  });
});
