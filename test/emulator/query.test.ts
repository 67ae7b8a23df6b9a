// SOQL over REST with jsforce: paging, autoFetch, queryAll cursors, record shape and the features
// the sync service sends.
import type { Connection } from 'jsforce';
import { startOrg, type OrgHandle } from './index';
import { passwordConnection, rawRequest } from './testing/clients';

const TODAY = '2026-06-15';
let org: OrgHandle;
let conn: Connection;
let accountIds: string[];

beforeAll(async () => {
  org = await startOrg({ data: 'empty', today: TODAY });
  conn = await passwordConnection(org);
  const accounts = await conn.sobject('Account').create(
    [
      { Name: 'Alpha', Industry: 'Banking', Strategic_Account__c: true },
      { Name: 'beta', Industry: 'Energy' },
      { Name: 'Gamma', Industry: null }
    ],
    { allOrNone: true }
  );
  accountIds = accounts.map((r) => r.id!);
  // 4,500 opportunities: three REST batches of 2,000 / 2,000 / 500.
  const records = Array.from({ length: 4500 }, (_v, i) => ({
    Name: `Opp ${String(i).padStart(4, '0')}`,
    AccountId: accountIds[i % 3],
    StageName: i % 3 === 0 ? 'Closed Won' : i % 3 === 1 ? 'Closed Lost' : 'Prospecting',
    CloseDate: `2026-0${1 + (i % 6)}-1${i % 10}`,
    Amount: i % 10 === 0 ? null : 100 + i
  }));
  for (let i = 0; i < records.length; i += 200) {
    const results = await conn.sobject('Opportunity').create(records.slice(i, i + 200), { allOrNone: true });
    expect(results.every((r) => r.success)).toBe(true);
  }
});

afterAll(async () => {
  await org.close();
});

describe('query paging', () => {
  it('pages 4,500 rows in three batches of at most 2,000 through nextRecordsUrl', async () => {
    const first = await conn.query<{ Id: string }>('SELECT Id FROM Opportunity ORDER BY Name');
    expect(first.totalSize).toBe(4500);
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(2000);
    // On the wire the locator URL is relative; jsforce hands it back absolute.
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v64\.0\/query\/01g\w+-2000$/);
    const wire = JSON.parse((await rawRequest(org, conn, 'GET', `/services/data/v64.0/query?q=${encodeURIComponent('SELECT Id FROM Opportunity')}`)).text) as { nextRecordsUrl: string };
    expect(wire.nextRecordsUrl).toMatch(/^\/services\/data\/v64\.0\/query\/01g\w+-2000$/);
    const second = await conn.queryMore<{ Id: string }>(first.nextRecordsUrl!);
    expect(second.records).toHaveLength(2000);
    expect(second.done).toBe(false);
    const third = await conn.queryMore<{ Id: string }>(second.nextRecordsUrl!);
    expect(third.records).toHaveLength(500);
    expect(third.done).toBe(true);
    expect(third.nextRecordsUrl).toBeUndefined();
    const ids = new Set([...first.records, ...second.records, ...third.records].map((r) => r.Id));
    expect(ids.size).toBe(4500);
  });

  it('fetches everything with autoFetch and honours Sforce-Query-Options batchSize', async () => {
    const pages: number[] = [];
    const before = org.apiUsage().used;
    const result = await conn.query<{ Id: string }>('SELECT Id FROM Opportunity', { autoFetch: true, maxFetch: 10_000, headers: { 'Sforce-Query-Options': 'batchSize=500' } });
    expect(result.records).toHaveLength(4500);
    // 4,500 rows at 500 a batch = 9 calls.
    expect(org.apiUsage().used - before).toBe(9);
    // batchSize below 200 is raised to Salesforce's minimum of 200.
    const raw = await rawRequest(org, conn, 'GET', `/services/data/v64.0/query?q=${encodeURIComponent('SELECT Id FROM Opportunity')}`);
    expect(JSON.parse(raw.text).records).toHaveLength(2000);
    const small = await fetch(`${org.instanceUrl}/services/data/v64.0/query?q=${encodeURIComponent('SELECT Id FROM Opportunity')}`, {
      headers: { Authorization: `Bearer ${conn.accessToken}`, 'Sforce-Query-Options': 'batchSize=50' }
    });
    pages.push(((await small.json()) as { records: unknown[] }).records.length);
    expect(pages).toEqual([200]);
  });

  it('continues a queryAll cursor on /query/{locator} and keeps deleted rows in it', async () => {
    const created = await conn.sobject('Opportunity').create({ Name: 'Doomed', AccountId: accountIds[0], StageName: 'Prospecting', CloseDate: '2026-07-01' });
    await conn.sobject('Opportunity').destroy(created.id!);
    const all = await conn.query<{ Id: string; IsDeleted: boolean }>('SELECT Id, IsDeleted FROM Opportunity', { scanAll: true, autoFetch: true, maxFetch: 10_000 });
    expect(all.records).toHaveLength(4501);
    expect(all.records.filter((r) => r.IsDeleted).map((r) => r.Id)).toEqual([created.id]);
    const live = await conn.query('SELECT COUNT() FROM Opportunity WHERE IsDeleted = true');
    expect(live.totalSize).toBe(0);
  });

  it('answers 400 INVALID_QUERY_LOCATOR for an unknown locator', async () => {
    await expect(conn.queryMore('01gDg0000000099IAA-2000')).rejects.toMatchObject({ errorCode: 'INVALID_QUERY_LOCATOR' });
  });
});

