import { createElement } from '@lwc/engine-dom';
import InitiativeItem from 'c/initiativeItem';
import { getNavigateCalledWith } from 'lightning/navigation';
import { deepQuery as $, text } from '../../../../../test/jest-utils/shadowQuery';

jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-06-15')
}));

const PILOT = {
  id: 'a06000000000001AAA',
  name: 'Predictive maintenance pilot',
  status: 'Active',
  targetDate: '2026-09-30',
  customerSponsorName: 'Giulia Bianchi',
  customerValueTarget: 500000,
  customerValueRealized: 120000,
  supplierValueTarget: 300000,
  supplierValueRealized: 80000
};

async function mount(props) {
  const element = createElement('c-initiative-item', { is: InitiativeItem });
  Object.assign(element, props);
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

describe('c-initiative-item', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it("shows the org's label of the status, the stored value while the labels load", async () => {
    const labelled = await mount({
      initiative: { ...PILOT, status: 'On hold', statusLabel: 'In attesa' }
    });
    expect($(labelled, 'c-status-badge.initiative-status').label).toBe('In attesa');
    document.body.removeChild(labelled);
    const raw = await mount({ initiative: { ...PILOT, status: 'On hold' } });
    expect($(raw, 'c-status-badge.initiative-status').label).toBe('On hold');
  });

  it("links the customer sponsor to the contact's record page", async () => {
    const element = await mount({
      initiative: { ...PILOT, customerSponsorId: '003000000000002AAA' }
    });
    const link = $(element, 'a.initiative-sponsor');
    expect(text(link)).toBe('Giulia Bianchi');
    link.click();
    expect(getNavigateCalledWith().pageReference).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: '003000000000002AAA', actionName: 'view' }
    });
  });

  it('shows mutual value realized against target', async () => {
    const element = await mount({ initiative: PILOT });
    expect(text($(element, '.customer-value'))).toBe('$120,000 realized of $500,000');
    expect(text($(element, '.supplier-value'))).toBe('$80,000 realized of $300,000');
    expect($(element, '.initiative-overdue')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('marks an open initiative past its target date as overdue, but not a completed one', async () => {
    const late = await mount({ initiative: { ...PILOT, targetDate: '2026-06-14' } });
    expect($(late, 'c-status-badge.initiative-overdue').label).toBe('Overdue');
    expect($(late, 'c-status-badge.initiative-status').tone).toBe('error');
    const done = await mount({
      initiative: { ...PILOT, status: 'Completed', targetDate: '2026-06-14' }
    });
    expect($(done, '.initiative-overdue')).toBeNull();
  });

  it('shows — for values hidden from the user', async () => {
    const element = await mount({ initiative: { ...PILOT, supplierValueRealized: undefined } });
    expect(text($(element, '.supplier-value'))).toBe('—');
  });
});
