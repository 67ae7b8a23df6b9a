/**
 * Relationship trends from field history (Stakeholder__History): is a relationship improving or
 * decaying against 90 days ago? Pure: history rows and today in, a trend per stakeholder out.
 *
 * The value on day D−90 is the OldValue of the first change made after D−90 (a change is dated
 * by the UTC day of its CreatedDate); without such a change the value has not moved since, so it
 * is today's value.
 */
import { recordsOf, valueOf, parentValueOf } from 'c/graphqlRecords';
import { addDays } from 'c/tandemFormat';

export const TREND_DAYS = 90;
export const TREND = { IMPROVING: 'improving', DECAYING: 'decaying', STEADY: 'steady' };
/** The fields the map shows a trend for. */
export const TREND_FIELDS = ['Attitude__c', 'Relationship_Strength__c'];

// Better relationships rank higher. Unknown (and blank) has no rank: no trend can be read from it.
const RANKS = {
  Attitude__c: { Detractor: 1, Skeptic: 2, Neutral: 3, Supporter: 4, Advocate: 5 },
  Relationship_Strength__c: { None: 0, Weak: 1, Medium: 2, Strong: 3 }
};

/** The last day before the window: changes dated after it are inside (D−90, D]. */
export function windowStartDay(today, days = TREND_DAYS) {
  return addDays(today, -days);
}

/** The earliest CreatedDate the window holds, for the history query (`gte`). */
export function windowStartDateTime(today, days = TREND_DAYS) {
  return `${addDays(today, -days + 1)}T00:00:00.000Z`;
}

/** History rows of a GraphQL answer: { id, parentId, field, oldValue, newValue, createdDate, by }. */
export function readHistory(data) {
  return recordsOf(data, 'Stakeholder__History').map((node) => ({
    id: node.Id,
    parentId: valueOf(node, 'ParentId'),
    field: valueOf(node, 'Field'),
    oldValue: valueOf(node, 'OldValue') || null,
    newValue: valueOf(node, 'NewValue') || null,
    createdDate: valueOf(node, 'CreatedDate'),
    by: parentValueOf(node, 'CreatedBy', 'Name')
  }));
}

/** The value of `field` on day `startDay` from the changes of one record, given today's value. */
export function valueOnDay(changes, field, current, startDay) {
  const after = changes
    .filter((c) => c.field === field && c.createdDate && c.createdDate.slice(0, 10) > startDay)
    .sort((a, b) => (a.createdDate < b.createdDate ? -1 : a.createdDate > b.createdDate ? 1 : 0));
  return after.length > 0 ? after[0].oldValue : current;
}

/** Improving, decaying or steady from the value then to the value now (steady without ranks). */
export function trendOf(field, then, now) {
  const ranks = RANKS[field] || {};
  const before = ranks[then];
  const after = ranks[now];
  if (before === undefined || after === undefined || before === after) {
    return TREND.STEADY;
  }
  return after > before ? TREND.IMPROVING : TREND.DECAYING;
}

/**
 * Trends of every stakeholder: Map stakeholderId → { Attitude__c: { trend, then }, … }.
 * `stakeholders`: [{ id, values: { Attitude__c, Relationship_Strength__c } }] (today's values).
 */
export function trendsOf(history, stakeholders, today, days = TREND_DAYS) {
  const startDay = windowStartDay(today, days);
  const byParent = new Map();
  history.forEach((row) => {
    const list = byParent.get(row.parentId) || [];
    list.push(row);
    byParent.set(row.parentId, list);
  });
  const trends = new Map();
  stakeholders.forEach(({ id, values }) => {
    const changes = byParent.get(id) || [];
    const entry = {};
    TREND_FIELDS.forEach((field) => {
      const then = valueOnDay(changes, field, values[field], startDay);
      entry[field] = { trend: trendOf(field, then, values[field]), then };
    });
    trends.set(id, entry);
  });
  return trends;
}
