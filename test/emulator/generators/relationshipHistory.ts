// The demo's relationship stories and action plans: field history on the strategic accounts'
// stakeholders over the last year (Stakeholder__History rows with past CreatedDate, ending at each
// stakeholder's current values, so the map shows decaying, improving and steady arrows and the
// editor a believable history), and tasks under the Active plans' first objectives.
import type { Org } from '../org';
import type { Random } from '../random';
import type { Table } from '../store/table';
import { DAY_MS, dayToIso } from '../store/values';

/** Worst to best: a later value is a better relationship. */
export const ATTITUDE_LADDER = ['Detractor', 'Skeptic', 'Neutral', 'Supporter', 'Advocate'];
export const STRENGTH_LADDER = ['None', 'Weak', 'Medium', 'Strong'];

export type Story = 'decaying' | 'improving' | 'steady';

/**
 * The values a field went through, oldest first, ending at `current`: two steps down to it
 * (decaying), two steps up (improving), or one old change (steady); the other way round when
 * the ladder has no room. Null when `current` is not on the ladder (Unknown, blank).
 */
export function storyPath(ladder: string[], current: string | null, story: Story): string[] | null {
  const at = current === null ? -1 : ladder.indexOf(current);
  if (at < 0) return null;
  const from = (direction: number): string[] => {
    const steps = [2, 1].map((n) => at + direction * n).filter((i) => i >= 0 && i < ladder.length);
    return steps.length === 0 ? [] : [...steps.map((i) => ladder[i]!), current!];
  };
  if (story === 'steady') return at > 0 ? [ladder[at - 1]!, current!] : [ladder[at + 1]!, current!];
  const path = from(story === 'decaying' ? 1 : -1);
  return path.length > 0 ? path : from(story === 'decaying' ? -1 : 1);
}

/**
 * Days of the changes of a path (one fewer than its values), oldest first: a trend's last change
 * inside the last 90 days and the earlier ones before it; a steady story's only change older than
 * 90 days. All after the day the record was created: a young record's changes are squeezed in
 * (a steady story, which needs an old change, then has none).
 */
export function changeDays(random: Random, changes: number, story: Story, createdDay: number, today: number): number[] {
  const earliest = createdDay + 1;
  const latest = today - 1;
  if (story === 'steady') {
    const day = today - random.int(120, 330);
    return day >= earliest ? [day] : [];
  }
  const wanted = [today - random.int(8, 60)];
  for (let i = 1; i < changes; i++) wanted.unshift(today - random.int(100 + 60 * i, 160 + 90 * i));
  const days: number[] = [];
  for (const day of wanted) {
    const placed = Math.max(day, earliest, (days[days.length - 1] ?? -Infinity) + 1);
    if (placed <= latest) days.push(placed);
  }
  return days;
}

const STORIES: Story[] = ['decaying', 'improving', 'steady'];

interface Cells {
  table: Table;
  get(field: string, row: number): unknown;
}

function cellsOf(org: Org, object: string): Cells {
  const table = org.store.table(object)!;
  return { table, get: (field, row) => table.column(field)!.get(row) };
}

/**
 * History for every stakeholder of `accounts` (Hartwell's all decaying, the others in turn
 * decaying, improving and steady), written by the relationship owner or the account's owner.
 */
export function seedRelationshipHistory(org: Org, random: Random, accounts: Array<{ id: string; owner: string; allDecaying: boolean }>, today: number): void {
  const store = org.store;
  const users = store.table('User')!;
  const accountTable = store.table('Account')!;
  const stakeholders = cellsOf(org, 'Stakeholder__c');
  const attitude = stakeholders.table.field('Attitude__c')!;
  const strength = stakeholders.table.field('Relationship_Strength__c')!;
  accounts.forEach((account, accountIndex) => {
    const accountRow = accountTable.rowOf(account.id);
    let index = 0;
    for (let row = 0; row < stakeholders.table.size; row++) {
      if (!stakeholders.table.isLive(row) || stakeholders.get('Account__c', row) !== accountRow) continue;
      const createdDay = Math.floor((stakeholders.get('CreatedDate', row) as number) / DAY_MS);
      const ownerRow = stakeholders.get('Relationship_Owner__c', row);
      const author = typeof ownerRow === 'number' ? ownerRow : users.rowOf(account.owner);
      const turn = index + accountIndex;
      index++;
      const fields = [
        { field: attitude, ladder: ATTITUDE_LADDER, story: account.allDecaying ? 'decaying' : STORIES[turn % 3]! },
        { field: strength, ladder: STRENGTH_LADDER, story: account.allDecaying ? 'decaying' : STORIES[(turn + 1) % 3]! }
      ] as const;
      for (const { field, ladder, story } of fields) {
        const path = storyPath([...ladder], stakeholders.get(field.name, row) as string | null, story);
        if (!path) continue;
        const days = changeDays(random, path.length - 1, story, createdDay, today);
        const values = path.slice(path.length - 1 - days.length);
        days.forEach((day, i) => {
          const at = day * DAY_MS + random.int(8 * 3600, 18 * 3600) * 1000;
          store.recordHistory(stakeholders.table, row, [{ field: field.name, oldValue: values[i]!, newValue: values[i + 1]! }], author, at);
        });
      }
    }
  });
}

const TASK_PLANS: Array<Array<{ subject: string; status: string; due: number }>> = [
  [
    { subject: 'Map the decision makers behind the target', status: 'Completed', due: -40 },
    { subject: 'Agree the success measure with the sponsor', status: 'Completed', due: -12 },
    { subject: 'Propose the joint roadmap', status: 'In Progress', due: 14 },
    { subject: 'Quarterly review with the buying centre', status: 'Not Started', due: 60 }
  ],
  [
    { subject: 'Collect the baseline figures', status: 'Completed', due: -20 },
    { subject: 'Book the executive briefing', status: 'Not Started', due: 21 }
  ]
];

/**
 * Tasks under the first two objectives of each account's Active plan (the last step of an
 * action plan often still open), owned by the objective's owner.
 */
export function seedObjectiveTasks(org: Org, random: Random, accountIds: string[], today: number, at: (day: number) => { at: number }): void {
  const store = org.store;
  const plans = cellsOf(org, 'Account_Plan__c');
  const objectives = cellsOf(org, 'Plan_Objective__c');
  const accountTable = store.table('Account')!;
  const users = store.table('User')!;
  for (const accountId of accountIds) {
    const accountRow = accountTable.rowOf(accountId);
    const plan = [...Array(plans.table.size).keys()].find(
      (row) => plans.table.isLive(row) && plans.get('Account__c', row) === accountRow && plans.get('Status__c', row) === 'Active'
    );
    if (plan === undefined) continue;
    const mine = [...Array(objectives.table.size).keys()].filter((row) => objectives.table.isLive(row) && objectives.get('Account_Plan__c', row) === plan).slice(0, TASK_PLANS.length);
    mine.forEach((objective, i) => {
      const ownerRow = objectives.get('Owner_User__c', objective);
      const owner = typeof ownerRow === 'number' ? users.id(ownerRow) : null;
      for (const step of TASK_PLANS[i]!) {
        const due = today + step.due + random.int(-3, 3);
        store.insert(
          'Task',
          { Subject: step.subject, WhatId: objectives.table.id(objective), ActivityDate: dayToIso(due), Status: step.status, ...(owner ? { OwnerId: owner } : {}) },
          0,
          at(Math.min(today - 1, due - 30))
        );
      }
    });
  }
}