describe('record shape', () => {
  it('serializes attributes, nested parents, nulls and Salesforce datetime format', async () => {
    const result = await conn.query<Record<string, unknown>>(
      "SELECT Id, Name, Amount, CloseDate, IsWon, Probability, CurrencyIsoCode, SystemModstamp, Account.Name, Account.Industry FROM Opportunity WHERE Name = 'Opp 0010'"
    );
    const record = result.records[0]!;
    expect(record.attributes).toEqual({ type: 'Opportunity', url: `/services/data/v64.0/sobjects/Opportunity/${String(record.Id)}` });
    // i = 10: Amount null (i % 10 = 0), stage Closed Lost (10 % 3 = 1), close 2026-05-10.
    expect(record).toMatchObject({ Name: 'Opp 0010', Amount: null, CloseDate: '2026-05-10', IsWon: false, Probability: 0, CurrencyIsoCode: 'USD' });
    expect(record.SystemModstamp).toMatch(/^2026-06-15T\d{2}:\d{2}:\d{2}\.000\+0000$/);
    expect(record.Account).toEqual({ attributes: { type: 'Account', url: `/services/data/v64.0/sobjects/Account/${accountIds[1]}` }, Name: 'beta', Industry: 'Energy' });
  });

  it('returns null for an empty parent and child subqueries as nested query results', async () => {
    await conn.sobject('Opportunity').create({ Name: 'Orphan', StageName: 'Prospecting', CloseDate: '2026-07-01' });
    const orphan = await conn.query<Record<string, unknown>>("SELECT Account.Name FROM Opportunity WHERE Name = 'Orphan'");
    expect(orphan.records[0]!.Account).toBeNull();
    const accounts = await conn.query<Record<string, unknown>>(
      "SELECT Name, (SELECT Name FROM Opportunities WHERE Name LIKE 'Opp 000%' ORDER BY Name DESC LIMIT 2), (SELECT LastName FROM Contacts) FROM Account WHERE Name = 'Alpha'"
    );
    const alpha = accounts.records[0]!;
    // Alpha holds i % 3 = 0: Opp 0000, 0003, 0006, 0009 among 'Opp 000x'; DESC, LIMIT 2 → 0009, 0006.
    expect(alpha.Opportunities).toMatchObject({ totalSize: 2, done: true, records: [{ Name: 'Opp 0009' }, { Name: 'Opp 0006' }] });
    expect(alpha.Contacts).toBeNull();
  });
});

