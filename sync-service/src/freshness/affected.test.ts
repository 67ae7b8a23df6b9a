import { affectedAccounts, type MirrorLookup, type RecordChange } from './affected';
import type { InputKind } from '../sync/inputs';

const A1 = '001000000000001AAA';
const A2 = '001000000000002AAA';
const O1 = '006000000000001AAA';
const O2 = '006000000000002AAA';
const P1 = 'a01000000000001AAA';
const I1 = 'a02000000000001AAA';
const C1 = '003000000000001AAA';
const C2 = '003000000000002AAA';

/** A mirror holding O1 on A1, plan P1 on A2 and initiative I1 under P1 (so on A2). */
const mirror: MirrorLookup = async (kind: InputKind, ids: string[]) => {
  const held: Record<string, Record<string, unknown>> = {
    [`opportunity:${O1}`]: { id: O1, accountId: A1 },
    [`plan:${P1}`]: { id: P1, accountId: A2 },
    [`initiative:${I1}`]: { id: I1, accountId: A2 },
    [`contact:${C1}`]: { id: C1, accountId: A1, title: 'CFO', emailBouncedDate: null }
  };
  return new Map(ids.filter((id) => held[`${kind}:${id}`]).map((id) => [id, JSON.stringify(held[`${kind}:${id}`])]));
};

const change = (kind: InputKind, id: string, changeType: string, reference: string | null | undefined): RecordChange => ({ kind, recordIds: [id], changeType, reference });

describe('the accounts a change touches', () => {
  it('a contact behind a stakeholder (mirrored) is for an incremental run to compare; any other contact is none of the sync’s business', async () => {
    expect(await affectedAccounts([change('contact', C1, 'UPDATE', undefined)], mirror)).toEqual({ accounts: new Set(), unresolved: 1 });
    expect(await affectedAccounts([change('contact', C2, 'UPDATE', undefined)], mirror)).toEqual({ accounts: new Set(), unresolved: 0 });
  });

  it('a moved opportunity: the new account from the event, the old one from the mirror', async () => {
    expect(await affectedAccounts([change('opportunity', O1, 'UPDATE', A2)], mirror)).toEqual({ accounts: new Set([A2, A1]), unresolved: 0 });
  });

  it('an update that does not carry AccountId: the mirror names the account', async () => {
    expect(await affectedAccounts([change('opportunity', O1, 'UPDATE', undefined)], mirror)).toEqual({ accounts: new Set([A1]), unresolved: 0 });
  });

  it('an update of a record the mirror never held, without its account: unresolved', async () => {
    expect(await affectedAccounts([change('opportunity', O2, 'UPDATE', undefined)], mirror)).toEqual({ accounts: new Set(), unresolved: 1 });
  });

  it('a created opportunity without an account touches none; a deleted one its mirrored account', async () => {
    expect(await affectedAccounts([change('opportunity', O2, 'CREATE', undefined)], mirror)).toEqual({ accounts: new Set(), unresolved: 0 });
    expect(await affectedAccounts([change('opportunity', O1, 'DELETE', undefined)], mirror)).toEqual({ accounts: new Set([A1]), unresolved: 0 });
  });

  it('an initiative names its plan: the plan’s account comes from the mirror', async () => {
    expect(await affectedAccounts([change('initiative', 'a02000000000009AAA', 'CREATE', P1)], mirror)).toEqual({ accounts: new Set([A2]), unresolved: 0 });
    expect(await affectedAccounts([change('initiative', I1, 'UPDATE', undefined)], mirror)).toEqual({ accounts: new Set([A2]), unresolved: 0 });
  });

  it('an account change is that account; 15-character ids become 18', async () => {
    expect(await affectedAccounts([change('account', A1.slice(0, 15), 'UPDATE', undefined)], mirror)).toEqual({ accounts: new Set([A1]), unresolved: 0 });
  });
});
