import { emptyInputs, type InputKind } from './inputs';
import { inputsFromMirror, mirrorChanges, moveLineItems, overlayChanges } from './planner';
import type { ChangedRecords } from './reader';

const A1 = '001000000000001AAA';
const A2 = '001000000000002AAA';
const O1 = '006000000000001AAA';
const O2 = '006000000000002AAA';
const O3 = '006000000000003AAA';

function opportunity(id: string, accountId: string, amount: number) {
  return { id, accountId, amount, closeDate: '2026-01-01', createdDate: '2025-01-01T00:00:00.000Z', isWon: true, isClosed: true, probability: 100 };
}

function mirrorOf(entries: Partial<Record<InputKind, Array<[string, unknown]>>>): Record<InputKind, Map<string, string>> {
  const kinds: InputKind[] = ['opportunity', 'account', 'plan', 'initiative', 'sponsor', 'event', 'task', 'objective', 'stakeholder', 'contact', 'lineItem'];
  return Object.fromEntries(kinds.map((k) => [k, new Map((entries[k] ?? []).map(([id, v]) => [id, JSON.stringify(v)]))])) as Record<InputKind, Map<string, string>>;
}

function changed(opportunities: ChangedRecords['opportunity']): ChangedRecords {
  return { opportunity: opportunities, account: [], plan: [], initiative: [], sponsor: [], event: [], task: [], objective: [], stakeholder: [], contact: [], lineItem: [] };
}

describe('the planner', () => {
  it('moves the line items of an opportunity that changes account, unless the run read them itself', () => {
    const line = (id: string, opportunityId: string, accountId: string | null) => JSON.stringify({ id, opportunityId, accountId, family: 'Analytics', totalPrice: 10 });
    const [L1, L2, L3, L4] = ['00k000000000001AAA', '00k000000000002AAA', '00k000000000003AAA', '00k000000000004AAA'];
    // O1 moves A1 → A2, O2 changes within A1, O3 loses its account.
    const opportunities = {
      set: new Map([[O1, '{}'], [O2, '{}'], [O3, '{}']]),
      remove: [],
      from: new Map([[O1, A1], [O2, A1], [O3, A2]]),
      to: new Map([[O1, A2], [O2, A1], [O3, '-']])
    };
    const held = new Map([
      [A1, new Map([[L1, line(L1, O1, A1)], [L2, line(L2, O1, A1)], [L3, line(L3, O2, A1)]])],
      [A2, new Map([[L4, line(L4, O3, A2)]])]
    ]);
    // L2 was read this run (its read says where it goes).
    const lines = { set: new Map([[L2, line(L2, O1, A2)]]), remove: [], from: new Map([[L2, A1]]), to: new Map([[L2, A2]]) };
    expect(moveLineItems(opportunities, held, lines)).toBe(2);
    expect(lines.set).toEqual(new Map([[L2, line(L2, O1, A2)], [L1, line(L1, O1, A2)], [L4, line(L4, O3, null)]]));
    expect(lines.from).toEqual(new Map([[L2, A1], [L1, A1], [L4, A2]]));
    expect(lines.to).toEqual(new Map([[L2, A2], [L1, A2], [L4, '-']]));
  });

  it('counts as changes only records whose content differs, and deletions of mirrored records', () => {
    const mirror = mirrorOf({ opportunity: [[O1, opportunity(O1, A1, 100)], [O2, opportunity(O2, A1, 200)]] });
    const { changes, count } = mirrorChanges(
      changed([
        { id: O1, deleted: false, input: opportunity(O1, A1, 100) },
        { id: O2, deleted: true, input: null },
        { id: O3, deleted: true, input: null },
        { id: O3, deleted: false, input: opportunity(O3, A2, 5) }
      ]),
      mirror
    );
    expect(count).toBe(2);
    expect(changes.opportunity!.remove).toEqual([O2]);
    expect([...changes.opportunity!.set.keys()]).toEqual([O3]);
  });

  it('applies the changes to the mirror and parses it into inputs', () => {
    const mirror = mirrorOf({ opportunity: [[O1, opportunity(O1, A1, 100)], [O2, opportunity(O2, A1, 200)]], account: [[A1, { id: A1, isStrategic: false }]] });
    const inputs = inputsFromMirror(mirror, { opportunity: { set: new Map([[O1, JSON.stringify(opportunity(O1, A1, 150))]]), remove: [O2] } });
    expect([...inputs.opportunity.values()]).toEqual([opportunity(O1, A1, 150)]);
    expect(inputs.account.get(A1)).toEqual({ id: A1, isStrategic: false });
  });

  it('turns a re-read of some accounts into mirror changes: fresh records set, vanished ones of those accounts removed, other accounts kept', () => {
    const base = emptyInputs();
    base.opportunity.set(O1, opportunity(O1, A1, 1));
    base.opportunity.set(O2, opportunity(O2, A2, 2));
    const fresh = emptyInputs();
    fresh.opportunity.set(O3, opportunity(O3, A1, 3));
    const mirror = mirrorOf({ opportunity: [[O1, opportunity(O1, A1, 1)], [O2, opportunity(O2, A2, 2)]] });
    const { changes } = mirrorChanges(overlayChanges(base, fresh, new Set([A1])), mirror);
    expect(changes.opportunity!.remove).toEqual([O1]);
    expect([...changes.opportunity!.set.keys()]).toEqual([O3]);
    expect([...inputsFromMirror(mirror, changes).opportunity.keys()].sort()).toEqual([O2, O3]);
  });

  it('moves an opportunity between two re-read accounts without losing it', () => {
    const base = emptyInputs();
    base.opportunity.set(O1, opportunity(O1, A1, 1));
    const fresh = emptyInputs();
    fresh.opportunity.set(O1, opportunity(O1, A2, 1));
    const mirror = mirrorOf({ opportunity: [[O1, opportunity(O1, A1, 1)]] });
    const { changes } = mirrorChanges(overlayChanges(base, fresh, new Set([A1, A2])), mirror);
    expect(changes.opportunity!.remove).toEqual([]);
    expect(inputsFromMirror(mirror, changes).opportunity.get(O1)?.accountId).toBe(A2);
  });
});
