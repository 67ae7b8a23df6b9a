// Currency (issue 12, item 3): every amount is converted to the corporate currency before it is
// used — plan targets and initiative values by CurrencyType rates, opportunities by the dated
// rate of their CloseDate, read from every page of DatedConversionRate — and every row written
// says it is in the corporate currency. Hand-worked figures; the demo org's corporate currency is
// USD (EUR 0.92, GBP 0.79 per USD).
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, adminActor, startDemoOrg, storeRows, syncDeps, uniquePrefix, type TestDeps } from './support';

describe('amounts in the corporate currency', () => {
  let org: OrgHandle;
  let deps: TestDeps;
  let accountId: string;

  beforeAll(async () => {
    org = await startDemoOrg();
    deps = await syncDeps(org, uniquePrefix('currency'));
    const actor = adminActor(org);
    accountId = org.store.insert('Account', { Name: 'Currency Test GmbH', CurrencyIsoCode: 'EUR' }, actor);
    const planId = org.store.insert(
      'Account_Plan__c',
      { Name: 'Plan', Account__c: accountId, Status__c: 'Active', Start_Date__c: '2026-01-01', End_Date__c: '2028-12-31', Revenue_Target__c: 920_000, CurrencyIsoCode: 'EUR' },
      actor
    );
    org.store.insert(
      'Joint_Initiative__c',
      { Name: 'Joint work', Account_Plan__c: planId, Status__c: 'Active', Customer_Value_Realized__c: 92_000, Supplier_Value_Realized__c: 46_000, CurrencyIsoCode: 'EUR' },
      actor
    );
    // 500,000 USD of open pipeline closing within 12 months.
    org.store.insert('Opportunity', { Name: 'Open deal', AccountId: accountId, StageName: 'Negotiation/Review', CloseDate: '2026-09-30', Amount: 500_000, CurrencyIsoCode: 'USD' }, actor);
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  function currentRow(): Record<string, unknown> {
    const [row] = storeRows(
      org,
      `SELECT Pipeline_Coverage__c, Customer_Value__c, Supplier_Value__c, Mutual_Value_Balance__c, Revenue_Quarter__c, CurrencyIsoCode FROM Account_Metric__c WHERE Account__c = '${accountId}' AND Is_Current__c = true`
    );
    return row!;
  }

  it('converts plan targets and initiative values, and writes rows in the corporate currency', async () => {
    expect((await runSync({ mode: 'full', asOf: TODAY }, deps)).status).toBe('done');
    const row = currentRow();
    // Target 920,000 EUR = 1,000,000 USD: coverage 500,000 / 1,000,000.
    expect(row.Pipeline_Coverage__c).toBe(0.5);
    // 92,000 EUR = 100,000 USD and 46,000 EUR = 50,000 USD; balance 100 × 2 × 50,000 / 150,000 = 66.7 (one decimal).
    expect(row.Customer_Value__c).toBe(100_000);
    expect(row.Supplier_Value__c).toBe(50_000);
    expect(row.Mutual_Value_Balance__c).toBe(66.7);
    expect(row.CurrencyIsoCode).toBe('USD');
  });

  it('reads every page of DatedConversionRate', async () => {
    const actor = adminActor(org);
    // 2,100 daily GBP rates in place of the quarterly ones: the last come on the query's second page.
    for (const rate of storeRows(org, "SELECT Id FROM DatedConversionRate WHERE IsoCode = 'GBP'")) org.store.remove('DatedConversionRate', String(rate.Id), actor);
    const first = Date.parse('2020-09-01T00:00:00Z');
    const day = (n: number) => new Date(first + n * 86_400_000).toISOString().slice(0, 10);
    for (let n = 0; n < 2100; n++) {
      org.store.insert('DatedConversionRate', { IsoCode: 'GBP', ConversionRate: n === 2099 ? 0.5 : 0.79, StartDate: day(n) }, actor);
    }
    expect(day(2099) <= '2026-06-10').toBe(true);
    // 79,000 GBP won on 2026-06-10 at the dated rate 0.5: 158,000 USD in the current quarter.
    org.store.insert('Opportunity', { Name: 'Won in GBP', AccountId: accountId, StageName: 'Closed Won', CloseDate: '2026-06-10', Amount: 79_000, CurrencyIsoCode: 'GBP' }, actor);
    expect((await runSync({ mode: 'full', asOf: TODAY }, deps)).status).toBe('done');
    expect(currentRow().Revenue_Quarter__c).toBe(158_000);
  });
});

describe('an org without multi-currency', () => {
  it('syncs without CurrencyIsoCode, CurrencyType or DatedConversionRate', async () => {
    const org = await startDemoOrg({ multiCurrency: false });
    const deps = await syncDeps(org, uniquePrefix('single-currency'));
    try {
      const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
      expect(summary).toMatchObject({ status: 'done', failures: [], metricRowsWritten: 588 });
      expect(await runSync({ mode: 'incremental', asOf: TODAY }, deps)).toMatchObject({ status: 'done', changedRecords: 0 });
    } finally {
      await deps.close();
      await org.close();
    }
  });
});
