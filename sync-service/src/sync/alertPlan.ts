// Stakeholder change alerts, planned (DESIGN.md "Stakeholder change alerts"): the contact behind a
// stakeholder as the sync saw it last, compared with how it reads now, decides the derived fields
// Change_Alert__c, Change_Detected__c and Previous_Title__c. Pure, like the planner.
//
// An alert is raised by a change, not by a state: the run that sees the change raises it once, and
// the contact as it reads now becomes what the next run compares with. So a run that sees no new
// change writes nothing (a person's clearing stands), and an alert a person cleared is not raised
// again for the same change. Precisely:
// - Left account: the contact's account was the stakeholder's account or in its customer group
//   and now is not (or is empty). Title changed: the title differs (trimmed, any case) from a
//   non-empty old one; Previous_Title__c keeps the old one. Email bounced: EmailBouncedDate goes
//   from empty to a date.
// - The first sight of a contact (no earlier reading) raises nothing.
// - Several changes at once raise the most serious (Left account, then Title changed, then Email
//   bounced); a new alert replaces an open one unless the open one is more serious.
// - Undone: when what an open alert reports is undone before anyone cleared it (the contact moved
//   back into the group, the title is back to Previous_Title__c, the bounce was cleared), the
//   service withdraws its own alert (blanks the three fields): it no longer holds. Undoing is no
//   new change.
import { buildAccountTree } from '../metrics/accountTree';
import type { ContactRecord, StakeholderRecord } from './inputs';

export const CHANGE_ALERTS = ['Left account', 'Title changed', 'Email bounced'] as const;
export type ChangeAlert = (typeof CHANGE_ALERTS)[number];

/** An update of one Stakeholder__c: only the fields the service derives. */
export interface AlertRow {
  Id: string;
  Change_Alert__c: ChangeAlert | null;
  /** YYYY-MM-DD: the run's as-of date. */
  Change_Detected__c: string | null;
  Previous_Title__c: string | null;
}

/** Whether a contact's account (null: none) is the stakeholder's account or in its customer group. */
export type InCustomer = (contactAccountId: string | null, stakeholderAccountId: string) => boolean;

/** InCustomer over the org's accounts: the same top account (Account.ParentId, up to 5 levels) is the same customer. */
export function inCustomerGroup(accounts: Iterable<{ id: string; parentId?: string | null }>): InCustomer {
  const tree = buildAccountTree([...accounts].map((a) => [a.id, a.parentId ?? null] as const));
  return (contactAccountId, stakeholderAccountId) => contactAccountId !== null && (contactAccountId === stakeholderAccountId || (tree.has(contactAccountId) && tree.topOf(contactAccountId) === tree.topOf(stakeholderAccountId)));
}

/** Lower is more serious; a value the service does not know counts least. */
function seriousness(alert: string | null): number {
  const index = CHANGE_ALERTS.indexOf(alert as ChangeAlert);
  return index < 0 ? CHANGE_ALERTS.length : index;
}

function sameTitle(a: string | null, b: string | null): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
}

/** The row one stakeholder needs after its contact read `then` and now reads `now`; null: nothing to write. */
export function alertRowFor(asOf: string, stakeholder: StakeholderRecord, then: ContactRecord, now: ContactRecord, inCustomer: InCustomer): AlertRow | null {
  const open = stakeholder.changeAlert;
  const wasIn = inCustomer(then.accountId, stakeholder.accountId);
  const isIn = inCustomer(now.accountId, stakeholder.accountId);
  const titleBack = open === 'Title changed' && stakeholder.previousTitle !== null && !sameTitle(then.title, now.title) && sameTitle(now.title, stakeholder.previousTitle);
  const undone =
    (open === 'Left account' && !wasIn && isIn) ||
    titleBack ||
    (open === 'Email bounced' && then.emailBouncedDate !== null && now.emailBouncedDate === null);
  const titleChanged = then.title !== null && !sameTitle(then.title, now.title) && !titleBack;
  const found: ChangeAlert[] = [];
  if (wasIn && !isIn) found.push('Left account');
  if (titleChanged) found.push('Title changed');
  if (then.emailBouncedDate === null && now.emailBouncedDate !== null) found.push('Email bounced');
  const stillOpen = undone ? null : open;
  const raised = found[0];
  let row: AlertRow | null = null;
  if (raised && (stillOpen === null || seriousness(raised) <= seriousness(stillOpen))) {
    row = { Id: stakeholder.id, Change_Alert__c: raised, Change_Detected__c: asOf, Previous_Title__c: titleChanged ? then.title : null };
  } else if (undone) {
    row = { Id: stakeholder.id, Change_Alert__c: null, Change_Detected__c: null, Previous_Title__c: null };
  }
  if (!row) return null;
  return holds(stakeholder, row) ? null : row;
}

/** Whether the stakeholder already holds what `row` would write. */
function holds(stakeholder: StakeholderRecord, row: AlertRow): boolean {
  return row.Change_Alert__c === stakeholder.changeAlert && row.Change_Detected__c === stakeholder.changeDetected && row.Previous_Title__c === stakeholder.previousTitle;
}

/**
 * The alert rows of the stakeholders whose contact was read this run (`now`, by contact id) and
 * read before (`then`); `retries` (rows an earlier run failed to write) go again unless this run
 * found something newer for the stakeholder, or the stakeholder is gone.
 */
export function alertRowsToWrite(
  asOf: string,
  stakeholders: Iterable<StakeholderRecord>,
  then: ReadonlyMap<string, ContactRecord>,
  now: ReadonlyMap<string, ContactRecord>,
  inCustomer: InCustomer,
  retries: readonly AlertRow[] = []
): AlertRow[] {
  const rows = new Map<string, AlertRow>();
  const present = new Map<string, StakeholderRecord>();
  for (const stakeholder of stakeholders) {
    present.set(stakeholder.id, stakeholder);
    const before = stakeholder.contactId === null ? undefined : then.get(stakeholder.contactId);
    const after = stakeholder.contactId === null ? undefined : now.get(stakeholder.contactId);
    if (!before || !after) continue;
    const row = alertRowFor(asOf, stakeholder, before, after, inCustomer);
    if (row) rows.set(row.Id, row);
  }
  for (const retry of retries) {
    const stakeholder = present.get(retry.Id);
    if (stakeholder && !rows.has(retry.Id) && !holds(stakeholder, retry)) rows.set(retry.Id, retry);
  }
  return [...rows.values()];
}

/** A stakeholder as Salesforce holds it once `row` is written (what the mirror keeps, and plan health reads). */
export function stakeholderAsWritten(stakeholder: StakeholderRecord, row: AlertRow): StakeholderRecord {
  return { ...stakeholder, changeAlert: row.Change_Alert__c, changeDetected: row.Change_Detected__c, previousTitle: row.Previous_Title__c };
}
