/**
 * From the portfolio's GraphQL result to one entry per sponsorship (with its account's current
 * metrics and plan), in the order a sponsor works through them. Pure, tested apart from the
 * template. As elsewhere `undefined` means a field hidden from the user and `null` a blank one.
 */
import { recordsOf, valueOf, displayOf, parentValueOf } from 'c/graphqlRecords';
import { ENGAGEMENT, engagementState } from 'c/sponsorCadence';

const byAccount = (nodes) => {
  const map = new Map();
  nodes.forEach((node) => {
    const accountId = valueOf(node, 'Account__c');
    if (!map.has(accountId)) {
      map.set(accountId, node);
    }
  });
  return map;
};

/** The Active plan, else the newest Draft (plans arrive newest first). */
function livePlans(data) {
  const nodes = recordsOf(data, 'Account_Plan__c');
  const active = nodes.filter((node) => valueOf(node, 'Status__c') === 'Active');
  return byAccount([...active, ...nodes]);
}

export function readPortfolio(data) {
  const metrics = byAccount(recordsOf(data, 'Account_Metric__c'));
  const plans = livePlans(data);
  return recordsOf(data, 'Executive_Sponsor__c').map((node) => {
    const accountId = valueOf(node, 'Account__c');
    const metric = metrics.get(accountId);
    const plan = plans.get(accountId);
    return {
      id: node.Id,
      accountId,
      accountName: parentValueOf(node, 'Account__r', 'Name'),
      sponsorId: valueOf(node, 'Sponsor__c'),
      sponsorName: parentValueOf(node, 'Sponsor__r', 'Name'),
      counterpartId: valueOf(node, 'Customer_Counterpart__c'),
      counterpartName: parentValueOf(node, 'Customer_Counterpart__r', 'Name'),
      counterpartTitle: parentValueOf(node, 'Customer_Counterpart__r', 'Title'),
      cadenceDays: valueOf(node, 'Cadence_Days__c'),
      lastEngagement: valueOf(node, 'Last_Engagement__c'),
      nextEngagement: valueOf(node, 'Next_Engagement__c'),
      daysSinceEngagement: valueOf(node, 'Days_Since_Engagement__c'),
      engagementStatus: valueOf(node, 'Engagement_Status__c'),
      metric: metric
        ? {
            revenueTtm: valueOf(metric, 'Revenue_TTM__c'),
            growthYoy: valueOf(metric, 'Revenue_Growth_YoY__c'),
            strategicScore: valueOf(metric, 'Strategic_Score__c'),
            currency: valueOf(metric, 'CurrencyIsoCode')
          }
        : null,
      plan: plan
        ? {
            status: valueOf(plan, 'Status__c'),
            statusLabel: displayOf(plan, 'Status__c'),
            nextReview: valueOf(plan, 'Next_Review__c')
          }
        : null
    };
  });
}

/** The stakeholder records of the account's counterparts (to note their last interaction). */
export function readStakeholders(data, accountId) {
  return recordsOf(data, 'Stakeholder__c')
    .filter((node) => valueOf(node, 'Account__c') === accountId)
    .map((node) => ({
      id: node.Id,
      contactId: valueOf(node, 'Contact__c'),
      lastInteraction: valueOf(node, 'Last_Interaction__c')
    }));
}

const STATUS_RANK = { [ENGAGEMENT.OVERDUE]: 0, [ENGAGEMENT.NONE]: 1, [ENGAGEMENT.ON_CADENCE]: 2 };
const LATEST = '9999-12-31';

/**
 * Work order: overdue first (longest silence first), then those never engaged, then those on
 * cadence (the next engagement due soonest first), then those whose status the user cannot see;
 * ties by account name. Each entry gains `state` ({ status, daysSince }, see engagementState).
 */
export function orderPortfolio(entries, today) {
  return entries
    .map((entry) => ({ ...entry, state: engagementState(entry, today) }))
    .sort((a, b) => {
      const rank = (e) => (e.state.status in STATUS_RANK ? STATUS_RANK[e.state.status] : 3);
      if (rank(a) !== rank(b)) {
        return rank(a) - rank(b);
      }
      if (a.state.status === ENGAGEMENT.OVERDUE) {
        const bySilence = (b.state.daysSince || 0) - (a.state.daysSince || 0);
        if (bySilence !== 0) {
          return bySilence;
        }
      }
      if (a.state.status === ENGAGEMENT.ON_CADENCE) {
        const byNext = String(a.nextEngagement || LATEST).localeCompare(
          String(b.nextEngagement || LATEST)
        );
        if (byNext !== 0) {
          return byNext;
        }
      }
      return String(a.accountName || '').localeCompare(String(b.accountName || ''));
    });
}
