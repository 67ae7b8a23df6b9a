import { LightningElement, api, wire } from 'lwc';
import { graphql, gql } from 'lightning/graphql';
import { getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import STAKEHOLDER_OBJECT from '@salesforce/schema/Stakeholder__c';
import { readHistory } from 'c/relationshipTrends';
import { MASTER_RECORD_TYPE_ID, picklistLabeler } from 'c/picklistLabels';
import { labels } from 'c/tandemLabels';
import { GraphqlWireMixin } from 'c/graphqlWire';
import { trendLabels } from 'c/trendLabels';
import { historyEntries } from './historyModel';

// The last 50 changes of the four relationship fields (the platform keeps 18 months of them).
const HISTORY_QUERY = gql`
  query stakeholderHistory($stakeholderId: ID) {
    uiapi {
      query {
        Stakeholder__History(
          where: {
            ParentId: { eq: $stakeholderId }
            Field: {
              in: ["Attitude__c", "Relationship_Strength__c", "Influence__c", "Buying_Role__c"]
            }
          }
          orderBy: { CreatedDate: { order: DESC } }
          first: 50
        ) @optional {
          edges {
            node {
              Id
              ParentId {
                value
              }
              Field {
                value
              }
              OldValue {
                value
              }
              NewValue {
                value
              }
              CreatedDate {
                value
              }
              CreatedBy @optional {
                Name {
                  value
                }
              }
            }
          }
        }
      }
    }
  }
`;

/**
 * How one stakeholder's relationship changed: each change of attitude, strength, influence or
 * buying role, newest first, with when and by whom (Stakeholder__History through GraphQL).
 * Reloads when a RefreshEvent reaches the page (after the editor saves).
 */
export default class StakeholderHistory extends GraphqlWireMixin(LightningElement) {
  /** The Stakeholder__c record. */
  @api stakeholderId;
  /** ObjectInfo `fields` of Stakeholder__c: field labels in the user's language. */
  @api
  get fields() {
    return this._fields;
  }
  set fields(value) {
    this._fields = value || {};
    this.rebuild();
  }

  labels = labels;
  trendLabels = trendLabels;
  picklists;
  entries = [];
  _fields = {};

  get variables() {
    return { stakeholderId: this.stakeholderId };
  }

  get query() {
    return this.stakeholderId ? HISTORY_QUERY : undefined;
  }

  @wire(graphql, { query: '$query', variables: '$variables', operationName: 'stakeholderHistory' })
  wiredHistory(result) {
    if (this.receiveGraphql(result)) {
      this.rebuild();
    }
  }

  @wire(getPicklistValuesByRecordType, {
    objectApiName: STAKEHOLDER_OBJECT,
    recordTypeId: MASTER_RECORD_TYPE_ID
  })
  wiredPicklists(result) {
    this.picklists = result;
    this.rebuild();
  }

  /** The list in words: when the answer, the picklist labels or the field labels change. */
  rebuild() {
    const fields = this._fields;
    this.entries = historyEntries(readHistory(this.data), {
      fieldLabel: (field) => (fields[field] && fields[field].label) || field,
      valueLabel: picklistLabeler(this.picklists),
      locale: LOCALE,
      timeZone: TIME_ZONE
    });
  }

  get hasEntries() {
    return this.entries.length > 0;
  }
}
