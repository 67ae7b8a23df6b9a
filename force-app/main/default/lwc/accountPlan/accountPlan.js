import { LightningElement, api, wire } from 'lwc';
import { graphql, gql, refreshGraphQL } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
  addDays,
  addYears,
  formatCurrency,
  formatDate,
  formatLabel,
  formatNumber,
  formatPercent,
  formatRatio,
  todayIso,
  truncate,
  NO_VALUE
} from 'c/tandemFormat';
import { labels, picklistLabel, picklistOptions } from 'c/tandemLabels';
import {
  chartPoints,
  currentPlan,
  latestMetric,
  progressPercent,
  readAccount,
  readInitiatives,
  readMetrics,
  readObjectives,
  readPlans,
  readSyncRequest
} from './planModel';
import {
  INITIATIVE_FORM,
  OBJECTIVE_FORM,
  PLAN_FORM,
  PLAN_STATUS_FIELD,
  SYNC_REQUEST
} from './planSchema';

// ---- GraphQL queries (the only reads of this component) ------------------------------------
// 1. accountPlan: the account's plans, their objectives and joint initiatives (filtered through
//    the plan's account), the last 12 metric snapshots, the account's name and its contacts.
const ACCOUNT_PLAN_QUERY = gql`
  query accountPlan($recordId: ID) {
    uiapi {
      query {
        Account(where: { Id: { eq: $recordId } }, first: 1) {
          edges {
            node {
              Id
              Name {
                value
              }
            }
          }
        }
        Account_Plan__c(
          where: { Account__c: { eq: $recordId } }
          orderBy: { Start_Date__c: { order: DESC } }
          first: 50
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Status__c {
                value
              }
              Start_Date__c {
                value
              }
              End_Date__c {
                value
              }
              Customer_Objectives__c {
                value
              }
              Value_Proposition__c {
                value
              }
              Strengths__c {
                value
              }
              Weaknesses__c {
                value
              }
              Opportunities__c {
                value
              }
              Threats__c {
                value
              }
              Revenue_Target__c {
                value
              }
              Governance_Cadence__c {
                value
              }
              Next_Review__c {
                value
              }
              Influence_Rating__c {
                value
              }
              Co_Innovation_Rating__c {
                value
              }
              Collaboration_Rating__c {
                value
              }
              Risk_Rating__c {
                value
              }
            }
          }
        }
        Plan_Objective__c(
          where: { Account_Plan__r: { Account__c: { eq: $recordId } } }
          orderBy: { Due_Date__c: { order: ASC, nulls: LAST } }
          first: 200
        ) {
          edges {
            node {
              Id
              Account_Plan__c {
                value
              }
              Name {
                value
              }
              Category__c {
                value
              }
              Measure__c {
                value
              }
              Target_Value__c {
                value
              }
              Current_Value__c {
                value
              }
              Due_Date__c {
                value
              }
              Status__c {
                value
              }
              Owner_User__c {
                value
              }
              Owner_User__r {
                Name {
                  value
                }
              }
            }
          }
        }
        Joint_Initiative__c(
          where: { Account_Plan__r: { Account__c: { eq: $recordId } } }
          orderBy: { Target_Date__c: { order: ASC, nulls: LAST } }
          first: 200
        ) {
          edges {
            node {
              Id
              Account_Plan__c {
                value
              }
              Name {
                value
              }
              Status__c {
                value
              }
              Start_Date__c {
                value
              }
              Target_Date__c {
                value
              }
              Customer_Sponsor__c {
                value
              }
              Customer_Sponsor__r {
                Name {
                  value
                }
              }
              Internal_Owner__r {
                Name {
                  value
                }
              }
              Customer_Value_Target__c {
                value
              }
              Customer_Value_Realized__c {
                value
              }
              Supplier_Value_Target__c {
                value
              }
              Supplier_Value_Realized__c {
                value
              }
              Success_Measure__c {
                value
              }
            }
          }
        }
        Account_Metric__c(
          where: { Account__c: { eq: $recordId } }
          orderBy: { Period__c: { order: DESC } }
          first: 12
        ) {
          edges {
            node {
              Id
              Period__c {
                value
              }
              As_Of__c {
                value
              }
              Is_Current__c {
                value
              }
              Revenue_Quarter__c {
                value
              }
              Revenue_TTM__c {
                value
              }
              Revenue_Growth_YoY__c {
                value
              }
              Revenue_CAGR_3Y__c {
                value
              }
              Open_Pipeline_12M__c {
                value
              }
              Pipeline_Coverage__c {
                value
              }
              Win_Rate__c {
                value
              }
              Mutual_Value_Balance__c {
                value
              }
              Strategic_Score__c {
                value
              }
            }
          }
        }
        Contact(
          where: { AccountId: { eq: $recordId } }
          orderBy: { Name: { order: ASC } }
          first: 200
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
            }
          }
        }
      }
    }
  }
`;

