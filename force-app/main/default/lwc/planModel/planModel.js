/**
 * From the account plan's GraphQL result to what the card shows: which plan is current, the
 * objectives' progress, the initiatives' mutual value and the latest metrics. Pure, so the
 * rules (which plan, what progress means) are tested apart from the template.
 */
import { recordsOf, valueOf, parentValueOf } from 'c/graphqlRecords';

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

/**
 * Progress toward an objective's target as a percentage (may exceed 100); null when it cannot
 * be computed (no target, a zero target, or no current value).
 */
export function progressPercent(current, target) {
  if (typeof current !== 'number' || typeof target !== 'number' || target === 0) {
    return null;
  }
  return (current / target) * 100;
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

/** Metric snapshots, newest period first (the query orders them so; sorted again to be sure). */
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

// ---- status and honesty rules shared by the plan's children ---------------------------------

const OBJECTIVE_TONE = {
  'On track': 'success',
  Achieved: 'success',
  'At risk': 'warning',
  'Off track': 'error'
};
const INITIATIVE_TONE = { Active: 'success', Completed: 'inverse' };
const OPEN_INITIATIVE = new Set(['Proposed', 'Active']);

/** Badge and bar colour of an objective's status: green on track, amber at risk, red off track. */
export function objectiveTone(status) {
  return OBJECTIVE_TONE[status] || 'neutral';
}

/** An open initiative (Proposed or Active) whose target date has passed. */
export function isInitiativeOverdue(initiative, today) {
  return (
    OPEN_INITIATIVE.has(initiative.status) &&
    typeof initiative.targetDate === 'string' &&
    initiative.targetDate < today
  );
}

export function initiativeTone(initiative, today) {
  return isInitiativeOverdue(initiative, today)
    ? 'error'
    : INITIATIVE_TONE[initiative.status] || 'neutral';
}

/**
 * Attainment: trailing-twelve-months revenue as a percentage of the plan's revenue target
 * (the revenue aimed for at plan end); null without a positive target or a known TTM.
 */
export function attainmentPercent(revenueTtm, revenueTarget) {
  if (typeof revenueTtm !== 'number' || typeof revenueTarget !== 'number' || revenueTarget <= 0) {
    return null;
  }
  return (revenueTtm / revenueTarget) * 100;
}

const NO_ACCESS = Object.freeze({
  createable: false,
  updateable: false,
  deletable: false,
  fields: {}
});

/**
 * What the user may do with each object, from getObjectInfos' `results` (UI API ObjectInfo):
 * { [apiName]: { createable, updateable, fields: { [field]: { createable, updateable } } } }.
 * An object whose info failed or has not arrived allows nothing, so no action shows too early.
 */
export function accessByObject(objectInfos, apiNames) {
  const access = {};
  apiNames.forEach((apiName) => {
    access[apiName] = NO_ACCESS;
  });
  const results = (objectInfos && objectInfos.results) || [];
  results.forEach(({ result, statusCode }) => {
    if (statusCode === 200 && result && access[result.apiName]) {
      access[result.apiName] = {
        createable: result.createable === true,
        updateable: result.updateable === true,
        deletable: result.deletable === true,
        fields: result.fields || {}
      };
    }
  });
  return access;
}
