import { LightningElement, api, wire } from 'lwc';
import { graphql, gql, refreshGraphQL } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';
import { getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import SYNC_REQUEST_OBJECT from '@salesforce/schema/Sync_Request__c';
import SYNC_REQUEST_ACCOUNT from '@salesforce/schema/Sync_Request__c.Account__c';
import SYNC_REQUEST_STATUS from '@salesforce/schema/Sync_Request__c.Status__c';
import { formatLabel, NO_VALUE } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { MASTER_RECORD_TYPE_ID, picklistLabeler } from 'c/picklistLabels';
import { readSyncRequest } from 'c/planModel';

// The newest "recalculate" request of the account, polled while the service works on it.
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
              Status__c @optional {
                value
              }
              Message__c @optional {
                value
              }
            }
          }
        }
      }
    }
  }
`;

const POLL_INTERVAL_MS = 5000;
// About ten minutes: long enough for a queued sync, short enough not to poll a stopped service forever.
const MAX_POLLS = 120;

/**
 * "Recalculate": asks the sync service for fresh metrics (a Sync_Request__c) and follows the
 * request until the service is done. Event: `recalculated` when fresh metrics are written.
 */
export default class PlanRecalculate extends LightningElement {
  @api recordId;
  /** Whether the user may create a Sync_Request__c; the button shows only then. */
  @api canRequest = false;

  labels = labels;
  syncResult;
  syncRequest;
  awaitedRequestId;
  pollTimer;
  pollCount = 0;
  pollTimedOut = false;
  requesting = false;
  errors;

  get variables() {
    return { recordId: this.recordId };
  }

  /** Status labels as the org defines them for the user. */
  @wire(getPicklistValuesByRecordType, {
    objectApiName: SYNC_REQUEST_OBJECT,
    recordTypeId: MASTER_RECORD_TYPE_ID
  })
  syncPicklists;

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
      return; // an older answer than our own request (cache): keep waiting for ours
    }
    this.syncRequest = latest;
    if (latest && latest.inProgress) {
      this.startPolling();
    } else if (this.pollTimer) {
      this.stopPolling();
      if (latest && latest.status === 'Done') {
        this.dispatchEvent(new CustomEvent('recalculated'));
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

  get status() {
    if (this.pollTimedOut) {
      return { text: labels.planSyncTimedOut, busy: false, className: 'sync-status' };
    }
    const request = this.syncRequest;
    if (!request) {
      return null;
    }
    if (request.inProgress) {
      const text = formatLabel(
        labels.planSyncInProgress,
        picklistLabeler(this.syncPicklists)(SYNC_REQUEST_STATUS.fieldApiName, request.status) ||
          NO_VALUE
      );
      return { text, busy: true, className: 'sync-status' };
    }
    if (request.status === 'Failed') {
      const text = request.message
        ? formatLabel(labels.planSyncFailedWith, request.message)
        : labels.planSyncFailed;
      return { text, busy: false, className: 'sync-status slds-text-color_error' };
    }
    // A finished request is only news right after the user asked for it.
    return this.awaitedRequestId === request.id
      ? { text: labels.planSyncDone, busy: false, className: 'sync-status' }
      : null;
  }

  get disabled() {
    return (
      this.requesting || Boolean(this.syncRequest && this.syncRequest.inProgress && this.pollTimer)
    );
  }

  async handleRecalculate() {
    this.requesting = true;
    this.errors = undefined;
    this.pollTimedOut = false;
    try {
      const record = await createRecord({
        apiName: SYNC_REQUEST_OBJECT.objectApiName,
        fields: {
          [SYNC_REQUEST_ACCOUNT.fieldApiName]: this.recordId,
          [SYNC_REQUEST_STATUS.fieldApiName]: 'Pending'
        }
      });
      this.awaitedRequestId = record.id;
      this.syncRequest = { id: record.id, status: 'Pending', message: null, inProgress: true };
      this.startPolling();
    } catch (error) {
      this.errors = error;
    } finally {
      this.requesting = false;
    }
  }
}
