// Products, price books and opportunity line items through jsforce: TotalPrice computed as
// Salesforce does, the opportunity's Amount rolled up from its line items, and Salesforce's errors.
import type { Connection } from 'jsforce';
import { startOrg, type OrgHandle } from './index';
import { passwordConnection, personaConnection } from './testing/clients';

let org: OrgHandle;
let conn: Connection;
let accountId: string;
let standardPricebook: string;
let product: string;
let entry: string;

beforeAll(async () => {
  org = await startOrg({ data: 'empty', today: '2026-06-15' });
  conn = await passwordConnection(org);
  accountId = (await conn.sobject('Account').create({ Name: 'Castellan Manufacturing' })).id!;
  standardPricebook = (await conn.query<{ Id: string }>('SELECT Id FROM Pricebook2 WHERE IsStandard = true')).records[0]!.Id;
  product = (await conn.sobject('Product2').create({ Name: 'Fleet Tracker', ProductCode: 'FT-1', Family: 'Fleet Telematics', IsActive: true })).id!;
  entry = (await conn.sobject('PricebookEntry').create({ Pricebook2Id: standardPricebook, Product2Id: product, UnitPrice: 120, IsActive: true, CurrencyIsoCode: 'USD' })).id!;
});

afterAll(async () => {
  await org.close();
});

const errorOf = async (promise: Promise<unknown>): Promise<{ errorCode: string; message: string }> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: { errorCode: string; message: string }) => error
  );

const opportunity = async (amount: number): Promise<string> =>
  (await conn.sobject('Opportunity').create({ Name: 'Fleet rollout', AccountId: accountId, StageName: 'Prospecting', CloseDate: '2026-09-30', Amount: amount, CurrencyIsoCode: 'USD' })).id!;

const amountOf = async (id: string): Promise<Record<string, unknown>> =>
  (await conn.query<Record<string, unknown>>(`SELECT Amount, HasOpportunityLineItem, Pricebook2Id FROM Opportunity WHERE Id = '${id}'`)).records[0]!;

