// The change event channels of the objects the sync reads: one per input kind, named as the
// platform names them (Opportunity → /data/OpportunityChangeEvent, Account_Plan__c →
// /data/Account_Plan__ChangeEvent).
import { inputSources, type InputKind } from '../sync/inputs';
import { INPUT_KINDS } from '../sync/state';

export interface ChangeChannel {
  kind: InputKind;
  object: string;
  channel: string;
  /** The field of the record that names its account, as the event body carries it (null: the record is the account). */
  accountField: string | null;
}

export function channelName(object: string): string {
  return `/data/${object.endsWith('__c') ? `${object.slice(0, -1)}` : object}ChangeEvent`;
}

/** Where the event body names the account: the initiative names its plan, whose account the mirror knows. */
const EVENT_ACCOUNT_FIELD: Record<InputKind, string | null> = {
  opportunity: 'AccountId',
  account: null,
  plan: 'Account__c',
  initiative: 'Account_Plan__c',
  sponsor: 'Account__c',
  // An activity's WhatId may name an opportunity, and one with the counterpart only names a
  // contact: affectedAccounts leaves activities to an incremental run.
  event: 'WhatId',
  task: 'WhatId',
  objective: 'Account_Plan__c',
  stakeholder: 'Account__c',
  // A contact's change is compared by an incremental run (change alerts): see affectedAccounts.
  contact: null,
  // Not followed: a line item's change rolls up into its opportunity's Amount, whose event brings
  // the account (and its line items) in; the scheduled run catches the rest.
  lineItem: null
};

/** Kinds whose changes reach the service through their parent's events, not their own. */
const UNFOLLOWED: ReadonlySet<InputKind> = new Set(['lineItem']);

export function changeChannels(): ChangeChannel[] {
  const sources = inputSources(false);
  return INPUT_KINDS.filter((kind) => !UNFOLLOWED.has(kind)).map((kind) => ({ kind, object: sources[kind].object, channel: channelName(sources[kind].object), accountField: EVENT_ACCOUNT_FIELD[kind] }));
}
