// bench:<n>: n opportunities over n/250 accounts, written straight into the column store so a
// million rows take seconds and stay small in memory. Accounts, plans and sponsors go through the
// normal insert path (they are few).
import type { Org } from '../org';
import { Random } from '../random';
import { OPPORTUNITY_STAGES } from '../schema/standard';
import { LIVE } from '../store/table';
import { DAY_MS, dayToIso } from '../store/values';
import { currencyOf, seedCurrencies, seedOrganization, seedUsers, startOfToday } from './common';
import { LOST_ONLY_FAMILY, SELLING_FAMILIES, seedCatalog, splitAmount, type CatalogProduct } from './products';

export const OPPORTUNITIES_PER_ACCOUNT = 250;
const FORECAST_NAMES: Record<string, string> = { Pipeline: 'Pipeline', Closed: 'Closed', Omitted: 'Omitted' };

export function generateBench(org: Org, seed: number, opportunities: number): void {
  if (!Number.isInteger(opportunities) || opportunities < 0) throw new Error(`bench: expected a number of opportunities, got ${opportunities}`);
  const store = org.store;
  const random = new Random(seed);
  const today = store.clock.today();
  const midnight = startOfToday(org);
  const longAgo = midnight - 2200 * DAY_MS;
  seedOrganization(org, { name: 'Tandem Bench Org', fiscalYearStartMonth: 4, usesStartDateAsFiscalYearName: false, corporateCurrency: 'USD' }, longAgo);
  seedCurrencies(org, [{ iso: 'USD', rate: 1 }, { iso: 'EUR', rate: 0.92 }, { iso: 'GBP', rate: 0.79 }], random, 6, longAgo);
  const managers = seedUsers(
    org,
    Array.from({ length: 20 }, (_v, i) => ({ firstName: 'Manager', lastName: `${i + 1}`, alias: `mgr${i + 1}`, title: 'Key Account Manager' })),
    longAgo
  );
  const executives = seedUsers(
    org,
    Array.from({ length: 4 }, (_v, i) => ({ firstName: 'Executive', lastName: `${i + 1}`, alias: `exec${i + 1}`, title: 'Vice President' })),
    longAgo
  );
  seedUsers(org, [{ firstName: 'Tandem', lastName: 'Integration', alias: 'tandem', title: 'Integration User', username: 'integration@tandem.emulator' }], longAgo);

  const accountCount = Math.max(1, Math.ceil(opportunities / OPPORTUNITIES_PER_ACCOUNT));
  const accountIds: string[] = [];
  const weights = new Float64Array(accountCount);
  for (let i = 0; i < accountCount; i++) {
    const strategic = i % 10 === 0;
    const currency = i % 10 === 3 ? 'EUR' : i % 20 === 7 ? 'GBP' : 'USD';
    const id = store.insert(
      'Account',
      { Name: `Bench Account ${i + 1}`, Industry: 'Other', OwnerId: managers[i % managers.length], ...currencyOf(org, currency), Strategic_Account__c: strategic },
      0,
      { at: longAgo }
    );
    accountIds.push(id);
    weights[i] = Math.min(50, random.pareto(1, 1.16));
    if (strategic) {
      const start = today - random.int(60, 500);
      store.insert(
        'Account_Plan__c',
        {
          Name: `Bench Account ${i + 1} Plan`,
          Account__c: id,
          Status__c: 'Active',
          Start_Date__c: dayToIso(start),
          End_Date__c: dayToIso(start + 3 * 365 - 1),
          Revenue_Target__c: random.int(5, 500) * 10_000,
          Influence_Rating__c: random.int(1, 5),
          Co_Innovation_Rating__c: random.int(1, 5),
          Collaboration_Rating__c: random.int(1, 5),
          Risk_Rating__c: random.int(1, 5)
        },
        0,
        { at: longAgo }
      );
      store.insert(
        'Executive_Sponsor__c',
        {
          Account__c: id,
          Sponsor__c: executives[i % executives.length],
          Role__c: 'Executive Sponsor',
          Active__c: true,
          Cadence_Days__c: 90,
          Last_Engagement__c: dayToIso(today - random.int(1, 150))
        },
        0,
        { at: longAgo }
      );
    }
  }
  fillOpportunities(org, random, opportunities, accountIds, weights, managers, today, midnight);
  // From a random of its own, so the opportunities stay what they were before line items existed.
  fillLineItems(org, new Random(seed ^ 0x11e), seedCatalog(org, ['USD', 'EUR', 'GBP'], longAgo));
}