// 2. accountPlanSync: the newest "recalculate" request, polled while the service works on it.
const SYNC_STATUS_QUERY = gql`
  query accountPlanSync($recordId: ID) {
    uiapi {
      query {
        Sync_Request__c(
          where: { Account__c: { eq: $recordId } }
          orderBy: { CreatedDate: { order: DESC } }
          first: 1
        ) {
          edges {
            node {
              Id
              Status__c {
                value
              }
              Message__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;
// ---- end of GraphQL queries ----------------------------------------------------------------

const POLL_INTERVAL_MS = 5000;
// About ten minutes: long enough for a queued sync, short enough not to poll a stopped service forever.
const MAX_POLLS = 120;
const FORMS = { plan: PLAN_FORM, objective: OBJECTIVE_FORM, initiative: INITIATIVE_FORM };
const NUMERIC_TYPES = new Set(['number', 'currency', 'rating']);
const RATING_OPTIONS = ['1', '2', '3', '4', '5'].map((value) => ({ value, label: value }));

const OBJECTIVE_STATUS_CLASS = {
  'On track': 'slds-badge slds-theme_success',
  Achieved: 'slds-badge slds-theme_success',
  'At risk': 'slds-badge slds-theme_warning',
  'Off track': 'slds-badge slds-theme_error'
};
const INITIATIVE_STATUS_CLASS = {
  Active: 'slds-badge slds-theme_success',
  Completed: 'slds-badge slds-badge_inverse',
  Cancelled: 'slds-badge slds-theme_shade'
};

function toInput(value) {
  return value === null || value === undefined ? '' : String(value);
}

function fromInput(spec, raw) {
  if (raw === '' || raw === null || raw === undefined) {
    return null;
  }
  if (NUMERIC_TYPES.has(spec.type)) {
    const number = Number(raw);
    return Number.isFinite(number) ? number : null;
  }
  return typeof raw === 'string' ? raw.trim() || null : raw;
}

function normalized(value) {
  return value === undefined || value === '' ? null : value;
}

/**
 * The account plan on the Account record page: the Active plan with its objectives, joint
 * initiatives and SWOT, the latest growth and mutual-value metrics with a quarterly revenue
 * chart, and "Recalculate", which asks the sync service for fresh metrics.
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
  syncResult;
  syncRequest;
  awaitedRequestId;
  pollTimer;
  pollCount = 0;
  pollTimedOut = false;
  requesting = false;
  editing;
  saving = false;
  formErrors;
  formMessage;
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
    const { data, errors } = result;
    if (data) {
      this.data = data;
      this.errors = undefined;
    } else if (errors) {
      this.errors = errors;
    }
  }

  @wire(graphql, {
    query: SYNC_STATUS_QUERY,
    variables: '$variables',
    operationName: 'accountPlanSync'
  })
  wiredSync(result) {
    this.syncResult = result;
    if (!result.data) {
      return;
    }
    const latest = readSyncRequest(result.data);
    if (this.awaitedRequestId && (!latest || latest.id !== this.awaitedRequestId)) {
      // An older answer than our own request (cache); keep waiting for ours.
      return;
    }
    this.syncRequest = latest;
    if (latest && latest.inProgress) {
      this.startPolling();
    } else if (this.pollTimer) {
      this.stopPolling();
      if (latest && latest.status === 'Done') {
        refreshGraphQL(this.planResult);
      }
    }
  }

  disconnectedCallback() {
    this.stopPolling();
  }

  startPolling() {
    if (this.pollTimer) {
      return;
    }
    this.pollCount = 0;
    this.pollTimedOut = false;
    // Polling is the only way to see the service's progress: the record is written by it.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.pollTimer = setInterval(() => {
      this.pollCount += 1;
      if (this.pollCount > MAX_POLLS) {
        this.stopPolling();
        this.pollTimedOut = true;
        return;
      }
      refreshGraphQL(this.syncResult);
    }, POLL_INTERVAL_MS);
  }

  stopPolling() {
    if (this.pollTimer) {
      clearInterval(this.pollTimer);
      this.pollTimer = undefined;
    }
  }

  // ---- states ------------------------------------------------------------------------------

  get isLoading() {
    return !this.data && !this.errors;
  }

  get hasLoadError() {
    return !this.data && Boolean(this.errors);
  }

  get isEditingPlan() {
    return Boolean(this.editing) && this.editing.kind === 'plan';
  }

  get plans() {
    return readPlans(this.data);
  }

  get plan() {
    return currentPlan(this.plans);
  }

  get hasPlan() {
    return Boolean(this.plan);
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

  // ---- plan header, objectives text and SWOT -------------------------------------------------

  get planView() {
    const plan = this.plan;
    const text = (value) => (value === undefined ? null : value || NO_VALUE);
    return {
      name: plan.name || NO_VALUE,
      statusText: picklistLabel('planStatus', plan.status),
      periodText: formatLabel(
        labels.planPeriod,
        formatDate(plan.startDate),
        formatDate(plan.endDate)
      ),
      showNextReview: plan.nextReview !== undefined,
      nextReviewText: formatDate(plan.nextReview),
      showGovernance: Boolean(plan.governanceCadence),
      governanceText: plan.governanceCadence,
      showRevenueTarget: plan.revenueTarget !== undefined,
      revenueTargetText: formatCurrency(plan.revenueTarget),
      showCustomerObjectives: plan.customerObjectives !== undefined,
      customerObjectives: text(plan.customerObjectives),
      showValueProposition: plan.valueProposition !== undefined,
      valueProposition: text(plan.valueProposition)
    };
  }

  get swot() {
    const plan = this.plan;
    return [
      { key: 'strengths', label: labels.planStrengths, value: plan.strengths, css: 'strengths' },
      {
        key: 'weaknesses',
        label: labels.planWeaknesses,
        value: plan.weaknesses,
        css: 'weaknesses'
      },
      {
        key: 'opportunities',
        label: labels.planOpportunities,
        value: plan.opportunities,
        css: 'opportunities'
      },
      { key: 'threats', label: labels.planThreats, value: plan.threats, css: 'threats' }
    ]
      .filter((quadrant) => quadrant.value !== undefined)
      .map((quadrant) => ({
        ...quadrant,
        className: `quadrant slds-col slds-size_1-of-1 slds-medium-size_1-of-2 ${quadrant.css}`,
        text: quadrant.value || labels.planSwotEmpty
      }));
  }

  get showSwotSection() {
    return !this.hideSwot && this.swot.length > 0;
  }

  // ---- objectives ----------------------------------------------------------------------------

  get objectives() {
    const editingId =
      this.editing && this.editing.kind === 'objective' ? this.editing.id : undefined;
    return readObjectives(this.data, this.plan.id).map((objective) => {
      const percent = progressPercent(objective.currentValue, objective.targetValue);
      const title = objective.measure || objective.name || NO_VALUE;
      return {
        ...objective,
        isEditing: editingId === objective.id,
        title,
        categoryText: objective.category
          ? picklistLabel('objectiveCategory', objective.category)
          : null,
        statusText: objective.status ? picklistLabel('objectiveStatus', objective.status) : null,
        statusClass: OBJECTIVE_STATUS_CLASS[objective.status] || 'slds-badge',
        showProgress: objective.targetValue !== undefined && objective.currentValue !== undefined,
        progressText: formatLabel(
          labels.planProgress,
          formatNumber(objective.currentValue),
          formatNumber(objective.targetValue)
        ),
        hasPercent: percent !== null,
        percentText: formatPercent(percent),
        progressValue: percent === null ? 0 : Math.max(0, Math.min(100, percent)),
        progressLabel: formatLabel(labels.planProgressLabel, title),
        dueText: objective.dueDate ? formatDate(objective.dueDate) : null,
        dueLine: formatLabel(labels.planObjectiveDueOn, formatDate(objective.dueDate)),
        ownerText: objective.ownerName,
        editTitle: formatLabel(labels.planEditItem, title)
      };
    });
  }

  get hasObjectives() {
    return this.objectives.length > 0;
  }

  get isAddingObjective() {
    return Boolean(this.editing) && this.editing.kind === 'objective' && !this.editing.id;
  }

  // ---- joint initiatives ---------------------------------------------------------------------

  get initiatives() {
    const editingId =
      this.editing && this.editing.kind === 'initiative' ? this.editing.id : undefined;
    const valuePair = (realized, target) =>
      formatLabel(labels.planRealizedOfTarget, formatCurrency(realized), formatCurrency(target));
    return readInitiatives(this.data, this.plan.id).map((initiative) => ({
      ...initiative,
      isEditing: editingId === initiative.id,
      title: initiative.name || NO_VALUE,
      statusText: initiative.status ? picklistLabel('initiativeStatus', initiative.status) : null,
      statusClass: INITIATIVE_STATUS_CLASS[initiative.status] || 'slds-badge',
      showCustomerValue:
        initiative.customerValueRealized !== undefined &&
        initiative.customerValueTarget !== undefined,
      customerValueText: valuePair(
        initiative.customerValueRealized,
        initiative.customerValueTarget
      ),
      showSupplierValue:
        initiative.supplierValueRealized !== undefined &&
        initiative.supplierValueTarget !== undefined,
      supplierValueText: valuePair(
        initiative.supplierValueRealized,
        initiative.supplierValueTarget
      ),
      targetDateText: initiative.targetDate ? formatDate(initiative.targetDate) : null,
      targetDateLine: formatLabel(labels.planInitiativeTargetOn, formatDate(initiative.targetDate)),
      sponsorText: initiative.customerSponsorName,
      editTitle: formatLabel(labels.planEditItem, initiative.name || NO_VALUE)
    }));
  }

  get hasInitiatives() {
    return this.initiatives.length > 0;
  }

  get isAddingInitiative() {
    return Boolean(this.editing) && this.editing.kind === 'initiative' && !this.editing.id;
  }

  // ---- metrics -------------------------------------------------------------------------------

  get metrics() {
    return readMetrics(this.data);
  }

  get latest() {
    return latestMetric(this.metrics);
  }

  get hasMetrics() {
    return Boolean(this.latest);
  }

  get asOfText() {
    return formatLabel(
      labels.planAsOf,
      formatDate(this.latest.asOf),
      this.latest.period || NO_VALUE
    );
  }

  get tiles() {
    const m = this.latest;
    const tiles = [];
    const add = (key, visible, label, value, detail, title) => {
      if (visible) {
        tiles.push({
          key,
          label,
          value,
          detail,
          title: title || value,
          hasDetail: Boolean(detail)
        });
      }
    };
    add(
      'revenue',
      m.revenueTtm !== undefined,
      labels.planMetricRevenueTtm,
      formatCurrency(m.revenueTtm, { compact: true }),
      m.growthYoy === undefined
        ? null
        : formatLabel(labels.planMetricYoy, formatPercent(m.growthYoy, { signed: true })),
      formatCurrency(m.revenueTtm)
    );
    add(
      'cagr',
      m.cagr3y !== undefined,
      labels.planMetricCagr,
      formatPercent(m.cagr3y, { signed: true })
    );
    add(
      'pipeline',
      m.pipeline12m !== undefined,
      labels.planMetricPipeline,
      formatCurrency(m.pipeline12m, { compact: true }),
      m.pipelineCoverage === undefined
        ? null
        : formatLabel(labels.planMetricCoverage, formatRatio(m.pipelineCoverage)),
      formatCurrency(m.pipeline12m)
    );
    add('winRate', m.winRate !== undefined, labels.planMetricWinRate, formatPercent(m.winRate));
    add(
      'mutualValue',
      m.mutualValueBalance !== undefined,
      labels.planMetricMutualValue,
      formatLabel(labels.planMetricOutOfHundred, formatNumber(m.mutualValueBalance))
    );
    add(
      'score',
      m.strategicScore !== undefined,
      labels.planMetricScore,
      formatLabel(labels.planMetricOutOfHundred, formatNumber(m.strategicScore))
    );
    return tiles;
  }

  get chartPoints() {
    return chartPoints(this.metrics, this.quartersShown);
  }

  get chartHeading() {
    return formatLabel(labels.planChartHeading, this.chartPoints.length);
  }

  // ---- recalculation -------------------------------------------------------------------------

  get syncStatus() {
    if (this.pollTimedOut) {
      return { text: labels.planSyncTimedOut, busy: false, failed: false };
    }
    const request = this.syncRequest;
    if (!request) {
      return null;
    }
    if (request.inProgress) {
      return {
        text: formatLabel(
          labels.planSyncInProgress,
          picklistLabel('syncStatus', request.status) || NO_VALUE
        ),
        busy: true,
        failed: false
      };
    }
    if (request.status === 'Failed') {
      return {
        text: request.message
          ? formatLabel(labels.planSyncFailedWith, request.message)
          : labels.planSyncFailed,
        busy: false,
        failed: true
      };
    }
    // A finished request is only news right after the user asked for it.
    return this.awaitedRequestId === request.id
      ? { text: labels.planSyncDone, busy: false, failed: false }
      : null;
  }

  get syncStatusClass() {
    return this.syncStatus && this.syncStatus.failed
      ? 'sync-status slds-text-color_error'
      : 'sync-status';
  }

  get recalculateDisabled() {
    return (
      this.requesting || Boolean(this.syncRequest && this.syncRequest.inProgress && this.pollTimer)
    );
  }

  async handleRecalculate() {
    this.requesting = true;
    this.actionErrors = undefined;
    this.pollTimedOut = false;
    try {
      const record = await createRecord({
        apiName: SYNC_REQUEST.object.objectApiName,
        fields: {
          [SYNC_REQUEST.account.fieldApiName]: this.recordId,
          [SYNC_REQUEST.status.fieldApiName]: 'Pending'
        }
      });
      this.awaitedRequestId = record.id;
      this.syncRequest = { id: record.id, status: 'Pending', message: null, inProgress: true };
      this.startPolling();
    } catch (error) {
      this.actionErrors = error;
    } finally {
      this.requesting = false;
    }
  }

  // ---- editing (plan, objective, initiative) -----------------------------------------------------

  visibleKeys(kind, record) {
    const form = FORMS[kind];
    let samples = [];
    if (record) {
      samples = [record];
    } else if (kind === 'plan') {
      samples = this.plans;
    } else if (kind === 'objective') {
      samples = readObjectives(this.data, this.plan.id);
    } else {
      samples = readInitiatives(this.data, this.plan.id);
    }
    // A field hidden from the user on existing records is not offered on new ones either.
    return new Set(
      form.fields
        .map((spec) => spec.key)
        .filter(
          (key) => samples.length === 0 || samples.some((sample) => sample[key] !== undefined)
        )
    );
  }

  startEditing(kind, record, prefill = {}) {
    const form = FORMS[kind];
    const draft = {};
    form.fields.forEach((spec) => {
      draft[spec.key] = record ? toInput(record[spec.key]) : toInput(prefill[spec.key]);
    });
    this.editing = {
      kind,
      id: record ? record.id : null,
      original: record || null,
      visible: this.visibleKeys(kind, record),
      draft
    };
    this.formErrors = undefined;
    this.formMessage = undefined;
    this.actionErrors = undefined;
  }

  get formFields() {
    if (!this.editing) {
      return [];
    }
    const { kind, draft, visible } = this.editing;
    const contactOptions = [
      { value: '', label: labels.commonNone },
      ...readAccount(this.data).contacts.map((c) => ({ value: c.id, label: c.name || NO_VALUE }))
    ];
    return FORMS[kind].fields
      .filter((spec) => visible.has(spec.key))
      .map((spec) => {
        let options;
        if (spec.type === 'picklist') {
          options = [{ value: '', label: labels.commonNone }, ...picklistOptions(spec.picklist)];
        } else if (spec.type === 'rating') {
          options = [{ value: '', label: labels.commonNone }, ...RATING_OPTIONS];
        } else if (spec.type === 'contact') {
          options = contactOptions;
        }
        return {
          key: spec.key,
          label: labels[spec.label],
          value: draft[spec.key],
          required: Boolean(spec.required),
          maxLength: spec.maxLength,
          options,
          isText: spec.type === 'text',
          isTextarea: spec.type === 'textarea',
          isNumber: spec.type === 'number',
          isCurrency: spec.type === 'currency',
          isDate: spec.type === 'date',
          isChoice: Boolean(options),
          isUser: spec.type === 'user',
          className:
            spec.type === 'textarea'
              ? 'slds-col slds-size_1-of-1'
              : 'slds-col slds-size_1-of-1 slds-medium-size_1-of-2'
        };
      });
  }

  get formHeading() {
    if (!this.editing) {
      return null;
    }
    const { kind, id } = this.editing;
    const headings = {
      plan: id ? labels.planEditPlan : labels.planCreatePlan,
      objective: id ? labels.planEditObjective : labels.planAddObjective,
      initiative: id ? labels.planEditInitiative : labels.planAddInitiative
    };
    return headings[kind];
  }

  handleFieldChange(event) {
    const { key, value } = event.detail;
    this.editing = { ...this.editing, draft: { ...this.editing.draft, [key]: toInput(value) } };
  }

  handleCreatePlan() {
    const today = todayIso();
    const end = addDays(addYears(today, 3), -1);
    const account = readAccount(this.data);
    this.startEditing('plan', null, {
      name: truncate(
        formatLabel(
          labels.planDefaultName,
          account.name || NO_VALUE,
          today.slice(0, 4),
          end.slice(0, 4)
        ),
        80
      ),
      status: 'Active',
      startDate: today,
      endDate: end,
      nextReview: addDays(today, 90)
    });
  }

  handleEditPlan() {
    this.startEditing('plan', this.plan);
  }

  handleAddObjective() {
    this.startEditing('objective', null, { status: 'Not started', category: 'Growth' });
  }

  handleEditObjective(event) {
    const objective = readObjectives(this.data, this.plan.id).find(
      (o) => o.id === event.currentTarget.dataset.id
    );
    this.startEditing('objective', objective);
  }

  handleAddInitiative() {
    this.startEditing('initiative', null, { status: 'Proposed', startDate: todayIso() });
  }

  handleEditInitiative(event) {
    const initiative = readInitiatives(this.data, this.plan.id).find(
      (i) => i.id === event.currentTarget.dataset.id
    );
    this.startEditing('initiative', initiative);
  }

  handleCancelEdit() {
    this.editing = undefined;
    this.formErrors = undefined;
    this.formMessage = undefined;
  }

  /** Record fields to write: all filled fields for a new record, only changes for an existing one. */
  changedFields() {
    const { kind, draft, original, visible } = this.editing;
    const form = FORMS[kind];
    const fields = {};
    const missing = [];
    form.fields.forEach((spec) => {
      if (!visible.has(spec.key)) {
        return;
      }
      const value = fromInput(spec, draft[spec.key]);
      if (spec.required && value === null) {
        missing.push(labels[spec.label]);
      }
      const unchanged = original ? value === normalized(original[spec.key]) : value === null;
      if (!unchanged) {
        fields[spec.field.fieldApiName] = value;
      }
    });
    return { fields, missing };
  }

  validate(fields, missing) {
    if (missing.length > 0) {
      return formatLabel(labels.planRequiredMissing, missing.join(', '));
    }
    if (this.editing.kind === 'plan') {
      const start = fromInput({ type: 'date' }, this.editing.draft.startDate);
      const end = fromInput({ type: 'date' }, this.editing.draft.endDate);
      if (start && end && end <= start) {
        return labels.planEndBeforeStart;
      }
      if (start && end && end > addYears(start, 5)) {
        return labels.planTooLong;
      }
    }
    return null;
  }

  async handleSave() {
    const { kind, id } = this.editing;
    const form = FORMS[kind];
    const { fields, missing } = this.changedFields();
    const problem = this.validate(fields, missing);
    if (problem) {
      this.formMessage = problem;
      return;
    }
    this.saving = true;
    this.formErrors = undefined;
    this.formMessage = undefined;
    try {
      if (id) {
        if (Object.keys(fields).length > 0) {
          await updateRecord({ fields: { Id: id, ...fields } });
        }
      } else {
        const parentId = kind === 'plan' ? this.recordId : this.plan.id;
        const named = {};
        if (form.name) {
          named[form.name.fieldApiName] = truncate(
            fromInput({ type: 'text' }, this.editing.draft[form.nameFrom]),
            80
          );
        }
        await createRecord({
          apiName: form.object.objectApiName,
          fields: { [form.parent.fieldApiName]: parentId, ...named, ...fields }
        });
      }
      this.editing = undefined;
      this.dispatchEvent(
        new ShowToastEvent({ title: labels.commonSaved, message: '', variant: 'success' })
      );
      await refreshGraphQL(this.planResult);
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
      await updateRecord({ fields: { Id: id, [PLAN_STATUS_FIELD.fieldApiName]: 'Active' } });
      await refreshGraphQL(this.planResult);
    } catch (error) {
      this.actionErrors = error;
    }
  }
}
