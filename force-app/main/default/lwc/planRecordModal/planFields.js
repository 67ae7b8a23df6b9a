/**
 * The fields each plan form edits, as @salesforce/schema references so that a renamed or deleted
 * field fails the deployment instead of the user's save. lightning-record-edit-form reads their
 * labels, types, picklist values and the user's access from the org.
 */
import PLAN_OBJECT from '@salesforce/schema/Account_Plan__c';
import PLAN_ACCOUNT from '@salesforce/schema/Account_Plan__c.Account__c';
import PLAN_NAME from '@salesforce/schema/Account_Plan__c.Name';
import PLAN_STATUS from '@salesforce/schema/Account_Plan__c.Status__c';
import PLAN_START from '@salesforce/schema/Account_Plan__c.Start_Date__c';
import PLAN_END from '@salesforce/schema/Account_Plan__c.End_Date__c';
import PLAN_CUSTOMER_OBJECTIVES from '@salesforce/schema/Account_Plan__c.Customer_Objectives__c';
import PLAN_VALUE_PROPOSITION from '@salesforce/schema/Account_Plan__c.Value_Proposition__c';
import PLAN_STRENGTHS from '@salesforce/schema/Account_Plan__c.Strengths__c';
import PLAN_WEAKNESSES from '@salesforce/schema/Account_Plan__c.Weaknesses__c';
import PLAN_OPPORTUNITIES from '@salesforce/schema/Account_Plan__c.Opportunities__c';
import PLAN_THREATS from '@salesforce/schema/Account_Plan__c.Threats__c';
import PLAN_REVENUE_TARGET from '@salesforce/schema/Account_Plan__c.Revenue_Target__c';
import PLAN_GOVERNANCE from '@salesforce/schema/Account_Plan__c.Governance_Cadence__c';
import PLAN_NEXT_REVIEW from '@salesforce/schema/Account_Plan__c.Next_Review__c';
import PLAN_INFLUENCE from '@salesforce/schema/Account_Plan__c.Influence_Rating__c';
import PLAN_CO_INNOVATION from '@salesforce/schema/Account_Plan__c.Co_Innovation_Rating__c';
import PLAN_COLLABORATION from '@salesforce/schema/Account_Plan__c.Collaboration_Rating__c';
import PLAN_RISK from '@salesforce/schema/Account_Plan__c.Risk_Rating__c';
import OBJECTIVE_OBJECT from '@salesforce/schema/Plan_Objective__c';
import OBJECTIVE_PLAN from '@salesforce/schema/Plan_Objective__c.Account_Plan__c';
import OBJECTIVE_NAME from '@salesforce/schema/Plan_Objective__c.Name';
import OBJECTIVE_CATEGORY from '@salesforce/schema/Plan_Objective__c.Category__c';
import OBJECTIVE_MEASURE from '@salesforce/schema/Plan_Objective__c.Measure__c';
import OBJECTIVE_TARGET from '@salesforce/schema/Plan_Objective__c.Target_Value__c';
import OBJECTIVE_CURRENT from '@salesforce/schema/Plan_Objective__c.Current_Value__c';
import OBJECTIVE_DUE from '@salesforce/schema/Plan_Objective__c.Due_Date__c';
import OBJECTIVE_STATUS from '@salesforce/schema/Plan_Objective__c.Status__c';
import OBJECTIVE_OWNER from '@salesforce/schema/Plan_Objective__c.Owner_User__c';
import INITIATIVE_OBJECT from '@salesforce/schema/Joint_Initiative__c';
import INITIATIVE_PLAN from '@salesforce/schema/Joint_Initiative__c.Account_Plan__c';
import INITIATIVE_NAME from '@salesforce/schema/Joint_Initiative__c.Name';
import INITIATIVE_STATUS from '@salesforce/schema/Joint_Initiative__c.Status__c';
import INITIATIVE_START from '@salesforce/schema/Joint_Initiative__c.Start_Date__c';
import INITIATIVE_TARGET_DATE from '@salesforce/schema/Joint_Initiative__c.Target_Date__c';
import INITIATIVE_SPONSOR from '@salesforce/schema/Joint_Initiative__c.Customer_Sponsor__c';
import INITIATIVE_CUSTOMER_TARGET from '@salesforce/schema/Joint_Initiative__c.Customer_Value_Target__c';
import INITIATIVE_CUSTOMER_REALIZED from '@salesforce/schema/Joint_Initiative__c.Customer_Value_Realized__c';
import INITIATIVE_SUPPLIER_TARGET from '@salesforce/schema/Joint_Initiative__c.Supplier_Value_Target__c';
import INITIATIVE_SUPPLIER_REALIZED from '@salesforce/schema/Joint_Initiative__c.Supplier_Value_Realized__c';
import INITIATIVE_SUCCESS from '@salesforce/schema/Joint_Initiative__c.Success_Measure__c';
import TASK_OBJECT from '@salesforce/schema/Task';
import TASK_WHAT from '@salesforce/schema/Task.WhatId';
import TASK_SUBJECT from '@salesforce/schema/Task.Subject';
import TASK_DUE from '@salesforce/schema/Task.ActivityDate';
import TASK_STATUS from '@salesforce/schema/Task.Status';
import TASK_DESCRIPTION from '@salesforce/schema/Task.Description';
import TASK_OWNER from '@salesforce/schema/Task.OwnerId';

