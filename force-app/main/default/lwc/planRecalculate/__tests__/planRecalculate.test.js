import { createElement } from '@lwc/engine-dom';
import PlanRecalculate from 'c/planRecalculate';
import { graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';

jest.mock('lightning/uiRecordApi', () => ({ createRecord: jest.fn() }), { virtual: true });

const mockSyncNone = require('../../accountPlan/__tests__/data/graphqlSyncNone.json');
const mockSyncDone = require('../../accountPlan/__tests__/data/graphqlSyncDone.json');

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(canRequest) {
  const element = createElement('c-plan-recalculate', { is: PlanRecalculate });
  Object.assign(element, { recordId: '001000000000001AAA', canRequest });
  document.body.appendChild(element);
  await flushPromises();
  graphql.emit(mockSyncNone);
  await flushPromises();
  return element;
}

describe('c-plan-recalculate', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('raises recalculated once the request it made is done', async () => {
    jest.useFakeTimers({
      doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'nextTick', 'queueMicrotask']
    });
    createRecord.mockResolvedValue({ id: 'a07000000000001AAA' });
    const element = await mount(true);
    const done = jest.fn();
    element.addEventListener('recalculated', done);
    element.shadowRoot.querySelector('lightning-button.recalculate').click();
    await flushPromises();
    jest.advanceTimersByTime(5000);
    graphql.emit(mockSyncDone);
    await flushPromises();
    expect(done).toHaveBeenCalledTimes(1);
    expect(element.shadowRoot.querySelector('.sync-text').textContent).toBe(
      'Metrics recalculated.'
    );
    await expect(element).toBeAccessible();
  });

  it('offers nothing to a user who may not ask for a recalculation', async () => {
    const element = await mount(false);
    expect(element.shadowRoot.querySelector('lightning-button.recalculate')).toBeNull();
  });
});
