/**
 * From the panel's GraphQL result to sponsorships and stakeholders, and from a logged
 * engagement to the records it writes. Pure, so the rules are tested apart from the template.
 */
import EVENT_OBJECT from '@salesforce/schema/Event';
import EVENT_SUBJECT from '@salesforce/schema/Event.Subject';
import EVENT_TYPE from '@salesforce/schema/Event.Type';
import EVENT_DATE from '@salesforce/schema/Event.ActivityDate';
import EVENT_ALL_DAY from '@salesforce/schema/Event.IsAllDayEvent';
import EVENT_DESCRIPTION from '@salesforce/schema/Event.Description';
import EVENT_WHO from '@salesforce/schema/Event.WhoId';
import EVENT_WHAT from '@salesforce/schema/Event.WhatId';
import EVENT_OWNER from '@salesforce/schema/Event.OwnerId';
import LAST_ENGAGEMENT from '@salesforce/schema/Executive_Sponsor__c.Last_Engagement__c';
import NEXT_ENGAGEMENT from '@salesforce/schema/Executive_Sponsor__c.Next_Engagement__c';
import LAST_INTERACTION from '@salesforce/schema/Stakeholder__c.Last_Interaction__c';
import { recordsOf, valueOf, parentValueOf } from 'c/graphqlRecords';
import { addDays } from 'c/tandemFormat';

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

const later = (a, b) => (!b || a > b ? a : b);

/**
 * The writes of a logged engagement (DESIGN.md "Engagement"): an all-day Event owned by the
 * sponsor with the counterpart (Who) on the account (What); the sponsorship's last engagement
 * (never moved back) and the next one due a cadence later; the counterpart stakeholder's last
 * interaction when the user may write it (pass no stakeholders otherwise).
 */
export function engagementWrites({ sponsorship, engagement, accountId, stakeholders, subject }) {
  const { date, type, notes } = engagement;
  const eventFields = {
    [EVENT_SUBJECT.fieldApiName]: subject,
    [EVENT_DATE.fieldApiName]: date,
    [EVENT_ALL_DAY.fieldApiName]: true,
    [EVENT_WHAT.fieldApiName]: accountId,
    [EVENT_OWNER.fieldApiName]: sponsorship.sponsorId
  };
  if (sponsorship.counterpartId) {
    eventFields[EVENT_WHO.fieldApiName] = sponsorship.counterpartId;
  }
  if (type) {
    eventFields[EVENT_TYPE.fieldApiName] = type;
  }
  if (notes) {
    eventFields[EVENT_DESCRIPTION.fieldApiName] = notes;
  }
  const last = later(date, sponsorship.lastEngagement);
  const sponsorshipFields = { Id: sponsorship.id, [LAST_ENGAGEMENT.fieldApiName]: last };
  if (typeof sponsorship.cadenceDays === 'number' && sponsorship.cadenceDays > 0) {
    sponsorshipFields[NEXT_ENGAGEMENT.fieldApiName] = addDays(last, sponsorship.cadenceDays);
  }
  const counterpart = sponsorship.counterpartId
    ? (stakeholders || []).find((s) => s.contactId === sponsorship.counterpartId)
    : undefined;
  const interaction = counterpart ? later(date, counterpart.lastInteraction) : null;
  return {
    event: { apiName: EVENT_OBJECT.objectApiName, fields: eventFields },
    sponsorship: { fields: sponsorshipFields },
    stakeholder:
      counterpart && interaction !== counterpart.lastInteraction
        ? { fields: { Id: counterpart.id, [LAST_INTERACTION.fieldApiName]: interaction } }
        : null
  };
}
