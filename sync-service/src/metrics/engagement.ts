// Sponsor engagement from Salesforce activities (DESIGN.md "Engagement"): an Event, or a Task whose
// Status is Completed, owned by the sponsor user, with the counterpart (WhoId) or on the account
// (WhatId), dated on or before D. Pure: records in, the derived fields of each sponsorship out.
import { formatDay, parseDay } from './calendar';
import type { SponsorInput } from './types';

/** An Event or a Task as the engagement rule needs it. */
export interface ActivityInput {
  id: string;
  ownerId: string | null;
  whoId: string | null;
  whatId: string | null;
  /** YYYY-MM-DD */
  activityDate: string | null;
  /** Events always; a Task once its Status is Completed. */
  completed: boolean;
}

/** A sponsorship with what the engagement rule reads: who sponsors, with whom, and the typed date. */
export interface SponsorshipInput extends SponsorInput {
  sponsorUserId: string | null;
  counterpartId: string | null;
  cadenceDays: number | null;
  /** Last_Engagement__c as typed (or as the service last raised it). */
  lastEngagement: string | null;
  /** Engagements_90D__c as Salesforce holds it. */
  engagements90d: number | null;
}

/** The derived fields of one sponsorship. */
export interface SponsorEngagement {
  /** The later of the typed date and the latest engagement; null with neither. */
  lastEngagement: string | null;
  /** Engagements dated in (D − 90 days, D]. */
  engagements90d: number;
}

const WINDOW_DAYS = 90;

/** Engagements per sponsorship id, for every sponsorship in `sponsorships` (DESIGN.md "Engagement"). */
export function sponsorEngagements(asOf: string, sponsorships: readonly SponsorshipInput[], activities: Iterable<ActivityInput>): Map<string, SponsorEngagement> {
  const d = parseDay(asOf);
  if (Number.isNaN(d)) throw new Error(`as-of date is not YYYY-MM-DD: ${asOf}`);
  // Only the sponsors' own activities can count: index them by owner once.
  const sponsorUsers = new Set(sponsorships.map((s) => s.sponsorUserId).filter((id): id is string => id !== null));
  const byOwner = new Map<string, Array<{ day: number; whoId: string | null; whatId: string | null }>>();
  for (const activity of activities) {
    if (!activity.completed || activity.ownerId === null || !sponsorUsers.has(activity.ownerId) || activity.activityDate === null) continue;
    const day = parseDay(activity.activityDate);
    // An unreadable date is NaN and fails the comparison: it never counts.
    if (!(day <= d)) continue;
    let list = byOwner.get(activity.ownerId);
    if (!list) byOwner.set(activity.ownerId, (list = []));
    list.push({ day, whoId: activity.whoId, whatId: activity.whatId });
  }
  const result = new Map<string, SponsorEngagement>();
  for (const sponsorship of sponsorships) {
    let latest = Number.NEGATIVE_INFINITY;
    let recent = 0;
    for (const activity of (sponsorship.sponsorUserId && byOwner.get(sponsorship.sponsorUserId)) || []) {
      const withCounterpart = sponsorship.counterpartId !== null && activity.whoId === sponsorship.counterpartId;
      if (!withCounterpart && activity.whatId !== sponsorship.accountId) continue;
      if (activity.day > latest) latest = activity.day;
      if (activity.day > d - WINDOW_DAYS) recent++;
    }
    const typed = sponsorship.lastEngagement === null ? Number.NEGATIVE_INFINITY : parseDay(sponsorship.lastEngagement);
    // Never lower what a person typed: a later typed date (even one after D) stays as typed.
    const raised = latest > typed || (Number.isNaN(typed) && latest > Number.NEGATIVE_INFINITY);
    result.set(sponsorship.id, { lastEngagement: raised ? formatDay(latest) : sponsorship.lastEngagement, engagements90d: recent });
  }
  return result;
}

/**
 * Executive_Sponsor__c.Engagement_Status__c as its formula computes it on `today`:
 * IF(ISBLANK(Last), "No engagement", IF(TODAY() − Last > Cadence, "Overdue", "On cadence")).
 * A blank cadence compares as false in the formula, so it reads On cadence.
 */
export function engagementStatusOn(today: string, lastEngagement: string | null, cadenceDays: number | null): string {
  if (lastEngagement === null) return 'No engagement';
  if (cadenceDays === null) return 'On cadence';
  return parseDay(today) - parseDay(lastEngagement) > cadenceDays ? 'Overdue' : 'On cadence';
}
