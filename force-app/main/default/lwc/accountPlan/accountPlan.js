import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfos, getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import PLAN_OBJECT from '@salesforce/schema/Account_Plan__c';
import PLAN_STATUS from '@salesforce/schema/Account_Plan__c.Status__c';
import OBJECTIVE_OBJECT from '@salesforce/schema/Plan_Objective__c';
import INITIATIVE_OBJECT from '@salesforce/schema/Joint_Initiative__c';
import SYNC_REQUEST_OBJECT from '@salesforce/schema/Sync_Request__c';
import TASK_OBJECT from '@salesforce/schema/Task';
import USER_ID from '@salesforce/user/Id';
import PlanRecordModal from 'c/planRecordModal';
import { MASTER_RECORD_TYPE_ID, picklistLabeler } from 'c/picklistLabels';
import { todayIso } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { GraphqlWireMixin } from 'c/graphqlWire';
import { accessByObject } from 'c/objectAccess';
import {
  currentPlan,
  readAccount,
  readGroupMetric,
  readInitiatives,
  readMetrics,
  readObjectives,
  readObjectiveTasks,
  readPlans
} from 'c/planModel';
import { ACCOUNT_PLAN_QUERY } from './planQuery';
import {
  draftPlanRows,
  editInitiativeForm,
  editObjectiveForm,
  editPlanForm,
  newInitiativeForm,
  newObjectiveForm,
  newPlanForm,
  newTaskForm
} from './planForms';

const OBJECTS = [
  PLAN_OBJECT,
  OBJECTIVE_OBJECT,
  INITIATIVE_OBJECT,
  SYNC_REQUEST_OBJECT,
  TASK_OBJECT
];
const API_NAMES = OBJECTS.map((object) => object.objectApiName);
const [PLAN, OBJECTIVE, INITIATIVE, SYNC_REQUEST, TASK] = API_NAMES;

/**
 * The account plan on the Account record page. Owns the data (one GraphQL query, the user's
 * object access) and the writes; its children render and raise events: plan header, SWOT,
 * metrics, objectives, initiatives, recalculate; the record forms open in a modal.
 */
export default class AccountPlan extends GraphqlWireMixin(LightningElement) {
  @api recordId;
  /** How many quarters the revenue chart shows (design attribute, 4–12). */
  @api quartersShown = 12;
  /** Hides the SWOT quadrants on pages that show them elsewhere (design attribute). */
  @api hideSwot = false;

  labels = labels;
  actionErrors;

  get variables() {
    return { recordId: this.recordId };
  }

  @wire(graphql, {
    query: ACCOUNT_PLAN_QUERY,
    variables: '$variables',
    operationName: 'accountPlan'
  })
  wiredPlan(result) {
    this.receiveGraphql(result);
  }

  @wire(getObjectInfos, { objectApiNames: OBJECTS })
  objectInfos;

  // Status and category labels as the org defines them for the user (values added later too).
  @wire(getPicklistValuesByRecordType, {
    objectApiName: PLAN_OBJECT,
    recordTypeId: MASTER_RECORD_TYPE_ID
  })
  planPicklists;

  @wire(getPicklistValuesByRecordType, {
    objectApiName: OBJECTIVE_OBJECT,
    recordTypeId: MASTER_RECORD_TYPE_ID
  })
  objectivePicklists;

  @wire(getPicklistValuesByRecordType, {
    objectApiName: INITIATIVE_OBJECT,
    recordTypeId: MASTER_RECORD_TYPE_ID
  })
  initiativePicklists;

  // ---- what there is and what the user may do ------------------------------------------------

  get access() {
    return accessByObject(this.objectInfos && this.objectInfos.data, API_NAMES);
  }

