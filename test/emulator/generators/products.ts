// The product catalogue demo and bench sell from, and how an opportunity's Amount is split into
// line items that sum to it exactly (so metrics computed from Amount stay what they were).
import type { Org } from '../org';
import type { Random } from '../random';
import { PRODUCT_FAMILIES } from '../schema/standard';
import { currencyOf } from './common';

/** Sold only on opportunities that were lost: the whitespace matrix shows it as a lost-only cell. */
export const LOST_ONLY_FAMILY = 'Predictive Maintenance';
/** The families an account can buy (every family but the lost-only one). */
export const SELLING_FAMILIES = PRODUCT_FAMILIES.filter((f) => f !== LOST_ONLY_FAMILY);

const PRODUCTS: Record<string, Array<[name: string, listPrice: number]>> = {
  'Fleet Telematics': [['Telematics Gateway', 400], ['Driver App Licence', 120]],
  'Route Planning': [['Route Optimizer', 2500], ['Dock Scheduler', 900]],
  'Warehouse Automation': [['Pick-to-Light Module', 7000], ['Warehouse Control Suite', 25000]],
  Analytics: [['Operations Analytics', 6000], ['Demand Forecast Add-on', 3500]],
  'Sustainability Reporting': [['Emissions Ledger', 4000], ['ESG Report Pack', 1500]],
  'Managed Services': [['Managed Operations (year)', 30000], ['Premium Support (year)', 8000]],
  Training: [['Onsite Training Day', 2000], ['Academy Seat', 300]],
  'Predictive Maintenance': [['Vibration Sensor Kit', 1200], ['Maintenance AI', 9000]]
};

export interface CatalogProduct {
  id: string;
  family: string;
  listPrice: number;
  /** Standard price book entry per currency ISO code ('' in a single-currency org). */
  entries: Map<string, string>;
}

/** Products (two per family) with an active standard price in every currency. */
export function seedCatalog(org: Org, currencies: string[], at: number): CatalogProduct[] {
  const store = org.store;
  const pricebooks = store.table('Pricebook2')!;
  let standard = -1;
  for (let row = 0; row < pricebooks.size; row++) if (pricebooks.column('IsStandard')!.get(row) === true) standard = row;
  const pricebookId = pricebooks.id(standard);
  const isos = org.schema.multiCurrency ? currencies : [''];
  const catalog: CatalogProduct[] = [];
  PRODUCT_FAMILIES.forEach((family, f) => {
    (PRODUCTS[family] ?? []).forEach(([name, listPrice], p) => {
      const id = store.insert('Product2', { Name: name, ProductCode: `${family.slice(0, 3).toUpperCase()}-${f + 1}${p + 1}`, Family: family, IsActive: true }, 0, { at });
      const entries = new Map<string, string>();
      for (const iso of isos) {
        entries.set(iso, store.insert('PricebookEntry', { Pricebook2Id: pricebookId, Product2Id: id, UnitPrice: listPrice, IsActive: true, ...(iso ? currencyOf(org, iso) : {}) }, 0, { at }));
      }
      catalog.push({ id, family, listPrice, entries });
    });
  });
  return catalog;
}

const QUANTITIES = [1, 2, 4, 5, 10];

/**
 * Splits `amount` (a multiple of `unit`, where `unit` is a multiple of 10) into `lines` positive
 * parts, each as Quantity × UnitPrice with a UnitPrice exact to the cent: Quantity divides
 * 10 × part, so UnitPrice = part × unit / Quantity has at most two decimals and the sum is exact.
 */
export function splitAmount(random: Random, amount: number, unit: number, lines: number): Array<{ quantity: number; unitPrice: number }> {
  const units = Math.round(amount / unit);
  const count = Math.max(1, Math.min(lines, units));
  const cuts = new Set<number>();
  while (cuts.size < count - 1) cuts.add(1 + Math.floor(random.next() * (units - 1)));
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), units];
  const parts: Array<{ quantity: number; unitPrice: number }> = [];
  for (let i = 1; i < bounds.length; i++) {
    const part = (bounds[i]! - bounds[i - 1]!) * unit;
    const quantity = QUANTITIES[Math.floor(random.next() * QUANTITIES.length)]!;
    parts.push({ quantity, unitPrice: Math.round((part / quantity) * 100) / 100 });
  }
  return parts;
}
