import { toInitiative, toOpportunity, toOrgContext } from './inputs';

describe('Salesforce records to engine inputs', () => {
  it('maps a REST record and the same Bulk 2.0 CSV record to the same opportunity', () => {
    const rest = {
      attributes: { type: 'Opportunity' },
      Id: '006Dg0000000001',
      AccountId: '001Dg0000000001IAA',
      Amount: 66300,
      CloseDate: '2026-01-16',
      CreatedDate: '2025-08-31T16:28:52.000+0000',
      IsWon: true,
      IsClosed: true,
      Probability: 100,
      CurrencyIsoCode: 'EUR'
    };
    const bulk = {
      Id: '006Dg0000000001IAA',
      AccountId: '001Dg0000000001IAA',
      Amount: '66300',
      CloseDate: '2026-01-16',
      CreatedDate: '2025-08-31T16:28:52.000Z',
      IsWon: 'true',
      IsClosed: 'true',
      Probability: '100',
      CurrencyIsoCode: 'EUR'
    };
    const expected = {
      id: '006Dg0000000001IAA',
      accountId: '001Dg0000000001IAA',
      amount: 66300,
      closeDate: '2026-01-16',
      createdDate: '2025-08-31T16:28:52.000Z',
      isWon: true,
      isClosed: true,
      probability: 100,
      currencyIsoCode: 'EUR'
    };
    expect(toOpportunity(rest)).toEqual(expected);
    expect(toOpportunity(bulk)).toEqual(expected);
  });

  it('keeps nulls as nulls (empty CSV cells too) and omits the currency in a single-currency org', () => {
    const opportunity = toOpportunity({ Id: '006Dg0000000002IAA', AccountId: '', Amount: '', CloseDate: null, CreatedDate: '2025-01-01T00:00:00.000Z', IsWon: 'false', IsClosed: false, Probability: null });
    expect(opportunity).toEqual({ id: '006Dg0000000002IAA', accountId: null, amount: null, closeDate: null, createdDate: '2025-01-01T00:00:00.000Z', isWon: false, isClosed: false, probability: null });
  });

  it('resolves an initiative to its plan account through the relationship, nested or dotted', () => {
    const nested = toInitiative({ Id: 'a01Dg0000000001IAA', Account_Plan__r: { Account__c: '001Dg0000000001IAA' }, Status__c: 'Active', Customer_Value_Realized__c: 5, Supplier_Value_Realized__c: null });
    const dotted = toInitiative({ Id: 'a01Dg0000000001IAA', 'Account_Plan__r.Account__c': '001Dg0000000001IAA', Status__c: 'Active', Customer_Value_Realized__c: '5', Supplier_Value_Realized__c: '' });
    expect(nested).toEqual(dotted);
    expect(nested.accountId).toBe('001Dg0000000001IAA');
  });

  it('takes the corporate currency from CurrencyType, or the org default without multi-currency', () => {
    const organization = [{ FiscalYearStartMonth: 4, UsesStartDateAsFiscalYearName: false, DefaultCurrencyIsoCode: 'USD' }];
    const multi = toOrgContext(organization, [{ IsoCode: 'EUR', ConversionRate: 1, IsCorporate: true }, { IsoCode: 'USD', ConversionRate: 1.1, IsCorporate: false }], [], []);
    expect(multi.org).toEqual({ fiscalYearStartMonth: 4, usesStartDateAsFiscalYearName: false, corporateCurrency: 'EUR' });
    expect(multi.multiCurrency).toBe(true);
    const single = toOrgContext(organization, null, null, [{ DeveloperName: 'Risk', Criterion__c: 'Risk', Weight__c: 10 }]);
    expect(single).toEqual({ org: { fiscalYearStartMonth: 4, usesStartDateAsFiscalYearName: false, corporateCurrency: 'USD' }, rates: { static: [], dated: [] }, weights: [{ criterion: 'Risk', weight: 10 }], multiCurrency: false, timeZone: 'GMT' });
  });
});
