import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfos, getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import CURRENT_USER_ID from '@salesforce/user/Id';
import SPONSOR_OBJECT from '@salesforce/schema/Executive_Sponsor__c';
import ACTIVE_FIELD from '@salesforce/schema/Executive_Sponsor__c.Active__c';
import ROLE_FIELD from '@salesforce/schema/Executive_Sponsor__c.Role__c';
import LAST_ENGAGEMENT_FIELD from '@salesforce/schema/Executive_Sponsor__c.Last_Engagement__c';
import STAKEHOLDER_OBJECT from '@salesforce/schema/Stakeholder__c';
import LAST_INTERACTION_FIELD from '@salesforce/schema/Stakeholder__c.Last_Interaction__c';
import EVENT_OBJECT from '@salesforce/schema/Event';
import LogEngagementModal from 'c/logEngagementModal';
import SponsorshipModal from 'c/sponsorshipModal';
import { MASTER_RECORD_TYPE_ID, picklistLabeler } from 'c/picklistLabels';
import { accessByObject } from 'c/objectAccess';
import { executivesWithoutSponsor, orderSponsorships } from 'c/sponsorCadence';
import { engagementSubject, engagementWrites, saveEngagement } from 'c/sponsorEngagement';
import { labels } from 'c/tandemLabels';
import { GraphqlWireMixin } from 'c/graphqlWire';
import { SPONSOR_PANEL_QUERY } from './sponsorQuery';
import { readSponsorships, readStakeholders } from './sponsorModel';

const OBJECTS = [SPONSOR_OBJECT, STAKEHOLDER_OBJECT, EVENT_OBJECT];
const API_NAMES = OBJECTS.map((object) => object.objectApiName);
const [SPONSOR, STAKEHOLDER, EVENT] = API_NAMES;

/**
 * Executive sponsors of an account. Owns the data (one GraphQL query, the user's access) and
 * the writes; its children render and raise events: a card per sponsorship, the sponsorship
 * modal, the log-engagement modal and the gap notice.
 */
export default class ExecutiveSponsorPanel extends GraphqlWireMixin(LightningElement) {
  @api recordId;
  /** Cadence proposed when a sponsorship is added (design attribute). */
  @api defaultCadenceDays = 90;

  labels = labels;
  actionErrors;
  busyId;

  get variables() {
    return { recordId: this.recordId };
  }

  @wire(graphql, {
    query: SPONSOR_PANEL_QUERY,
    variables: '$variables',
    operationName: 'executiveSponsorPanel'
  })
  wiredSponsors(result) {
    this.receiveGraphql(result);
  }

  @wire(getObjectInfos, { objectApiNames: OBJECTS })
  objectInfos;

  /** Role labels as the org defines them for the user (values added later too). */
  @wire(getPicklistValuesByRecordType, {
    objectApiName: SPONSOR_OBJECT,
    recordTypeId: MASTER_RECORD_TYPE_ID
  })
  sponsorPicklists;

  get access() {
    return accessByObject(this.objectInfos && this.objectInfos.data, API_NAMES);
  }

  get can() {
    const a = this.access;
    const field = (name) => a[SPONSOR].fields[name] || {};
    return {
      add: a[SPONSOR].createable,
      // Editing means changing the terms (role, counterpart, cadence): the account team's job.
      edit: a[SPONSOR].updateable && Boolean(field(ROLE_FIELD.fieldApiName).updateable),
      end: a[SPONSOR].updateable && Boolean(field(ACTIVE_FIELD.fieldApiName).updateable),
      // Logging writes an Event and the sponsorship's engagement dates.
      log: a[EVENT].createable && Boolean(field(LAST_ENGAGEMENT_FIELD.fieldApiName).updateable),
      noteInteraction: Boolean(
        (a[STAKEHOLDER].fields[LAST_INTERACTION_FIELD.fieldApiName] || {}).updateable
      )
    };
  }

  get sponsorships() {
    const label = picklistLabeler(this.sponsorPicklists);
    return readSponsorships(this.data).map((sponsorship) => ({
      ...sponsorship,
      roleLabel: label(ROLE_FIELD.fieldApiName, sponsorship.role)
    }));
  }

  get cards() {
    const can = this.can;
    return orderSponsorships(this.sponsorships, CURRENT_USER_ID).map((sponsorship) => ({
      sponsorship,
      id: sponsorship.id,
      isMine: sponsorship.sponsorId === CURRENT_USER_ID,
      // A sponsor logs on his own sponsorships; the account team on any.
      canLog:
        can.log &&
        sponsorship.lastEngagement !== undefined &&
        (can.add || sponsorship.sponsorId === CURRENT_USER_ID),
      canEdit: can.edit,
      canEnd: can.end,
      busy: this.busyId === sponsorship.id
    }));
  }

  get hasSponsors() {
    return this.sponsorships.length > 0;
  }

  get gaps() {
    return executivesWithoutSponsor(readStakeholders(this.data), this.sponsorships);
  }

  get showAdd() {
    return Boolean(this.data) && this.can.add;
  }

  // ---- add or edit a sponsorship (lightning-record-edit-form in a modal) --------------------

  handleOpenForm() {
    this.openForm(null);
  }

  handleEdit(event) {
    this.openForm(this.sponsorships.find((s) => s.id === event.detail.id));
  }

  async openForm(sponsorship) {
    this.actionErrors = undefined;
    const result = await SponsorshipModal.open({
      size: 'medium',
      recordId: sponsorship ? sponsorship.id : undefined,
      accountId: this.recordId,
      current: sponsorship
        ? { sponsorId: sponsorship.sponsorId, counterpartId: sponsorship.counterpartId }
        : undefined,
      defaultCadenceDays: this.defaultCadenceDays
    });
    if (!result) {
      return;
    }
    this.toast(sponsorship ? labels.sponsorUpdated : labels.sponsorCreated);
    // Every component on the page reloads (this one too, through its refresh handler).
    this.dispatchEvent(new RefreshEvent());
  }

  // ---- card actions ---------------------------------------------------------------------------

  async handleLogEngagement(event) {
    const sponsorship = this.sponsorships.find((s) => s.id === event.detail.id);
    const result = await LogEngagementModal.open({
      size: 'small',
      sponsorName: sponsorship.sponsorName,
      counterpartName: sponsorship.counterpartName
    });
    if (!result) {
      return;
    }
    const writes = engagementWrites({
      sponsorship,
      engagement: result,
      accountId: this.recordId,
      stakeholders: this.can.noteInteraction ? readStakeholders(this.data) : [],
      subject: engagementSubject(sponsorship)
    });
    await this.run(sponsorship.id, () => saveEngagement(writes));
  }

  async handleEnd(event) {
    await this.run(event.detail.id, async () => {
      await updateRecord({ fields: { Id: event.detail.id, [ACTIVE_FIELD.fieldApiName]: false } });
      return labels.sponsorEnded;
    });
  }

  /** Runs a card's writes, then says what happened and reloads the panel. */
  async run(id, writes) {
    this.busyId = id;
    this.actionErrors = undefined;
    try {
      this.toast(await writes());
      // Every component on the page reloads (this one too, through its refresh handler).
      this.dispatchEvent(new RefreshEvent());
    } catch (error) {
      this.actionErrors = error;
    } finally {
      this.busyId = undefined;
    }
  }

  toast(title) {
    this.dispatchEvent(new ShowToastEvent({ title, message: '', variant: 'success' }));
  }
}