/** Line items per opportunity: 2, 3 or 4 in turn (3 on average), summing to its Amount. */
export const lineItemsOf = (index: number): number => 2 + (index % 3);

/**
 * Line items straight into the column store. An account buys from a subset of the families
 * (whitespace); the lost-only family leads lost deals at every seventh account. Name and
 * ProductCode stay blank: text for millions of rows would dominate memory and the sync reads neither.
 */
function fillLineItems(org: Org, random: Random, catalog: CatalogProduct[]): void {
  const store = org.store;
  const opportunities = store.table('Opportunity')!;
  const items = store.table('OpportunityLineItem')!;
  const entries = store.table('PricebookEntry')!;
  const pricebook = entries.column('Pricebook2Id')!.refs[0]!;
  const opportunityCount = opportunities.size;
  let total = 0;
  for (let i = 0; i < opportunityCount; i++) total += lineItemsOf(i);
  const first = items.reserve(total);
  const col = (name: string) => items.column(name)!;
  const [opportunityId, entryId, productId, quantity, unitPrice, subtotal, totalPrice, listPrice, serviceDate, createdDate, createdBy, modifiedDate, modifiedBy, stamp] = [
    'OpportunityId', 'PricebookEntryId', 'Product2Id', 'Quantity', 'UnitPrice', 'Subtotal', 'TotalPrice', 'ListPrice', 'ServiceDate', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'
  ].map(col) as [ReturnType<typeof col>, ...Array<ReturnType<typeof col>>];
  const currency = items.column('CurrencyIsoCode');
  const opportunityCurrency = opportunities.column('CurrencyIsoCode');
  const accountOf = opportunities.column('AccountId')!;
  const amount = opportunities.column('Amount')!;
  const won = opportunities.column('IsWon')!;
  const closed = opportunities.column('IsClosed')!;
  const hasItems = opportunities.column('HasOpportunityLineItem')!;
  const opportunityPricebook = opportunities.column('Pricebook2Id')!;
  // Per product and currency code: the entry row and its list price.
  const isos = currency ? ['USD', 'EUR', 'GBP'] : [''];
  const entryRow = catalog.map((p) => new Map(isos.map((iso) => [iso, entries.rowOf(p.entries.get(iso)!)])));
  const productRows = catalog.map((p) => store.table('Product2')!.rowOf(p.id));
  const byFamily = new Map<string, number[]>();
  catalog.forEach((p, index) => byFamily.set(p.family, [...(byFamily.get(p.family) ?? []), index]));
  const familyMask = (account: number): number => (account * 2654435761) >>> 0;
  let row = first;
  for (let opp = 0; opp < opportunityCount; opp++) {
    const account = accountOf.refs[opp]!;
    // Four to seven of the seven selling families, chosen by the account row.
    const mask = familyMask(account);
    const own = SELLING_FAMILIES.filter((_f, i) => i < 4 || ((mask >>> i) & 1) === 1);
    const lostOnly = closed.flags[opp] === 1 && won.flags[opp] === 0 && account % 7 === 0;
    // Picklist codes are per column: go through the ISO code to the line item column's own code.
    const iso = currency && opportunityCurrency ? opportunityCurrency.dictionary[opportunityCurrency.codes[opp]!]! : '';
    const parts = splitAmount(random, amount.numbers[opp]!, 10, lineItemsOf(opp));
    const created = opportunities.column('CreatedDate')!.numbers[opp]!;
    const modified = opportunities.column('SystemModstamp')!.numbers[opp]!;
    for (let i = 0; i < parts.length; i++) {
      const family = lostOnly && i === 0 ? LOST_ONLY_FAMILY : own[Math.floor(random.next() * own.length)]!;
      const choices = byFamily.get(family)!;
      const product = choices[Math.floor(random.next() * choices.length)]!;
      const entry = entryRow[product]!.get(iso)!;
      const part = parts[i]!;
      const value = Math.round(part.quantity * part.unitPrice * 100) / 100;
      opportunityId!.refs[row] = opp;
      entryId!.refs[row] = entry;
      productId!.refs[row] = productRows[product]!;
      quantity!.numbers[row] = part.quantity;
      unitPrice!.numbers[row] = part.unitPrice;
      subtotal!.numbers[row] = value;
      totalPrice!.numbers[row] = value;
      listPrice!.numbers[row] = catalog[product]!.listPrice;
      serviceDate!.numbers[row] = opportunities.column('CloseDate')!.numbers[opp]!;
      if (currency) currency.codes[row] = currency.codeOf(iso);
      createdDate!.numbers[row] = created;
      createdBy!.refs[row] = 0;
      modifiedDate!.numbers[row] = modified;
      modifiedBy!.refs[row] = 0;
      stamp!.numbers[row] = modified;
      items.state[row] = LIVE;
      row++;
    }
    hasItems.flags[opp] = 1;
    opportunityPricebook.refs[opp] = pricebook;
  }
  // splitAmount gives fewer parts only for amounts under `lines` × 10; the rest of the reservation is never used.
  items.size = row;
}

