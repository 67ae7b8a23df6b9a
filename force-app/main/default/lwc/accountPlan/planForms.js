import { addDays, addYears, formatDate, formatLabel, truncate, NO_VALUE } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';

// What each record form opens with: the pure half of the account plan's actions, so the
// container only wires events to `PlanRecordModal.open`.

/** A new plan: Active, three years from today, first review in 90 days, named after the account. */
export function newPlanForm(accountId, accountName, today) {
  const end = addDays(addYears(today, 3), -1);
  const name = formatLabel(
    labels.planDefaultName,
    accountName || NO_VALUE,
    today.slice(0, 4),
    end.slice(0, 4)
  );
  return {
    kind: 'plan',
    parentId: accountId,
    defaults: {
      Name: truncate(name, 80),
      Status__c: 'Active',
      Start_Date__c: today,
      End_Date__c: end,
      Next_Review__c: addDays(today, 90)
    }
  };
}

export function editPlanForm(planId, accountId) {
  return { kind: 'plan', recordId: planId, parentId: accountId };
}

export function newObjectiveForm(planId) {
  return {
    kind: 'objective',
    parentId: planId,
    defaults: { Status__c: 'Not started', Category__c: 'Growth' }
  };
}

/** The record picker of a lookup starts on the record the objective already names. */
export function editObjectiveForm(objective, planId) {
  return {
    kind: 'objective',
    recordId: objective.id,
    parentId: planId,
    lookups: { Owner_User__c: objective.ownerId || null }
  };
}

export function newInitiativeForm(planId, today) {
  return {
    kind: 'initiative',
    parentId: planId,
    defaults: { Status__c: 'Proposed', Start_Date__c: today }
  };
}

export function editInitiativeForm(initiative, planId) {
  return {
    kind: 'initiative',
    recordId: initiative.id,
    parentId: planId,
    lookups: { Customer_Sponsor__c: initiative.customerSponsorId || null }
  };
}

/** A task under an objective: not started, assigned to the user unless they pick someone. */
export function newTaskForm(objectiveId, userId) {
  return {
    kind: 'task',
    parentId: objectiveId,
    defaults: { Status: 'Not Started' },
    lookups: { OwnerId: userId }
  };
}

/** The notice rows for Draft plans, each with its Activate button's title. */
export function draftPlanRows(plans) {
  return plans
    .filter((plan) => plan.status === 'Draft')
    .map((plan) => ({
      id: plan.id,
      text: formatLabel(labels.planDraftExists, plan.name || NO_VALUE, formatDate(plan.startDate)),
      activateTitle: formatLabel(labels.planActivateTitle, plan.name || NO_VALUE)
    }));
}
