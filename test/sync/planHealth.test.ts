// Plan health (DESIGN.md "Plan health") written by the sync, as the integration user, on the
// current Account_Metric__c row: a hand-built account in the demo org, a full run, and an
// incremental run after a stakeholder is added. (Changed weights: metrics/planHealth.test.ts.)
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, adminActor, nextSecond, startDemoOrg, storeRows, syncDeps, uniquePrefix, type TestDeps } from './support';

describe('plan health on the current metric row', () => {
  let org: OrgHandle;
  let deps: TestDeps;
  let accountId: string;
  let admin: number;
  const prefix = uniquePrefix('plan-health');

  const current = () =>
    storeRows(org, `SELECT Plan_Health__c, Health_Plan__c, Health_Relationships__c, Health_Sponsorship__c, Health_Execution__c, Health_Checks__c FROM Account_Metric__c WHERE Account__c = '${accountId}' AND Is_Current__c = true`)[0];

  beforeAll(async () => {
    org = await startDemoOrg();
    const { username, password, clientId, clientSecret } = org.users.integration;
    deps = await syncDeps(org, prefix, { auth: { username, password, clientId, clientSecret } });
    admin = adminActor(org);
    const me = org.org.users.persona('admin').id;
    accountId = org.store.insert('Account', { Name: 'Plan Health Test Co' }, admin);
    const contact = (last: string) => org.store.insert('Contact', { LastName: last, AccountId: accountId }, admin);
    // D = 2026-06-15.
    // Plan: Strengths, Weaknesses, Customer Objectives filled (3 of 6 texts), target 500,000 > 0 (1),
    // next review 2026-07-01 ≥ D (1), an objective with owner, due date and target (1), an initiative
    // not Cancelled with both value targets (1) → 7 of 10 = 70.
    const plan = org.store.insert(
      'Account_Plan__c',
      { Name: 'Health plan', Account__c: accountId, Status__c: 'Active', Start_Date__c: '2026-01-01', End_Date__c: '2028-12-31', Strengths__c: 'Trusted', Weaknesses__c: 'Price', Customer_Objectives__c: 'Grow', Revenue_Target__c: 500_000, Next_Review__c: '2026-07-01' },
      admin
    );
    // Objectives: 40/100 = 0.4; Achieved (target 50) = 1; one without a target is left out → mean 0.7.
    org.store.insert('Plan_Objective__c', { Name: 'O1', Account_Plan__c: plan, Owner_User__c: me, Due_Date__c: '2026-12-31', Target_Value__c: 100, Current_Value__c: 40, Status__c: 'On track' }, admin);
    org.store.insert('Plan_Objective__c', { Name: 'O2', Account_Plan__c: plan, Target_Value__c: 50, Status__c: 'Achieved' }, admin);
    org.store.insert('Plan_Objective__c', { Name: 'O3', Account_Plan__c: plan, Status__c: 'On track' }, admin);
    // Active initiatives: due 2026-05-31 (late), undated (on time) → 1/2; the Proposed one does not count.
    org.store.insert('Joint_Initiative__c', { Name: 'I1', Account_Plan__c: plan, Status__c: 'Active', Customer_Value_Target__c: 1000, Supplier_Value_Target__c: 500, Target_Date__c: '2026-05-31' }, admin);
    org.store.insert('Joint_Initiative__c', { Name: 'I2', Account_Plan__c: plan, Status__c: 'Active' }, admin);
    org.store.insert('Joint_Initiative__c', { Name: 'I3', Account_Plan__c: plan, Status__c: 'Proposed', Target_Date__c: '2020-01-01' }, admin);
    // Execution = 100 × (0.7 + 0.5) / 2 = 60.
    // Stakeholders: an Economic Buyer (High, owned, Strong, seen 2026-06-01) and an Influencer
    // (High, unowned, Weak, seen 2026-01-01). EB 1, Champion 0, owned High 1/2, strong High 1/2,
    // recent 1/2, no alert on EB/Champion 1 → 3.5 / 6 → 58.333… (58.3).
    const eb = contact('Buyer');
    org.store.insert('Stakeholder__c', { Account__c: accountId, Contact__c: eb, Unique_Key__c: `${accountId}:${eb}`, Buying_Role__c: 'Economic Buyer', Influence__c: 'High', Relationship_Owner__c: me, Relationship_Strength__c: 'Strong', Last_Interaction__c: '2026-06-01' }, admin);
    const influencer = contact('Influencer');
    org.store.insert('Stakeholder__c', { Account__c: accountId, Contact__c: influencer, Unique_Key__c: `${accountId}:${influencer}`, Buying_Role__c: 'Influencer', Influence__c: 'High', Relationship_Strength__c: 'Weak', Last_Interaction__c: '2026-01-01' }, admin);
    // Sponsorships: one engaged 2026-05-01 (45 days ≤ 90: On cadence), one never → 1/2 = 50.
    org.store.insert('Executive_Sponsor__c', { Account__c: accountId, Sponsor__c: me, Active__c: true, Cadence_Days__c: 90, Last_Engagement__c: '2026-05-01' }, admin);
    org.store.insert('Executive_Sponsor__c', { Account__c: accountId, Sponsor__c: me, Active__c: true, Cadence_Days__c: 90 }, admin);
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  it('a full run writes the score and its four components', async () => {
    const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ status: 'done', failures: [] });
    // Plan health = (30·70 + 30·58.333 + 20·50 + 20·60) / 100 = (2100 + 1750 + 1000 + 1200) / 100 = 60.5.
    expect(current()).toEqual(expect.objectContaining({ Plan_Health__c: 60.5, Health_Plan__c: 70, Health_Relationships__c: 58.3, Health_Sponsorship__c: 50, Health_Execution__c: 60 }));
    // The failed checks behind it: Opportunities, Threats, Value Proposition unfilled; the Champion
    // missing, owned High 1/2, strong High 1/2, recent 1/2; one sponsorship of 2 on cadence;
    // objective progress 0.7, Active initiatives on time 1/2.
    expect(JSON.parse(current()!.Health_Checks__c as string)).toEqual([
      { component: 'Plan', weight: 30, failed: [{ code: 'opportunities' }, { code: 'threats' }, { code: 'valueProposition' }] },
      {
        component: 'Relationships',
        weight: 30,
        failed: [{ code: 'champion' }, { code: 'highInfluenceOwned', value: 0.5 }, { code: 'highInfluenceStrong', value: 0.5 }, { code: 'recentInteraction', value: 0.5 }]
      },
      { component: 'Sponsorship', weight: 20, failed: [{ code: 'sponsorsOnCadence', value: 0.5 }] },
      { component: 'Execution', weight: 20, failed: [{ code: 'objectiveProgress', value: 0.7 }, { code: 'initiativesOnTime', value: 0.5 }] }
    ]);
    // Past quarters carry no health; an account without an Active plan has none.
    const past = storeRows(org, `SELECT Plan_Health__c, Health_Checks__c FROM Account_Metric__c WHERE Account__c = '${accountId}' AND Is_Current__c = false`);
    expect(past.length).toBe(11);
    expect(past.every((row) => row.Plan_Health__c === null && row.Health_Checks__c === null)).toBe(true);
  });

  it('an incremental run after a Champion is added rewrites the current row', async () => {
    await nextSecond();
    const champion = org.store.insert('Contact', { LastName: 'Champion', AccountId: accountId }, admin);
    org.store.insert('Stakeholder__c', { Account__c: accountId, Contact__c: champion, Unique_Key__c: `${accountId}:${champion}`, Buying_Role__c: 'Champion', Influence__c: 'Medium', Last_Interaction__c: '2026-06-10' }, admin);
    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ mode: 'incremental', status: 'done', failures: [] });
    // EB 1, Champion 1, owned High 1/2, strong High 1/2, recent 2/3, no alert 1 → (4 + 2/3) / 6 = 77.78 (77.8).
    // Plan health = (2100 + 30·77.778 + 1000 + 1200) / 100 = (2100 + 2333.33 + 2200) / 100 = 66.33 (66.3).
    expect(current()).toEqual(expect.objectContaining({ Plan_Health__c: 66.3, Health_Relationships__c: 77.8 }));
    // The Champion's check no longer fails; recent becomes 2/3 (0.67).
    const relationships = (JSON.parse(current()!.Health_Checks__c as string) as { component: string; failed: unknown[] }[])[1]!;
    expect(relationships.failed).toEqual([{ code: 'highInfluenceOwned', value: 0.5 }, { code: 'highInfluenceStrong', value: 0.5 }, { code: 'recentInteraction', value: 0.67 }]);
  });
});
