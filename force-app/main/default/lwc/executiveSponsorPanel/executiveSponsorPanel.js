import { LightningElement, api, wire } from 'lwc';
import { graphql, gql, refreshGraphQL } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import CURRENT_USER_ID from '@salesforce/user/Id';
import EXECUTIVE_SPONSOR_OBJECT from '@salesforce/schema/Executive_Sponsor__c';
import ACCOUNT_FIELD from '@salesforce/schema/Executive_Sponsor__c.Account__c';
import SPONSOR_FIELD from '@salesforce/schema/Executive_Sponsor__c.Sponsor__c';
import COUNTERPART_FIELD from '@salesforce/schema/Executive_Sponsor__c.Customer_Counterpart__c';
import ROLE_FIELD from '@salesforce/schema/Executive_Sponsor__c.Role__c';
import ACTIVE_FIELD from '@salesforce/schema/Executive_Sponsor__c.Active__c';
import START_DATE_FIELD from '@salesforce/schema/Executive_Sponsor__c.Start_Date__c';
import CADENCE_FIELD from '@salesforce/schema/Executive_Sponsor__c.Cadence_Days__c';
import LAST_ENGAGEMENT_FIELD from '@salesforce/schema/Executive_Sponsor__c.Last_Engagement__c';
import NEXT_ENGAGEMENT_FIELD from '@salesforce/schema/Executive_Sponsor__c.Next_Engagement__c';
import COMMITMENTS_FIELD from '@salesforce/schema/Executive_Sponsor__c.Commitments__c';
import { recordsOf, valueOf, parentValueOf } from 'c/graphqlRecords';
import {
  engagementState,
  orderSponsorships,
  executivesWithoutSponsor,
  ENGAGEMENT
} from 'c/sponsorCadence';
import { formatDate, formatLabel, todayIso, NO_VALUE } from 'c/tandemFormat';
import { reduceErrors } from 'c/ldsUtils';
import { labels, picklistLabel, picklistOptions } from 'c/tandemLabels';

// ---- GraphQL query (the only read of this component) -------------------------------------
// Active sponsorships of the account, its high-influence stakeholders (for the gap line) and
// its contacts (for the counterpart picker).
const SPONSOR_PANEL_QUERY = gql`
  query executiveSponsorPanel($recordId: ID) {
    uiapi {
      query {
        Executive_Sponsor__c(
          where: { and: [{ Account__c: { eq: $recordId } }, { Active__c: { eq: true } }] }
          orderBy: { Start_Date__c: { order: ASC } }
          first: 50
        ) {
          edges {
            node {
              Id
              Sponsor__c {
                value
              }
              Sponsor__r {
                Name {
                  value
                }
                Title {
                  value
                }
                SmallPhotoUrl {
                  value
                }
              }
              Customer_Counterpart__c {
                value
              }
              Customer_Counterpart__r {
                Name {
                  value
                }
                Title {
                  value
                }
              }
              Role__c {
                value
              }
              Start_Date__c {
                value
              }
              Cadence_Days__c {
                value
              }
              Last_Engagement__c {
                value
              }
              Next_Engagement__c {
                value
              }
              Commitments__c {
                value
              }
              Days_Since_Engagement__c {
                value
              }
              Engagement_Status__c {
                value
              }
            }
          }
        }
        Stakeholder__c(
          where: { and: [{ Account__c: { eq: $recordId } }, { Influence__c: { eq: "High" } }] }
          first: 200
        ) {
          edges {
            node {
              Id
              Contact__c {
                value
              }
              Contact__r {
                Name {
                  value
                }
                Title {
                  value
                }
              }
              Influence__c {
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
              Title {
                value
              }
            }
          }
        }
      }
    }
  }
`;
// ---- end of GraphQL query ----------------------------------------------------------------

const STATUS_CLASS = {
  [ENGAGEMENT.ON_CADENCE]: 'slds-badge slds-theme_success',
  [ENGAGEMENT.OVERDUE]: 'slds-badge slds-theme_error',
  [ENGAGEMENT.NONE]: 'slds-badge slds-theme_warning'
};
const STATUS_ICON = {
  [ENGAGEMENT.ON_CADENCE]: 'utility:success',
  [ENGAGEMENT.OVERDUE]: 'utility:warning',
  [ENGAGEMENT.NONE]: 'utility:question'
};

