import { LightningElement, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import CURRENT_USER_ID from '@salesforce/user/Id';
import SPONSOR_OBJECT from '@salesforce/schema/Executive_Sponsor__c';
import LAST_ENGAGEMENT_FIELD from '@salesforce/schema/Executive_Sponsor__c.Last_Engagement__c';
import STAKEHOLDER_OBJECT from '@salesforce/schema/Stakeholder__c';
import LAST_INTERACTION_FIELD from '@salesforce/schema/Stakeholder__c.Last_Interaction__c';
import EVENT_OBJECT from '@salesforce/schema/Event';
import LogEngagementModal from 'c/logEngagementModal';
import { accessByObject } from 'c/objectAccess';
import { ENGAGEMENT } from 'c/sponsorCadence';
import { engagementSubject, engagementWrites, saveEngagement } from 'c/sponsorEngagement';
import { formatLabel, todayIso } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { GraphqlWireMixin } from 'c/graphqlWire';
import { SPONSOR_PORTFOLIO_QUERY } from './portfolioQuery';
import { orderPortfolio, readPortfolio, readStakeholders } from './portfolioModel';

const OBJECTS = [SPONSOR_OBJECT, STAKEHOLDER_OBJECT, EVENT_OBJECT];
const API_NAMES = OBJECTS.map((object) => object.objectApiName);
const [SPONSOR, STAKEHOLDER, EVENT] = API_NAMES;

/**
 * The current user's sponsorships across accounts (Home page, App page), overdue first, each
 * with its account's metrics and plan, and Log Engagement inline (the record page's modal and
 * writes). Owns the data (one GraphQL query, the user's access) and the writes; a portfolioItem
 * per sponsorship renders and raises `logengagement`.
 */
export default class SponsorPortfolio extends GraphqlWireMixin(LightningElement) {
  labels = labels;
  variables = { userId: CURRENT_USER_ID };
  actionErrors;
  busyId;

  @wire(graphql, {
    query: SPONSOR_PORTFOLIO_QUERY,
    variables: '$variables',
    operationName: 'sponsorPortfolio'
  })
  wiredPortfolio(result) {
    this.receiveGraphql(result);
  }

  @wire(getObjectInfos, { objectApiNames: OBJECTS })
  objectInfos;

  get can() {
    const a = accessByObject(this.objectInfos && this.objectInfos.data, API_NAMES);
    const field = (object, name) => a[object].fields[name] || {};
    return {
      // Logging writes an Event and the sponsorship's engagement dates (as on the record page).
      log:
        a[EVENT].createable &&
        Boolean(field(SPONSOR, LAST_ENGAGEMENT_FIELD.fieldApiName).updateable),
      noteInteraction: Boolean(field(STAKEHOLDER, LAST_INTERACTION_FIELD.fieldApiName).updateable)
    };
  }

  get entries() {
    return orderPortfolio(readPortfolio(this.data), todayIso());
  }

  get items() {
    const can = this.can;
    return this.entries.map((entry) => ({
      entry,
      id: entry.id,
      // Every sponsorship here is the user's own: the sponsor may log on it (DESIGN "Who may do what").
      canLog: can.log && entry.lastEngagement !== undefined,
      busy: this.busyId === entry.id
    }));
  }

  get hasEntries() {
    return this.entries.length > 0;
  }

  get summary() {
    const entries = this.entries;
    const overdue = entries.filter((e) => e.state.status === ENGAGEMENT.OVERDUE).length;
    return formatLabel(labels.portfolioSummary, entries.length, overdue);
  }

  async handleLogEngagement(event) {
    const entry = this.entries.find((e) => e.id === event.detail.id);
    const result = await LogEngagementModal.open({
      size: 'small',
      sponsorName: entry.sponsorName,
      counterpartName: entry.counterpartName
    });
    if (!result) {
      return;
    }
    const writes = engagementWrites({
      sponsorship: entry,
      engagement: result,
      accountId: entry.accountId,
      stakeholders: this.can.noteInteraction ? readStakeholders(this.data, entry.accountId) : [],
      subject: engagementSubject(entry)
    });
    this.busyId = entry.id;
    this.actionErrors = undefined;
    try {
      const title = await saveEngagement(writes);
      this.dispatchEvent(new ShowToastEvent({ title, message: '', variant: 'success' }));
      // Every component on the page reloads (this one too, through its refresh handler).
      this.dispatchEvent(new RefreshEvent());
    } catch (error) {
      this.actionErrors = error;
    } finally {
      this.busyId = undefined;
    }
  }
}
