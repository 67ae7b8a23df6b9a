// The demo's relationship stories and action plans: the path each field took (hand-worked), and
// what the demo org holds: on every strategic account stakeholders whose attitude decayed and
// others whose attitude improved within 90 days, Hartwell's relationships all decaying, each
// history ending at the stakeholder's current value; tasks under the Active plans' objectives.
import type { Connection } from 'jsforce';
import { DEMO_GAP_ACCOUNT, DEMO_STRATEGIC_ACCOUNTS, startOrg, type OrgHandle } from './index';
import { ATTITUDE_LADDER, STRENGTH_LADDER, changeDays, storyPath } from './generators/relationshipHistory';
import { personaConnection } from './testing/clients';

describe('storyPath', () => {
  it('walks two steps down to a decayed value, two up to an improved one, one old step for steady', () => {
    expect(storyPath(ATTITUDE_LADDER, 'Skeptic', 'decaying')).toEqual(['Supporter', 'Neutral', 'Skeptic']);
    expect(storyPath(ATTITUDE_LADDER, 'Supporter', 'improving')).toEqual(['Skeptic', 'Neutral', 'Supporter']);
    expect(storyPath(STRENGTH_LADDER, 'Medium', 'steady')).toEqual(['Weak', 'Medium']);
  });

  it('uses the room the ladder has: one step from the edge, the other way at it, none off it', () => {
    // Supporter can only have decayed from Advocate (one step).
    expect(storyPath(ATTITUDE_LADDER, 'Supporter', 'decaying')).toEqual(['Advocate', 'Supporter']);
    // Advocate cannot have decayed: it improved instead.
    expect(storyPath(ATTITUDE_LADDER, 'Advocate', 'decaying')).toEqual(['Neutral', 'Supporter', 'Advocate']);
    expect(storyPath(STRENGTH_LADDER, 'None', 'steady')).toEqual(['Weak', 'None']);
    expect(storyPath(ATTITUDE_LADDER, 'Unknown', 'improving')).toBeNull();
    expect(storyPath(ATTITUDE_LADDER, null, 'improving')).toBeNull();
  });
});

describe('the demo org', () => {
  const TODAY = '2026-06-15';
  let org: OrgHandle;
  let rep: Connection;
  type Row = { ParentId: string; Field: string; OldValue: string; NewValue: string; CreatedDate: string; Parent: { Account__r: { Name: string } } };
  let rows: Row[];
  let current: Map<string, Record<string, string | null>>;

  beforeAll(async () => {
    org = await startOrg({ data: 'demo', seed: 7, today: TODAY });
    rep = await personaConnection(org, 'rep');
    rows = (
      await rep.query<Row>(
        'SELECT ParentId, Field, OldValue, NewValue, CreatedDate, Parent.Account__r.Name FROM Stakeholder__History ORDER BY CreatedDate'
      )
    ).records;
    const stakeholders = await rep.query<{ Id: string; Attitude__c: string | null; Relationship_Strength__c: string | null }>(
      'SELECT Id, Attitude__c, Relationship_Strength__c FROM Stakeholder__c'
    );
    current = new Map(stakeholders.records.map((s) => [s.Id, { Attitude__c: s.Attitude__c, Relationship_Strength__c: s.Relationship_Strength__c }]));
  });

  afterAll(async () => {
    await org.close();
  });

  const rank = (value: string): number => ATTITUDE_LADDER.indexOf(value);
  // 15 June 2026 − 90 days = 17 March: changes from 18 March on are inside the window.
  const inWindow = (row: Row): boolean => row.CreatedDate.slice(0, 10) > '2026-03-17';

  it('ends every history at the stakeholder’s current value, within the last year', () => {
    expect(rows.length).toBeGreaterThan(20);
    const last = new Map<string, Row>();
    for (const row of rows) last.set(`${row.ParentId}:${row.Field}`, row);
    for (const row of last.values()) expect(row.NewValue).toBe(current.get(row.ParentId)![row.Field]);
    expect(rows.every((r) => r.CreatedDate >= '2025-06-15' && r.CreatedDate < `${TODAY}T23:59:59`)).toBe(true);
  });

  it('shows decaying and improving attitudes inside 90 days on the strategic accounts, Hartwell all decaying', () => {
    const trends = new Map<string, { decaying: number; improving: number }>();
    const firstInWindow = new Map<string, Row>();
    for (const row of rows.filter((r) => r.Field === 'Attitude__c' && inWindow(r))) {
      if (!firstInWindow.has(row.ParentId)) firstInWindow.set(row.ParentId, row);
    }
    for (const row of firstInWindow.values()) {
      const account = row.Parent.Account__r.Name;
      const entry = trends.get(account) ?? { decaying: 0, improving: 0 };
      const now = current.get(row.ParentId)!.Attitude__c!;
      if (rank(now) < rank(row.OldValue)) entry.decaying++;
      if (rank(now) > rank(row.OldValue)) entry.improving++;
      trends.set(account, entry);
    }
    expect([...trends.keys()].every((name) => (DEMO_STRATEGIC_ACCOUNTS as readonly string[]).includes(name))).toBe(true);
    expect(trends.get(DEMO_GAP_ACCOUNT)).toEqual({ decaying: expect.any(Number), improving: 0 });
    expect(trends.get(DEMO_GAP_ACCOUNT)!.decaying).toBeGreaterThanOrEqual(3);
    const others = [...trends.entries()].filter(([name]) => name !== DEMO_GAP_ACCOUNT);
    expect(others.filter(([, t]) => t.decaying > 0).length).toBeGreaterThanOrEqual(3);
    expect(others.filter(([, t]) => t.improving > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('has tasks under the Active plans’ objectives, some completed, some open', async () => {
    const tasks = (
      await rep.query<{ Status: string; WhatId: string }>("SELECT Status, WhatId FROM Task WHERE WhatId IN (SELECT Id FROM Plan_Objective__c WHERE Account_Plan__r.Status__c = 'Active')")
    ).records;
    expect(tasks.length).toBe(DEMO_STRATEGIC_ACCOUNTS.length * 6);
    expect(tasks.filter((t) => t.Status === 'Completed').length).toBe(DEMO_STRATEGIC_ACCOUNTS.length * 3);
  });
});

describe('changeDays', () => {
  const random = { int: (min: number) => min } as unknown as import('./random').Random;
  // Today is day 1000; random.int always answers its minimum here.
  it('puts a trend’s last change inside 90 days and the earlier one before it', () => {
    // Last: 1000 − 8 = 992; earlier: 1000 − (100 + 60) = 840.
    expect(changeDays(random, 2, 'decaying', 500, 1000)).toEqual([840, 992]);
  });

  it('squeezes a young record’s changes in after its creation, in order', () => {
    // Created on day 985: the earlier change (840) moves to 986, the last stays on 992.
    expect(changeDays(random, 2, 'improving', 985, 1000)).toEqual([986, 992]);
    // Created on day 995: 996, then 997 (after the first, though 992 was wanted).
    expect(changeDays(random, 2, 'improving', 995, 1000)).toEqual([996, 997]);
  });

  it('gives a steady story one change older than 90 days, or none on a young record', () => {
    expect(changeDays(random, 1, 'steady', 500, 1000)).toEqual([880]);
    expect(changeDays(random, 1, 'steady', 950, 1000)).toEqual([]);
  });
});
