// Stakeholder change alerts (DESIGN.md "Stakeholder change alerts"), end to end: contacts change in
// the emulated org, the sync (as the integration user, over HTTP, state in Redis) compares them
// with what it saw last through incremental runs and writes Change_Alert__c, Change_Detected__c and
// Previous_Title__c; a person (the rep) clears an alert and the service leaves it cleared.
import type { Connection } from 'jsforce';
import { DEMO_ALERT_CHANGES, DEMO_CAPTURED_ACCOUNT, applyDemoContactChanges, type OrgHandle } from '../emulator';
import { personaConnection } from '../emulator/testing/clients';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, adminActor, nextSecond, startDemoOrg, storeRows, syncDeps, uniquePrefix, type TestDeps } from './support';

type Alert = { Change_Alert__c: string | null; Change_Detected__c: string | null; Previous_Title__c: string | null };
const NONE: Alert = { Change_Alert__c: null, Change_Detected__c: null, Previous_Title__c: null };

describe('stakeholder change alerts', () => {
  let org: OrgHandle;
  let deps: TestDeps;
  let rep: Connection;
  const prefix = uniquePrefix('alerts');
  let admin: number;
  let northwind: string;
  let elsewhere: string;
  /** Northwind's stakeholders by buying role: stakeholder and contact ids, the contact's title. */
  const people: Record<string, { id: string; contact: string; title: string }> = {};

  const alertOf = (stakeholderId: string): Alert => {
    const [row] = storeRows(org, `SELECT Change_Alert__c, Change_Detected__c, Previous_Title__c FROM Stakeholder__c WHERE Id = '${stakeholderId}'`);
    return { Change_Alert__c: (row!.Change_Alert__c as string | null) ?? null, Change_Detected__c: (row!.Change_Detected__c as string | null) ?? null, Previous_Title__c: (row!.Previous_Title__c as string | null) ?? null };
  };
  const openAlerts = () => storeRows(org, 'SELECT Id FROM Stakeholder__c WHERE Change_Alert__c != null').length;
  const healthChecks = () => String(storeRows(org, `SELECT Health_Checks__c FROM Account_Metric__c WHERE Account__c = '${northwind}' AND Is_Current__c = true`)[0]!.Health_Checks__c);
  const changeContact = async (contactId: string, values: Record<string, unknown>) => {
    await nextSecond();
    org.store.update('Contact', contactId, values, admin);
  };
  const incremental = () => runSync({ mode: 'incremental', asOf: TODAY }, deps);

  beforeAll(async () => {
    org = await startDemoOrg();
    admin = adminActor(org);
    const { username, password, clientId, clientSecret } = org.users.integration;
    deps = await syncDeps(org, prefix, { auth: { username, password, clientId, clientSecret } });
    rep = await personaConnection(org, 'rep');
    northwind = String(storeRows(org, `SELECT Id FROM Account WHERE Name = '${DEMO_CAPTURED_ACCOUNT}'`)[0]!.Id);
    // Outside Northwind's customer group: a non-strategic account without parent or children.
    elsewhere = String(storeRows(org, "SELECT Id FROM Account WHERE Name = 'Birchwood Foods'")[0]!.Id);
    for (const row of storeRows(org, `SELECT Id, Buying_Role__c, Contact__c, Contact__r.Title FROM Stakeholder__c WHERE Account__c = '${northwind}'`)) {
      people[String(row.Buying_Role__c)] = { id: String(row.Id), contact: String(row.Contact__c), title: String((row.Contact__r as { Title: string }).Title) };
    }
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  it('the first sight of the contacts raises nothing', async () => {
    const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ mode: 'full', status: 'done', stakeholderAlertsWritten: 0, failures: [] });
    expect(openAlerts()).toBe(0);
    // The state holds each contact behind a stakeholder once (a contact may be on several maps).
    const behind = new Set(storeRows(org, 'SELECT Contact__c FROM Stakeholder__c').map((r) => String(r.Contact__c)));
    expect((await deps.state.readMeta())!.counts.contact).toBe(behind.size);
    expect(healthChecks()).not.toContain('keyPersonAlert');
  });

  it('an incremental run raises Left account, Title changed and Email bounced, and plan health sees them', async () => {
    expect(Object.keys(people)).toEqual(expect.arrayContaining(['Economic Buyer', 'Champion', 'Decision Maker']));
    await changeContact(people.Champion!.contact, { AccountId: elsewhere });
    await changeContact(people['Economic Buyer']!.contact, { Title: 'Chair of the Board' });
    await changeContact(people['Decision Maker']!.contact, { EmailBouncedDate: `${TODAY}T07:30:00.000Z`, EmailBouncedReason: '550 mailbox unavailable' });
    // Within a customer group is no leaving: a Castellan stakeholder's contact moves to its subsidiary.
    const [castellan] = storeRows(org, "SELECT Id, Contact__c FROM Stakeholder__c WHERE Account__r.Name = 'Castellan Manufacturing' ORDER BY Id LIMIT 1");
    const acme = String(storeRows(org, "SELECT Id FROM Account WHERE Name = 'Acme Fabrication' AND Parent.Name = 'Castellan Manufacturing'")[0]!.Id);
    await changeContact(String(castellan!.Contact__c), { AccountId: acme });

    const summary = await incremental();
    expect(summary).toMatchObject({ mode: 'incremental', status: 'done', changedRecords: 4, stakeholderAlertsWritten: 3, failures: [] });
    expect(alertOf(String(castellan!.Id))).toEqual(NONE);
    // Three composite reads (context + opportunities; accounts, plans, initiatives, sponsors,
    // contacts and the delete log; activities, objectives, stakeholders and weights), one
    // collection update of the three stakeholders, one upsert of the metric rows plan health moved.
    expect(summary.apiCalls).toBe(5);
    expect(alertOf(people.Champion!.id)).toEqual({ Change_Alert__c: 'Left account', Change_Detected__c: TODAY, Previous_Title__c: null });
    expect(alertOf(people['Economic Buyer']!.id)).toEqual({ Change_Alert__c: 'Title changed', Change_Detected__c: TODAY, Previous_Title__c: people['Economic Buyer']!.title });
    expect(alertOf(people['Decision Maker']!.id)).toEqual({ Change_Alert__c: 'Email bounced', Change_Detected__c: TODAY, Previous_Title__c: null });
    expect(openAlerts()).toBe(3);
    // "No open change alert on an Economic Buyer or Champion" now fails for Northwind.
    expect(healthChecks()).toContain('keyPersonAlert');
  });

  it('the next run finds nothing new: its own writes read back as they were mirrored', async () => {
    const summary = await incremental();
    expect(summary).toMatchObject({ changedRecords: 0, stakeholderAlertsWritten: 0, metricRowsWritten: 0 });
    expect(summary.apiCalls).toBe(3);
  });

  it('an alert a person cleared is not raised again, and stays cleared through further runs', async () => {
    await nextSecond();
    await rep.sobject('Stakeholder__c').update({ Id: people['Economic Buyer']!.id, ...NONE });
    const summary = await incremental();
    expect(summary).toMatchObject({ changedRecords: 1, stakeholderAlertsWritten: 0, failures: [] });
    expect(alertOf(people['Economic Buyer']!.id)).toEqual(NONE);
    // The champion's alert is still open.
    expect(healthChecks()).toContain('keyPersonAlert');
    // Another edit of the same contact that is no new change (the phone) raises nothing either.
    await changeContact(people['Economic Buyer']!.contact, { Phone: '+1 555 0199' });
    expect(await incremental()).toMatchObject({ changedRecords: 0, stakeholderAlertsWritten: 0 });
    expect(alertOf(people['Economic Buyer']!.id)).toEqual(NONE);
  });

  it('a contact moved back before anyone cleared the alert: the service withdraws its own Left account', async () => {
    await changeContact(people.Champion!.contact, { AccountId: northwind });
    const summary = await incremental();
    expect(summary).toMatchObject({ changedRecords: 1, stakeholderAlertsWritten: 1, failures: [] });
    expect(alertOf(people.Champion!.id)).toEqual(NONE);
    expect(healthChecks()).not.toContain('keyPersonAlert');
  });

  it('a contact moved back after the alert was cleared raises nothing; leaving again raises it again', async () => {
    await changeContact(people['Decision Maker']!.contact, { AccountId: elsewhere });
    await incremental();
    // Left account outranks the open Email bounced.
    expect(alertOf(people['Decision Maker']!.id)).toMatchObject({ Change_Alert__c: 'Left account' });
    await nextSecond();
    await rep.sobject('Stakeholder__c').update({ Id: people['Decision Maker']!.id, ...NONE });
    await changeContact(people['Decision Maker']!.contact, { AccountId: northwind });
    expect(await incremental()).toMatchObject({ stakeholderAlertsWritten: 0 });
    expect(alertOf(people['Decision Maker']!.id)).toEqual(NONE);
    await changeContact(people['Decision Maker']!.contact, { AccountId: elsewhere });
    expect(await incremental()).toMatchObject({ stakeholderAlertsWritten: 1 });
    expect(alertOf(people['Decision Maker']!.id)).toEqual({ Change_Alert__c: 'Left account', Change_Detected__c: TODAY, Previous_Title__c: null });
  });

  it('a new stakeholder’s contact is read once on its first sight (no alert), and its next change raises one', async () => {
    const [contact] = storeRows(org, `SELECT Id, Title FROM Contact WHERE AccountId = '${northwind}' AND Id NOT IN (SELECT Contact__c FROM Stakeholder__c) ORDER BY Id LIMIT 1`);
    const contactId = String(contact!.Id);
    await nextSecond();
    const { id } = await rep.sobject('Stakeholder__c').create({ Account__c: northwind, Contact__c: contactId, Unique_Key__c: `${northwind}:${contactId}`, Buying_Role__c: 'Influencer' });
    const first = await incremental();
    // The three reads, one query for the contact the change queries did not return, the metric upsert.
    expect(first).toMatchObject({ changedRecords: 2, stakeholderAlertsWritten: 0 });
    expect(first.apiCalls).toBe(5);
    await changeContact(contactId, { Title: 'Head of Digital' });
    expect(await incremental()).toMatchObject({ changedRecords: 1, stakeholderAlertsWritten: 1 });
    expect(alertOf(id!)).toEqual({ Change_Alert__c: 'Title changed', Change_Detected__c: TODAY, Previous_Title__c: contact!.Title });
  });

  it('an account run (live freshness) reads a new stakeholder’s contact too, so its next change raises an alert', async () => {
    const [contact] = storeRows(org, `SELECT Id, Title FROM Contact WHERE AccountId = '${northwind}' AND Title != null AND Id NOT IN (SELECT Contact__c FROM Stakeholder__c) ORDER BY Id LIMIT 1`);
    const contactId = String(contact!.Id);
    await nextSecond();
    const { id } = await rep.sobject('Stakeholder__c').create({ Account__c: northwind, Contact__c: contactId, Unique_Key__c: `${northwind}:${contactId}`, Buying_Role__c: 'Coach' });
    expect(await runSync({ mode: 'account', accountId: northwind, asOf: TODAY }, deps)).toMatchObject({ mode: 'account', stakeholderAlertsWritten: 0, failures: [] });
    expect((await deps.state.mirrorEntries('contact', [contactId])).size).toBe(1);
    await changeContact(contactId, { Title: 'Head of Procurement' });
    expect(await incremental()).toMatchObject({ stakeholderAlertsWritten: 1 });
    expect(alertOf(id!)).toEqual({ Change_Alert__c: 'Title changed', Change_Detected__c: TODAY, Previous_Title__c: contact!.Title });
  });

  it('an alert that cannot be written is reported with the stakeholder’s id and kept to send again while the stakeholder exists', async () => {
    await changeContact(people.Champion!.contact, { Title: 'Chief Digital Officer' });
    // The stakeholder is deleted after the reads: its update fails on its own.
    const failed = await runSync({ mode: 'incremental', asOf: TODAY }, {
      ...deps,
      onProgress: (percent) => {
        if (percent === 30) org.store.remove('Stakeholder__c', people.Champion!.id, admin);
      }
    });
    expect(failed).toMatchObject({ status: 'partial', changedRecords: 1, stakeholderAlertsWritten: 0 });
    expect(failed.failures).toEqual([expect.objectContaining({ key: `Stakeholder__c:${people.Champion!.id}`, code: 'ENTITY_IS_DELETED' })]);
    expect((await deps.state.readMeta())!.alertRetries).toEqual([{ Id: people.Champion!.id, Change_Alert__c: 'Title changed', Change_Detected__c: TODAY, Previous_Title__c: people.Champion!.title }]);
    // The next run sees the stakeholder gone and lets the alert go with it.
    expect(await incremental()).toMatchObject({ status: 'done', changedRecords: 1, stakeholderAlertsWritten: 0, failures: [] });
    expect((await deps.state.readMeta())!.alertRetries).toEqual([]);
  });

  it('a full run compares with the state too: a change made before it raises its alert', async () => {
    await changeContact(people['Economic Buyer']!.contact, { EmailBouncedDate: `${TODAY}T09:00:00.000Z` });
    const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ mode: 'full', stakeholderAlertsWritten: 1, failures: [] });
    expect(alertOf(people['Economic Buyer']!.id)).toEqual({ Change_Alert__c: 'Email bounced', Change_Detected__c: TODAY, Previous_Title__c: null });
    expect(await incremental()).toMatchObject({ changedRecords: 0, stakeholderAlertsWritten: 0 });
  });
});