  get can() {
    const a = this.access;
    const statusField = a[PLAN].fields[PLAN_STATUS.fieldApiName];
    return {
      createPlan: a[PLAN].createable,
      editPlan: a[PLAN].updateable,
      activateDraft: a[PLAN].updateable && Boolean(statusField && statusField.updateable),
      addObjective: a[OBJECTIVE].createable,
      editObjective: a[OBJECTIVE].updateable,
      addInitiative: a[INITIATIVE].createable,
      editInitiative: a[INITIATIVE].updateable,
      recalculate: a[SYNC_REQUEST].createable,
      // Planning work: who may create tasks and work on the objectives (not a sponsor, who reads).
      addTask: a[TASK].createable && a[OBJECTIVE].updateable
    };
  }

  get plans() {
    const label = picklistLabeler(this.planPicklists);
    return readPlans(this.data).map((plan) => ({
      ...plan,
      statusLabel: label('Status__c', plan.status)
    }));
  }

  get plan() {
    return currentPlan(this.plans);
  }

  get objectives() {
    const label = picklistLabeler(this.objectivePicklists);
    const tasks = readObjectiveTasks(this.data);
    return (this.plan ? readObjectives(this.data, this.plan.id) : []).map((objective) => ({
      ...objective,
      statusLabel: label('Status__c', objective.status),
      categoryLabel: label('Category__c', objective.category),
      tasks: tasks.get(objective.id) || []
    }));
  }

  get initiatives() {
    const label = picklistLabeler(this.initiativePicklists);
    return (this.plan ? readInitiatives(this.data, this.plan.id) : []).map((initiative) => ({
      ...initiative,
      statusLabel: label('Status__c', initiative.status)
    }));
  }

  get metrics() {
    return readMetrics(this.data);
  }

  get groupMetric() {
    return readGroupMetric(this.data);
  }

  get hasMetrics() {
    return this.metrics.length > 0;
  }

  get showSwot() {
    return !this.hideSwot;
  }

  get draftPlans() {
    return draftPlanRows(this.plans);
  }

  get hasDraftPlans() {
    return this.draftPlans.length > 0;
  }

  // ---- forms (lightning-record-edit-form in a modal) ---------------------------------------

  /** Opens the form; after a save every component on the page reloads. */
  async openForm(options) {
    this.actionErrors = undefined;
    const result = await PlanRecordModal.open({
      size: 'medium',
      accountId: this.recordId,
      ...options
    });
    if (!result) {
      return;
    }
    this.dispatchEvent(
      new ShowToastEvent({ title: labels.commonSaved, message: '', variant: 'success' })
    );
    // Every component on the page reloads (this one too, through its refresh handler).
    this.dispatchEvent(new RefreshEvent());
  }

  handleCreatePlan() {
    this.openForm(newPlanForm(this.recordId, readAccount(this.data).name, todayIso()));
  }

  handleEditPlan() {
    this.openForm(editPlanForm(this.plan.id, this.recordId));
  }

  handleAddObjective() {
    this.openForm(newObjectiveForm(this.plan.id));
  }

  handleEditObjective(event) {
    const objective = this.objectives.find((o) => o.id === event.detail.id);
    this.openForm(editObjectiveForm(objective, this.plan.id));
  }

  handleNewTask(event) {
    this.openForm(newTaskForm(event.detail.id, USER_ID));
  }

  handleAddInitiative() {
    this.openForm(newInitiativeForm(this.plan.id, todayIso()));
  }

  handleEditInitiative(event) {
    const initiative = this.initiatives.find((i) => i.id === event.detail.id);
    this.openForm(editInitiativeForm(initiative, this.plan.id));
  }

  async handleActivateDraft(event) {
    const id = event.currentTarget.dataset.id;
    this.actionErrors = undefined;
    try {
      await updateRecord({ fields: { Id: id, [PLAN_STATUS.fieldApiName]: 'Active' } });
      // Every component on the page reloads (this one too, through its refresh handler).
      this.dispatchEvent(new RefreshEvent());
    } catch (error) {
      this.actionErrors = error;
    }
  }

  handleRecalculated() {
    // Fresh metrics and derived fields (change alerts, engagement counts) for every component.
    this.dispatchEvent(new RefreshEvent());
  }
}
