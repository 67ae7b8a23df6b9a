// Engagement from activities (DESIGN.md "Engagement"), end to end: the sponsor logs Events and
// Tasks through jsforce, the sync (as the integration user, over HTTP, state in Redis) raises
// Last_Engagement__c and writes Engagements_90D__c; incremental runs read only changed activities
// and leave unchanged sponsorships alone.
import type { Connection } from 'jsforce';
import { DEMO_CAPTURED_ACCOUNT, DEMO_GAP_ACCOUNT, DEMO_LAPSED_ACCOUNT, DEMO_UNENGAGED_ACCOUNT, type OrgHandle } from '../emulator';
import { personaConnection } from '../emulator/testing/clients';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, adminActor, nextSecond, startDemoOrg, storeRows, syncDeps, uniquePrefix, type TestDeps } from './support';

// D = TODAY = 2026-06-15; the 90-day window is (2026-03-17, 2026-06-15].
describe('engagement from activities', () => {
  let org: OrgHandle;
  let deps: TestDeps;
  let sponsor: Connection;
  const prefix = uniquePrefix('engagement');
  let accountId: string;
  let counterpartId: string;
  /** With the counterpart, cadence 60 days, typed 2026-02-01. */
  let withCounterpart: string;
  /** No counterpart, typed 2026-06-12 (later than any activity at first). */
  let typedLater: string;
  const ids: Record<string, string> = {};

  const sponsorship = (id: string) => storeRows(org, `SELECT Last_Engagement__c, Engagements_90D__c, Engagement_Status__c FROM Executive_Sponsor__c WHERE Id = '${id}'`)[0];

  beforeAll(async () => {
    org = await startDemoOrg();
    const { username, password, clientId, clientSecret } = org.users.integration;
    deps = await syncDeps(org, prefix, { auth: { username, password, clientId, clientSecret } });
    sponsor = await personaConnection(org, 'sponsor');
    // A non-strategic account: its sponsorships move no metric row, so every write below is a sponsorship's.
    const [account] = storeRows(org, 'SELECT Id FROM Account WHERE Strategic_Account__c = false ORDER BY Name LIMIT 1');
    accountId = String(account!.Id);
    counterpartId = String(storeRows(org, `SELECT Id FROM Contact WHERE AccountId = '${accountId}' ORDER BY Id LIMIT 1`)[0]!.Id);
    await runSync({ mode: 'full', asOf: TODAY }, deps);
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  it('the demo: the full run puts the sponsor’s co-sponsorship logged only in her calendar on cadence; the overdue account stays overdue', () => {
    const eleanor = org.org.users.persona('sponsor').id;
    const of = (account: string) => storeRows(org, `SELECT Last_Engagement__c, Engagements_90D__c, Engagement_Status__c FROM Executive_Sponsor__c WHERE Sponsor__c = '${eleanor}' AND Account__r.Name = '${account}'`)[0];
    // Northwind: nothing typed; a board meeting with the counterpart 15–25 days ago and a site visit
    // on the account 70–80 days ago, both in (D − 90, D] → 2; the board meeting is the latest, and
    // D − it ≤ 25 ≤ 90 (the cadence) → On cadence.
    const [board] = storeRows(org, `SELECT ActivityDate FROM Event WHERE OwnerId = '${eleanor}' AND Subject = 'Innovation board'`);
    expect(of(DEMO_CAPTURED_ACCOUNT)).toEqual(expect.objectContaining({ Last_Engagement__c: board!.ActivityDate, Engagements_90D__c: 2, Engagement_Status__c: 'On cadence' }));
    // Hartwell: its only meeting is the missed review on the typed date, 150 days before D (outside
    // the window), and the open task does not count → 0, still Overdue.
    expect(of(DEMO_GAP_ACCOUNT)).toEqual(expect.objectContaining({ Engagements_90D__c: 0, Engagement_Status__c: 'Overdue' }));
  });

  it('the demo: after the full run the sponsor’s portfolio holds every state, on different accounts', () => {
    const eleanor = org.org.users.persona('sponsor').id;
    const portfolio = storeRows(org, `SELECT Account__r.Name, Engagement_Status__c, Days_Since_Engagement__c, Engagements_90D__c FROM Executive_Sponsor__c WHERE Sponsor__c = '${eleanor}' AND Active__c = true ORDER BY Account__r.Name`);
    const byAccount = Object.fromEntries(portfolio.map((row) => [(row.Account__r as { Name: string }).Name, row]));
    expect(Object.keys(byAccount).sort()).toEqual([DEMO_UNENGAGED_ACCOUNT, 'Castellan Manufacturing', DEMO_LAPSED_ACCOUNT, DEMO_GAP_ACCOUNT, DEMO_CAPTURED_ACCOUNT].sort());
    expect(byAccount[DEMO_GAP_ACCOUNT]).toMatchObject({ Engagement_Status__c: 'Overdue', Days_Since_Engagement__c: 150 });
    // Typed 75 days before D on a 60-day cadence, no activity of hers there → 75 > 60, Overdue.
    expect(byAccount[DEMO_LAPSED_ACCOUNT]).toMatchObject({ Engagement_Status__c: 'Overdue', Days_Since_Engagement__c: 75, Engagements_90D__c: 0 });
    // Nothing typed, no activity → No engagement.
    expect(byAccount[DEMO_UNENGAGED_ACCOUNT]).toMatchObject({ Engagement_Status__c: 'No engagement', Engagements_90D__c: 0 });
    expect(byAccount['Castellan Manufacturing']).toMatchObject({ Engagement_Status__c: 'On cadence' });
    expect(byAccount[DEMO_CAPTURED_ACCOUNT]).toMatchObject({ Engagement_Status__c: 'On cadence' });
    // The rep sponsors nothing (her Home page shows the empty portfolio).
    const maya = org.org.users.persona('rep').id;
    expect(storeRows(org, `SELECT Id FROM Executive_Sponsor__c WHERE Sponsor__c = '${maya}'`)).toEqual([]);
  });

  it('an incremental run reads the new sponsorships and activities and writes both sponsorships', async () => {
    const admin = adminActor(org);
    const sponsorUser = org.org.users.persona('sponsor').id;
    await nextSecond();
    withCounterpart = org.store.insert('Executive_Sponsor__c', { Account__c: accountId, Sponsor__c: sponsorUser, Customer_Counterpart__c: counterpartId, Role__c: 'Executive Sponsor', Active__c: true, Cadence_Days__c: 60, Last_Engagement__c: '2026-02-01' }, admin);
    typedLater = org.store.insert('Executive_Sponsor__c', { Account__c: accountId, Sponsor__c: sponsorUser, Role__c: 'Co-Sponsor', Active__c: true, Cadence_Days__c: 90, Last_Engagement__c: '2026-06-12' }, admin);
    const event = async (date: string, extra: Record<string, unknown> = {}) => (await sponsor.sobject('Event').create({ Subject: 'Meeting', ActivityDate: date, IsAllDayEvent: true, WhatId: accountId, ...extra })).id!;
    ids.e0410 = await event('2026-04-10');
    ids.e0301 = await event('2026-03-01');
    ids.t0520 = (await sponsor.sobject('Task').create({ Subject: 'Call', ActivityDate: '2026-05-20', WhoId: counterpartId, Status: 'Completed' })).id!;
    ids.t0601 = (await sponsor.sobject('Task').create({ Subject: 'Send deck', ActivityDate: '2026-06-01', WhatId: accountId })).id!;
    // The account manager's own meeting is not the sponsor's engagement.
    ids.admin0610 = org.store.insert('Event', { Subject: 'Team visit', ActivityDate: '2026-06-10', IsAllDayEvent: true, WhatId: accountId }, admin);

    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    // 2 sponsorships + 3 events + 2 tasks changed.
    expect(summary).toMatchObject({ mode: 'incremental', status: 'done', changedRecords: 7, sponsorRowsWritten: 2, metricRowsWritten: 0, failures: [] });
    // withCounterpart: Eleanor's engagements on the account or with the counterpart, ≤ D:
    //   event 04-10 (account), task 05-20 (counterpart, Completed), event 03-01 (account);
    //   not the open task 06-01, not the admin's 06-10 event.
    //   Latest 2026-05-20 > typed 2026-02-01 → raised. In (03-17, 06-15]: 04-10, 05-20 → 2.
    //   Status: 2026-06-15 − 2026-05-20 = 26 days ≤ 60 → On cadence.
    expect(sponsorship(withCounterpart)).toMatchObject({ Last_Engagement__c: '2026-05-20', Engagements_90D__c: 2, Engagement_Status__c: 'On cadence' });
    // typedLater: no counterpart, so only activities on the account: 04-10, 03-01 → in window 04-10 → 1;
    //   latest 04-10 < typed 06-12 → the typed date stays.
    expect(sponsorship(typedLater)).toMatchObject({ Last_Engagement__c: '2026-06-12', Engagements_90D__c: 1 });
    // Written by the integration user.
    expect(storeRows(org, `SELECT LastModifiedById FROM Executive_Sponsor__c WHERE Id = '${withCounterpart}'`)[0]!.LastModifiedById).toBe(org.org.users.persona('integration').id);
  });

  it('the next incremental run finds its own writes unchanged: the mirror holds what it wrote', async () => {
    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    // The two sponsorships it updated are read again (their SystemModstamp moved) and equal the mirror.
    expect(summary).toMatchObject({ changedRecords: 0, sponsorRowsWritten: 0, metricRowsWritten: 0, failures: [] });
    expect(summary.apiCalls).toBeLessThanOrEqual(3);
  });

  it('a new Event the sponsor logs raises both sponsorships on the next incremental run, reading only that Event', async () => {
    await nextSecond();
    ids.e0614 = (await sponsor.sobject('Event').create({ Subject: 'Dinner with the board', ActivityDate: '2026-06-14', IsAllDayEvent: true, WhatId: accountId })).id!;
    const before = org.apiUsage().used;
    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    // Three composite reads (context + opportunities, the other inputs, the activities) and one collection update.
    expect(org.apiUsage().used - before).toBe(4);
    expect(summary).toMatchObject({ changedRecords: 1, sponsorRowsWritten: 2, metricRowsWritten: 0, failures: [] });
    // withCounterpart: + 06-14 → in window 04-10, 05-20, 06-14 = 3; latest 06-14 > 05-20 → raised.
    expect(sponsorship(withCounterpart)).toMatchObject({ Last_Engagement__c: '2026-06-14', Engagements_90D__c: 3 });
    // typedLater: + 06-14 → 04-10, 06-14 = 2; latest 06-14 > typed 06-12 → raised now.
    expect(sponsorship(typedLater)).toMatchObject({ Last_Engagement__c: '2026-06-14', Engagements_90D__c: 2 });
  });

  it('a task completed and an event deleted change the counts, never lowering the last engagement', async () => {
    await nextSecond();
    await sponsor.sobject('Task').update({ Id: ids.t0601!, Status: 'Completed' });
    const completed = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(completed).toMatchObject({ changedRecords: 1, sponsorRowsWritten: 2, failures: [] });
    // withCounterpart: 04-10, 05-20, 06-01, 06-14 = 4. typedLater (account only): 04-10, 06-01, 06-14 = 3.
    expect(sponsorship(withCounterpart)).toMatchObject({ Last_Engagement__c: '2026-06-14', Engagements_90D__c: 4 });
    expect(sponsorship(typedLater)).toMatchObject({ Last_Engagement__c: '2026-06-14', Engagements_90D__c: 3 });

    await nextSecond();
    // The baseline profile does not delete activities: an admin cleans up the meeting that never happened.
    org.store.remove('Event', ids.e0614!, adminActor(org));
    const deleted = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(deleted).toMatchObject({ changedRecords: 1, sponsorRowsWritten: 2, failures: [] });
    // Without 06-14: withCounterpart 04-10, 05-20, 06-01 = 3; typedLater 04-10, 06-01 = 2. The latest
    // activity is now 06-01, but 06-14 is what Salesforce holds: never lowered.
    expect(sponsorship(withCounterpart)).toMatchObject({ Last_Engagement__c: '2026-06-14', Engagements_90D__c: 3 });
    expect(sponsorship(typedLater)).toMatchObject({ Last_Engagement__c: '2026-06-14', Engagements_90D__c: 2 });
  });

  it('a full run from empty state agrees and writes no sponsorship', async () => {
    await deps.state.clear();
    const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ status: 'done', sponsorRowsWritten: 0, failures: [] });
  });
});
