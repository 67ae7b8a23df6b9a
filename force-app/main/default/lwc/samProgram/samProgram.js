import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import ACCOUNT_OBJECT from '@salesforce/schema/Account';
import STRATEGIC_FIELD from '@salesforce/schema/Account.Strategic_Account__c';
import { accessByObject } from 'c/objectAccess';
import { formatLabel } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { GraphqlWireMixin } from 'c/graphqlWire';
import { programLabels } from 'c/programLabels';
import { SAM_PROGRAM_QUERY } from './programQuery';
import {
  atRisk,
  averagePlanHealth,
  readCandidates,
  readProgramPeriods,
  readStrategicAccounts
} from 'c/programModel';

const ACCOUNT = ACCOUNT_OBJECT.objectApiName;

/**
 * The strategic account management program above the single account (issue 15): how the program
 * grows against the rest over the last 12 quarters, its strategic accounts, the candidates to
 * nominate and the accounts at risk. Owns the data (one GraphQL query, the user's access), the
 * one write (nominating) and navigation; its children render and raise events.
 */
export default class SamProgram extends GraphqlWireMixin(NavigationMixin(LightningElement)) {
  /** How many candidates to rank (design attribute). */
  @api candidateCount = 5;

  labels = labels;
  programLabels = programLabels;
  actionErrors;
  busyId;

  get variables() {
    return { candidates: Number(this.candidateCount) || 5 };
  }

  @wire(graphql, { query: SAM_PROGRAM_QUERY, variables: '$variables', operationName: 'samProgram' })
  wiredProgram(result) {
    this.receiveGraphql(result);
  }

  @wire(getObjectInfos, { objectApiNames: [ACCOUNT_OBJECT] })
  objectInfos;

  get periods() {
    return readProgramPeriods(this.data);
  }

  get strategicAccounts() {
    return readStrategicAccounts(this.data);
  }

  /** Nothing to show at all: no program row and no strategic account (a new org). */
  get isEmpty() {
    return this.periods.length === 0 && this.strategicAccounts.length === 0;
  }

  get planHealth() {
    return averagePlanHealth(this.strategicAccounts);
  }

  get candidates() {
    return readCandidates(this.data);
  }

  get risks() {
    return atRisk(this.strategicAccounts);
  }

  /** Nominating checks the account's Strategic Account box: only for users who may edit it. */
  get canNominate() {
    const account = accessByObject(this.objectInfos && this.objectInfos.data, [ACCOUNT])[ACCOUNT];
    const field = account.fields[STRATEGIC_FIELD.fieldApiName] || {};
    return account.updateable && field.updateable === true;
  }

  handleOpen(event) {
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: event.detail.id, objectApiName: ACCOUNT, actionName: 'view' }
    });
  }

  async handleNominate(event) {
    const { id, name } = event.detail;
    this.busyId = id;
    this.actionErrors = undefined;
    try {
      await updateRecord({ fields: { Id: id, [STRATEGIC_FIELD.fieldApiName]: true } });
      this.dispatchEvent(
        new ShowToastEvent({
          title: formatLabel(programLabels.nominated, name),
          message: '',
          variant: 'success'
        })
      );
      // Every component on the page reloads (this one too, through its refresh handler).
      this.dispatchEvent(new RefreshEvent());
    } catch (error) {
      this.actionErrors = error;
    } finally {
      this.busyId = undefined;
    }
  }
}
