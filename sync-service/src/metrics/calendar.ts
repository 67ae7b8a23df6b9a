// Dates as integer day numbers (days since 1970-01-01, proleptic Gregorian), so windows are
// integer comparisons and the hot path never builds a Date.

/** Marks a string that is not a valid YYYY-MM-DD date. */
export const INVALID_DAY = Number.NaN;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a civil date (H. Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Civil date of a day number (H. Hinnant's civil_from_days). */
export function civilFromDay(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

// Day number of the 1st of each month of 1900–2199, and the month's length: the date parse
// then costs two table reads instead of the civil-date arithmetic.
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 300;
const monthStarts = new Float64Array(TABLE_YEARS * 12);
const monthLengths = new Uint8Array(TABLE_YEARS * 12);
for (let index = 0; index < TABLE_YEARS * 12; index++) {
  const year = TABLE_FIRST_YEAR + Math.floor(index / 12);
  const month = (index % 12) + 1;
  monthStarts[index] = dayFromCivil(year, month, 1);
  monthLengths[index] = daysInMonth(year, month);
}

/**
 * Day number of the date at the start of `text` ('YYYY-MM-DD', optionally followed by a time
 * as in an ISO datetime), or INVALID_DAY. Hand-rolled: it runs once per opportunity.
 */
export function parseDay(text: string): number {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45)
    return INVALID_DAY;
  if (text.length > 10 && text.charCodeAt(10) !== 84 && text.charCodeAt(10) !== 32)
    return INVALID_DAY;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  // NaN fails every comparison, so a non-digit lands here too.
  if (!(month >= 1 && month <= 12 && day >= 1)) return INVALID_DAY;
  const index = (year - TABLE_FIRST_YEAR) * 12 + month - 1;
  if (index >= 0 && index < TABLE_YEARS * 12) {
    return day <= monthLengths[index]! ? monthStarts[index]! + day - 1 : INVALID_DAY;
  }
  return year >= 0 && day <= daysInMonth(year, month)
    ? dayFromCivil(year, month, day)
    : INVALID_DAY;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatDay(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The same day of the month `months` later (or earlier), clamped to the month's end: 31 May − 3 months = 28/29 Feb. */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = civilFromDay(dayNumber);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return dayFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day (YYYY-MM-DD) on the wall clock of `zone` (an IANA name such as Salesforce's
 * TimeZoneSidKey, or GMT) at the instant `utcMs`. Throws a RangeError for a zone the platform does
 * not know.
 */
export function todayInZone(zone: string, utcMs: number): string {
  let format = zoneFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    zoneFormats.set(zone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(utcMs))) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}
