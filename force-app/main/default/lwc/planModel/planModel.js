/**
 * From the account plan's GraphQL result to plain rows: the plans and which one is current, the
 * objectives, the initiatives, the metric snapshots (with the score's and health's parts), the
 * account and the newest sync request. Pure, so the reading rules are tested apart from the
 * template. Colours and honesty rules are in c/planStatus; the user's access in c/objectAccess.
 */
import { recordsOf, valueOf, displayOf, parentValueOf } from 'c/graphqlRecords';

/** The Active plan with the newest start date; null when the account has none. */
export function currentPlan(plans) {
  const active = plans.filter((plan) => plan.status === 'Active');
  if (active.length === 0) {
    return null;
  }
  return active.reduce((newest, plan) => {
    return String(plan.startDate || '') > String(newest.startDate || '') ? plan : newest;
  });
}

export function readPlans(data) {
  return recordsOf(data, 'Account_Plan__c').map((node) => ({
    id: node.Id,
    name: valueOf(node, 'Name'),
    status: valueOf(node, 'Status__c'),
    startDate: valueOf(node, 'Start_Date__c'),
    endDate: valueOf(node, 'End_Date__c'),
    customerObjectives: valueOf(node, 'Customer_Objectives__c'),
    valueProposition: valueOf(node, 'Value_Proposition__c'),
    strengths: valueOf(node, 'Strengths__c'),
    weaknesses: valueOf(node, 'Weaknesses__c'),
    opportunities: valueOf(node, 'Opportunities__c'),
    threats: valueOf(node, 'Threats__c'),
    revenueTarget: valueOf(node, 'Revenue_Target__c'),
    governanceCadence: valueOf(node, 'Governance_Cadence__c'),
    nextReview: valueOf(node, 'Next_Review__c'),
    influenceRating: valueOf(node, 'Influence_Rating__c'),
    coInnovationRating: valueOf(node, 'Co_Innovation_Rating__c'),
    collaborationRating: valueOf(node, 'Collaboration_Rating__c'),
    riskRating: valueOf(node, 'Risk_Rating__c')
  }));
}

export function readObjectives(data, planId) {
  return recordsOf(data, 'Plan_Objective__c')
    .filter((node) => valueOf(node, 'Account_Plan__c') === planId)
    .map((node) => ({
      id: node.Id,
      name: valueOf(node, 'Name'),
      category: valueOf(node, 'Category__c'),
      measure: valueOf(node, 'Measure__c'),
      targetValue: valueOf(node, 'Target_Value__c'),
      currentValue: valueOf(node, 'Current_Value__c'),
      dueDate: valueOf(node, 'Due_Date__c'),
      status: valueOf(node, 'Status__c'),
      ownerId: valueOf(node, 'Owner_User__c'),
      ownerName: parentValueOf(node, 'Owner_User__r', 'Name')
    }));
}

/**
 * The action plan under each objective: Tasks whose WhatId is the objective, by due date.
 * Map objectiveId → [{ id, subject, status, statusText, closed, dueDate, ownerName }].
 */
export function readObjectiveTasks(data) {
  const byObjective = new Map();
  recordsOf(data, 'Task').forEach((node) => {
    const objectiveId = valueOf(node, 'WhatId');
    const list = byObjective.get(objectiveId) || [];
    list.push({
      id: node.Id,
      subject: valueOf(node, 'Subject'),
      status: valueOf(node, 'Status'),
      statusText: displayOf(node, 'Status'),
      closed: valueOf(node, 'IsClosed') === true,
      dueDate: valueOf(node, 'ActivityDate'),
      ownerName: parentValueOf(node, 'Owner', 'Name')
    });
    byObjective.set(objectiveId, list);
  });
  return byObjective;
}

/** Completed tasks over all tasks: { done, total, percent } (percent null without tasks). */
export function taskCompletion(tasks) {
  const total = tasks.length;
  const done = tasks.filter((task) => task.closed).length;
  return { done, total, percent: total === 0 ? null : (100 * done) / total };
}

export function readInitiatives(data, planId) {
  return recordsOf(data, 'Joint_Initiative__c')
    .filter((node) => valueOf(node, 'Account_Plan__c') === planId)
    .map((node) => ({
      id: node.Id,
      name: valueOf(node, 'Name'),
      status: valueOf(node, 'Status__c'),
      startDate: valueOf(node, 'Start_Date__c'),
      targetDate: valueOf(node, 'Target_Date__c'),
      customerSponsorId: valueOf(node, 'Customer_Sponsor__c'),
      customerSponsorName: parentValueOf(node, 'Customer_Sponsor__r', 'Name'),
      internalOwnerName: parentValueOf(node, 'Internal_Owner__r', 'Name'),
      customerValueTarget: valueOf(node, 'Customer_Value_Target__c'),
      customerValueRealized: valueOf(node, 'Customer_Value_Realized__c'),
      supplierValueTarget: valueOf(node, 'Supplier_Value_Target__c'),
      supplierValueRealized: valueOf(node, 'Supplier_Value_Realized__c'),
      successMeasure: valueOf(node, 'Success_Measure__c')
    }));
}

