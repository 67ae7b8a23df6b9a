// Fiscal quarters from Organization.FiscalYearStartMonth (standard fiscal years: a quarter is
// three calendar months starting on the 1st).
import { civilFromDay, dayFromCivil, daysInMonth, formatDay } from './calendar';

export interface FiscalSettings {
  fiscalYearStartMonth: number;
  usesStartDateAsFiscalYearName: boolean;
}

export interface FiscalPeriod {
  /** `FY2026-Q3` */
  label: string;
  startDay: number;
  endDay: number;
  /** The as-of date of the period's metrics: the run's as-of date for the current quarter, else the quarter's last day. */
  asOfDay: number;
  /** asOfDay as YYYY-MM-DD */
  asOf: string;
  isCurrent: boolean;
}

/** Months since year 0, counted so that 0 is the first month of a fiscal year. */
function fiscalMonthIndex(year: number, month: number, settings: FiscalSettings): number {
  return year * 12 + (month - 1) - (settings.fiscalYearStartMonth - 1);
}

function calendarDayOfMonthIndex(monthIndex: number, day: 'first' | 'last'): number {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return dayFromCivil(year, month, day === 'first' ? 1 : daysInMonth(year, month));
}

/**
 * Salesforce names a fiscal year by the calendar year in which it ends, unless
 * UsesStartDateAsFiscalYearName: with an April start, Apr 2025–Mar 2026 is FY2026 (or FY2025).
 */
function quarterFromIndex(
  quarterIndex: number,
  settings: FiscalSettings
): Omit<FiscalPeriod, 'asOfDay' | 'asOf' | 'isCurrent'> {
  const offset = settings.fiscalYearStartMonth - 1;
  const fiscalYear = Math.floor(quarterIndex / 4);
  const quarter = quarterIndex - fiscalYear * 4 + 1;
  const yearStartMonthIndex = fiscalYear * 12 + offset;
  const startYear = Math.floor(yearStartMonthIndex / 12);
  const endYear = Math.floor((yearStartMonthIndex + 11) / 12);
  const name = settings.usesStartDateAsFiscalYearName ? startYear : endYear;
  const startMonthIndex = quarterIndex * 3 + offset;
  return {
    label: `FY${name}-Q${quarter}`,
    startDay: calendarDayOfMonthIndex(startMonthIndex, 'first'),
    endDay: calendarDayOfMonthIndex(startMonthIndex + 2, 'last')
  };
}

/** The last `count` fiscal quarters up to the one containing `asOfDay`, oldest first (DESIGN.md "Periods"). */
export function recentQuarters(
  asOfDay: number,
  settings: FiscalSettings,
  count: number
): FiscalPeriod[] {
  const { year, month } = civilFromDay(asOfDay);
  const current = Math.floor(fiscalMonthIndex(year, month, settings) / 3);
  const periods: FiscalPeriod[] = [];
  for (let quarterIndex = current - count + 1; quarterIndex <= current; quarterIndex++) {
    const quarter = quarterFromIndex(quarterIndex, settings);
    const isCurrent = quarterIndex === current;
    const periodAsOf = isCurrent ? asOfDay : quarter.endDay;
    periods.push({ ...quarter, asOfDay: periodAsOf, asOf: formatDay(periodAsOf), isCurrent });
  }
  return periods;
}