describe('SOQL features', () => {
  const names = async (soql: string): Promise<string[]> => (await conn.query<{ Name: string }>(soql)).records.map((r) => r.Name);

  it('filters with =, !=, <, >=, IN, NOT IN, LIKE, AND/OR/NOT and parentheses, case-insensitively', async () => {
    expect(await names("SELECT Name FROM Account WHERE Name = 'BETA'")).toEqual(['beta']);
    expect(await names("SELECT Name FROM Account WHERE Name != 'beta' ORDER BY Name")).toEqual(['Alpha', 'Gamma']);
    expect(await names("SELECT Name FROM Account WHERE Name IN ('alpha', 'gamma') ORDER BY Name DESC")).toEqual(['Gamma', 'Alpha']);
    expect(await names("SELECT Name FROM Account WHERE Industry NOT IN ('Banking') ORDER BY Name")).toEqual(['beta', 'Gamma']);
    expect(await names("SELECT Name FROM Account WHERE Name LIKE '_eta'")).toEqual(['beta']);
    expect(await names("SELECT Name FROM Account WHERE NOT (Industry = 'Banking' OR Industry = 'Energy')")).toEqual(['Gamma']);
    expect(await names("SELECT Name FROM Opportunity WHERE (Amount < 104 OR Amount >= 4597) AND StageName = 'Closed Won' ORDER BY Name")).toEqual(['Opp 0003', 'Opp 4497']);
  });

  it('compares ids and references by value, 15 or 18 characters', async () => {
    const [alpha] = accountIds;
    expect((await conn.query(`SELECT COUNT() FROM Opportunity WHERE AccountId IN ('${alpha}', '${accountIds[1]!.slice(0, 15)}')`)).totalSize).toBe(3000);
    expect(await names(`SELECT Name FROM Account WHERE Id = '${alpha!.slice(0, 15)}'`)).toEqual(['Alpha']);
  });

  it('supports date and datetime literals, including LAST_N_DAYS and fiscal ranges', async () => {
    // Close dates are 2026-0{1..6}-1{0..9}; in June (i % 6 = 5) they are 2026-06-10 … 06-19. Today is 2026-06-15.
    const june = (await conn.query('SELECT COUNT() FROM Opportunity WHERE CloseDate >= 2026-06-01 AND CloseDate <= 2026-06-30')).totalSize;
    expect(june).toBe(750);
    const lastFive = (await conn.query('SELECT COUNT() FROM Opportunity WHERE CloseDate = LAST_N_DAYS:5')).totalSize;
    // LAST_N_DAYS:5 = 2026-06-10 … 06-15 (today included): close days 10..15 of June → 6 of the 10 day values → 450.
    expect(lastFive).toBe(450);
    const created = (await conn.query('SELECT COUNT() FROM Opportunity WHERE CreatedDate = TODAY AND CreatedDate > 2026-06-14T23:59:59Z')).totalSize;
    expect(created).toBe(4501);
    // Calendar year 2026 and THIS_YEAR agree.
    expect((await conn.query('SELECT COUNT() FROM Opportunity WHERE CloseDate = THIS_YEAR')).totalSize).toBe(4501);
  });

  it('orders with NULLS FIRST/LAST and applies LIMIT and OFFSET', async () => {
    const first = await conn.query<{ Name: string; Amount: number | null }>('SELECT Name, Amount FROM Opportunity ORDER BY Amount ASC NULLS FIRST, Name LIMIT 2');
    // Null amounts (i % 10 = 0, and 'Orphan') come first; by name 'Opp 0000' and 'Opp 0010' lead.
    expect(first.records).toEqual([expect.objectContaining({ Name: 'Opp 0000', Amount: null }), expect.objectContaining({ Name: 'Opp 0010', Amount: null })]);
    const last = await conn.query<{ Amount: number | null }>('SELECT Amount FROM Opportunity ORDER BY Amount DESC NULLS LAST LIMIT 1 OFFSET 1');
    // Highest amounts: 100 + 4499 = 4599, then 4598.
    expect(last.records[0]!.Amount).toBe(4598);
  });

  it('counts and aggregates with GROUP BY', async () => {
    expect((await conn.query('SELECT COUNT() FROM Opportunity')).totalSize).toBe(4501);
    const grouped = await conn.query<Record<string, unknown>>('SELECT StageName, COUNT(Id) n, SUM(Amount) FROM Opportunity WHERE Name LIKE \'Opp%\' GROUP BY StageName ORDER BY StageName');
    expect(grouped.records.map((r) => [r.StageName, r.n])).toEqual([
      ['Closed Lost', 1500],
      ['Closed Won', 1500],
      ['Prospecting', 1500]
    ]);
    expect(grouped.records[0]!.attributes).toEqual({ type: 'AggregateResult' });
    // Closed Won: i = 0, 3, …, 4497; amounts 100 + i except i % 10 = 0 (null) → Σ(100+i) over i%3=0 minus i%30=0 terms.
    const won = Array.from({ length: 4500 }, (_v, i) => i).filter((i) => i % 3 === 0 && i % 10 !== 0).reduce((s, i) => s + 100 + i, 0);
    expect(grouped.records[1]!.expr0).toBe(won);
  });

  it('reads parent paths, semi-joins and custom objects the sync service queries', async () => {
    const plan = await conn.sobject('Account_Plan__c').create({ Name: 'Plan', Account__c: accountIds[0], Status__c: 'Active' });
    await conn.sobject('Sync_Request__c').create([{ Account__c: accountIds[0] }, { Account__c: accountIds[1], Status__c: 'Done' }]);
    const planRow = await conn.query<Record<string, unknown>>(`SELECT Account__c, Name, Account__r.Name FROM Account_Plan__c WHERE Id = '${plan.id}'`);
    expect(planRow.records[0]).toMatchObject({ Account__c: accountIds[0], Name: 'Plan', Account__r: { Name: 'Alpha' } });
    await conn.sobject('Plan_Objective__c').create({ Name: 'Grow', Account_Plan__c: plan.id });
    const viaParent = await conn.query<Record<string, unknown>>('SELECT Name, Account_Plan__r.Account__c FROM Plan_Objective__c');
    expect((viaParent.records[0]!.Account_Plan__r as Record<string, unknown>).Account__c).toBe(accountIds[0]);
    const pending = await conn.query<Record<string, unknown>>("SELECT Id, Account__c FROM Sync_Request__c WHERE Status__c = 'Pending' ORDER BY CreatedDate LIMIT 50");
    expect(pending.records.map((r) => r.Account__c)).toEqual([accountIds[0]]);
    const withPlans = await names("SELECT Name FROM Account WHERE Id IN (SELECT Account__c FROM Account_Plan__c WHERE Status__c = 'Active')");
    expect(withPlans).toEqual(['Alpha']);
    const weights = await conn.query<Record<string, unknown>>('SELECT DeveloperName, Criterion__c, Weight__c FROM Strategic_Score_Weight__mdt ORDER BY Weight__c DESC, DeveloperName');
    expect(weights.records.map((r) => [r.DeveloperName, r.Weight__c])[0]).toEqual(['Revenue_Concentration', 25]);
    const organization = await conn.query<Record<string, unknown>>('SELECT FiscalYearStartMonth, UsesStartDateAsFiscalYearName, DefaultCurrencyIsoCode FROM Organization');
    expect(organization.records[0]).toMatchObject({ FiscalYearStartMonth: 1, UsesStartDateAsFiscalYearName: false, DefaultCurrencyIsoCode: 'USD' });
    const currencies = await conn.query<Record<string, unknown>>('SELECT IsoCode, ConversionRate, IsCorporate FROM CurrencyType');
    expect(currencies.records.map((r) => [r.IsoCode, r.ConversionRate, r.IsCorporate])).toEqual([['USD', 1, true]]);
    expect((await conn.query('SELECT IsoCode, ConversionRate, StartDate, NextStartDate FROM DatedConversionRate')).totalSize).toBe(0);
  });

  it('runs the incremental sync query on SystemModstamp', async () => {
    const result = await conn.query<Record<string, unknown>>(
      'SELECT Id, AccountId, Amount, CloseDate, CreatedDate, IsWon, IsClosed, Probability, CurrencyIsoCode, IsDeleted, SystemModstamp FROM Opportunity WHERE SystemModstamp > 2026-01-01T00:00:00.000Z ORDER BY SystemModstamp',
      { scanAll: true, autoFetch: true, maxFetch: 10_000 }
    );
    expect(result.totalSize).toBe(4502);
    const stamps = result.records.map((r) => String(r.SystemModstamp));
    expect([...stamps].sort()).toEqual(stamps);
    expect((await conn.query('SELECT COUNT() FROM Opportunity WHERE SystemModstamp > 2026-06-16T00:00:00Z')).totalSize).toBe(0);
  });

  it.each([
    ['SELECT Id FROM Opportunity WHERE', 'MALFORMED_QUERY'],
    ["SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'", 'MALFORMED_QUERY'],
    ['SELECT toLabel(StageName) FROM Opportunity', 'MALFORMED_QUERY'],
    ['SELECT Id FROM Account USING SCOPE mine', 'MALFORMED_QUERY'],
    ['SELECT Id, Nope__c FROM Account', 'INVALID_FIELD'],
    ['SELECT Id, Nope__r.Name FROM Account', 'INVALID_FIELD'],
    ['SELECT Id FROM Nope__c', 'INVALID_TYPE'],
    ["SELECT Id FROM Opportunity WHERE CloseDate = '2026-01-01'", 'INVALID_QUERY_FILTER_OPERATOR'],
    ["SELECT Id FROM Opportunity WHERE AccountId = 'nope'", 'INVALID_QUERY_FILTER_OPERATOR']
  ])('rejects %s with %s naming the problem', async (soql, errorCode) => {
    const error = (await conn.query(soql).then(
      () => null,
      (e: unknown) => e
    )) as { errorCode: string; message: string } | null;
    expect(error).toMatchObject({ errorCode });
    if (soql.includes('toLabel')) expect(error!.message).toContain('toLabel() in the SELECT list is not supported');
  });
});

