// Org settings as a real org has them: the org's time zone (TODAY, date literals and what users
// see follow it; the API keeps UTC), the fiscal year's first month, and orgs without multi-currency.
// jsforce is the client; expected values are worked out by hand in the comments.
import fc from 'fast-check';
import type { Connection } from 'jsforce';
import { startOrg, type OrgHandle } from './index';
import { passwordConnection } from './testing/clients';
import { localDay, startOfLocalDay, zoneOffsetMs } from './timeZone';
import { apiCaller, graphql, nodes } from './uiapi/testing';

const DAY_MS = 86_400_000;
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

describe('time zone arithmetic', () => {
  it('finds where local days begin across daylight-saving changes', () => {
    // Rome moves to CEST on 2026-03-29 at 02:00: that day starts at 23:00Z, the next at 22:00Z.
    expect(new Date(startOfLocalDay('Europe/Rome', day('2026-03-29'))).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(startOfLocalDay('Europe/Rome', day('2026-03-30'))).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // Los Angeles leaves PDT on 2026-11-01: that day starts at 07:00Z, the next at 08:00Z.
    expect(new Date(startOfLocalDay('America/Los_Angeles', day('2026-11-01'))).toISOString()).toBe('2026-11-01T07:00:00.000Z');
    expect(new Date(startOfLocalDay('America/Los_Angeles', day('2026-11-02'))).toISOString()).toBe('2026-11-02T08:00:00.000Z');
    expect(zoneOffsetMs('Asia/Kolkata', Date.parse('2026-07-01T00:00:00Z'))).toBe(5.5 * 3_600_000);
    expect(zoneOffsetMs('GMT', Date.parse('2026-07-01T00:00:00Z'))).toBe(0);
  });

  it('puts every instant in the local day whose start precedes it and whose end follows it', () => {
    const zones = ['GMT', 'Europe/Rome', 'America/Los_Angeles', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'America/St_Johns'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2040-01-01') }), (zone, instant) => {
        const local = localDay(zone, instant);
        return startOfLocalDay(zone, local) <= instant && instant < startOfLocalDay(zone, local + 1);
      }),
      { numRuns: 2000 }
    );
  });
});

