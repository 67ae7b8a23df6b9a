// The as-of date is "today" in the org's time zone (Organization.TimeZoneSidKey), not in UTC: a
// run at 22:30 UTC on 15 June is a run of 16 June for an org in Rome (UTC+2 in summer), and a run
// at 03:00 UTC on 16 June is still 15 June in Los Angeles (UTC−7).
import type { OrgHandle } from '../emulator';
import { todayInZone } from '../../sync-service/src/metrics/calendar';
import { runSync } from '../../sync-service/src/sync/run';
import { expectedMetrics, expectedRows, orgMetricRows, startDemoOrg, syncDeps, uniquePrefix } from './support';

describe('the as-of date follows the org time zone', () => {
  it('today in a zone: the calendar day on that wall clock', () => {
    // 22:30 UTC + 2 h (CEST) = 00:30 on the 16th in Rome; UTC itself is still the 15th.
    expect(todayInZone('Europe/Rome', Date.parse('2026-06-15T22:30:00Z'))).toBe('2026-06-16');
    expect(todayInZone('GMT', Date.parse('2026-06-15T22:30:00Z'))).toBe('2026-06-15');
    // 03:00 UTC − 7 h (PDT) = 20:00 on the 15th in Los Angeles.
    expect(todayInZone('America/Los_Angeles', Date.parse('2026-06-16T03:00:00Z'))).toBe('2026-06-15');
    // Winter: Rome is UTC+1, so 23:30 UTC on 31 Dec is already New Year's Day.
    expect(todayInZone('Europe/Rome', Date.parse('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  describe('a run near midnight', () => {
    let org: OrgHandle;
    beforeAll(async () => {
      org = await startDemoOrg({ timeZone: 'Europe/Rome' });
    });
    afterAll(async () => org?.close());

    it('a full run at 22:30 UTC computes the metrics as of the next day in Rome', async () => {
      const deps = await syncDeps(org, uniquePrefix('tz'));
      try {
        const summary = await runSync({ mode: 'full' }, { ...deps, now: () => new Date('2026-06-15T22:30:00Z') });
        expect(summary.asOf).toBe('2026-06-16');
        const expected = expectedRows(expectedMetrics(org, '2026-06-16'));
        const stored = orgMetricRows(org);
        expect(stored.accounts.size).toBe(expected.accounts.size);
        for (const [key, row] of expected.accounts) expect(stored.accounts.get(key)).toEqual(row);
        // The current quarter's rows carry the org's date.
        const current = [...stored.accounts.values()].filter((row) => row.Is_Current__c === true);
        expect(current.length).toBeGreaterThan(0);
        for (const row of current) expect(row.As_Of__c).toBe('2026-06-16');
      } finally {
        await deps.close();
      }
    });
  });
});
