// Products on opportunities as Salesforce computes them on save: a line item takes its product,
// list price and currency from its price book entry; TotalPrice = Quantity × UnitPrice less
// Discount %, or UnitPrice is derived when TotalPrice is given (never both on insert); and an
// opportunity with line items has Amount = the sum of their TotalPrice (read-only then).
import { recordError } from '../errors';
import type { FieldDef } from '../schema/types';
import type { Cell } from './column';
import type { Table } from './table';
import { roundToScale } from './values';

/** What the line-item rules need from the store (kept narrow so this module has one job). */
export interface LineItemStore {
  table(name: string): Table | undefined;
  write(table: Table, field: FieldDef, row: number, value: Cell): void;
}

const read = (table: Table, row: number, name: string): Cell => table.column(name)?.get(row) ?? null;
const set = (store: LineItemStore, table: Table, row: number, name: string, value: Cell): void => {
  const field = table.field(name);
  if (field) store.write(table, field, row, value);
};
const integrity = (field: string, why: string): Error => recordError('FIELD_INTEGRITY_EXCEPTION', `field integrity exception: ${field} (${why})`, [field === 'unknown' ? 'UnitPrice' : field]);

/** PricebookEntry: Name and ProductCode follow the product; a custom price book needs a standard price first. */
export function derivePricebookEntry(store: LineItemStore, table: Table, row: number, created: boolean): void {
  const products = store.table('Product2')!;
  const product = read(table, row, 'Product2Id') as number;
  set(store, table, row, 'Name', read(products, product, 'Name'));
  set(store, table, row, 'ProductCode', read(products, product, 'ProductCode'));
  if (!created) return;
  const pricebooks = store.table('Pricebook2')!;
  const pricebook = read(table, row, 'Pricebook2Id') as number;
  if (read(pricebooks, pricebook, 'IsStandard') === true) return;
  const currency = read(table, row, 'CurrencyIsoCode');
  for (let r = 0; r < table.size; r++) {
    if (r === row || !table.isLive(r) || read(table, r, 'Product2Id') !== product || read(table, r, 'CurrencyIsoCode') !== currency) continue;
    if (read(pricebooks, read(table, r, 'Pricebook2Id') as number, 'IsStandard') === true) return;
  }
  throw recordError('STANDARD_PRICE_NOT_DEFINED', 'No standard price defined for this product', []);
}

/** OpportunityLineItem: entry, product, prices; throws Salesforce's errors for invalid combinations. */
export function deriveLineItem(store: LineItemStore, table: Table, row: number, given: (name: string) => boolean, created: boolean): void {
  if (created) {
    if (given('UnitPrice') && given('TotalPrice')) throw integrity('TotalPrice', 'only one of unit price or total price may be specified');
    if (!given('UnitPrice') && !given('TotalPrice')) throw integrity('unknown', 'must specify either unit price or total price');
    linkEntry(store, table, row);
  } else if (given('UnitPrice') && given('TotalPrice')) {
    throw integrity('TotalPrice', 'only one of unit price or total price may be specified');
  }
  const quantity = Number(read(table, row, 'Quantity'));
  const keep = 1 - Number(read(table, row, 'Discount') ?? 0) / 100;
  if (given('TotalPrice')) {
    const total = Number(read(table, row, 'TotalPrice'));
    set(store, table, row, 'UnitPrice', quantity === 0 || keep === 0 ? 0 : roundToScale(total / (quantity * keep), 2));
  }
  const subtotal = roundToScale(quantity * Number(read(table, row, 'UnitPrice')), 2);
  set(store, table, row, 'Subtotal', subtotal);
  if (!given('TotalPrice')) set(store, table, row, 'TotalPrice', roundToScale(subtotal * keep, 2));
}

/** The entry decides product, list price and price book; it must be active, match the opportunity's price book and currency. */
function linkEntry(store: LineItemStore, table: Table, row: number): void {
  const entries = store.table('PricebookEntry')!;
  const entry = read(table, row, 'PricebookEntryId') as number | null;
  if (entry === null) throw recordError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [PricebookEntryId]', ['PricebookEntryId']);
  const product = read(entries, entry, 'Product2Id');
  const givenProduct = read(table, row, 'Product2Id');
  if (givenProduct !== null && givenProduct !== product) throw integrity('Product2Id', 'the product does not match the price book entry');
  if (read(entries, entry, 'IsActive') !== true) throw integrity('PricebookEntryId', 'pricebook entry is inactive');
  const opportunities = store.table('Opportunity')!;
  const opportunity = read(table, row, 'OpportunityId') as number;
  const entryCurrency = read(entries, entry, 'CurrencyIsoCode');
  if (entryCurrency !== null && entryCurrency !== read(opportunities, opportunity, 'CurrencyIsoCode')) {
    throw integrity('PricebookEntryId', 'pricebook entry currency code does not match opportunity currency code');
  }
  const pricebook = read(entries, entry, 'Pricebook2Id');
  const assigned = read(opportunities, opportunity, 'Pricebook2Id');
  if (assigned === null) set(store, opportunities, opportunity, 'Pricebook2Id', pricebook);
  else if (assigned !== pricebook) throw integrity('PricebookEntryId', 'pricebook entry is in a different pricebook than the one assigned to the opportunity');
  const products = store.table('Product2')!;
  set(store, table, row, 'Product2Id', product);
  set(store, table, row, 'ListPrice', read(entries, entry, 'UnitPrice'));
  set(store, table, row, 'ProductCode', read(products, product as number, 'ProductCode'));
  set(store, table, row, 'Name', `${String(read(opportunities, opportunity, 'Name'))} ${String(read(products, product as number, 'Name'))}`);
  if (entryCurrency !== null) set(store, table, row, 'CurrencyIsoCode', entryCurrency);
}

/**
 * Recomputes an opportunity's Amount from its live line items (and HasOpportunityLineItem).
 * Returns whether the opportunity has line items: without any, Amount is the user's own again.
 */
export function rollUpAmount(store: LineItemStore, opportunity: number): boolean {
  const items = store.table('OpportunityLineItem')!;
  const opportunities = store.table('Opportunity')!;
  if (!opportunities.isLive(opportunity)) return false;
  const parent = items.column('OpportunityId')!;
  const total = items.column('TotalPrice')!;
  let sum = 0;
  let count = 0;
  for (let r = 0; r < items.size; r++) {
    if (parent.refs[r] !== opportunity || !items.isLive(r)) continue;
    sum += Number(total.get(r) ?? 0);
    count++;
  }
  set(store, opportunities, opportunity, 'HasOpportunityLineItem', count > 0);
  if (count > 0) set(store, opportunities, opportunity, 'Amount', roundToScale(sum, 2));
  return count > 0;
}