describe('an org in Europe/Rome', () => {
  let rome: OrgHandle;
  let gmt: OrgHandle;
  let conn: Connection;
  let gmtConn: Connection;
  const names = async (c: Connection, where: string): Promise<string[]> =>
    (await c.query<{ Name: string }>(`SELECT Name FROM Account WHERE ${where} ORDER BY Name`)).records.map((r) => r.Name);

  beforeAll(async () => {
    [rome, gmt] = await Promise.all([
      startOrg({ data: 'empty', today: '2026-07-15', timeZone: 'Europe/Rome' }),
      startOrg({ data: 'empty', today: '2026-07-15' })
    ]);
    // Rome is UTC+2 in July: its 15 July runs from 2026-07-14T22:00Z to 2026-07-15T22:00Z.
    for (const org of [rome, gmt]) {
      org.store.insert('Account', { Name: 'A late on the 14th in Rome' }, 0, { at: Date.parse('2026-07-14T21:59:59Z') });
      org.store.insert('Account', { Name: 'B midnight of the 15th in Rome' }, 0, { at: Date.parse('2026-07-14T22:00:00Z') });
      org.store.insert('Account', { Name: 'C half past midnight of the 16th in Rome' }, 0, { at: Date.parse('2026-07-15T22:30:00Z') });
    }
    [conn, gmtConn] = await Promise.all([passwordConnection(rome), passwordConnection(gmt)]);
  });

  afterAll(async () => {
    await Promise.all([rome.close(), gmt.close()]);
  });

  it('serves the zone as the org and every user have it', async () => {
    const organization = await conn.query<{ TimeZoneSidKey: string }>('SELECT TimeZoneSidKey FROM Organization');
    expect(organization.records[0]!.TimeZoneSidKey).toBe('Europe/Rome');
    const users = await conn.query<{ TimeZoneSidKey: string }>('SELECT TimeZoneSidKey FROM User');
    expect(users.records.length).toBeGreaterThan(0);
    expect(new Set(users.records.map((u) => u.TimeZoneSidKey))).toEqual(new Set(['Europe/Rome']));
    const gmtOrganization = await gmtConn.query<{ TimeZoneSidKey: string }>('SELECT TimeZoneSidKey FROM Organization');
    expect(gmtOrganization.records[0]!.TimeZoneSidKey).toBe('GMT');
    const identity = (await conn.identity()) as unknown as { timezone: string; utcOffset: number };
    expect(identity.timezone).toBe('Europe/Rome');
    expect(identity.utcOffset).toBe(2 * 3_600_000);
  });

  it('refuses a zone that is not an IANA name', async () => {
    await expect(startOrg({ timeZone: 'Mars/Olympus_Mons' })).rejects.toThrow('time zone: "Mars/Olympus_Mons" is not an IANA time zone name');
  });

  it('matches date literals on date-times from local midnight, not from UTC midnight', async () => {
    expect(await names(conn, 'CreatedDate = TODAY')).toEqual(['B midnight of the 15th in Rome']);
    expect(await names(conn, 'CreatedDate = YESTERDAY')).toEqual(['A late on the 14th in Rome']);
    expect(await names(conn, 'CreatedDate = TOMORROW')).toEqual(['C half past midnight of the 16th in Rome']);
    // LAST_N_DAYS:1 = yesterday 00:00 to the end of today, local: A and B.
    expect(await names(conn, 'CreatedDate = LAST_N_DAYS:1')).toEqual(['A late on the 14th in Rome', 'B midnight of the 15th in Rome']);
    // The same instants in a GMT org: A and B fall on the 14th, C on the 15th.
    expect(await names(gmtConn, 'CreatedDate = TODAY')).toEqual(['C half past midnight of the 16th in Rome']);
    expect(await names(gmtConn, 'CreatedDate = YESTERDAY')).toEqual(['A late on the 14th in Rome', 'B midnight of the 15th in Rome']);
  });

  it('returns date-times in UTC through the API, as Salesforce does', async () => {
    const record = (await conn.query<{ CreatedDate: string }>("SELECT CreatedDate FROM Account WHERE Name LIKE 'B%'")).records[0]!;
    expect(record.CreatedDate).toBe('2026-07-14T22:00:00.000+0000');
  });

  it('shows CreatedDate on the user’s wall clock in UI API display values', async () => {
    const answer = await graphql(apiCaller(rome), `query { uiapi { query { Account(where: { Name: { like: "B%" } }) { edges { node { CreatedDate { value displayValue } } } } } } }`);
    const [node] = nodes(answer, 'Account');
    expect(node!.CreatedDate).toEqual({ value: '2026-07-14T22:00:00.000Z', displayValue: '7/15/26, 12:00 AM' });
    const gmtAnswer = await graphql(apiCaller(gmt), `query { uiapi { query { Account(where: { Name: { like: "B%" } }) { edges { node { CreatedDate { displayValue } } } } } } }`);
    expect(nodes(gmtAnswer, 'Account')[0]!.CreatedDate).toEqual({ displayValue: '7/14/26, 10:00 PM' });
  });

  it('keeps TODAY on date fields the local day', async () => {
    const [account] = await names(conn, "Name LIKE 'B%'");
    const accountId = (await conn.query<{ Id: string }>(`SELECT Id FROM Account WHERE Name = '${account}'`)).records[0]!.Id;
    await conn.sobject('Opportunity').create({ Name: 'Closes today', AccountId: accountId, StageName: 'Prospecting', CloseDate: '2026-07-15' });
    const found = await conn.query<{ Name: string }>('SELECT Name FROM Opportunity WHERE CloseDate = TODAY');
    expect(found.records.map((r) => r.Name)).toEqual(['Closes today']);
  });
});

