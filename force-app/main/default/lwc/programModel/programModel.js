import { displayOf, parentValueOf, recordsOf, valueOf } from 'c/graphqlRecords';
import { readScoreCriteria } from 'c/planModel';

/**
 * The SAM program page's rules, pure: GraphQL rows in, the figures each section shows out.
 * Readers keep `undefined` for a field the user may not read, so a section shows "—" for it and
 * no rule draws a conclusion from it.
 */

/** Sponsor status of an account, worst first: what the table shows and "at risk" reads. */
export const SPONSOR_STATUS = Object.freeze({
  OVERDUE: 'Overdue',
  NO_ENGAGEMENT: 'No engagement',
  ON_CADENCE: 'On cadence',
  NONE: 'None'
});

/** Plan status of an account: an Active plan, else a Draft, else none. */
export const PLAN_STATUS = Object.freeze({ ACTIVE: 'Active', DRAFT: 'Draft', NONE: 'None' });

/** Program_Metric__c rows, newest first (the query orders by As_Of__c). */
export function readProgramPeriods(data) {
  return recordsOf(data, 'Program_Metric__c').map((node) => ({
    id: node.Id,
    period: valueOf(node, 'Period__c'),
    asOf: valueOf(node, 'As_Of__c'),
    strategicAccounts: valueOf(node, 'Strategic_Accounts__c'),
    strategicRevenue: valueOf(node, 'Strategic_Revenue_TTM__c'),
    otherRevenue: valueOf(node, 'Other_Revenue_TTM__c'),
    strategicGrowth: valueOf(node, 'Strategic_Growth_YoY__c'),
    otherGrowth: valueOf(node, 'Other_Growth_YoY__c'),
    strategicShare: valueOf(node, 'Strategic_Revenue_Share__c'),
    sponsorCoverage: valueOf(node, 'Sponsor_Coverage__c'),
    planCoverage: valueOf(node, 'Plan_Coverage__c')
  }));
}

const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/**
 * How strategic accounts' growth compares with the others' (percentage points, DESIGN.md
 * "Program"). A ratio only means "n times as fast" when both grew; otherwise the kind says what
 * happened and the ratio is null:
 * - faster: both grew, ratio = strategic ÷ other (0.5 reads "half as fast", honestly);
 * - strategicOnly: strategic grew, the others did not (flat or shrinking);
 * - otherOnly: the others grew, strategic did not;
 * - neither: no group grew;
 * - unknown: a growth is blank (no revenue in the prior twelve months) or hidden.
 */
export function compareGrowth(strategic, other) {
  if (!isNumber(strategic) || !isNumber(other)) {
    return { kind: 'unknown', ratio: null };
  }
  if (strategic > 0 && other > 0) {
    return { kind: 'faster', ratio: strategic / other };
  }
  if (strategic > 0) {
    return { kind: 'strategicOnly', ratio: null };
  }
  if (other > 0) {
    return { kind: 'otherOnly', ratio: null };
  }
  return { kind: 'neither', ratio: null };
}

function readMetric(node) {
  return {
    accountId: valueOf(node, 'Account__c'),
    name: parentValueOf(node, 'Account__r', 'Name'),
    revenueTtm: valueOf(node, 'Revenue_TTM__c'),
    growthYoY: valueOf(node, 'Revenue_Growth_YoY__c'),
    cagr3Y: valueOf(node, 'Revenue_CAGR_3Y__c'),
    score: valueOf(node, 'Strategic_Score__c'),
    scoreCriteria: readScoreCriteria(valueOf(node, 'Score_Criteria__c')),
    balance: valueOf(node, 'Mutual_Value_Balance__c'),
    planHealth: valueOf(node, 'Plan_Health__c')
  };
}

/** Worst status among an account's active sponsorships; undefined when the status is hidden. */
export function sponsorStatusOf(statuses) {
  if (statuses.length === 0) {
    return SPONSOR_STATUS.NONE;
  }
  if (statuses.some((status) => status === undefined)) {
    return undefined;
  }
  for (const status of [SPONSOR_STATUS.OVERDUE, SPONSOR_STATUS.NO_ENGAGEMENT]) {
    if (statuses.includes(status)) {
      return status;
    }
  }
  return SPONSOR_STATUS.ON_CADENCE;
}

function planStatusOf(plans) {
  if (plans.some((plan) => plan.status === PLAN_STATUS.ACTIVE)) {
    return PLAN_STATUS.ACTIVE;
  }
  if (plans.some((plan) => plan.status === undefined)) {
    return undefined;
  }
  const draft = plans.find((plan) => plan.status === PLAN_STATUS.DRAFT);
  return draft ? PLAN_STATUS.DRAFT : PLAN_STATUS.NONE;
}

function groupBy(items, key) {
  const groups = new Map();
  items.forEach((item) => {
    const list = groups.get(item[key]) || [];
    list.push(item);
    groups.set(item[key], list);
  });
  return groups;
}

