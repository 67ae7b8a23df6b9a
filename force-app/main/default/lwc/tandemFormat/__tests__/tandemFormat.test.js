import {
  formatCurrency,
  formatPercent,
  formatFixed,
  formatNumber,
  formatRatio,
  formatDate,
  todayIso,
  daysBetween,
  addDays,
  addYears,
  formatLabel,
  truncate,
  toBcp47,
  NO_VALUE
} from 'c/tandemFormat';

describe('tandemFormat', () => {
  it("formats money in the user's locale and currency", () => {
    expect(formatCurrency(1234567, { locale: 'en-US', currency: 'USD' })).toBe('$1,234,567');
    expect(formatCurrency(1234567, { locale: 'it_IT', currency: 'EUR' })).toBe('1.234.567\u00a0€');
    expect(formatCurrency(0, { locale: 'en-US', currency: 'USD' })).toBe('$0');
    expect(formatCurrency(1234567, { locale: 'en-US', currency: 'USD', compact: true })).toBe(
      '$1.2M'
    );
    expect(formatCurrency(9.9e14, { locale: 'en-US', currency: 'USD', compact: true })).toBe(
      '$990T'
    );
    expect(formatCurrency(null)).toBe(NO_VALUE);
    expect(formatCurrency(Number.NaN)).toBe(NO_VALUE);
  });

  it('reads percent fields as percentage points', () => {
    expect(formatPercent(12.5, { locale: 'en-US' })).toBe('12.5%');
    expect(formatPercent(12.5, { locale: 'it-IT' })).toBe('12,5%');
    expect(formatPercent(-3, { locale: 'en-US', signed: true })).toBe('-3%');
    expect(formatPercent(3, { locale: 'en-US', signed: true })).toBe('+3%');
    expect(formatPercent(undefined)).toBe(NO_VALUE);
  });

  it('formats plain numbers and coverage ratios', () => {
    expect(formatNumber(71.25, { locale: 'it-IT' })).toBe('71,3');
    expect(formatRatio(1.25, { locale: 'en-US' })).toBe('1.25×');
    expect(formatRatio(null)).toBe(NO_VALUE);
  });

  it('formats table columns with a fixed number of decimals in the user locale', () => {
    expect(formatFixed(12, 1, { locale: 'en-US' })).toBe('12.0');
    expect(formatFixed(12, 1, { locale: 'it-IT' })).toBe('12,0');
    expect(formatFixed(0.755, 2, { locale: 'it-IT' })).toBe('0,76');
    expect(formatFixed(null, 1)).toBe(NO_VALUE);
  });

  it('formats date-only values without a time-zone shift', () => {
    expect(formatDate('2026-03-05', { locale: 'en-US' })).toBe('Mar 5, 2026');
    expect(formatDate('2026-03-05', { locale: 'it-IT' })).toBe('5 mar 2026');
    expect(formatDate(null)).toBe(NO_VALUE);
    expect(formatDate('not a date')).toBe(NO_VALUE);
  });

  it("gives today's date where the user is", () => {
    // 23:30 UTC on 31 March is already 1 April in Rome (UTC+2 in summer time).
    const now = new Date(Date.UTC(2026, 2, 31, 23, 30));
    expect(todayIso(now, 'Europe/Rome')).toBe('2026-04-01');
    expect(todayIso(now, 'America/Los_Angeles')).toBe('2026-03-31');
  });

  it('does date arithmetic on calendar days', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59); // 31 + 28
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
    expect(daysBetween(null, '2026-01-01')).toBeNull();
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(addYears('2026-06-15', 3)).toBe('2029-06-15');
  });

  it('fills label placeholders in any order', () => {
    expect(formatLabel('{1} di {0}', 'Acme', 'Piano')).toBe('Piano di Acme');
    expect(formatLabel('{0} days', 0)).toBe('0 days');
    expect(formatLabel('{0}', null)).toBe('');
  });

  it('truncates long names with an ellipsis', () => {
    expect(truncate('Maximiliana Wolfeschlegelsteinhausen', 12)).toBe('Maximiliana…');
    expect(truncate('Ada', 12)).toBe('Ada');
    expect(truncate(null, 5)).toBe('');
  });

  it('converts Salesforce locales to BCP 47', () => {
    expect(toBcp47('it_IT')).toBe('it-IT');
    expect(toBcp47(undefined)).toBe('en-US');
  });
});