const names = (...fields) => fields.map((field) => field.fieldApiName);

/**
 * Per form: the object, the lookup to the parent a new record is created under, the fields in
 * two columns (`half`) and full width (`wide`), and `pickers` (lookups chosen with
 * lightning-record-picker; `ofAccount` limits contacts to the plan's account).
 * `name`/`nameFrom`: the record name repeats another field (shortened) so lists read well.
 */
export const PLAN_FORMS = {
  plan: {
    object: PLAN_OBJECT.objectApiName,
    parent: PLAN_ACCOUNT.fieldApiName,
    headings: ['planCreatePlan', 'planEditPlan'],
    half: names(
      PLAN_NAME,
      PLAN_STATUS,
      PLAN_START,
      PLAN_END,
      PLAN_REVENUE_TARGET,
      PLAN_GOVERNANCE,
      PLAN_NEXT_REVIEW,
      PLAN_INFLUENCE,
      PLAN_CO_INNOVATION,
      PLAN_COLLABORATION,
      PLAN_RISK
    ),
    wide: names(
      PLAN_CUSTOMER_OBJECTIVES,
      PLAN_VALUE_PROPOSITION,
      PLAN_STRENGTHS,
      PLAN_WEAKNESSES,
      PLAN_OPPORTUNITIES,
      PLAN_THREATS
    ),
    pickers: []
  },
  objective: {
    object: OBJECTIVE_OBJECT.objectApiName,
    parent: OBJECTIVE_PLAN.fieldApiName,
    headings: ['planAddObjective', 'planEditObjective'],
    name: OBJECTIVE_NAME.fieldApiName,
    nameFrom: OBJECTIVE_MEASURE.fieldApiName,
    half: names(
      OBJECTIVE_CATEGORY,
      OBJECTIVE_STATUS,
      OBJECTIVE_TARGET,
      OBJECTIVE_CURRENT,
      OBJECTIVE_DUE
    ),
    wide: names(OBJECTIVE_MEASURE),
    pickers: [{ field: OBJECTIVE_OWNER.fieldApiName, object: 'User', label: 'planObjectiveOwner' }]
  },
  initiative: {
    object: INITIATIVE_OBJECT.objectApiName,
    parent: INITIATIVE_PLAN.fieldApiName,
    headings: ['planAddInitiative', 'planEditInitiative'],
    half: names(
      INITIATIVE_NAME,
      INITIATIVE_STATUS,
      INITIATIVE_START,
      INITIATIVE_TARGET_DATE,
      INITIATIVE_CUSTOMER_TARGET,
      INITIATIVE_CUSTOMER_REALIZED,
      INITIATIVE_SUPPLIER_TARGET,
      INITIATIVE_SUPPLIER_REALIZED
    ),
    wide: names(INITIATIVE_SUCCESS),
    pickers: [
      {
        field: INITIATIVE_SPONSOR.fieldApiName,
        object: 'Contact',
        label: 'planInitiativeSponsor',
        ofAccount: true
      }
    ]
  },
  // A step of an objective's action plan: a Task related to the objective (WhatId).
  task: {
    object: TASK_OBJECT.objectApiName,
    parent: TASK_WHAT.fieldApiName,
    headings: ['tasksNew', 'tasksNew'],
    half: names(TASK_SUBJECT, TASK_DUE, TASK_STATUS),
    wide: names(TASK_DESCRIPTION),
    pickers: [{ field: TASK_OWNER.fieldApiName, object: 'User', label: 'tasksOwner' }]
  }
};
