// Which accounts a batch of record changes touches: the account named by the change (a new or
// moved record's new account) and the one the mirror holds for it (a moved or deleted record's old
// account). A change whose account neither names nor the mirror knows is unresolved: the caller
// runs an incremental run instead.
import { accountOf, type InputKind, type InputOf } from '../sync/inputs';
import { toId18 } from '../salesforce/soql';

export interface RecordChange {
  kind: InputKind;
  recordIds: string[];
  changeType: string;
  /**
   * The account reference the change carries (an initiative's: its plan): a value, null when the
   * field is empty, undefined when the change does not carry the field (an update of other fields).
   */
  reference: string | null | undefined;
}

/** Mirror entries (JSON inputs) of one kind by id. */
export type MirrorLookup = (kind: InputKind, ids: string[]) => Promise<Map<string, string>>;

export interface Affected {
  accounts: Set<string>;
  unresolved: number;
}

export async function affectedAccounts(changes: RecordChange[], mirror: MirrorLookup): Promise<Affected> {
  const accounts = new Set<string>();
  let unresolved = 0;
  const accountIn = async (kind: InputKind, id: string): Promise<string | null | undefined> => {
    const json = (await mirror(kind, [id])).get(id);
    return json === undefined ? undefined : accountOf(kind, JSON.parse(json) as InputOf<InputKind>);
  };
  for (const change of changes) {
    const ids = change.recordIds.map(toId18);
    if (change.kind === 'account') {
      for (const id of ids) accounts.add(id);
      continue;
    }
    // Engagement matches an activity to sponsorships by owner, contact or account: the incremental run resolves it.
    if (change.kind === 'event' || change.kind === 'task') {
      unresolved += ids.length;
      continue;
    }
    // Change alerts compare contacts in incremental runs; a contact the mirror does not hold is
    // behind no stakeholder (a new stakeholder's contact is read with the stakeholder).
    if (change.kind === 'contact') {
      unresolved += (await mirror('contact', ids)).size;
      continue;
    }
    // A created or undeleted record's change carries every non-empty field: no reference is none.
    let named = change.reference === undefined && /CREATE|UNDELETE/.test(change.changeType) ? null : change.reference;
    if (named && (change.kind === 'initiative' || change.kind === 'objective')) named = await accountIn('plan', toId18(named));
    else if (named) named = toId18(named);
    if (named) accounts.add(named);
    const held = await mirror(change.kind, ids);
    for (const id of ids) {
      const json = held.get(id);
      const old = json === undefined ? undefined : accountOf(change.kind, JSON.parse(json) as InputOf<InputKind>);
      if (old) accounts.add(old);
      // Neither side known: a record the mirror never held, changed without naming its account.
      if (old === undefined && named === undefined && !/DELETE/.test(change.changeType)) unresolved++;
    }
  }
  return { accounts, unresolved };
}
