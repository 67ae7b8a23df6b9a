import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import TIME_ZONE from '@salesforce/i18n/timeZone';

/** Shown wherever a value is blank or unknown; the same in every language. */
export const NO_VALUE = '—';

const MS_PER_DAY = 86400000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Salesforce locales may come as `it_IT` or `en-US`; Intl wants BCP 47 (`it-IT`). */
export function toBcp47(locale) {
  return String(locale || 'en-US').replace(/_/g, '-');
}

function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

function numberFormat(locale, options) {
  try {
    return new Intl.NumberFormat(toBcp47(locale), options);
  } catch {
    // An exotic platform locale Intl does not know: fall back rather than blank the card.
    return new Intl.NumberFormat('en-US', options);
  }
}

/**
 * Money in the user's locale and currency. `compact` abbreviates large amounts (1.2M, 1,2 Mln)
 * for tiles and chart axes; full precision stays available for titles.
 */
export function formatCurrency(
  value,
  { locale = LOCALE, currency = CURRENCY, compact = false } = {}
) {
  if (!isNumber(value)) {
    return NO_VALUE;
  }
  const options = compact
    ? {
        style: 'currency',
        currency,
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1
      }
    : { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 };
  return numberFormat(locale, options).format(value);
}

/** Percent fields hold percentage points (12.5 means 12.5 %). */
export function formatPercent(points, { locale = LOCALE, signed = false } = {}) {
  if (!isNumber(points)) {
    return NO_VALUE;
  }
  return numberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto'
  }).format(points / 100);
}

export function formatNumber(value, { locale = LOCALE, maximumFractionDigits = 1 } = {}) {
  if (!isNumber(value)) {
    return NO_VALUE;
  }
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A number with exactly `digits` decimals in the user's locale (table columns: "12.0", "12,0"). */
export function formatFixed(value, digits, { locale = LOCALE } = {}) {
  if (!isNumber(value)) {
    return NO_VALUE;
  }
  return numberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  }).format(value);
}

/** Pipeline coverage is a ratio: 1.25 reads "1.25×". */
export function formatRatio(value, { locale = LOCALE } = {}) {
  if (!isNumber(value)) {
    return NO_VALUE;
  }
  return `${numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}×`;
}

function parseIsoDate(iso) {
  const match = typeof iso === 'string' ? ISO_DATE.exec(iso) : null;
  if (!match) {
    return null;
  }
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** A date-only value (`YYYY-MM-DD`) in the user's locale, never shifted by a time zone. */
export function formatDate(iso, { locale = LOCALE } = {}) {
  const time = parseIsoDate(iso);
  if (time === null) {
    return NO_VALUE;
  }
  let format;
  try {
    format = new Intl.DateTimeFormat(toBcp47(locale), {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC'
    });
  } catch {
    format = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
  }
  return format.format(new Date(time));
}

/** Today's date (`YYYY-MM-DD`) where the user is, which is what Date fields mean. */
export function todayIso(now = new Date(), timeZone = TIME_ZONE) {
  let parts;
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit'
    }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit'
    }).formatToParts(now);
  }
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function toIso(time) {
  return new Date(time).toISOString().slice(0, 10);
}

/** Whole days from one date to another (negative when `to` is earlier); null if either is blank. */
export function daysBetween(fromIso, toIso_) {
  const from = parseIsoDate(fromIso);
  const to = parseIsoDate(toIso_);
  if (from === null || to === null) {
    return null;
  }
  return Math.round((to - from) / MS_PER_DAY);
}

export function addDays(iso, days) {
  const time = parseIsoDate(iso);
  return time === null ? null : toIso(time + days * MS_PER_DAY);
}

/** Same day and month `years` later (29 February becomes 28 February in common years). */
export function addYears(iso, years) {
  const match = typeof iso === 'string' ? ISO_DATE.exec(iso) : null;
  if (!match) {
    return null;
  }
  const year = Number(match[1]) + years;
  const month = Number(match[2]) - 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return toIso(Date.UTC(year, month, Math.min(Number(match[3]), lastDay)));
}

/** Fills `{0}`, `{1}`… in a custom label; labels carry the word order of each language. */
export function formatLabel(template, ...args) {
  return String(template).replace(/\{(\d+)\}/g, (whole, index) => {
    const value = args[Number(index)];
    return value === undefined || value === null ? '' : String(value);
  });
}

/** Shortens a name for a fixed-width place (SVG text does not wrap), keeping it recognisable. */
export function truncate(text, maxLength) {
  const value = text === null || text === undefined ? '' : String(text);
  if (value.length <= maxLength) {
    return value;
  }
  return `${value.slice(0, Math.max(1, maxLength - 1)).trimEnd()}…`;
}
