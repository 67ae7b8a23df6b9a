/**
 * Objects and fields the account plan writes, as @salesforce/schema references so that a
 * renamed or deleted field fails the deployment instead of the user's save.
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

/**
 * Form fields per object: `key` is the property of the plan model (planModel.js), `type` how
 * it is edited, `label` a key of c/tandemLabels, `picklist` a picklist of c/tandemLabels.
 */
export const PLAN_FORM = {
  object: PLAN_OBJECT,
  parent: PLAN_ACCOUNT,
  fields: [
    {
      key: 'name',
      field: PLAN_NAME,
      type: 'text',
      label: 'planFieldName',
      required: true,
      maxLength: 80
    },
    {
      key: 'status',
      field: PLAN_STATUS,
      type: 'picklist',
      picklist: 'planStatus',
      label: 'planFieldStatus',
      required: true
    },
    { key: 'startDate', field: PLAN_START, type: 'date', label: 'planFieldStart', required: true },
    { key: 'endDate', field: PLAN_END, type: 'date', label: 'planFieldEnd', required: true },
    {
      key: 'revenueTarget',
      field: PLAN_REVENUE_TARGET,
      type: 'currency',
      label: 'planFieldRevenueTarget'
    },
    {
      key: 'governanceCadence',
      field: PLAN_GOVERNANCE,
      type: 'text',
      label: 'planFieldGovernance',
      maxLength: 255
    },
    { key: 'nextReview', field: PLAN_NEXT_REVIEW, type: 'date', label: 'planFieldNextReview' },
    {
      key: 'customerObjectives',
      field: PLAN_CUSTOMER_OBJECTIVES,
      type: 'textarea',
      label: 'planCustomerObjectives'
    },
    {
      key: 'valueProposition',
      field: PLAN_VALUE_PROPOSITION,
      type: 'textarea',
      label: 'planValueProposition'
    },
    { key: 'strengths', field: PLAN_STRENGTHS, type: 'textarea', label: 'planStrengths' },
    { key: 'weaknesses', field: PLAN_WEAKNESSES, type: 'textarea', label: 'planWeaknesses' },
    {
      key: 'opportunities',
      field: PLAN_OPPORTUNITIES,
      type: 'textarea',
      label: 'planOpportunities'
    },
    { key: 'threats', field: PLAN_THREATS, type: 'textarea', label: 'planThreats' },
    {
      key: 'influenceRating',
      field: PLAN_INFLUENCE,
      type: 'rating',
      label: 'planFieldInfluenceRating'
    },
    {
      key: 'coInnovationRating',
      field: PLAN_CO_INNOVATION,
      type: 'rating',
      label: 'planFieldCoInnovationRating'
    },
    {
      key: 'collaborationRating',
      field: PLAN_COLLABORATION,
      type: 'rating',
      label: 'planFieldCollaborationRating'
    },
    { key: 'riskRating', field: PLAN_RISK, type: 'rating', label: 'planFieldRiskRating' }
  ]
};

export const OBJECTIVE_FORM = {
  object: OBJECTIVE_OBJECT,
  parent: OBJECTIVE_PLAN,
  // The record name repeats the measure (shortened), so lists and lookups read well.
  name: OBJECTIVE_NAME,
  nameFrom: 'measure',
  fields: [
    {
      key: 'measure',
      field: OBJECTIVE_MEASURE,
      type: 'text',
      label: 'planObjectiveMeasure',
      required: true,
      maxLength: 255
    },
    {
      key: 'category',
      field: OBJECTIVE_CATEGORY,
      type: 'picklist',
      picklist: 'objectiveCategory',
      label: 'planObjectiveCategory'
    },
    {
      key: 'status',
      field: OBJECTIVE_STATUS,
      type: 'picklist',
      picklist: 'objectiveStatus',
      label: 'planObjectiveStatus'
    },
    { key: 'targetValue', field: OBJECTIVE_TARGET, type: 'number', label: 'planObjectiveTarget' },
    {
      key: 'currentValue',
      field: OBJECTIVE_CURRENT,
      type: 'number',
      label: 'planObjectiveCurrent'
    },
    { key: 'dueDate', field: OBJECTIVE_DUE, type: 'date', label: 'planObjectiveDue' },
    { key: 'ownerId', field: OBJECTIVE_OWNER, type: 'user', label: 'planObjectiveOwner' }
  ]
};

export const INITIATIVE_FORM = {
  object: INITIATIVE_OBJECT,
  parent: INITIATIVE_PLAN,
  fields: [
    {
      key: 'name',
      field: INITIATIVE_NAME,
      type: 'text',
      label: 'planInitiativeName',
      required: true,
      maxLength: 80
    },
    {
      key: 'status',
      field: INITIATIVE_STATUS,
      type: 'picklist',
      picklist: 'initiativeStatus',
      label: 'planInitiativeStatus'
    },
    { key: 'startDate', field: INITIATIVE_START, type: 'date', label: 'planInitiativeStart' },
    {
      key: 'targetDate',
      field: INITIATIVE_TARGET_DATE,
      type: 'date',
      label: 'planInitiativeTargetDate'
    },
    {
      key: 'customerSponsorId',
      field: INITIATIVE_SPONSOR,
      type: 'contact',
      label: 'planInitiativeSponsor'
    },
    {
      key: 'customerValueTarget',
      field: INITIATIVE_CUSTOMER_TARGET,
      type: 'currency',
      label: 'planInitiativeCustomerTarget'
    },
    {
      key: 'customerValueRealized',
      field: INITIATIVE_CUSTOMER_REALIZED,
      type: 'currency',
      label: 'planInitiativeCustomerRealized'
    },
    {
      key: 'supplierValueTarget',
      field: INITIATIVE_SUPPLIER_TARGET,
      type: 'currency',
      label: 'planInitiativeSupplierTarget'
    },
    {
      key: 'supplierValueRealized',
      field: INITIATIVE_SUPPLIER_REALIZED,
      type: 'currency',
      label: 'planInitiativeSupplierRealized'
    },
    {
      key: 'successMeasure',
      field: INITIATIVE_SUCCESS,
      type: 'text',
      label: 'planInitiativeSuccess',
      maxLength: 255
    }
  ]
};
