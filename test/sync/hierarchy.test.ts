// Customer groups end to end (DESIGN.md "Hierarchy rows"): the demo org's groups (DEMO_PARENTS)
// get {AccountId}:{period}:H rows from a full run; a subsidiary that moves to another parent
// updates its old and new ancestors' rows in the next incremental run (and in an account run), and
// a parent left without children loses its Hierarchy rows. Real emulator over HTTP, real Redis.
import { DEMO_PARENTS, type OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, adminActor, expectedMetrics, expectedRows, orgMetricRows, startDemoOrg, storeRows, syncDeps, uniquePrefix, type Row, type TestDeps } from './support';

describe('hierarchy rows', () => {
  let org: OrgHandle;
  let deps: TestDeps;
  let idOf: (name: string) => string;

  beforeAll(async () => {
    org = await startDemoOrg();
    deps = await syncDeps(org, uniquePrefix('hierarchy'));
    const ids = new Map(storeRows(org, 'SELECT Id, Name FROM Account').map((a) => [String(a.Name), String(a.Id)]));
    idOf = (name) => ids.get(name) ?? fail(`no account ${name}`);
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  /** The current quarter's rows in the org by key. */
  const current = (): Map<string, Row> => new Map([...orgMetricRows(org).accounts].filter(([, row]) => row.Is_Current__c === true));
  /** Accounts that have Hierarchy rows in the org. */
  const heads = (): Set<string> => new Set([...orgMetricRows(org).accounts.values()].filter((row) => row.Scope__c === 'Hierarchy').map((row) => String(row.Account__c)));
  const expectOrgToMatchEngine = () => {
    const expected = expectedRows(expectedMetrics(org));
    const stored = orgMetricRows(org);
    expect(stored.accounts).toEqual(expected.accounts);
    expect(stored.programs).toEqual(expected.programs);
  };
  const namesOf = (ids: Set<string>, names: string[]) => names.filter((name) => ids.has(idOf(name))).sort();

  it('a full run writes 12 Hierarchy rows for each demo account with children, summing its group', async () => {
    const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ status: 'done', failures: [] });
    const parents = [...new Set(Object.values(DEMO_PARENTS))].sort();
    // Castellan ← Acme, Falcon ← Lumen ← Quartz; Hartwell ← Pioneer ← Tidewater, Fjordway;
    // Meridian ← Evergreen ← Beacon; Aurora ← Zephyr: 8 accounts with children.
    expect(parents).toHaveLength(8);
    expect(namesOf(heads(), [...storeRows(org, 'SELECT Name FROM Account').map((a) => String(a.Name))])).toEqual(parents);
    const rows = orgMetricRows(org).accounts;
    for (const name of parents) {
      const own = [...rows.values()].filter((row) => row.Account__c === idOf(name) && row.Scope__c === 'Hierarchy');
      expect(own.map((row) => row.Snapshot_Key__c)).toEqual(own.map((row) => `${idOf(name)}:${String(row.Period__c)}:H`));
      expect(own).toHaveLength(12);
    }

    // The group of Castellan Manufacturing, 4 levels: its TTM is the sum of the five accounts'
    // own TTM (Account rows), to the cent.
    const now = current();
    const ttm = (name: string, scope: 'Account' | 'Hierarchy') => Number([...now.values()].find((row) => row.Account__c === idOf(name) && row.Scope__c === scope)!.Revenue_TTM__c);
    const group = ['Castellan Manufacturing', 'Acme Fabrication', 'Falcon Aerospace Parts', 'Lumen Optics', 'Quartz Electronics'];
    const sum = group.reduce((total, name) => total + Math.round(ttm(name, 'Account') * 100), 0) / 100;
    expect(ttm('Castellan Manufacturing', 'Hierarchy')).toBe(sum);
    expect(ttm('Castellan Manufacturing', 'Hierarchy')).toBeGreaterThan(ttm('Castellan Manufacturing', 'Account'));
    // Lumen's group is Lumen and Quartz only.
    expect(ttm('Lumen Optics', 'Hierarchy')).toBe((Math.round(ttm('Lumen Optics', 'Account') * 100) + Math.round(ttm('Quartz Electronics', 'Account') * 100)) / 100);
    expectOrgToMatchEngine();
  });

  it('an incremental run after a subsidiary moves updates the old and new ancestors and deletes the rows of a parent left childless', async () => {
    const before = orgMetricRows(org).accounts;
    // Zephyr Wind Power (Aurora Renewables' only child) moves under Quartz Electronics (level 3
    // of Castellan's group), so Zephyr sits at level 4.
    org.store.update('Account', idOf('Zephyr Wind Power'), { ParentId: idOf('Quartz Electronics') }, adminActor(org));
    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ mode: 'incremental', status: 'done', failures: [], changedRecords: 1 });
    // Aurora Renewables has no child left: its 12 Hierarchy rows are gone; Quartz has children now.
    expect(summary.metricRowsDeleted).toBe(12);
    const after = heads();
    expect(after.has(idOf('Aurora Renewables'))).toBe(false);
    expect(after.has(idOf('Quartz Electronics'))).toBe(true);
    expect(storeRows(org, `SELECT Id FROM Account_Metric__c WHERE Account__c = '${idOf('Aurora Renewables')}' AND Scope__c = 'Hierarchy'`)).toHaveLength(0);
    // Every new ancestor's group now holds Zephyr's opportunities: their current Hierarchy rows changed.
    const now = current();
    for (const name of ['Castellan Manufacturing', 'Falcon Aerospace Parts', 'Lumen Optics']) {
      const key = [...now.keys()].find((k) => k.startsWith(`${idOf(name)}:`) && k.endsWith(':H'))!;
      expect(now.get(key)).not.toEqual(before.get(key));
    }
    // Quartz's new group is Quartz and Zephyr.
    const row = (name: string, scope: string) => [...now.values()].find((r) => r.Account__c === idOf(name) && r.Scope__c === scope)!;
    for (const field of ['Revenue_TTM__c', 'Opportunity_Count__c'])
      expect(Number(row('Quartz Electronics', 'Hierarchy')[field])).toBeCloseTo(Number(row('Quartz Electronics', 'Account')[field]) + Number(row('Zephyr Wind Power', 'Account')[field]), 2);
    expectOrgToMatchEngine();
  });

  it('an account run for a moved subsidiary recomputes its old and new ancestors', async () => {
    // Tidewater Shipping (Pioneer Transport's only child, under Hartwell Logistics) moves under
    // Meridian Capital Bank; the account run is asked for Tidewater alone.
    org.store.update('Account', idOf('Tidewater Shipping'), { ParentId: idOf('Meridian Capital Bank') }, adminActor(org));
    const summary = await runSync({ mode: 'account', accountId: idOf('Tidewater Shipping'), asOf: TODAY }, deps);
    expect(summary).toMatchObject({ mode: 'account', status: 'done', failures: [], metricRowsDeleted: 12 });
    expect(heads().has(idOf('Pioneer Transport'))).toBe(false);
    expect(heads().has(idOf('Hartwell Logistics'))).toBe(true); // still has Pioneer and Fjordway
    expectOrgToMatchEngine();
    // Nothing is left for the next incremental run to write or delete.
    const next = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(next).toMatchObject({ metricRowsWritten: 0, metricRowsDeleted: 0, failures: [] });
  });
});

function fail(message: string): never {
  throw new Error(message);
}
