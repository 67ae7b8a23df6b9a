import { createElement } from '@lwc/engine-dom';
import LogEngagementModal from 'c/logEngagementModal';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';
import { deepQuery as $ } from '../../../../../test/jest-utils/shadowQuery';

jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-03-31')
}));

const mockEventTypes = require('./data/getPicklistValuesEventType.json');

let closed;

async function mount() {
  const element = createElement('c-log-engagement-modal', { is: LogEngagementModal });
  Object.assign(element, { sponsorName: 'Anna Rossi', counterpartName: 'Giulia Bianchi' });
  closed = [];
  element.addEventListener('close', (event) => closed.push(event.detail.result));
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

const change = (element, field, value) =>
  $(element, `[data-field="${field}"]`).dispatchEvent(
    new CustomEvent('change', { detail: { value } })
  );

describe('c-log-engagement-modal', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it("offers today's date and the org's Event types, and closes with what the user entered", async () => {
    const element = await mount();
    getPicklistValues.emit(mockEventTypes);
    await Promise.resolve();
    expect($(element, 'lightning-modal-header').label).toBe('Log Engagement with Giulia Bianchi');
    expect($(element, '.engagement-date').value).toBe('2026-03-31');
    expect($(element, '.engagement-type').options.map((o) => o.label)).toEqual([
      'Call',
      'Email',
      'Meeting',
      'Other'
    ]);
    change(element, 'date', '2026-03-28');
    change(element, 'type', 'Meeting');
    change(element, 'notes', 'Roadmap review.');
    $(element, 'lightning-button.log').click();
    expect(closed).toEqual([{ date: '2026-03-28', type: 'Meeting', notes: 'Roadmap review.' }]);
  });

  it('closes with nothing when cancelled', async () => {
    const element = await mount();
    $(element, 'lightning-button.cancel').click();
    expect(closed).toEqual([undefined]);
  });
});
