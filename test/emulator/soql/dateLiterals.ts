// SOQL date literals (TODAY, LAST_N_DAYS:n, THIS_FISCAL_QUARTER…) as half-open day ranges
// [start, end), relative to the org's today: the calendar day in the user's time zone (every
// emulated user has the org's zone). On a dateTime field the range runs from local midnight.
import { malformedQuery } from '../errors';

export interface DayRange {
  start: number;
  end: number;
}

export interface CalendarSettings {
  today: number;
  fiscalYearStartMonth: number;
  /** The running user's TimeZoneSidKey: where a day of a date literal starts on a dateTime field. */
  timeZone: string;
}

const DAY_MS = 86_400_000;

function ymd(day: number): { y: number; m: number; d: number; weekday: number } {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), weekday: date.getUTCDay() };
}

function dayOf(y: number, m: number, d = 1): number {
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The first day of the month `offset` months from the month of (y, m). */
function monthStart(y: number, m: number, offset: number): number {
  const total = y * 12 + (m - 1) + offset;
  return dayOf(Math.floor(total / 12), (total % 12) + 1);
}

/** Start month index (y*12+m-1) of the period of `months` length containing `day`, aligned at `startMonth`. */
function periodStart(day: number, months: number, startMonth: number): number {
  const { y, m } = ymd(day);
  const index = y * 12 + (m - 1);
  const aligned = index - ((((index - (startMonth - 1)) % months) + months) % months);
  return aligned;
}

function monthIndexToDay(index: number): number {
  return dayOf(Math.floor(index / 12), (index % 12) + 1);
}

function periodRange(day: number, months: number, startMonth: number, offset: number, count: number): DayRange {
  const first = periodStart(day, months, startMonth) + offset * months;
  return { start: monthIndexToDay(first), end: monthIndexToDay(first + count * months) };
}

export function dateLiteralRange(literal: string, n: number | undefined, settings: CalendarSettings): DayRange {
  const today = settings.today;
  const fy = settings.fiscalYearStartMonth;
  const { y, m, weekday } = ymd(today);
  const week = today - weekday; // weeks start on Sunday (en_US locale)
  const count = n ?? 0;
  switch (literal.toUpperCase()) {
    case 'YESTERDAY': return { start: today - 1, end: today };
    case 'TODAY': return { start: today, end: today + 1 };
    case 'TOMORROW': return { start: today + 1, end: today + 2 };
    case 'LAST_WEEK': return { start: week - 7, end: week };
    case 'THIS_WEEK': return { start: week, end: week + 7 };
    case 'NEXT_WEEK': return { start: week + 7, end: week + 14 };
    case 'LAST_MONTH': return { start: monthStart(y, m, -1), end: monthStart(y, m, 0) };
    case 'THIS_MONTH': return { start: monthStart(y, m, 0), end: monthStart(y, m, 1) };
    case 'NEXT_MONTH': return { start: monthStart(y, m, 1), end: monthStart(y, m, 2) };
    case 'LAST_90_DAYS': return { start: today - 90, end: today + 1 };
    case 'NEXT_90_DAYS': return { start: today + 1, end: today + 91 };
    case 'LAST_N_DAYS': return { start: today - count, end: today + 1 };
    case 'NEXT_N_DAYS': return { start: today + 1, end: today + 1 + count };
    case 'N_DAYS_AGO': return { start: today - count, end: today - count + 1 };
    case 'N_DAYS_FROM_NOW': return { start: today + count, end: today + count + 1 };
    case 'LAST_N_WEEKS': return { start: week - 7 * count, end: week };
    case 'NEXT_N_WEEKS': return { start: week + 7, end: week + 7 + 7 * count };
    case 'N_WEEKS_AGO': return { start: week - 7 * count, end: week - 7 * count + 7 };
    case 'LAST_N_MONTHS': return { start: monthStart(y, m, -count), end: monthStart(y, m, 0) };
    case 'NEXT_N_MONTHS': return { start: monthStart(y, m, 1), end: monthStart(y, m, 1 + count) };
    case 'N_MONTHS_AGO': return { start: monthStart(y, m, -count), end: monthStart(y, m, -count + 1) };
    case 'THIS_QUARTER': return periodRange(today, 3, 1, 0, 1);
    case 'LAST_QUARTER': return periodRange(today, 3, 1, -1, 1);
    case 'NEXT_QUARTER': return periodRange(today, 3, 1, 1, 1);
    case 'LAST_N_QUARTERS': return periodRange(today, 3, 1, -count, count);
    case 'NEXT_N_QUARTERS': return periodRange(today, 3, 1, 1, count);
    case 'N_QUARTERS_AGO': return periodRange(today, 3, 1, -count, 1);
    case 'THIS_YEAR': return periodRange(today, 12, 1, 0, 1);
    case 'LAST_YEAR': return periodRange(today, 12, 1, -1, 1);
    case 'NEXT_YEAR': return periodRange(today, 12, 1, 1, 1);
    case 'LAST_N_YEARS': return periodRange(today, 12, 1, -count, count);
    case 'NEXT_N_YEARS': return periodRange(today, 12, 1, 1, count);
    case 'N_YEARS_AGO': return periodRange(today, 12, 1, -count, 1);
    case 'THIS_FISCAL_QUARTER': return periodRange(today, 3, fy, 0, 1);
    case 'LAST_FISCAL_QUARTER': return periodRange(today, 3, fy, -1, 1);
    case 'NEXT_FISCAL_QUARTER': return periodRange(today, 3, fy, 1, 1);
    case 'LAST_N_FISCAL_QUARTERS': return periodRange(today, 3, fy, -count, count);
    case 'NEXT_N_FISCAL_QUARTERS': return periodRange(today, 3, fy, 1, count);
    case 'N_FISCAL_QUARTERS_AGO': return periodRange(today, 3, fy, -count, 1);
    case 'THIS_FISCAL_YEAR': return periodRange(today, 12, fy, 0, 1);
    case 'LAST_FISCAL_YEAR': return periodRange(today, 12, fy, -1, 1);
    case 'NEXT_FISCAL_YEAR': return periodRange(today, 12, fy, 1, 1);
    case 'LAST_N_FISCAL_YEARS': return periodRange(today, 12, fy, -count, count);
    case 'NEXT_N_FISCAL_YEARS': return periodRange(today, 12, fy, 1, count);
    case 'N_FISCAL_YEARS_AGO': return periodRange(today, 12, fy, -count, 1);
    default:
      throw malformedQuery(`date literal ${literal} is not supported by the emulator`);
  }
}

/** Calendar and fiscal date functions usable in GROUP BY and WHERE. */
export function dateFunction(name: string, day: number, fiscalYearStartMonth: number, usesStartYear: boolean): number | null {
  const { y, m, d, weekday } = ymd(day);
  switch (name.toUpperCase()) {
    case 'CALENDAR_YEAR': return y;
    case 'CALENDAR_MONTH': return m;
    case 'CALENDAR_QUARTER': return Math.floor((m - 1) / 3) + 1;
    case 'DAY_IN_MONTH': return d;
    case 'DAY_IN_WEEK': return weekday + 1;
    case 'DAY_IN_YEAR': return day - dayOf(y, 1) + 1;
    case 'FISCAL_MONTH': return ((m - fiscalYearStartMonth + 12) % 12) + 1;
    case 'FISCAL_QUARTER': return Math.floor(((m - fiscalYearStartMonth + 12) % 12) / 3) + 1;
    case 'FISCAL_YEAR': {
      if (fiscalYearStartMonth === 1) return y;
      const startYear = m >= fiscalYearStartMonth ? y : y - 1;
      return usesStartYear ? startYear : startYear + 1;
    }
    default:
      return null;
  }
}
