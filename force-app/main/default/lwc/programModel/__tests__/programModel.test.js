import {
  averagePlanHealth,
  compareGrowth,
  sortRows,
  sponsorStatusOf,
  strongestCriteria
} from 'c/programModel';

describe('programModel', () => {
  it('compares growth only as a ratio when both groups grew', () => {
    expect(compareGrowth(16, 10)).toEqual({ kind: 'faster', ratio: 1.6 });
    expect(compareGrowth(16, 0)).toEqual({ kind: 'strategicOnly', ratio: null });
    expect(compareGrowth(0, 10)).toEqual({ kind: 'otherOnly', ratio: null });
    expect(compareGrowth(0, 0)).toEqual({ kind: 'neither', ratio: null });
    expect(compareGrowth(-1, -5)).toEqual({ kind: 'neither', ratio: null });
    expect(compareGrowth(null, 5)).toEqual({ kind: 'unknown', ratio: null });
  });

  it("gives an account its sponsorships' worst status, None without any, unknown when hidden", () => {
    expect(sponsorStatusOf(['On cadence', 'Overdue'])).toBe('Overdue');
    expect(sponsorStatusOf(['On cadence', 'No engagement'])).toBe('No engagement');
    expect(sponsorStatusOf(['On cadence'])).toBe('On cadence');
    expect(sponsorStatusOf([])).toBe('None');
    expect(sponsorStatusOf(['On cadence', undefined])).toBeUndefined();
  });

  it('ranks criteria by the points they add: 100 × weight × value ÷ Σ weights', () => {
    // Weights 30 + 10 = 40: concentration 100 × 30 × 0.5 / 40 = 37.5, influence 100 × 10 × 1 / 40 = 25.
    const parts = [
      { criterion: 'Influence', weight: 10, value: 1 },
      { criterion: 'Revenue_Concentration', weight: 30, value: 0.5 },
      { criterion: 'Risk', weight: 0, value: 1 }
    ];
    expect(strongestCriteria(parts).map((p) => [p.criterion, p.points])).toEqual([
      ['Revenue_Concentration', 37.5],
      ['Influence', 25]
    ]);
    expect(strongestCriteria([])).toEqual([]);
  });

  it('averages plan health over the accounts that have one', () => {
    expect(
      averagePlanHealth([{ planHealth: 80 }, { planHealth: 40 }, { planHealth: null }])
    ).toEqual({
      average: 60,
      counted: 2,
      total: 3
    });
    expect(averagePlanHealth([])).toEqual({ average: null, counted: 0, total: 0 });
  });

  it('sorts blanks last in both directions', () => {
    const rows = [{ v: 2 }, { v: null }, { v: 5 }, { v: undefined }, { v: -1 }];
    expect(sortRows(rows, 'v', 'asc').map((r) => r.v)).toEqual([-1, 2, 5, null, undefined]);
    expect(sortRows(rows, 'v', 'desc').map((r) => r.v)).toEqual([5, 2, -1, null, undefined]);
  });
});
