import { engagementStatusOn, sponsorEngagements, type ActivityInput, type SponsorshipInput } from './engagement';

// D = 2026-06-15. The 90-day window is (D − 90 days, D] = (2026-03-17, 2026-06-15]:
// 2026-06-15 − 90 days: June 15 → May 16 (30 days) → April 16 (30 more) → March 17 (30 more).
const D = '2026-06-15';
const ELEANOR = '005000000000001AAA';
const MARCUS = '005000000000002AAA';
const ACME = '001000000000001AAA';
const GLOBEX = '001000000000002AAA';
const ANNA = '003000000000001AAA'; // Eleanor's counterpart at Acme
const BORIS = '003000000000002AAA'; // another Acme contact

function sponsorship(id: string, overrides: Partial<SponsorshipInput> = {}): SponsorshipInput {
  return { id, accountId: ACME, active: true, engagementStatus: null, sponsorUserId: ELEANOR, counterpartId: ANNA, cadenceDays: 90, lastEngagement: null, engagements90d: null, ...overrides };
}

let next = 0;
function activity(activityDate: string | null, overrides: Partial<ActivityInput> = {}): ActivityInput {
  return { id: `00U${String(++next).padStart(15, '0')}`, ownerId: ELEANOR, whoId: null, whatId: ACME, activityDate, completed: true, ...overrides };
}

describe('sponsorEngagements (DESIGN.md "Engagement")', () => {
  it('counts the sponsor’s events and completed tasks with the counterpart or on the account, dated on or before D', () => {
    const activities = [
      activity('2026-06-10'), //                                     on the account, in the window → counts
      activity('2026-05-02', { whoId: ANNA, whatId: null }), //       with the counterpart, no WhatId → counts
      activity('2026-03-17'), //                                     exactly D − 90 days: outside (start exclusive), but an engagement
      activity('2026-03-18', { whoId: BORIS }), //                    on the account with someone else: D − 89 days → counts
      activity('2026-06-16'), //                                     after D → not an engagement
      activity('2026-06-12', { completed: false }), //               an open Task → not an engagement
      activity('2026-06-14', { ownerId: MARCUS }), //                someone else's meeting → not Eleanor's engagement
      activity('2026-06-14', { whatId: GLOBEX }), //                 Eleanor at another account, not with Anna → no
      activity(null) //                                              undated → no
    ];
    const result = sponsorEngagements(D, [sponsorship('a0S1', { lastEngagement: '2026-01-20' })], activities);
    // In (2026-03-17, 2026-06-15]: 06-10, 05-02, 03-18 → 3. Latest engagement 2026-06-10 > typed 2026-01-20 → raised.
    expect(result.get('a0S1')).toEqual({ lastEngagement: '2026-06-10', engagements90d: 3 });
  });

  it('never lowers a later typed date, even one after D', () => {
    const activities = [activity('2026-04-01')];
    const sponsorships = [sponsorship('typedLater', { lastEngagement: '2026-05-20' }), sponsorship('typedAfterD', { lastEngagement: '2026-06-30' })];
    const result = sponsorEngagements(D, sponsorships, activities);
    // 2026-04-01 is in the window (after 03-17) → 1 each; the typed 05-20 and 06-30 are later than 04-01 → kept.
    expect(result.get('typedLater')).toEqual({ lastEngagement: '2026-05-20', engagements90d: 1 });
    expect(result.get('typedAfterD')).toEqual({ lastEngagement: '2026-06-30', engagements90d: 1 });
  });

  it('an engagement before the window sets a blank date but counts 0; without activities the typed date stays', () => {
    const old = [activity('2025-11-30')]; // before (2026-03-17, 2026-06-15]
    const sponsorships = [sponsorship('blank'), sponsorship('marcus', { sponsorUserId: MARCUS, lastEngagement: '2026-02-01' }), sponsorship('nobody', { sponsorUserId: null })];
    const result = sponsorEngagements(D, sponsorships, old);
    // Eleanor at Acme, blank typed date: the 2025-11-30 meeting is the latest engagement → 2025-11-30, 0 in the window.
    expect(result.get('blank')).toEqual({ lastEngagement: '2025-11-30', engagements90d: 0 });
    // Marcus has no activity: his typed 2026-02-01 stays, count 0.
    expect(result.get('marcus')).toEqual({ lastEngagement: '2026-02-01', engagements90d: 0 });
    // No sponsor user: nothing can be theirs.
    expect(result.get('nobody')).toEqual({ lastEngagement: null, engagements90d: 0 });
  });

  it('without a counterpart, only activities on the account count', () => {
    const activities = [activity('2026-06-01', { whoId: ANNA, whatId: null }), activity('2026-05-01', { whoId: ANNA, whatId: ACME })];
    const result = sponsorEngagements(D, [sponsorship('noCounterpart', { counterpartId: null })], activities);
    // 06-01 has no WhatId and no counterpart to match → no; 05-01 is on Acme → 1, latest 05-01.
    expect(result.get('noCounterpart')).toEqual({ lastEngagement: '2026-05-01', engagements90d: 1 });
  });

  it('rejects an as-of date that is not a date', () => {
    expect(() => sponsorEngagements('15/06/2026', [], [])).toThrow('as-of date is not YYYY-MM-DD: 15/06/2026');
  });
});

describe('engagementStatusOn (the Engagement_Status__c formula)', () => {
  it('is Overdue past the cadence, On cadence on its last day, No engagement without a date', () => {
    // 2026-06-15 − 2026-03-16 = 91 days (> 90) → Overdue; − 2026-03-17 = 90 days (not > 90) → On cadence.
    expect(engagementStatusOn(D, '2026-03-16', 90)).toBe('Overdue');
    expect(engagementStatusOn(D, '2026-03-17', 90)).toBe('On cadence');
    expect(engagementStatusOn(D, null, 90)).toBe('No engagement');
    expect(engagementStatusOn(D, '2020-01-01', null)).toBe('On cadence');
  });
});
