// Generated orgs: determinism from the seed, the demo's built-in coverage gaps, bench sizes.
import { DEMO_FISCAL_YEAR_START_MONTH, DEMO_GAP_ACCOUNT, DEMO_LOST_ONLY_ACCOUNTS, DEMO_PARENTS, LOST_ONLY_FAMILY, DEMO_LARGE_MAP_ACCOUNT, DEMO_LARGE_MAP_CONTACTS, DEMO_STRATEGIC_ACCOUNTS, runQuery, startOrg, type OrgHandle } from './index';

const TODAY = '2026-06-15';

function rows(org: OrgHandle, soql: string): Array<Record<string, unknown>> {
  const result = runQuery(org.store, soql, { includeDeleted: false });
  if (result.kind !== 'records') throw new Error('expected records');
  return Array.from(result.rows, (row) => JSON.parse(result.projection.json(row, '/services/data/v64.0')) as Record<string, unknown>);
}

function count(org: OrgHandle, object: string, where = ''): number {
  const result = runQuery(org.store, `SELECT COUNT() FROM ${object} ${where}`, { includeDeleted: false });
  return result.kind === 'count' ? result.total : -1;
}

describe('data generators', () => {
  let demo: OrgHandle;

  beforeAll(async () => {
    demo = await startOrg({ data: 'demo', seed: 42, today: TODAY });
  });

  afterAll(async () => {
    await demo.close();
  });

  it('empty: one Organization, the admin and the three other persona users', async () => {
    const org = await startOrg({ data: 'empty', today: TODAY });
    try {
      expect(rows(org, 'SELECT FiscalYearStartMonth, UsesStartDateAsFiscalYearName, DefaultCurrencyIsoCode FROM Organization')).toEqual([
        expect.objectContaining({ FiscalYearStartMonth: 1, UsesStartDateAsFiscalYearName: false, DefaultCurrencyIsoCode: 'USD' })
      ]);
      expect(rows(org, 'SELECT Username FROM User ORDER BY Username').map((r) => r.Username)).toEqual(
        [org.username, org.users.integration.username, org.users.rep.username, org.users.sponsor.username].sort()
      );
      expect(org.users.admin.username).toBe(org.username);
      expect(count(org, 'Account')).toBe(0);
      expect(count(org, 'Strategic_Score_Weight__mdt')).toBe(6);
    } finally {
      await org.close();
    }
  });

  it('is deterministic: the same seed and today give the same records, another seed others', async () => {
    const soql = 'SELECT Id, Name, Amount, CloseDate, StageName, CurrencyIsoCode, CreatedDate, SystemModstamp, AccountId FROM Opportunity ORDER BY Id';
    const twin = await startOrg({ data: 'demo', seed: 42, today: TODAY });
    const other = await startOrg({ data: 'demo', seed: 43, today: TODAY });
    try {
      expect(rows(twin, soql)).toEqual(rows(demo, soql));
      expect(rows(twin, 'SELECT Name, Contact__c, Buying_Role__c FROM Stakeholder__c ORDER BY Id')).toEqual(rows(demo, 'SELECT Name, Contact__c, Buying_Role__c FROM Stakeholder__c ORDER BY Id'));
      expect(rows(other, soql)).not.toEqual(rows(demo, soql));
    } finally {
      await twin.close();
      await other.close();
    }
  });

  it('demo: a multi-currency org with a non-January fiscal year and 4+ years of opportunities', () => {
    expect(rows(demo, 'SELECT FiscalYearStartMonth FROM Organization')[0]!.FiscalYearStartMonth).toBe(DEMO_FISCAL_YEAR_START_MONTH);
    expect(rows(demo, 'SELECT IsoCode, IsCorporate FROM CurrencyType ORDER BY IsoCode').map((r) => [r.IsoCode, r.IsCorporate])).toEqual([
      ['EUR', false],
      ['GBP', false],
      ['USD', true]
    ]);
    expect(count(demo, 'DatedConversionRate')).toBeGreaterThan(30);
    const accounts = count(demo, 'Account');
    expect(accounts).toBeGreaterThanOrEqual(38);
    expect(rows(demo, 'SELECT Name FROM Account WHERE Strategic_Account__c = true ORDER BY Name').map((r) => r.Name)).toEqual([...DEMO_STRATEGIC_ACCOUNTS].sort());
    const earliest = rows(demo, 'SELECT CloseDate FROM Opportunity ORDER BY CloseDate LIMIT 1')[0]!.CloseDate as string;
    expect(earliest < '2022-06-15').toBe(true);
    for (const stage of ['Closed Won', 'Closed Lost', 'Prospecting']) expect(count(demo, 'Opportunity', `WHERE StageName = '${stage}'`)).toBeGreaterThan(0);
    expect(count(demo, 'Opportunity', "WHERE CurrencyIsoCode = 'EUR'")).toBeGreaterThan(0);
    // No generated timestamp lies in the future.
    expect(count(demo, 'Opportunity', 'WHERE SystemModstamp > TODAY')).toBe(0);
    expect(count(demo, 'Contact', 'WHERE ReportsToId != null')).toBeGreaterThan(100);
    expect(count(demo, 'Sync_Request__c')).toBe(0);
    expect(rows(demo, 'SELECT Title, SmallPhotoUrl FROM User WHERE Title LIKE \'Chief%\'')).toHaveLength(4);
  });

  it('demo: revenue follows a Pareto distribution (the top fifth of accounts wins most of it)', () => {
    const won = rows(demo, "SELECT AccountId, Amount FROM Opportunity WHERE IsWon = true");
    const byAccount = new Map<string, number>();
    for (const r of won) byAccount.set(String(r.AccountId), (byAccount.get(String(r.AccountId)) ?? 0) + Number(r.Amount));
    const totals = [...byAccount.values()].sort((a, b) => b - a);
    const all = totals.reduce((a, b) => a + b, 0);
    const top = totals.slice(0, Math.ceil(totals.length / 5)).reduce((a, b) => a + b, 0);
    expect(top / all).toBeGreaterThan(0.5);
  });

  it(`demo: ${DEMO_GAP_ACCOUNT} shows every coverage gap and an overdue sponsor; other strategic accounts are covered`, () => {
    const stakeholders = (name: string) =>
      rows(demo, `SELECT Buying_Role__c, Influence__c, Attitude__c, Relationship_Strength__c, Relationship_Owner__c FROM Stakeholder__c WHERE Account__r.Name = '${name}'`);
    const gap = stakeholders(DEMO_GAP_ACCOUNT);
    expect(gap.some((s) => s.Buying_Role__c === 'Economic Buyer')).toBe(false);
    expect(gap.some((s) => s.Buying_Role__c === 'Champion')).toBe(false);
    expect(gap.some((s) => s.Influence__c === 'High' && (s.Relationship_Owner__c === null || s.Relationship_Strength__c === 'Weak'))).toBe(true);
    expect(gap.some((s) => s.Influence__c === 'High' && ['Detractor', 'Skeptic'].includes(String(s.Attitude__c)))).toBe(true);
    const sponsors = rows(demo, `SELECT Engagement_Status__c, Active__c FROM Executive_Sponsor__c WHERE Account__r.Name = '${DEMO_GAP_ACCOUNT}'`);
    expect(sponsors).toEqual([expect.objectContaining({ Engagement_Status__c: 'Overdue', Active__c: true })]);
    const covered = stakeholders('Northwind Health Systems');
    expect(covered.some((s) => s.Buying_Role__c === 'Economic Buyer')).toBe(true);
    expect(covered.some((s) => s.Buying_Role__c === 'Champion')).toBe(true);
    for (const name of DEMO_STRATEGIC_ACCOUNTS) {
      expect(count(demo, 'Account_Plan__c', `WHERE Status__c = 'Active' AND Account__r.Name = '${name}'`)).toBe(1);
    }
    expect(count(demo, 'Joint_Initiative__c', 'WHERE Customer_Value_Realized__c > 0')).toBeGreaterThan(3);
    expect(count(demo, 'Stakeholder_Link__c')).toBeGreaterThan(7);
    expect(count(demo, 'Plan_Objective__c')).toBeGreaterThan(15);
  });

  it(`demo: ${DEMO_LARGE_MAP_ACCOUNT} has a ${DEMO_LARGE_MAP_CONTACTS}-person org chart under one CEO, partly mapped`, () => {
    const people = rows(demo, `SELECT Id, ReportsToId FROM Contact WHERE Account.Name = '${DEMO_LARGE_MAP_ACCOUNT}'`);
    expect(people).toHaveLength(DEMO_LARGE_MAP_CONTACTS);
    // One tree: exactly one person (the CEO) reports to nobody, every manager is of the account.
    const ids = new Set(people.map((p) => p.Id));
    expect(people.filter((p) => p.ReportsToId === null)).toHaveLength(1);
    expect(people.every((p) => p.ReportsToId === null || ids.has(p.ReportsToId))).toBe(true);
    const mapped = count(demo, 'Stakeholder__c', `WHERE Account__r.Name = '${DEMO_LARGE_MAP_ACCOUNT}'`);
    expect(mapped).toBeGreaterThan(20);
    expect(mapped).toBeLessThan(60);
  });

  it('demo: customer groups two and three levels deep under strategic accounts', () => {
    const accounts = rows(demo, 'SELECT Name, Parent.Name, Strategic_Account__c FROM Account');
    const parentOf = new Map(accounts.map((a) => [a.Name as string, (a.Parent as { Name: string } | null)?.Name ?? null]));
    expect(Object.fromEntries([...parentOf].filter(([, parent]) => parent !== null))).toEqual(DEMO_PARENTS);
    const depth = (name: string): number => (parentOf.get(name) ? 1 + depth(parentOf.get(name)!) : 0);
    // Castellan ← Falcon ← Lumen ← Quartz: three levels of subsidiaries; Hartwell ← Pioneer ← Tidewater: two.
    expect(depth('Quartz Electronics')).toBe(3);
    expect(depth('Tidewater Shipping')).toBe(2);
    const tops = new Set(Object.keys(DEMO_PARENTS).map(function top(name: string): string {
      return parentOf.get(name) ? top(parentOf.get(name)!) : name;
    }));
    for (const name of tops) expect(accounts.find((a) => a.Name === name)!.Strategic_Account__c).toBe(true);
  });

  it('demo: line items sum to every opportunity’s Amount, over product families with whitespace and a lost-only family', () => {
    const opportunities = rows(demo, 'SELECT Id, Amount, StageName, Account.Name, HasOpportunityLineItem, (SELECT TotalPrice, Product2.Family FROM OpportunityLineItems) FROM Opportunity');
    const familiesByAccount = new Map<string, Map<string, Set<string>>>();
    let items = 0;
    for (const opportunity of opportunities) {
      const lines = (opportunity.OpportunityLineItems as { records: Array<{ TotalPrice: number; Product2: { Family: string } }> } | null)?.records ?? [];
      expect(lines.length).toBeGreaterThan(0);
      expect(opportunity.HasOpportunityLineItem).toBe(true);
      // Amount is the sum of TotalPrice to the cent (the generator split the original Amount).
      expect(Math.round(lines.reduce((sum, l) => sum + l.TotalPrice, 0) * 100)).toBe(Math.round((opportunity.Amount as number) * 100));
      items += lines.length;
      const account = (opportunity.Account as { Name: string }).Name;
      const byFamily = familiesByAccount.get(account) ?? new Map<string, Set<string>>();
      familiesByAccount.set(account, byFamily);
      for (const line of lines) byFamily.set(line.Product2.Family, (byFamily.get(line.Product2.Family) ?? new Set()).add(opportunity.StageName as string));
    }
    expect(items / opportunities.length).toBeGreaterThan(1.5);
    const allFamilies = new Set([...familiesByAccount.values()].flatMap((m) => [...m.keys()]));
    expect(allFamilies.size).toBeGreaterThanOrEqual(6);
    expect(allFamilies.size).toBeLessThanOrEqual(8);
    // Whitespace: every account buys fewer than all the families.
    for (const byFamily of familiesByAccount.values()) expect(byFamily.size).toBeLessThan(allFamilies.size);
    // The lost-only family: only on Closed Lost deals, and only at the named accounts.
    for (const [account, byFamily] of familiesByAccount) {
      const stages = byFamily.get(LOST_ONLY_FAMILY);
      if (!stages) continue;
      expect(DEMO_LOST_ONLY_ACCOUNTS).toContain(account);
      expect([...stages]).toEqual(['Closed Lost']);
    }
    expect(familiesByAccount.get('Castellan Manufacturing')!.has(LOST_ONLY_FAMILY)).toBe(true);
  });

  // How fast the generator is belongs to the benchmarks (npm run bench builds bench:1000000), not here.
  it('bench:n: n opportunities over n/250 accounts', async () => {
    const bench = await startOrg({ data: 'bench:50000', seed: 3, today: TODAY });
    try {
      expect(count(bench, 'Opportunity')).toBe(50_000);
      expect(count(bench, 'Account')).toBe(200);
      expect(count(bench, 'Account', 'WHERE Strategic_Account__c = true')).toBe(20);
      // Stage facts are consistent with the stage, as if saved through the API.
      expect(count(bench, 'Opportunity', "WHERE IsWon = true AND StageName != 'Closed Won'")).toBe(0);
      expect(count(bench, 'Opportunity', 'WHERE IsClosed = false AND CloseDate < TODAY')).toBe(0);
      // About three line items per opportunity (2, 3, 4 in turn), summing to its Amount.
      // Opportunities 0…49,999 get 2, 3, 4, 2, … lines: 16,667 × 2 + 16,667 × 3 + 16,666 × 4 = 149,999.
      expect(count(bench, 'OpportunityLineItem')).toBe(149_999);
      const sample = rows(bench, 'SELECT Amount, (SELECT TotalPrice, Quantity, UnitPrice FROM OpportunityLineItems) FROM Opportunity LIMIT 200');
      for (const opportunity of sample) {
        const lines = (opportunity.OpportunityLineItems as { records: Array<{ TotalPrice: number; Quantity: number; UnitPrice: number }> }).records;
        expect(Math.round(lines.reduce((sum, l) => sum + l.TotalPrice, 0) * 100)).toBe(Math.round((opportunity.Amount as number) * 100));
        for (const line of lines) expect(line.TotalPrice).toBeCloseTo(line.Quantity * line.UnitPrice, 2);
      }
    } finally {
      await bench.close();
    }
  });
});