function fillOpportunities(org: Org, random: Random, count: number, accountIds: string[], weights: Float64Array, managers: string[], today: number, midnight: number): void {
  const store = org.store;
  const table = store.table('Opportunity')!;
  const accounts = store.table('Account')!;
  const users = store.table('User')!;
  const first = table.reserve(count);
  const col = (name: string) => table.column(name)!;
  const [name, accountId, stageName, amount, probability, closeDate, isWon, isClosed, forecast, forecastName, ownerId, createdDate, createdBy, modifiedDate, modifiedBy, stamp] = [
    'Name', 'AccountId', 'StageName', 'Amount', 'Probability', 'CloseDate', 'IsWon', 'IsClosed', 'ForecastCategory', 'ForecastCategoryName', 'OwnerId', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'
  ].map(col) as [ReturnType<typeof col>, ...Array<ReturnType<typeof col>>];
  // A single-currency org has no CurrencyIsoCode column.
  const currency = table.column('CurrencyIsoCode');
  const accountCurrencies = accounts.column('CurrencyIsoCode');
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) cumulative[i] = total += weights[i]!;
  const accountRows = Int32Array.from(accountIds, (id) => accounts.rowOf(id));
  const accountCurrency = Uint16Array.from(accountIds, (id) => (currency && accountCurrencies ? currency.codeOf(String(accountCurrencies.get(accounts.rowOf(id)))) : 0));
  const ownerRows = Int32Array.from(managers, (id) => users.rowOf(id));
  const stages = OPPORTUNITY_STAGES.map((s) => ({
    ...s,
    code: stageName!.codeOf(s.name),
    forecastCode: forecast!.codeOf(s.forecastCategory),
    forecastNameCode: forecastName!.codeOf(FORECAST_NAMES[s.forecastCategory] ?? s.forecastCategory)
  }));
  const won = stages.find((s) => s.won)!;
  const lost = stages.find((s) => s.closed && !s.won)!;
  const open = stages.filter((s) => !s.closed);
  const adminRow = 0;
  const historyDays = 5 * 365;
  for (let i = 0; i < count; i++) {
    const row = first + i;
    // Weighted account choice by binary search over the cumulative Pareto weights.
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    const close = today - historyDays + Math.floor(random.next() * (historyDays + 365));
    const stage = close < today ? (random.next() < 0.45 ? won : lost) : open[Math.floor(random.next() * open.length)]!;
    const created = Math.min(today - 1, close - 20 - Math.floor(random.next() * 180));
    const modifiedDay = stage.closed ? Math.min(today - 1, close + Math.floor(random.next() * 5)) : today - 1 - Math.floor(random.next() * 30);
    const createdMs = created * DAY_MS + Math.floor(random.next() * 86_400) * 1000;
    const modifiedMs = Math.min(midnight - 1000, Math.max(createdMs, modifiedDay * DAY_MS + Math.floor(random.next() * 86_400) * 1000));
    name!.set(row, `Bench Opportunity ${i + 1}`);
    accountId!.refs[row] = accountRows[lo]!;
    stageName!.codes[row] = stage.code;
    amount!.numbers[row] = Math.round(weights[lo]! * 2000 * (0.2 + random.next() * 2)) * 10;
    probability!.numbers[row] = stage.probability;
    closeDate!.numbers[row] = close;
    isWon!.flags[row] = stage.won ? 1 : 0;
    isClosed!.flags[row] = stage.closed ? 1 : 0;
    forecast!.codes[row] = stage.forecastCode;
    forecastName!.codes[row] = stage.forecastNameCode;
    if (currency) currency.codes[row] = accountCurrency[lo]!;
    ownerId!.refs[row] = ownerRows[lo % ownerRows.length]!;
    createdDate!.numbers[row] = createdMs;
    createdBy!.refs[row] = adminRow;
    modifiedDate!.numbers[row] = modifiedMs;
    modifiedBy!.refs[row] = adminRow;
    stamp!.numbers[row] = modifiedMs;
    table.state[row] = LIVE;
  }
}
