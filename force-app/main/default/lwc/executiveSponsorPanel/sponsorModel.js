/**
 * From the panel's GraphQL result to sponsorships and stakeholders (the writes of a logged
 * engagement are c/sponsorEngagement's). Pure, so the rules are tested apart from the template.
 */
import { recordsOf, valueOf, parentValueOf } from 'c/graphqlRecords';

export function readSponsorships(data) {
  return recordsOf(data, 'Executive_Sponsor__c').map((node) => ({
    id: node.Id,
    sponsorId: valueOf(node, 'Sponsor__c'),
    sponsorName: parentValueOf(node, 'Sponsor__r', 'Name'),
    sponsorTitle: parentValueOf(node, 'Sponsor__r', 'Title'),
    photoUrl: parentValueOf(node, 'Sponsor__r', 'SmallPhotoUrl'),
    counterpartId: valueOf(node, 'Customer_Counterpart__c'),
    counterpartName: parentValueOf(node, 'Customer_Counterpart__r', 'Name'),
    counterpartTitle: parentValueOf(node, 'Customer_Counterpart__r', 'Title'),
    role: valueOf(node, 'Role__c'),
    startDate: valueOf(node, 'Start_Date__c'),
    cadenceDays: valueOf(node, 'Cadence_Days__c'),
    lastEngagement: valueOf(node, 'Last_Engagement__c'),
    nextEngagement: valueOf(node, 'Next_Engagement__c'),
    commitments: valueOf(node, 'Commitments__c'),
    daysSinceEngagement: valueOf(node, 'Days_Since_Engagement__c'),
    engagementStatus: valueOf(node, 'Engagement_Status__c')
  }));
}

export function readStakeholders(data) {
  return recordsOf(data, 'Stakeholder__c').map((node) => ({
    id: node.Id,
    contactId: valueOf(node, 'Contact__c'),
    name: parentValueOf(node, 'Contact__r', 'Name'),
    title: parentValueOf(node, 'Contact__r', 'Title'),
    influence: valueOf(node, 'Influence__c'),
    lastInteraction: valueOf(node, 'Last_Interaction__c')
  }));
}