describe('fiscal year start', () => {
  let org: OrgHandle;
  let conn: Connection;

  beforeAll(async () => {
    org = await startOrg({ data: 'empty', today: '2026-08-10', fiscalYearStartMonth: 7 });
    conn = await passwordConnection(org);
    const account = await conn.sobject('Account').create({ Name: 'Fiscal' });
    const closes = ['2026-06-30', '2026-07-01', '2026-09-30', '2026-10-01', '2027-06-30', '2027-07-01'];
    await conn.sobject('Opportunity').create(
      closes.map((close) => ({ Name: close, AccountId: account.id, StageName: 'Prospecting', CloseDate: close })),
      { allOrNone: true }
    );
  });

  afterAll(async () => {
    await org.close();
  });

  const closing = async (literal: string): Promise<string[]> =>
    (await conn.query<{ Name: string }>(`SELECT Name FROM Opportunity WHERE CloseDate = ${literal} ORDER BY Name`)).records.map((r) => r.Name);

  it('sets Organization.FiscalYearStartMonth', async () => {
    const organization = await conn.query<{ FiscalYearStartMonth: number }>('SELECT FiscalYearStartMonth FROM Organization');
    expect(organization.records[0]!.FiscalYearStartMonth).toBe(7);
  });

  it('runs the fiscal date literals from July', async () => {
    // 10 Aug 2026 lies in FY Jul 2026 – Jun 2027, quarter Jul–Sep.
    expect(await closing('THIS_FISCAL_QUARTER')).toEqual(['2026-07-01', '2026-09-30']);
    expect(await closing('THIS_FISCAL_YEAR')).toEqual(['2026-07-01', '2026-09-30', '2026-10-01', '2027-06-30']);
    expect(await closing('LAST_FISCAL_QUARTER')).toEqual(['2026-06-30']);
    expect(await closing('NEXT_FISCAL_YEAR')).toEqual(['2027-07-01']);
  });

  it('refuses a month outside 1-12', async () => {
    await expect(startOrg({ fiscalYearStartMonth: 13 })).rejects.toThrow('fiscal year start month: expected 1-12, got 13');
  });
});

describe('an org without multi-currency', () => {
  let org: OrgHandle;
  let conn: Connection;

  beforeAll(async () => {
    org = await startOrg({ data: 'demo', today: '2026-06-15', multiCurrency: false });
    conn = await passwordConnection(org);
  });

  afterAll(async () => {
    await org.close();
  });

  it('describes no CurrencyIsoCode and lists no CurrencyType', async () => {
    const opportunity = await conn.sobject('Opportunity').describe();
    expect(opportunity.fields.map((f) => f.name)).not.toContain('CurrencyIsoCode');
    const global = await conn.describeGlobal();
    const names = global.sobjects.map((s) => s.name);
    expect(names).not.toContain('CurrencyType');
    expect(names).not.toContain('DatedConversionRate');
  });

  it('answers INVALID_FIELD for CurrencyIsoCode and INVALID_TYPE for CurrencyType, as such an org does', async () => {
    await expect(conn.query('SELECT Id, CurrencyIsoCode FROM Opportunity')).rejects.toMatchObject({ errorCode: 'INVALID_FIELD' });
    await expect(conn.query('SELECT IsoCode FROM CurrencyType')).rejects.toMatchObject({ errorCode: 'INVALID_TYPE' });
    const [account] = (await conn.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1')).records;
    await expect(
      conn.sobject('Opportunity').create({ Name: 'Priced', AccountId: account!.Id, StageName: 'Prospecting', CloseDate: '2026-07-01', CurrencyIsoCode: 'EUR' })
    ).rejects.toMatchObject({ errorCode: 'INVALID_FIELD' });
  });

  it('still generates the demo data set, every amount in the one currency', async () => {
    const won = await conn.query<{ expr0: number }>("SELECT COUNT(Id) FROM Opportunity WHERE IsWon = true");
    expect(won.records[0]!.expr0).toBeGreaterThan(50);
    const login = await fetch(`${org.instanceUrl}/services/Soap/u/64.0`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml', SOAPAction: 'login' },
      body: `<?xml version="1.0"?><se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Body><login xmlns="urn:partner.soap.sforce.com"><username>${org.username}</username><password>${org.password}</password></login></se:Body></se:Envelope>`
    });
    expect(await login.text()).toContain('<organizationMultiCurrency>false</organizationMultiCurrency>');
  });
});
