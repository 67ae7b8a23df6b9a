import { createElement } from '@lwc/engine-dom';
import WhitespaceOpportunities from 'c/whitespaceOpportunities';
import { graphql } from 'lightning/graphql';
import { getNavigateCalledWith } from 'lightning/navigation';
import { deepQuery as $, text } from '../../../../../test/jest-utils/shadowQuery';

const mockOpportunities = require('./data/graphqlCellOpportunities.json');
const mockEmpty = require('./data/graphqlCellOpportunitiesEmpty.json');

const LUMEN = '001000000000004AAA';

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(family = 'Analytics') {
  const element = createElement('c-whitespace-opportunities', { is: WhitespaceOpportunities });
  Object.assign(element, {
    heading: 'Lumen Optics · Analytics: opportunities',
    segmentId: LUMEN,
    family
  });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-whitespace-opportunities', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it("asks for the segment's line items in the family", async () => {
    await mount();
    expect(graphql.getLastConfig()).toEqual(
      expect.objectContaining({
        variables: { segmentId: LUMEN, family: 'Analytics', noProductsAccountId: null },
        operationName: 'whitespaceOpportunities'
      })
    );
  });

  it('for "(none)", asks for the opportunities without products instead', async () => {
    await mount('(none)');
    expect(graphql.getLastConfig().variables).toEqual({
      segmentId: LUMEN,
      family: null,
      noProductsAccountId: LUMEN
    });
  });

  it('lists one row per opportunity with its amount in the family, latest close first', async () => {
    const element = await mount();
    graphql.emit(mockOpportunities);
    await flushPromises();
    const table = $(element, 'lightning-datatable');
    // The 2027 expansion has two Analytics line items: 10,000 + 5,000.50 = 15,000.50 EUR.
    expect(table.data).toEqual([
      {
        id: '006000000000002AAA',
        name: 'Lumen Optics — Expansion 2027',
        stage: 'Proposal/Price Quote',
        closeDate: '2027-02-10',
        amount: 15000.5,
        currency: 'EUR'
      },
      {
        id: '006000000000001AAA',
        name: 'Lumen Optics — Renewal 2025',
        stage: 'Closed Won',
        closeDate: '2025-11-30',
        amount: 42000,
        currency: 'EUR'
      }
    ]);
    expect(table.columns.map((column) => column.label)).toEqual([
      'Opportunity',
      'Stage',
      'Close date',
      'Amount in this family'
    ]);
    await expect(element).toBeAccessible();
  });

  it('opens an opportunity from its name', async () => {
    const element = await mount();
    graphql.emit(mockOpportunities);
    await flushPromises();
    $(element, 'lightning-datatable').dispatchEvent(
      new CustomEvent('rowaction', {
        detail: { action: { name: 'open' }, row: { id: '006000000000001AAA' } }
      })
    );
    expect(getNavigateCalledWith().pageReference).toEqual({
      type: 'standard__recordPage',
      attributes: {
        recordId: '006000000000001AAA',
        objectApiName: 'Opportunity',
        actionName: 'view'
      }
    });
  });

  it('says so when the cell has no opportunities', async () => {
    const element = await mount();
    graphql.emit(mockEmpty);
    await flushPromises();
    expect(text($(element, 'p.empty'))).toBe(
      'No opportunities of this segment in this product family.'
    );
    expect($(element, 'lightning-datatable')).toBeNull();
  });

  it('shows the error panel when the wire fails, and closes from its button', async () => {
    const element = await mount();
    graphql.emitErrors([{ message: 'No access to OpportunityLineItem' }]);
    await flushPromises();
    expect($(element, 'c-error-panel').friendlyMessage).toBe(
      'The opportunities could not be loaded.'
    );
    const closed = jest.fn();
    element.addEventListener('close', closed);
    $(element, 'lightning-button.close').click();
    expect(closed).toHaveBeenCalled();
  });
});