function initialsOf(name) {
  return String(name || '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

function blankToNull(value) {
  return value === '' || value === undefined ? null : value;
}

/**
 * Executive sponsors of an account: who sponsors it, paired with whom, how recently they met
 * and whether that keeps the agreed cadence. One click logs today's engagement.
 */
export default class ExecutiveSponsorPanel extends LightningElement {
  @api recordId;
  /** Cadence proposed when a sponsorship is added (design attribute). */
  @api defaultCadenceDays = 90;

  labels = labels;
  wiredResult;
  data;
  errors;
  actionErrors;
  busyId;
  confirmEndId;
  showForm = false;
  saving = false;
  draft = {};
  formError;

  get variables() {
    return { recordId: this.recordId };
  }

  @wire(graphql, {
    query: SPONSOR_PANEL_QUERY,
    variables: '$variables',
    operationName: 'executiveSponsorPanel'
  })
  wiredSponsors(result) {
    this.wiredResult = result;
    const { data, errors } = result;
    if (data) {
      this.data = data;
      this.errors = undefined;
    } else if (errors) {
      this.errors = errors;
    }
  }

  get isLoading() {
    return !this.data && !this.errors;
  }

  get hasLoadError() {
    return !this.data && Boolean(this.errors);
  }

  get today() {
    return todayIso();
  }

  get activeSponsorships() {
    return recordsOf(this.data, 'Executive_Sponsor__c').map((node) => ({
      id: node.Id,
      sponsorId: valueOf(node, 'Sponsor__c'),
      sponsorName: parentValueOf(node, 'Sponsor__r', 'Name'),
      sponsorTitle: parentValueOf(node, 'Sponsor__r', 'Title'),
      photoUrl: parentValueOf(node, 'Sponsor__r', 'SmallPhotoUrl'),
      counterpartId: valueOf(node, 'Customer_Counterpart__c'),
      counterpartName: parentValueOf(node, 'Customer_Counterpart__r', 'Name'),
      counterpartTitle: parentValueOf(node, 'Customer_Counterpart__r', 'Title'),
      role: valueOf(node, 'Role__c'),
      cadenceDays: valueOf(node, 'Cadence_Days__c'),
      lastEngagement: valueOf(node, 'Last_Engagement__c'),
      nextEngagement: valueOf(node, 'Next_Engagement__c'),
      commitments: valueOf(node, 'Commitments__c'),
      daysSinceEngagement: valueOf(node, 'Days_Since_Engagement__c'),
      engagementStatus: valueOf(node, 'Engagement_Status__c')
    }));
  }

  get sponsors() {
    const today = this.today;
    return orderSponsorships(this.activeSponsorships, CURRENT_USER_ID).map((s) => {
      const name = s.sponsorName || labels.sponsorUnknownName;
      const state = engagementState(s, today);
      const statusText = state.status
        ? picklistLabel('engagementStatus', state.status)
        : labels.sponsorStatusUnknown;
      return {
        ...s,
        name,
        initials: initialsOf(name),
        photoAlt: formatLabel(labels.sponsorPhotoOf, name),
        isMine: s.sponsorId === CURRENT_USER_ID,
        roleText: s.role ? picklistLabel('sponsorRole', s.role) : null,
        showCounterpart: s.counterpartId !== undefined,
        counterpartText: s.counterpartName
          ? [s.counterpartName, s.counterpartTitle].filter(Boolean).join(', ')
          : labels.sponsorNoCounterpart,
        showCadence: typeof s.cadenceDays === 'number',
        cadenceText: formatLabel(labels.sponsorCadenceEvery, s.cadenceDays),
        statusText,
        statusClass: STATUS_CLASS[state.status] || 'slds-badge',
        statusIcon: STATUS_ICON[state.status] || 'utility:info',
        showDaysSince: state.daysSince !== null,
        daysSinceText: formatLabel(labels.sponsorDaysSince, state.daysSince),
        showNext: s.nextEngagement !== undefined,
        nextText: s.nextEngagement ? formatDate(s.nextEngagement) : NO_VALUE,
        showCommitments: Boolean(s.commitments),
        canLog: s.lastEngagement !== undefined,
        logTitle: formatLabel(labels.sponsorLogEngagementFor, name),
        endTitle: formatLabel(labels.sponsorEndFor, name),
        confirmText: formatLabel(labels.sponsorEndConfirm, name),
        isConfirmingEnd: this.confirmEndId === s.id,
        isBusy: this.busyId === s.id
      };
    });
  }

  get hasSponsors() {
    return this.activeSponsorships.length > 0;
  }

  get executiveGaps() {
    const stakeholders = recordsOf(this.data, 'Stakeholder__c').map((node) => ({
      contactId: valueOf(node, 'Contact__c'),
      name: parentValueOf(node, 'Contact__r', 'Name'),
      title: parentValueOf(node, 'Contact__r', 'Title'),
      influence: valueOf(node, 'Influence__c')
    }));
    return executivesWithoutSponsor(stakeholders, this.activeSponsorships);
  }

  get gapText() {
    const gaps = this.executiveGaps;
    if (gaps.length === 0) {
      return null;
    }
    const names = gaps
      .map((g) => (g.title ? `${g.name || NO_VALUE} (${g.title})` : g.name || NO_VALUE))
      .join(', ');
    return formatLabel(labels.sponsorGap, names);
  }

  // ---- add a sponsorship -------------------------------------------------------------

  get roleOptions() {
    return picklistOptions('sponsorRole');
  }

  get counterpartOptions() {
    const contacts = recordsOf(this.data, 'Contact').map((node) => {
      const name = valueOf(node, 'Name') || NO_VALUE;
      const title = valueOf(node, 'Title');
      return { value: node.Id, label: title ? `${name} (${title})` : name };
    });
    return [{ value: '', label: labels.commonNone }, ...contacts];
  }

  handleOpenForm() {
    this.draft = {
      sponsorId: null,
      role: 'Executive Sponsor',
      counterpartId: '',
      cadenceDays: this.defaultCadenceDays,
      startDate: this.today,
      nextEngagement: null,
      commitments: null
    };
    this.formError = undefined;
    this.actionErrors = undefined;
    this.showForm = true;
  }

  handleCancelForm() {
    this.showForm = false;
    this.formError = undefined;
  }

  handleSponsorChange(event) {
    this.draft = { ...this.draft, sponsorId: event.detail.recordId || null };
  }

  handleDraftChange(event) {
    const field = event.target.dataset.field;
    this.draft = { ...this.draft, [field]: event.detail.value };
  }

  async handleSave() {
    if (!this.draft.sponsorId) {
      this.formError = labels.sponsorRequired;
      return;
    }
    const inputs = [...this.template.querySelectorAll('.sponsor-form [data-field]')];
    if (!inputs.every((input) => input.reportValidity() !== false)) {
      return;
    }
    const cadence = Number(this.draft.cadenceDays);
    const fields = {
      [ACCOUNT_FIELD.fieldApiName]: this.recordId,
      [SPONSOR_FIELD.fieldApiName]: this.draft.sponsorId,
      [ROLE_FIELD.fieldApiName]: this.draft.role,
      [ACTIVE_FIELD.fieldApiName]: true,
      [START_DATE_FIELD.fieldApiName]: blankToNull(this.draft.startDate),
      [CADENCE_FIELD.fieldApiName]: Number.isFinite(cadence) && cadence > 0 ? cadence : 90
    };
    const optional = {
      [COUNTERPART_FIELD.fieldApiName]: blankToNull(this.draft.counterpartId),
      [NEXT_ENGAGEMENT_FIELD.fieldApiName]: blankToNull(this.draft.nextEngagement),
      [COMMITMENTS_FIELD.fieldApiName]: blankToNull(this.draft.commitments)
    };
    Object.entries(optional).forEach(([name, value]) => {
      if (value !== null) {
        fields[name] = value;
      }
    });
    this.saving = true;
    this.formError = undefined;
    try {
      await createRecord({ apiName: EXECUTIVE_SPONSOR_OBJECT.objectApiName, fields });
      this.showForm = false;
      this.toast(labels.sponsorCreated, 'success');
      await refreshGraphQL(this.wiredResult);
    } catch (error) {
      this.formError = reduceErrors(error).join(' ') || labels.commonSaveError;
    } finally {
      this.saving = false;
    }
  }

  // ---- row actions -------------------------------------------------------------------

  async handleLogEngagement(event) {
    const id = event.currentTarget.dataset.id;
    await this.updateSponsorship(
      id,
      { [LAST_ENGAGEMENT_FIELD.fieldApiName]: this.today },
      labels.sponsorLogged
    );
  }

  handleAskEnd(event) {
    this.confirmEndId = event.currentTarget.dataset.id;
  }

  handleCancelEnd() {
    this.confirmEndId = undefined;
  }

  async handleConfirmEnd(event) {
    const id = event.currentTarget.dataset.id;
    this.confirmEndId = undefined;
    await this.updateSponsorship(id, { [ACTIVE_FIELD.fieldApiName]: false }, labels.sponsorEnded);
  }

  async updateSponsorship(id, changes, successMessage) {
    this.busyId = id;
    this.actionErrors = undefined;
    try {
      await updateRecord({ fields: { Id: id, ...changes } });
      this.toast(successMessage, 'success');
      await refreshGraphQL(this.wiredResult);
    } catch (error) {
      this.actionErrors = error;
    } finally {
      this.busyId = undefined;
    }
  }

  toast(message, variant) {
    this.dispatchEvent(new ShowToastEvent({ title: message, message: '', variant }));
  }
}