describe('opportunity line items', () => {
  it('computes TotalPrice from Quantity × UnitPrice less Discount, copies the list price and product, and rolls Amount up', async () => {
    const opp = await opportunity(999);
    const first = (await conn.sobject('OpportunityLineItem').create({ OpportunityId: opp, PricebookEntryId: entry, Quantity: 10, UnitPrice: 100, Discount: 15 })).id!;
    // 10 × 100 = 1,000 subtotal; less 15 % = 850.
    const line = (await conn.query<Record<string, unknown>>(`SELECT TotalPrice, Subtotal, ListPrice, Product2Id, ProductCode, Product2.Family FROM OpportunityLineItem WHERE Id = '${first}'`)).records[0]!;
    expect(line).toMatchObject({ TotalPrice: 850, Subtotal: 1000, ListPrice: 120, Product2Id: product, ProductCode: 'FT-1', Product2: { Family: 'Fleet Telematics' } });
    // The first line item assigns the entry's price book, and Amount becomes the sum of TotalPrice.
    expect(await amountOf(opp)).toMatchObject({ Amount: 850, HasOpportunityLineItem: true, Pricebook2Id: standardPricebook });

    // TotalPrice given: UnitPrice = 300 / 4 = 75; Amount = 850 + 300 = 1,150.
    const second = (await conn.sobject('OpportunityLineItem').create({ OpportunityId: opp, PricebookEntryId: entry, Quantity: 4, TotalPrice: 300 })).id!;
    expect((await conn.sobject('OpportunityLineItem').retrieve(second, { fields: ['UnitPrice'] }) as unknown as { UnitPrice: number }).UnitPrice).toBe(75);
    expect((await amountOf(opp)).Amount).toBe(1150);

    // Quantity 10 → 12 keeps UnitPrice and Discount: 12 × 100 × 0.85 = 1,020; Amount = 1,020 + 300 = 1,320.
    await conn.sobject('OpportunityLineItem').update({ Id: first, Quantity: 12 });
    expect((await amountOf(opp)).Amount).toBe(1320);

    // Amount is read-only while line items exist: a written value is replaced by the roll-up.
    await conn.sobject('Opportunity').update({ Id: opp, Amount: 5 });
    expect((await amountOf(opp)).Amount).toBe(1320);

    // Deleting a line item rolls down: 1,320 − 300 = 1,020.
    await conn.sobject('OpportunityLineItem').destroy(second);
    expect((await amountOf(opp)).Amount).toBe(1020);
  });

  it('refuses UnitPrice and TotalPrice together, and neither, with FIELD_INTEGRITY_EXCEPTION', async () => {
    const opp = await opportunity(500);
    const both = await errorOf(conn.sobject('OpportunityLineItem').create({ OpportunityId: opp, PricebookEntryId: entry, Quantity: 1, UnitPrice: 10, TotalPrice: 10 }));
    expect(both).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'field integrity exception: TotalPrice (only one of unit price or total price may be specified)' });
    const neither = await errorOf(conn.sobject('OpportunityLineItem').create({ OpportunityId: opp, PricebookEntryId: entry, Quantity: 1 }));
    expect(neither.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    // Nothing was saved: the user's own Amount stands.
    expect(await amountOf(opp)).toMatchObject({ Amount: 500, HasOpportunityLineItem: false });
  });

  it('refuses an inactive entry, a custom price book without a standard price, and a write to the read-only ListPrice', async () => {
    const opp = await opportunity(500);
    const idle = (await conn.sobject('Product2').create({ Name: 'Old Sensor', Family: 'Predictive Maintenance' })).id!;
    const idleEntry = (await conn.sobject('PricebookEntry').create({ Pricebook2Id: standardPricebook, Product2Id: idle, UnitPrice: 10, IsActive: false })).id!;
    const inactive = await errorOf(conn.sobject('OpportunityLineItem').create({ OpportunityId: opp, PricebookEntryId: idleEntry, Quantity: 1, UnitPrice: 10 }));
    expect(inactive).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'field integrity exception: PricebookEntryId (pricebook entry is inactive)' });

    const custom = (await conn.sobject('Pricebook2').create({ Name: 'Partners', IsActive: true })).id!;
    const fresh = (await conn.sobject('Product2').create({ Name: 'Route Optimizer', Family: 'Route Planning', IsActive: true })).id!;
    const noStandard = await errorOf(conn.sobject('PricebookEntry').create({ Pricebook2Id: custom, Product2Id: fresh, UnitPrice: 50, IsActive: true }));
    expect(noStandard.errorCode).toBe('STANDARD_PRICE_NOT_DEFINED');

    const readOnly = await errorOf(conn.sobject('OpportunityLineItem').create({ OpportunityId: opp, PricebookEntryId: entry, Quantity: 1, UnitPrice: 10, ListPrice: 1 }));
    expect(readOnly.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });

  it('the integration user reads line items with their product family (Standard User profile + Tandem_Integration), but may not write them', async () => {
    const opp = await opportunity(500);
    await conn.sobject('OpportunityLineItem').create({ OpportunityId: opp, PricebookEntryId: entry, Quantity: 2, UnitPrice: 250 });
    const integration = await personaConnection(org, 'integration');
    const lines = (await integration.query<Record<string, unknown>>(`SELECT OpportunityId, TotalPrice, Product2.Family FROM OpportunityLineItem WHERE OpportunityId = '${opp}'`)).records;
    expect(lines).toEqual([expect.objectContaining({ OpportunityId: opp, TotalPrice: 500, Product2: expect.objectContaining({ Family: 'Fleet Telematics' }) })]);
    const refused = await errorOf(integration.sobject('OpportunityLineItem').create({ OpportunityId: opp, PricebookEntryId: entry, Quantity: 1, UnitPrice: 1 }));
    expect(refused.errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
  });

  it('refuses an entry from another price book than the opportunity’s', async () => {
    const opp = await opportunity(500);
    await conn.sobject('OpportunityLineItem').create({ OpportunityId: opp, PricebookEntryId: entry, Quantity: 1, UnitPrice: 10 });
    const custom = (await conn.sobject('Pricebook2').create({ Name: 'Distributors', IsActive: true })).id!;
    const customEntry = (await conn.sobject('PricebookEntry').create({ Pricebook2Id: custom, Product2Id: product, UnitPrice: 90, IsActive: true, CurrencyIsoCode: 'USD' })).id!;
    const other = await errorOf(conn.sobject('OpportunityLineItem').create({ OpportunityId: opp, PricebookEntryId: customEntry, Quantity: 1, UnitPrice: 10 }));
    expect(other).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'field integrity exception: PricebookEntryId (pricebook entry is in a different pricebook than the one assigned to the opportunity)' });
  });
});
