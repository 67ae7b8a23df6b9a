/**
 * Logging an executive engagement (DESIGN.md "Engagement"), shared by every component that offers
 * it (the account's sponsor panel, the sponsor's portfolio): the records a logged engagement writes
 * (pure) and the writes themselves through Lightning Data Service.
 */
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
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
import { addDays, formatDate, formatLabel } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';

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

/** The Event's subject: names the counterpart (else the sponsor). */
export function engagementSubject(sponsorship) {
  return formatLabel(
    labels.sponsorLogSubject,
    sponsorship.counterpartName || sponsorship.sponsorName || ''
  );
}

/**
 * Writes what engagementWrites returned, in order (the Event first: a sponsorship is never moved
 * on without its meeting), and says what happened for the toast.
 */
export async function saveEngagement(writes) {
  await createRecord(writes.event);
  await updateRecord(writes.sponsorship);
  if (writes.stakeholder) {
    await updateRecord(writes.stakeholder);
  }
  const next = writes.sponsorship.fields[NEXT_ENGAGEMENT.fieldApiName];
  return next
    ? formatLabel(labels.sponsorEngagementLogged, formatDate(next))
    : labels.sponsorLogged;
}
