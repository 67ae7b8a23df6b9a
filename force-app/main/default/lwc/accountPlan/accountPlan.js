import { LightningElement, api, wire } from 'lwc';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent, registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import PLAN_OBJECT from '@salesforce/schema/Account_Plan__c';
import PLAN_STATUS from '@salesforce/schema/Account_Plan__c.Status__c';
import OBJECTIVE_OBJECT from '@salesforce/schema/Plan_Objective__c';
import INITIATIVE_OBJECT from '@salesforce/schema/Joint_Initiative__c';
import SYNC_REQUEST_OBJECT from '@salesforce/schema/Sync_Request__c';
import {
  addDays,
  addYears,
  formatDate,
  formatLabel,
  todayIso,
  truncate,
  NO_VALUE
} from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import {
  accessByObject,
  currentPlan,
  readAccount,
  readInitiatives,
  readMetrics,
  readObjectives,
  readPlans
} from 'c/planModel';
import { ACCOUNT_PLAN_QUERY } from './planQuery';

const OBJECTS = [PLAN_OBJECT, OBJECTIVE_OBJECT, INITIATIVE_OBJECT, SYNC_REQUEST_OBJECT];
const API_NAMES = OBJECTS.map((object) => object.objectApiName);
const [PLAN, OBJECTIVE, INITIATIVE, SYNC_REQUEST] = API_NAMES;

/**
 * The account plan on the Account record page. Owns the data (one GraphQL query, the user's
 * object access) and the writes; its children render and raise events: plan header, SWOT,
 * metrics, objectives, initiatives, recalculate, and the record form.
 */
export default class AccountPlan extends LightningElement {
  @api recordId;
  /** How many quarters the revenue chart shows (design attribute, 4–12). */
  @api quartersShown = 12;
  /** Hides the SWOT quadrants on pages that show them elsewhere (design attribute). */
  @api hideSwot = false;

  labels = labels;
  planResult;
  data;
  errors;
  /** { kind, record, prefill, parentId } while a form is open. */
  editing;
  saving = false;
  formErrors;
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
    this.planResult = result;
    if (result.data) {
      this.data = result.data;
      this.errors = undefined;
    } else if (result.errors) {
      this.errors = result.errors;
    }
  }

  @wire(getObjectInfos, { objectApiNames: OBJECTS })
  objectInfos;

  // ---- what there is and what the user may do ------------------------------------------------

  connectedCallback() {
    this.refreshHandlerId = registerRefreshHandler(this, this.refreshData);
  }

  disconnectedCallback() {
    unregisterRefreshHandler(this.refreshHandlerId);
  }

  /** Another component changed records this one shows (a RefreshEvent reached the page). */
  refreshData() {
    return refreshGraphQL(this.planResult);
  }

  get isLoading() {
    return !this.data && !this.errors;
  }

  get hasLoadError() {
    return !this.data && Boolean(this.errors);
  }

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
      recalculate: a[SYNC_REQUEST].createable
    };
  }

  get plans() {
    return readPlans(this.data);
  }

  get plan() {
    return currentPlan(this.plans);
  }

  get objectives() {
    return this.plan ? readObjectives(this.data, this.plan.id) : [];
  }

  get initiatives() {
    return this.plan ? readInitiatives(this.data, this.plan.id) : [];
  }

  get metrics() {
    return readMetrics(this.data);
  }

  get hasMetrics() {
    return this.metrics.length > 0;
  }

  get contacts() {
    return readAccount(this.data).contacts;
  }

  get showSwot() {
    return !this.hideSwot;
  }

  get draftPlans() {
    return this.plans
      .filter((plan) => plan.status === 'Draft')
      .map((plan) => ({
        id: plan.id,
        text: formatLabel(
          labels.planDraftExists,
          plan.name || NO_VALUE,
          formatDate(plan.startDate)
        ),
        activateTitle: formatLabel(labels.planActivateTitle, plan.name || NO_VALUE)
      }));
  }

  get hasDraftPlans() {
    return this.draftPlans.length > 0;
  }

  // ---- forms ------------------------------------------------------------------------------

  get editingPlan() {
    return this.editing && this.editing.kind === 'plan';
  }

  get editingObjective() {
    return this.editing && this.editing.kind === 'objective';
  }

  get editingInitiative() {
    return this.editing && this.editing.kind === 'initiative';
  }

  get fieldAccess() {
    const apiName = { plan: PLAN, objective: OBJECTIVE, initiative: INITIATIVE }[this.editing.kind];
    return this.access[apiName].fields;
  }

  open(kind, record, prefill, parentId) {
    this.editing = { kind, record: record || null, prefill: prefill || null, parentId };
    this.formErrors = undefined;
    this.actionErrors = undefined;
  }

  handleCreatePlan() {
    const today = todayIso();
    const end = addDays(addYears(today, 3), -1);
    const accountName = readAccount(this.data).name || NO_VALUE;
    const name = formatLabel(
      labels.planDefaultName,
      accountName,
      today.slice(0, 4),
      end.slice(0, 4)
    );
    this.open(
      'plan',
      null,
      {
        name: truncate(name, 80),
        status: 'Active',
        startDate: today,
        endDate: end,
        nextReview: addDays(today, 90)
      },
      this.recordId
    );
  }

  handleEditPlan() {
    this.open('plan', this.plan, null, this.recordId);
  }

  handleAddObjective() {
    this.open('objective', null, { status: 'Not started', category: 'Growth' }, this.plan.id);
  }

  handleEditObjective(event) {
    this.open(
      'objective',
      this.objectives.find((o) => o.id === event.detail.id),
      null,
      this.plan.id
    );
  }

  handleAddInitiative() {
    this.open('initiative', null, { status: 'Proposed', startDate: todayIso() }, this.plan.id);
  }

  handleEditInitiative(event) {
    this.open(
      'initiative',
      this.initiatives.find((i) => i.id === event.detail.id),
      null,
      this.plan.id
    );
  }

  handleCancelEdit() {
    this.editing = undefined;
    this.formErrors = undefined;
  }

  async handleSave(event) {
    const { apiName, id, fields } = event.detail;
    this.saving = true;
    this.formErrors = undefined;
    try {
      if (!id) {
        await createRecord({ apiName, fields });
      } else if (Object.keys(fields).length > 0) {
        await updateRecord({ fields: { Id: id, ...fields } });
      }
      this.editing = undefined;
      this.dispatchEvent(
        new ShowToastEvent({ title: labels.commonSaved, message: '', variant: 'success' })
      );
      // Every component on the page reloads (this one too, through its refresh handler).
      this.dispatchEvent(new RefreshEvent());
    } catch (error) {
      this.formErrors = error;
    } finally {
      this.saving = false;
    }
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