/**
 * One row per strategic account: its current metrics (blank before the sync's first run), the
 * worst status of its active sponsorships with the overdue sponsors' names, and its plan status.
 * `sponsorsReadable`/`plansReadable` false (object hidden from the user): status undefined.
 */
export function readStrategicAccounts(data) {
  const query = (data && data.uiapi && data.uiapi.query) || {};
  const metrics = new Map(
    recordsOf(data, 'strategicMetrics')
      .map(readMetric)
      .map((metric) => [metric.accountId, metric])
  );
  const sponsorsReadable = Boolean(query.Executive_Sponsor__c);
  const plansReadable = Boolean(query.Account_Plan__c);
  const sponsorships = groupBy(
    recordsOf(data, 'Executive_Sponsor__c').map((node) => ({
      accountId: valueOf(node, 'Account__c'),
      sponsorName: parentValueOf(node, 'Sponsor__r', 'Name'),
      status: valueOf(node, 'Engagement_Status__c')
    })),
    'accountId'
  );
  const plans = groupBy(
    recordsOf(data, 'Account_Plan__c').map((node) => ({
      accountId: valueOf(node, 'Account__c'),
      status: valueOf(node, 'Status__c'),
      label: displayOf(node, 'Status__c')
    })),
    'accountId'
  );
  return recordsOf(data, 'Account').map((node) => {
    const metric = metrics.get(node.Id) || {};
    const mine = sponsorships.get(node.Id) || [];
    const planStatus = plansReadable ? planStatusOf(plans.get(node.Id) || []) : undefined;
    const plan = (plans.get(node.Id) || []).find((p) => p.status === planStatus);
    return {
      revenueTtm: null,
      growthYoY: null,
      cagr3Y: null,
      score: null,
      balance: null,
      planHealth: null,
      scoreCriteria: [],
      ...metric,
      id: node.Id,
      name: valueOf(node, 'Name'),
      sponsorStatus: sponsorsReadable ? sponsorStatusOf(mine.map((s) => s.status)) : undefined,
      overdueSponsors: mine
        .filter((s) => s.status === SPONSOR_STATUS.OVERDUE)
        .map((s) => s.sponsorName)
        .filter(Boolean),
      planStatus,
      // The status as the org labels it for the user (translated picklist value).
      planStatusLabel: plan ? plan.label : undefined
    };
  });
}

/** Non-strategic accounts with a score, best first (the query ranks them), numbered from 1. */
export function readCandidates(data) {
  return recordsOf(data, 'candidateMetrics')
    .map(readMetric)
    .map((metric, index) => ({ ...metric, id: metric.accountId, rank: index + 1 }));
}

/**
 * The criteria that lift an account's score most: each with the points it adds,
 * 100 × weight × value ÷ Σ weights (the score is their sum), best first.
 */
export function strongestCriteria(criteria, count = 3) {
  const total = criteria.reduce((sum, part) => sum + part.weight, 0);
  if (total <= 0) {
    return [];
  }
  return criteria
    .map((part) => ({ ...part, points: (100 * part.weight * part.value) / total }))
    .filter((part) => part.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, count);
}

/**
 * Strategic accounts at risk and why (issue 15): revenue shrinking year over year, an overdue
 * sponsor, or no Active plan. Hidden or blank figures raise nothing.
 */
export function atRisk(accounts) {
  return accounts
    .map((account) => {
      const reasons = [];
      if (isNumber(account.growthYoY) && account.growthYoY < 0) {
        reasons.push({ code: 'decline', growthYoY: account.growthYoY });
      }
      if (account.sponsorStatus === SPONSOR_STATUS.OVERDUE) {
        reasons.push({ code: 'overdue', sponsors: account.overdueSponsors });
      }
      if (account.planStatus !== undefined && account.planStatus !== PLAN_STATUS.ACTIVE) {
        reasons.push({ code: 'noPlan' });
      }
      return { account, reasons };
    })
    .filter((entry) => entry.reasons.length > 0);
}

/** Mean plan health over the strategic accounts that have one (an Active plan and a sync run). */
export function averagePlanHealth(accounts) {
  const values = accounts.map((a) => a.planHealth).filter(isNumber);
  return {
    average: values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null,
    counted: values.length,
    total: accounts.length
  };
}

/**
 * Rows sorted by a field, nulls (blank or hidden) last whichever the direction; names compare
 * in the user's language.
 */
export function sortRows(rows, field, direction) {
  const sign = direction === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[field];
    const y = b[field];
    const xBlank = x === null || x === undefined;
    const yBlank = y === null || y === undefined;
    if (xBlank || yBlank) {
      return Number(xBlank) - Number(yBlank);
    }
    if (typeof x === 'string' || typeof y === 'string') {
      return sign * String(x).localeCompare(String(y));
    }
    return sign * (x - y);
  });
}
