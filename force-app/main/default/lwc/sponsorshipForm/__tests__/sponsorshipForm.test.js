import { createElement } from '@lwc/engine-dom';
import SponsorshipForm from 'c/sponsorshipForm';
import { deepQuery as $, text } from '../../../../../test/jest-utils/shadowQuery';

jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-03-31')
}));

const repAccess = require('../../executiveSponsorPanel/__tests__/data/getObjectInfosRep.json')
  .results[0].result.fields;
const sponsorAccess =
  require('../../executiveSponsorPanel/__tests__/data/getObjectInfosSponsor.json').results[0].result
    .fields;

async function mount(props) {
  const element = createElement('c-sponsorship-form', { is: SponsorshipForm });
  Object.assign(element, { accountId: '001000000000001AAA', fieldAccess: repAccess, ...props });
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

const saved = (element) => {
  const events = [];
  element.addEventListener('save', (event) => events.push(event.detail));
  return events;
};

describe('c-sponsorship-form', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it("looks the counterpart up among the account's contacts and asks for the sponsor", async () => {
    const element = await mount();
    const events = saved(element);
    expect($(element, 'lightning-record-picker.counterpart-picker').filter).toEqual({
      criteria: [{ fieldPath: 'AccountId', operator: 'eq', value: '001000000000001AAA' }]
    });
    $(element, 'lightning-button.save-form').click();
    await Promise.resolve();
    expect(text($(element, '.form-error'))).toBe('Choose the sponsoring executive.');
    expect(events).toEqual([]);
    await expect(element).toBeAccessible();
  });

  it('offers a user who may only log engagements no terms to change', async () => {
    const record = { id: 's1', role: 'Executive Sponsor', cadenceDays: 90, commitments: 'QBR' };
    const element = await mount({ record, fieldAccess: sponsorAccess });
    expect($(element, '[data-field="role"]')).toBeNull();
    expect($(element, '[data-field="cadenceDays"]')).toBeNull();
    expect($(element, '[data-field="commitments"]')).not.toBeNull();
  });
});