describe('the demo’s change alerts (what npm start shows)', () => {
  let org: OrgHandle;
  let deps: TestDeps;

  beforeAll(async () => {
    org = await startDemoOrg();
    const { username, password, clientId, clientSecret } = org.users.integration;
    deps = await syncDeps(org, uniquePrefix('demo-alerts'), { auth: { username, password, clientId, clientSecret } });
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  it('a full sync, the demo’s contact changes, an incremental sync: one alert on each of three strategic accounts', async () => {
    await runSync({ mode: 'full', asOf: TODAY }, deps);
    await nextSecond();
    const titles = new Map(storeRows(org, 'SELECT Id, Title FROM Contact').map((c) => [String(c.Id), c.Title]));
    const changed = applyDemoContactChanges(org.org, adminActor(org));
    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ mode: 'incremental', status: 'done', changedRecords: 3, stakeholderAlertsWritten: 3, failures: [] });
    const alerts = storeRows(org, 'SELECT Account__r.Name, Buying_Role__c, Contact__c, Change_Alert__c, Change_Detected__c, Previous_Title__c FROM Stakeholder__c WHERE Change_Alert__c != null ORDER BY Account__r.Name');
    expect(alerts.map((a) => [(a.Account__r as { Name: string }).Name, a.Buying_Role__c, a.Change_Alert__c, a.Change_Detected__c, a.Previous_Title__c])).toEqual([
      ['Aurora Renewables', 'Economic Buyer', 'Title changed', TODAY, titles.get(changed[1]!)],
      ['Bluefjord Telecom', 'Decision Maker', 'Email bounced', TODAY, null],
      ['Meridian Capital Bank', 'Champion', 'Left account', TODAY, null]
    ]);
    expect(DEMO_ALERT_CHANGES.map((c) => c.alert)).toEqual(['Left account', 'Title changed', 'Email bounced']);
  });
});
