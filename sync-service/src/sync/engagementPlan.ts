// Engagement from activities, planned: which sponsorships get new derived fields
// (Last_Engagement__c raised, Engagements_90D__c), and the sponsorships as the engine must see
// them once those are written. Pure, like the planner.
import { engagementStatusOn, sponsorEngagements, type SponsorEngagement, type SponsorshipInput } from '../metrics';
import type { Inputs } from './inputs';

/** An update of one Executive_Sponsor__c: only the fields the service derives. */
export interface SponsorRow {
  Id: string;
  Engagements_90D__c: number;
  /** Present only when raised: a date a person typed is never sent back (they may be editing it). */
  Last_Engagement__c?: string;
}

type EngagementInputs = Pick<Inputs, 'sponsor' | 'event' | 'task'>;

export function engagementsOf(asOf: string, inputs: EngagementInputs): Map<string, SponsorEngagement> {
  return sponsorEngagements(asOf, [...inputs.sponsor.values()], [...inputs.event.values(), ...inputs.task.values()]);
}

/**
 * The sponsorships with Engagement_Status__c as its formula will read once a raised
 * Last_Engagement__c is written (evaluated on the as-of date), so sponsor coverage counts a
 * sponsor an activity put back on cadence in the same run.
 */
export function sponsorsAfterEngagement(asOf: string, inputs: EngagementInputs, engagements = engagementsOf(asOf, inputs)): SponsorshipInput[] {
  return [...inputs.sponsor.values()].map((sponsor) => {
    const last = engagements.get(sponsor.id)?.lastEngagement ?? sponsor.lastEngagement;
    return last === sponsor.lastEngagement ? sponsor : { ...sponsor, engagementStatus: engagementStatusOn(asOf, last, sponsor.cadenceDays) };
  });
}

/** The sponsorships whose derived fields differ from what Salesforce holds (as read): unchanged ones are not rewritten. */
export function sponsorRowsToWrite(asOf: string, inputs: EngagementInputs, engagements = engagementsOf(asOf, inputs)): SponsorRow[] {
  const rows: SponsorRow[] = [];
  for (const sponsor of inputs.sponsor.values()) {
    const derived = engagements.get(sponsor.id);
    if (!derived) continue;
    const raised = derived.lastEngagement !== sponsor.lastEngagement && derived.lastEngagement !== null;
    if (!raised && derived.engagements90d === sponsor.engagements90d) continue;
    rows.push(raised ? { Id: sponsor.id, Engagements_90D__c: derived.engagements90d, Last_Engagement__c: derived.lastEngagement! } : { Id: sponsor.id, Engagements_90D__c: derived.engagements90d });
  }
  return rows;
}

/**
 * A sponsorship as Salesforce holds it once `row` is written: what the mirror keeps, so the next
 * run's re-read of the records the service itself updated compares equal.
 */
export function sponsorAsWritten(asOf: string, sponsor: SponsorshipInput, row: SponsorRow): SponsorshipInput {
  if (row.Last_Engagement__c === undefined) return { ...sponsor, engagements90d: row.Engagements_90D__c };
  return { ...sponsor, engagementStatus: engagementStatusOn(asOf, row.Last_Engagement__c, sponsor.cadenceDays), lastEngagement: row.Last_Engagement__c, engagements90d: row.Engagements_90D__c };
}
