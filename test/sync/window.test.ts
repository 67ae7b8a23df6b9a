// The 12-quarter window slides: DESIGN.md has the service write "the last 12 fiscal quarters" for
// each account, so the rows of a quarter that leaves the window are not the service's any more.
// Left in place they would keep the values of the day they were last written (an opportunity
// edited since would never show), and a report over Account_Metric__c would count a 13th quarter.
// A full run deletes the metric rows that its result no longer holds.
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { expectedMetrics, expectedRows, orgMetricRows, startDemoOrg, syncDeps, uniquePrefix } from './support';

describe('rows of quarters that leave the 12-quarter window', () => {
  let org: OrgHandle;
  beforeAll(async () => {
    org = await startDemoOrg();
  });
  afterAll(async () => org?.close());

  it('are deleted by the full run of the next quarter', async () => {
    const deps = await syncDeps(org, uniquePrefix('window'));
    try {
      await runSync({ mode: 'full', asOf: '2026-06-15' }, deps);
      const june = orgMetricRows(org);
      // The demo org's fiscal year starts in April and is named by the year it ends: 15 June 2026
      // is in FY2027-Q1 (April–June 2026), the window runs FY2024-Q2 … FY2027-Q1 (12 quarters).
      const periods = (rows: Map<string, Record<string, unknown>>) => new Set([...rows.values()].map((r) => String(r.Period__c)));
      expect(periods(june.accounts).has('FY2024-Q2')).toBe(true);

      // 15 July 2026 is in FY2027-Q2: the window is FY2024-Q3 … FY2027-Q2, FY2024-Q2 has left it.
      const summary = await runSync({ mode: 'full', asOf: '2026-07-15' }, deps);
      expect(summary.failures).toEqual([]);
      const july = orgMetricRows(org);
      const expected = expectedRows(expectedMetrics(org, '2026-07-15'));
      expect(periods(july.accounts).has('FY2024-Q2')).toBe(false);
      expect(periods(july.programs).has('FY2024-Q2')).toBe(false);
      expect([...july.accounts.keys()].sort()).toEqual([...expected.accounts.keys()].sort());
      expect([...july.programs.keys()].sort()).toEqual([...expected.programs.keys()].sort());
      // One quarter per account, per group (Hierarchy row) and one program row left.
      const accounts = new Set([...june.accounts.values()].map((r) => r.Account__c)).size;
      const groups = [...june.accounts.values()].filter((r) => r.Scope__c === 'Hierarchy' && r.Period__c === 'FY2024-Q2').length;
      expect(groups).toBe(8); // the demo's accounts with child accounts (DEMO_PARENTS)
      expect(june.accounts.size - july.accounts.size).toBe(0); // one quarter out, one quarter in
      expect(summary.metricRowsDeleted).toBe(accounts + groups + 1);
      for (const [key, row] of expected.accounts) expect(july.accounts.get(key)).toEqual(row);
    } finally {
      await deps.close();
    }
  });
});
