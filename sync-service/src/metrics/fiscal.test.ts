import { parseDay } from './calendar';
import { recentQuarters } from './fiscal';

describe('fiscal quarters', () => {
  it('names an April-start fiscal year by the year it ends in', () => {
    // FiscalYearStartMonth 4: FY runs Apr 2025 – Mar 2026, so Salesforce calls it FY2026.
    // 15 Aug 2025 is in its second quarter (Jul–Sep).
    const quarters = recentQuarters(
      parseDay('2025-08-15'),
      { fiscalYearStartMonth: 4, usesStartDateAsFiscalYearName: false },
      12
    );
    expect(quarters).toHaveLength(12);
    const current = quarters[11]!;
    expect(current).toMatchObject({ label: 'FY2026-Q2', asOf: '2025-08-15', isCurrent: true });
    expect(current.startDay).toBe(parseDay('2025-07-01'));
    expect(current.endDay).toBe(parseDay('2025-09-30'));
    // Q1 of FY2026 is Apr–Jun 2025; Q4 of FY2025 is Jan–Mar 2025.
    expect(quarters[10]).toMatchObject({
      label: 'FY2026-Q1',
      asOf: '2025-06-30',
      isCurrent: false
    });
    expect(quarters[9]).toMatchObject({ label: 'FY2025-Q4', asOf: '2025-03-31' });
    // 11 quarters before Jul 2025 is Oct 2022: Q3 of the year Apr 2022 – Mar 2023 = FY2023.
    expect(quarters[0]).toMatchObject({ label: 'FY2023-Q3', asOf: '2022-12-31' });
  });

  it('names it by the start year when UsesStartDateAsFiscalYearName', () => {
    const quarters = recentQuarters(
      parseDay('2025-08-15'),
      { fiscalYearStartMonth: 4, usesStartDateAsFiscalYearName: true },
      2
    );
    expect(quarters.map((q) => q.label)).toEqual(['FY2025-Q1', 'FY2025-Q2']);
  });

  it('uses calendar quarters for a January start, whatever the naming setting', () => {
    for (const usesStartDateAsFiscalYearName of [false, true]) {
      const quarters = recentQuarters(
        parseDay('2024-02-29'),
        { fiscalYearStartMonth: 1, usesStartDateAsFiscalYearName },
        2
      );
      expect(quarters.map((q) => [q.label, q.asOf])).toEqual([
        ['FY2023-Q4', '2023-12-31'],
        ['FY2024-Q1', '2024-02-29']
      ]);
    }
  });

  it('ends a December–February quarter on the leap day', () => {
    // Start month 3: quarters Mar–May, Jun–Aug, Sep–Nov, Dec–Feb; FY Mar 2023 – Feb 2024 = FY2024.
    const quarters = recentQuarters(
      parseDay('2024-03-01'),
      { fiscalYearStartMonth: 3, usesStartDateAsFiscalYearName: false },
      2
    );
    expect(quarters.map((q) => [q.label, q.asOf])).toEqual([
      ['FY2024-Q4', '2024-02-29'],
      ['FY2025-Q1', '2024-03-01']
    ]);
  });
});