/**
 * The criteria behind the strategic score (Score_Criteria__c, JSON the sync service writes):
 * [{ criterion, weight, value }]; [] when absent, hidden or unreadable.
 */
export function readScoreCriteria(json) {
  if (typeof json !== 'string' || json === '') {
    return [];
  }
  try {
    const parts = JSON.parse(json);
    return Array.isArray(parts)
      ? parts.filter(
          (part) =>
            part &&
            typeof part.criterion === 'string' &&
            typeof part.weight === 'number' &&
            typeof part.value === 'number'
        )
      : [];
  } catch {
    return [];
  }
}

const HEALTH_COMPONENTS = ['Plan', 'Relationships', 'Sponsorship', 'Execution'];

/**
 * The components behind plan health (Health_Checks__c, JSON the sync service writes):
 * [{ component, weight, failed: [{ code, value? }] }]; [] when absent, hidden or unreadable.
 */
export function readHealthChecks(json) {
  if (typeof json !== 'string' || json === '') {
    return [];
  }
  try {
    const parts = JSON.parse(json);
    return Array.isArray(parts)
      ? parts
          .filter(
            (part) =>
              part &&
              HEALTH_COMPONENTS.includes(part.component) &&
              typeof part.weight === 'number' &&
              Array.isArray(part.failed)
          )
          .map((part) => ({
            component: part.component,
            weight: part.weight,
            failed: part.failed.filter((check) => check && typeof check.code === 'string')
          }))
      : [];
  } catch {
    return [];
  }
}

/** Metric snapshots, newest period first (the query orders them so; sorted again to be sure). */
export function readMetrics(data) {
  return recordsOf(data, 'Account_Metric__c')
    .map((node) => ({
      id: node.Id,
      period: valueOf(node, 'Period__c'),
      asOf: valueOf(node, 'As_Of__c'),
      isCurrent: valueOf(node, 'Is_Current__c'),
      revenueQuarter: valueOf(node, 'Revenue_Quarter__c'),
      revenueTtm: valueOf(node, 'Revenue_TTM__c'),
      growthYoy: valueOf(node, 'Revenue_Growth_YoY__c'),
      cagr3y: valueOf(node, 'Revenue_CAGR_3Y__c'),
      pipeline12m: valueOf(node, 'Open_Pipeline_12M__c'),
      pipelineCoverage: valueOf(node, 'Pipeline_Coverage__c'),
      winRate: valueOf(node, 'Win_Rate__c'),
      mutualValueBalance: valueOf(node, 'Mutual_Value_Balance__c'),
      customerValue: valueOf(node, 'Customer_Value__c'),
      supplierValue: valueOf(node, 'Supplier_Value__c'),
      strategicScore: valueOf(node, 'Strategic_Score__c'),
      scoreCriteria: readScoreCriteria(valueOf(node, 'Score_Criteria__c')),
      planHealth: valueOf(node, 'Plan_Health__c'),
      healthPlan: valueOf(node, 'Health_Plan__c'),
      healthRelationships: valueOf(node, 'Health_Relationships__c'),
      healthSponsorship: valueOf(node, 'Health_Sponsorship__c'),
      healthExecution: valueOf(node, 'Health_Execution__c'),
      healthChecks: readHealthChecks(valueOf(node, 'Health_Checks__c'))
    }))
    .sort((a, b) => String(b.period || '').localeCompare(String(a.period || '')));
}

/**
 * The group's figures (the account with all its subsidiaries) from the current Hierarchy row;
 * null for an account without subsidiaries, which has no such row.
 */
export function readGroupMetric(data) {
  const [node] = recordsOf(data, 'GroupMetric');
  return node
    ? {
        revenueTtm: valueOf(node, 'Revenue_TTM__c'),
        growthYoy: valueOf(node, 'Revenue_Growth_YoY__c'),
        pipeline12m: valueOf(node, 'Open_Pipeline_12M__c')
      }
    : null;
}

/** The snapshot flagged current, else the newest one; null when there are none. */
export function latestMetric(metrics) {
  return metrics.find((metric) => metric.isCurrent === true) || metrics[0] || null;
}

/** The last `quarters` periods, oldest first, for the chart. */
export function chartPoints(metrics, quarters) {
  const count = Math.max(1, Math.min(12, Math.floor(Number(quarters) || 12)));
  return metrics
    .slice(0, count)
    .reverse()
    .map((metric) => ({
      period: metric.period,
      value: typeof metric.revenueQuarter === 'number' ? metric.revenueQuarter : null,
      partial: metric.isCurrent === true
    }));
}

/** The account's name. */
export function readAccount(data) {
  const [account] = recordsOf(data, 'Account');
  return { name: account ? valueOf(account, 'Name') : null };
}

const FINAL_SYNC_STATUSES = new Set(['Done', 'Failed']);

/** The newest recalculation request and whether the service is still working on it. */
export function readSyncRequest(data) {
  const [node] = recordsOf(data, 'Sync_Request__c');
  if (!node) {
    return null;
  }
  const status = valueOf(node, 'Status__c');
  return {
    id: node.Id,
    status,
    message: valueOf(node, 'Message__c'),
    inProgress: !FINAL_SYNC_STATUSES.has(status)
  };
}
