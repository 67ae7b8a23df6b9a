import fc from 'fast-check';
import {
  addMonths,
  civilFromDay,
  dayFromCivil,
  formatDay,
  INVALID_DAY,
  parseDay
} from './calendar';

describe('calendar', () => {
  it('numbers days from 1970-01-01', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    // 1970 has 365 days, so 1971-01-01 is day 365; 2000-03-01 follows 2000-02-29 (a leap day).
    expect(parseDay('1971-01-01')).toBe(365);
    expect(parseDay('2000-03-01') - parseDay('2000-02-28')).toBe(2);
  });

  it('takes the date part of an ISO datetime', () => {
    expect(parseDay('2024-05-06T23:59:59.000Z')).toBe(parseDay('2024-05-06'));
    expect(parseDay('2024-05-06T00:00:00.000+0000')).toBe(parseDay('2024-05-06'));
  });

  it.each([
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-1-01',
    '24-01-01',
    '2024/01/01',
    'abcd-ef-gh',
    '',
    '2024-01-01X'
  ])('rejects %p', (text) => {
    expect(parseDay(text)).toBe(INVALID_DAY);
  });

  it('clamps to the end of the month when adding months', () => {
    // 31 May − 3 months: February has no 31st, so the 28th (2025) or the 29th (2024, leap).
    expect(formatDay(addMonths(parseDay('2025-05-31'), -3))).toBe('2025-02-28');
    expect(formatDay(addMonths(parseDay('2024-05-31'), -3))).toBe('2024-02-29');
    // A leap day minus 12 months lands on 28 Feb; 28 Feb plus 12 months on 28 Feb.
    expect(formatDay(addMonths(parseDay('2024-02-29'), -12))).toBe('2023-02-28');
    expect(formatDay(addMonths(parseDay('2023-02-28'), 12))).toBe('2024-02-28');
    expect(formatDay(addMonths(parseDay('2025-01-31'), 1))).toBe('2025-02-28');
    expect(formatDay(addMonths(parseDay('2025-12-15'), 1))).toBe('2026-01-15');
  });

  it('round-trips day numbers and civil dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 800_000 }), (day) => {
        const { year, month, day: dayOfMonth } = civilFromDay(day);
        expect(dayFromCivil(year, month, dayOfMonth)).toBe(day);
        if (year >= 0 && year <= 9999) expect(parseDay(formatDay(day))).toBe(day);
      })
    );
  });

  it('agrees with Date on the day number', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }),
        (date) => {
          const text = date.toISOString().slice(0, 10);
          expect(parseDay(text)).toBe(Math.floor(Date.parse(text) / 86_400_000));
        }
      )
    );
  });
});
