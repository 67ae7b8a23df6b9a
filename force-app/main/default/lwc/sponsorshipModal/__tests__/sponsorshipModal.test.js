import { createElement } from '@lwc/engine-dom';
import SponsorshipModal from 'c/sponsorshipModal';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { deepQuery as $, deepQueryAll as $$ } from '../../../../../test/jest-utils/shadowQuery';

jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-03-31')
}));

const repAccess = require('../../executiveSponsorPanel/__tests__/data/getObjectInfosRep.json');
const sponsorAccess = require('../../executiveSponsorPanel/__tests__/data/getObjectInfosSponsor.json');
const sponsorshipInfo = (access) =>
  access.results.find((r) => r.result.apiName === 'Executive_Sponsor__c').result;

const ACCOUNT_ID = '001000000000001AAA';
let closed;

async function mount(properties) {
  const element = createElement('c-sponsorship-modal', { is: SponsorshipModal });
  Object.assign(element, { accountId: ACCOUNT_ID, ...properties });
  closed = [];
  element.addEventListener('close', (event) => closed.push(event.detail.result));
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

const form = (element) => $(element, 'lightning-record-edit-form');
const inputs = (element) =>
  $$(element, 'lightning-input-field').map((input) => [input.fieldName, input.value]);

function recordSubmits(element) {
  const submitted = [];
  form(element).submit = (fields) => submitted.push(fields);
  return submitted;
}

describe('c-sponsorship-modal', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('adds a sponsorship: a user and a contact of the account from pickers, the terms in the record form', async () => {
    const element = await mount({ defaultCadenceDays: 60 });
    getObjectInfo.emit(sponsorshipInfo(repAccess));
    await Promise.resolve();
    expect($(element, 'lightning-modal-header').label).toBe('Add Sponsorship');
    expect(form(element).objectApiName).toBe('Executive_Sponsor__c');
    expect(inputs(element)).toEqual([
      ['Role__c', 'Executive Sponsor'],
      ['Cadence_Days__c', 60],
      ['Start_Date__c', '2026-03-31'],
      ['Next_Engagement__c', undefined],
      ['Commitments__c', undefined]
    ]);
    expect($(element, 'lightning-record-picker.sponsor-picker').objectApiName).toBe('User');
    const counterpart = $(element, 'lightning-record-picker.counterpart-picker');
    expect(counterpart.objectApiName).toBe('Contact');
    expect(counterpart.filter.criteria[0]).toEqual({
      fieldPath: 'AccountId',
      operator: 'eq',
      value: ACCOUNT_ID
    });

    // Saving without a sponsor is refused with a readable message.
    const submitted = recordSubmits(element);
    $(element, 'lightning-button.save').click();
    await Promise.resolve();
    expect($(element, '.form-error').textContent).toBe('Choose the sponsoring executive.');
    expect(submitted).toEqual([]);

    $(element, 'lightning-record-picker.sponsor-picker').dispatchEvent(
      new CustomEvent('change', { detail: { recordId: '005000000000005AAA' } })
    );
    counterpart.dispatchEvent(
      new CustomEvent('change', { detail: { recordId: '003000000000002AAA' } })
    );
    await Promise.resolve();
    $(element, 'lightning-button.save').click();
    await Promise.resolve();
    expect($(element, '.form-error')).toBeNull();
    expect(submitted).toEqual([
      {
        Role__c: 'Executive Sponsor',
        Cadence_Days__c: 60,
        Start_Date__c: '2026-03-31',
        Next_Engagement__c: null,
        Commitments__c: null,
        Sponsor__c: '005000000000005AAA',
        Customer_Counterpart__c: '003000000000002AAA',
        Account__c: ACCOUNT_ID,
        Active__c: true
      }
    ]);
    form(element).dispatchEvent(
      new CustomEvent('success', { detail: { id: 'a05000000000009AAA' } })
    );
    await Promise.resolve();
    expect(closed).toEqual([{ id: 'a05000000000009AAA' }]);
  });

  it('edits a sponsorship from its stored values, showing its sponsor and counterpart', async () => {
    const element = await mount({
      recordId: 'a05000000000001AAA',
      current: { sponsorId: '005000000000002AAA', counterpartId: '003000000000001AAA' }
    });
    getObjectInfo.emit(sponsorshipInfo(repAccess));
    await Promise.resolve();
    expect($(element, 'lightning-modal-header').label).toBe('Edit sponsorship');
    expect(form(element).recordId).toBe('a05000000000001AAA');
    expect(inputs(element).every(([, value]) => value === undefined)).toBe(true);
    expect($(element, 'lightning-record-picker.sponsor-picker').value).toBe('005000000000002AAA');
    expect($(element, 'lightning-record-picker.counterpart-picker').value).toBe(
      '003000000000001AAA'
    );
    const submitted = recordSubmits(element);
    $(element, 'lightning-button.save').click();
    await Promise.resolve();
    expect(submitted[0]).not.toHaveProperty('Account__c');
    expect(submitted[0]).not.toHaveProperty('Active__c');
    form(element).dispatchEvent(new CustomEvent('error', { detail: { message: 'Inactive user' } }));
    await Promise.resolve();
    expect(closed).toEqual([]);
    await expect(element).toBeAccessible();
  });

  it('offers no picker for a lookup the user may not write (the sponsor cannot change the counterpart)', async () => {
    const element = await mount({ recordId: 'a05000000000001AAA' });
    getObjectInfo.emit(sponsorshipInfo(sponsorAccess));
    await Promise.resolve();
    expect($(element, 'lightning-record-picker.counterpart-picker')).toBeNull();
    expect($(element, 'lightning-record-picker.sponsor-picker')).not.toBeNull();
  });
});
