/**
 * The stakeholder's history list in words: "Attitude · Supporter → Skeptic, 12 Mar, by Priya
 * Nair", newest first, field names and picklist values in the user's language, dates on the
 * user's calendar. Pure.
 */
import { formatLabel, toBcp47, NO_VALUE } from 'c/tandemFormat';
import { trendLabels } from 'c/trendLabels';

/** The fields the history list shows (the four tracked relationship fields). */
export const HISTORY_FIELDS = [
  'Attitude__c',
  'Relationship_Strength__c',
  'Influence__c',
  'Buying_Role__c'
];

function dateFormat(locale, options) {
  try {
    return new Intl.DateTimeFormat(toBcp47(locale), options);
  } catch {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
  }
}

/** "12 Mar" (this year) or "12 Mar 2025" on the user's wall clock. */
export function formatChangeDate(isoDateTime, { locale, timeZone, now = new Date() }) {
  const when = new Date(isoDateTime);
  if (Number.isNaN(when.getTime())) {
    return NO_VALUE;
  }
  const yearOf = (date) => dateFormat(locale, { year: 'numeric', timeZone }).format(date);
  const options = { day: 'numeric', month: 'short', timeZone };
  if (yearOf(when) !== yearOf(now)) {
    options.year = 'numeric';
  }
  return dateFormat(locale, options).format(when);
}

/**
 * @param {Array} rows readHistory() rows of one stakeholder
 * @param {object} options
 * @param {(field: string) => string} options.fieldLabel the field's label for the user
 * @param {(field: string, value: string) => string} options.valueLabel a picklist value's label
 */
export function historyEntries(rows, { fieldLabel, valueLabel, locale, timeZone, now }) {
  return rows
    .filter((row) => HISTORY_FIELDS.includes(row.field))
    .sort((a, b) => (a.createdDate < b.createdDate ? 1 : a.createdDate > b.createdDate ? -1 : 0))
    .map((row) => ({
      id: row.id,
      field: fieldLabel(row.field),
      text: formatLabel(
        trendLabels.historyChange,
        valueLabel(row.field, row.oldValue) || NO_VALUE,
        valueLabel(row.field, row.newValue) || NO_VALUE,
        formatChangeDate(row.createdDate, { locale, timeZone, now }),
        row.by || NO_VALUE
      )
    }));
}