describe('HAVING', () => {
  let havingOrg: OrgHandle;
  let admin: Connection;
  beforeAll(async () => {
    havingOrg = await startOrg({ data: 'empty', today: '2026-06-15' });
    admin = await passwordConnection(havingOrg);
    const accounts = await admin.sobject('Account').create([{ Name: 'A' }, { Name: 'B' }, { Name: 'C' }]);
    const opportunity = (account: number, amount: number, stage: string): Record<string, unknown> => ({ Name: `o${account}-${amount}`, AccountId: accounts[account]!.id, Amount: amount, StageName: stage, CloseDate: '2026-05-01' });
    // A: 3 opportunities, 600 in all; B: 2, 50; C: 1, 1000.
    await admin.sobject('Opportunity').create([opportunity(0, 100, 'Prospecting'), opportunity(0, 200, 'Closed Won'), opportunity(0, 300, 'Closed Won'), opportunity(1, 20, 'Prospecting'), opportunity(1, 30, 'Closed Won'), opportunity(2, 1000, 'Closed Won')]);
  });
  afterAll(async () => {
    await havingOrg.close();
  });

  it('filters groups by aggregates, selected or not, and by grouped fields', async () => {
    const byCount = await admin.query<{ Name: string; n: number }>('SELECT Account.Name, COUNT(Id) n FROM Opportunity GROUP BY Account.Name HAVING COUNT(Id) > 1 ORDER BY Account.Name');
    expect(byCount.records.map((r) => [r.Name, r.n])).toEqual([['A', 3], ['B', 2]]);
    const bySum = await admin.query<Record<string, unknown>>('SELECT Account.Name FROM Opportunity GROUP BY Account.Name HAVING SUM(Amount) >= 600 ORDER BY Account.Name');
    expect(bySum.records.map((r) => r.Name)).toEqual(['A', 'C']);
    expect(Object.keys(bySum.records[0]!)).toEqual(['attributes', 'Name']);
    const combined = await admin.query<Record<string, unknown>>("SELECT StageName, MAX(Amount) top FROM Opportunity GROUP BY StageName HAVING (MAX(Amount) > 500 OR StageName = 'Prospecting') AND COUNT(Id) > 0 ORDER BY StageName");
    expect(combined.records.map((r) => [r.StageName, r.top])).toEqual([['Closed Won', 1000], ['Prospecting', 100]]);
  });

  it('needs GROUP BY and grouped or aggregated fields', async () => {
    await expect(admin.query('SELECT COUNT(Id) FROM Opportunity HAVING COUNT(Id) > 1')).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
    await expect(admin.query('SELECT StageName FROM Opportunity GROUP BY StageName HAVING Amount > 1')).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
  });
});
