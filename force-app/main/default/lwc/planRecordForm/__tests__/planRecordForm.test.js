import { createElement } from '@lwc/engine-dom';
import PlanRecordForm from 'c/planRecordForm';

const rep = require('../../accountPlan/__tests__/data/getObjectInfosRep.json');
const sponsor = require('../../accountPlan/__tests__/data/getObjectInfosSponsor.json');
const fieldsOf = (access, apiName) =>
  access.results.find((r) => r.result.apiName === apiName).result.fields;

async function mount(props) {
  const element = createElement('c-plan-record-form', { is: PlanRecordForm });
  Object.assign(element, props);
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

const form = (element) => element.shadowRoot.querySelector('c-plan-edit-form');
const change = async (element, key, value) => {
  form(element).dispatchEvent(new CustomEvent('fieldchange', { detail: { key, value } }));
  await Promise.resolve();
};

describe('c-plan-record-form', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('raises save with only the changed fields of an existing objective', async () => {
    const record = {
      id: 'o1',
      measure: 'NPS',
      targetValue: 50,
      currentValue: 30,
      status: 'On track'
    };
    const element = await mount({
      kind: 'objective',
      record,
      fieldAccess: fieldsOf(rep, 'Plan_Objective__c')
    });
    const saves = [];
    element.addEventListener('save', (event) => saves.push(event.detail));
    await change(element, 'currentValue', '35');
    form(element).dispatchEvent(new CustomEvent('save'));
    expect(saves).toEqual([
      { apiName: 'Plan_Objective__c', id: 'o1', fields: { Current_Value__c: 35 } }
    ]);
  });

  it('offers no field to a user who may not write any', async () => {
    const element = await mount({
      kind: 'plan',
      record: { id: 'p1', name: 'Plan' },
      fieldAccess: fieldsOf(sponsor, 'Account_Plan__c')
    });
    expect(form(element).fields).toEqual([]);
  });

  it('explains a plan that ends before it starts instead of saving it', async () => {
    const element = await mount({
      kind: 'plan',
      prefill: { name: 'Plan', status: 'Active', startDate: '2026-01-01', endDate: '2025-01-01' },
      parentId: '001000000000001AAA',
      fieldAccess: fieldsOf(rep, 'Account_Plan__c')
    });
    const saves = [];
    element.addEventListener('save', (event) => saves.push(event.detail));
    form(element).dispatchEvent(new CustomEvent('save'));
    await Promise.resolve();
    expect(form(element).message).toBe('The end date must be after the start date.');
    expect(saves).toEqual([]);
  });
});
