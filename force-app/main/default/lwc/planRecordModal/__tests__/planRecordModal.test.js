import { createElement } from '@lwc/engine-dom';
import PlanRecordModal from 'c/planRecordModal';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { deepQuery as $, deepQueryAll as $$ } from '../../../../../test/jest-utils/shadowQuery';

// The rep's access as the UI API reports it (accountPlan's fixture), one object at a time.
const repAccess = require('../../accountPlan/__tests__/data/getObjectInfosRep.json');
const infoOf = (apiName) =>
  JSON.parse(JSON.stringify(repAccess.results.find((r) => r.result.apiName === apiName).result));

const ACCOUNT_ID = '001000000000001AAA';
const PLAN_ID = 'a00000000000001AAA';
let closed;

async function mount(properties) {
  const element = createElement('c-plan-record-modal', { is: PlanRecordModal });
  Object.assign(element, { accountId: ACCOUNT_ID, ...properties });
  closed = [];
  element.addEventListener('close', (event) => closed.push(event.detail.result));
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

const form = (element) => $(element, 'lightning-record-edit-form');
const inputNames = (element) =>
  $$(element, 'lightning-input-field').map((input) => input.fieldName);
const inputValue = (element, name) =>
  $(element, `lightning-input-field[data-field="${name}"]`).value;

/** The form's submit, recorded (the sfdx-lwc-jest stub does nothing). */
function recordSubmits(element) {
  const submitted = [];
  form(element).submit = (fields) => submitted.push(fields);
  return submitted;
}

describe('c-plan-record-modal', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('edits a new plan in lightning-record-edit-form, starting from the defaults, and saves it under the account', async () => {
    const defaults = { Name: 'Acme 2026–2029', Status__c: 'Active', Start_Date__c: '2026-03-31' };
    const element = await mount({ kind: 'plan', parentId: ACCOUNT_ID, defaults });
    getObjectInfo.emit(infoOf('Account_Plan__c'));
    await Promise.resolve();

    expect($(element, 'lightning-modal-header').label).toBe('Create Plan');
    expect(form(element).objectApiName).toBe('Account_Plan__c');
    expect(form(element).recordId).toBeUndefined();
    expect($(element, 'lightning-messages')).not.toBeNull();
    // The four ratings that feed the strategic score are edited here too; SWOT and narrative full width.
    expect(inputNames(element)).toEqual([
      'Name',
      'Status__c',
      'Start_Date__c',
      'End_Date__c',
      'Revenue_Target__c',
      'Governance_Cadence__c',
      'Next_Review__c',
      'Influence_Rating__c',
      'Co_Innovation_Rating__c',
      'Collaboration_Rating__c',
      'Risk_Rating__c',
      'Customer_Objectives__c',
      'Value_Proposition__c',
      'Strengths__c',
      'Weaknesses__c',
      'Opportunities__c',
      'Threats__c'
    ]);
    expect(inputValue(element, 'Status__c')).toBe('Active');
    expect(inputValue(element, 'Threats__c')).toBeUndefined();

    const submitted = recordSubmits(element);
    $(element, 'lightning-button.save').click();
    await Promise.resolve();
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toEqual(
      expect.objectContaining({
        Account__c: ACCOUNT_ID,
        Name: 'Acme 2026–2029',
        Status__c: 'Active',
        Start_Date__c: '2026-03-31',
        Threats__c: null
      })
    );
    expect($(element, 'lightning-button.save').disabled).toBe(true);

    form(element).dispatchEvent(
      new CustomEvent('success', { detail: { id: 'a00000000000009AAA' } })
    );
    await Promise.resolve();
    expect(closed).toEqual([{ id: 'a00000000000009AAA' }]);
  });

  it("leaves a rejected save open for the platform's messages (a validation rule) and saves nothing itself", async () => {
    const element = await mount({ kind: 'plan', recordId: PLAN_ID, parentId: ACCOUNT_ID });
    const submitted = recordSubmits(element);
    $(element, 'lightning-button.save').click();
    await Promise.resolve();
    // An existing plan: no parent is set again.
    expect(submitted[0]).not.toHaveProperty('Account__c');
    form(element).dispatchEvent(
      new CustomEvent('error', {
        detail: { message: 'The end date must be after the start date.' }
      })
    );
    await Promise.resolve();
    expect(closed).toEqual([]);
    expect($(element, 'lightning-button.save').disabled).toBe(false);
    expect($(element, 'lightning-modal-header').label).toBe('Edit the account plan');
  });

  it('names a new objective after its measure and picks its owner among users', async () => {
    const element = await mount({
      kind: 'objective',
      parentId: PLAN_ID,
      defaults: { Status__c: 'Not started', Category__c: 'Growth' }
    });
    getObjectInfo.emit(infoOf('Plan_Objective__c'));
    await Promise.resolve();
    const picker = $(element, 'lightning-record-picker.picker');
    expect(picker.objectApiName).toBe('User');
    expect(picker.label).toBe('Owner');
    picker.dispatchEvent(new CustomEvent('change', { detail: { recordId: '005000000000002AAA' } }));
    $(element, 'lightning-input-field[data-field="Measure__c"]').value =
      '  Net promoter score of plant managers ';
    await Promise.resolve();

    const submitted = recordSubmits(element);
    $(element, 'lightning-button.save').click();
    await Promise.resolve();
    expect(submitted[0]).toEqual(
      expect.objectContaining({
        Account_Plan__c: PLAN_ID,
        Name: 'Net promoter score of plant managers',
        Owner_User__c: '005000000000002AAA',
        Status__c: 'Not started',
        Category__c: 'Growth'
      })
    );
  });

  it("offers the initiative's customer sponsor among the account's contacts, keeping the current one", async () => {
    const element = await mount({
      kind: 'initiative',
      recordId: 'a06000000000001AAA',
      parentId: PLAN_ID,
      lookups: { Customer_Sponsor__c: '003000000000002AAA' }
    });
    getObjectInfo.emit(infoOf('Joint_Initiative__c'));
    await Promise.resolve();
    const picker = $(element, 'lightning-record-picker.picker');
    expect(picker.objectApiName).toBe('Contact');
    expect(picker.value).toBe('003000000000002AAA');
    expect(picker.filter).toEqual({
      criteria: [{ fieldPath: 'AccountId', operator: 'eq', value: ACCOUNT_ID }]
    });
    expect(inputNames(element)).toContain('Supplier_Value_Realized__c');
  });

  it('offers no picker for a lookup the user may not write', async () => {
    const element = await mount({ kind: 'objective', recordId: 'a02000000000001AAA' });
    const info = infoOf('Plan_Objective__c');
    info.fields.Owner_User__c.updateable = false;
    getObjectInfo.emit(info);
    await Promise.resolve();
    expect($(element, 'lightning-record-picker')).toBeNull();
  });

  it('closes with nothing on cancel', async () => {
    const element = await mount({ kind: 'initiative', parentId: PLAN_ID });
    $(element, 'lightning-button.cancel').click();
    await Promise.resolve();
    expect(closed).toEqual([undefined]);
    await expect(element).toBeAccessible();
  });
});
