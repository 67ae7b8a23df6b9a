// Property: for any sequence of writes (creates, updates of random fields, deletes, and
// transactions that roll back), a jsforce streaming client receives exactly one event per
// committed record change, in commit order, with consecutive replay ids and the fields that
// really changed; and replaying from any received id yields exactly the events after it.
import fc from 'fast-check';
import type { Connection } from 'jsforce';
import { StreamingExtension } from 'jsforce/lib/api/streaming';
import { SfError } from '../errors';
import { startOrg, type OrgHandle } from '../index';
import { passwordConnection } from '../testing/clients';
import type { ChangeEventData } from './events';

type Client = { subscribe(channel: string, listener: (message: ChangeEventData) => void): PromiseLike<void>; disconnect(): PromiseLike<void> | undefined };

const CHANNEL = '/data/AccountChangeEvent';
const INDUSTRIES = ['Banking', 'Energy', 'Retail', null] as const;

type Op =
  | { kind: 'create'; name: string }
  | { kind: 'update'; target: number; values: { Name?: string; Industry?: string | null; NumberOfEmployees?: number | null } }
  | { kind: 'delete'; target: number }
  | { kind: 'rollback'; name: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), name: fc.stringMatching(/^[A-Z][a-z]{2,8}$/) }),
  fc.record({
    kind: fc.constant('update' as const),
    target: fc.nat(),
    values: fc.record(
      { Name: fc.stringMatching(/^[A-Z][a-z]{2,8}$/), Industry: fc.constantFrom(...INDUSTRIES), NumberOfEmployees: fc.option(fc.integer({ min: 1, max: 5000 })) },
      { requiredKeys: [] }
    )
  }),
  fc.record({ kind: fc.constant('delete' as const), target: fc.nat() }),
  fc.record({ kind: fc.constant('rollback' as const), name: fc.stringMatching(/^[A-Z][a-z]{2,8}$/) })
);

interface Expected {
  type: string;
  id: string;
  changed: string[];
}

describe('change feed property', () => {
  let org: OrgHandle;
  let conn: Connection;
  let client: Client;
  const received: ChangeEventData[] = [];

  beforeAll(async () => {
    org = await startOrg({ data: 'empty', schemaDirs: [], changeDataCapture: { entities: ['Account'] } });
    conn = await passwordConnection(org);
    client = conn.streaming.createClient([]) as unknown as Client;
    await client.subscribe(CHANNEL, (message) => received.push(message));
  });

  afterAll(async () => {
    await client.disconnect();
    await org.close();
  });

  async function waitForCount(count: number): Promise<void> {
    const deadline = Date.now() + 5000;
    while (received.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  it('delivers exactly the committed changes, in order, replayable from any id', async () => {
    const store = org.store;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), fc.nat(), async (ops, replayPick) => {
        const start = received.length;
        const live: Array<{ id: string; values: Record<string, unknown> }> = [];
        const expected: Expected[] = [];
        for (const step of ops) {
          if (step.kind === 'create') {
            const id = store.insert('Account', { Name: step.name }, 0);
            live.push({ id, values: { Name: step.name, Industry: null, NumberOfEmployees: null } });
            expected.push({ type: 'CREATE', id, changed: [] });
          } else if (step.kind === 'rollback') {
            expect(() =>
              store.atomic(() => {
                store.insert('Account', { Name: step.name }, 0);
                store.insert('Account', { Name: '' }, 0);
              })
            ).toThrow(SfError);
          } else if (live.length > 0) {
            const index = step.target % live.length;
            const record = live[index]!;
            if (step.kind === 'delete') {
              store.remove('Account', record.id, 0);
              live.splice(index, 1);
              expected.push({ type: 'DELETE', id: record.id, changed: [] });
            } else {
              store.update('Account', record.id, step.values, 0);
              const changed = Object.entries(step.values)
                .filter(([field, value]) => record.values[field] !== value)
                .map(([field]) => field);
              Object.assign(record.values, step.values);
              expected.push({ type: 'UPDATE', id: record.id, changed: [...changed, 'LastModifiedDate'].sort() });
            }
          }
        }
        await waitForCount(start + expected.length);
        const events = received.slice(start);
        expect(events.map((e) => ({ type: e.payload.ChangeEventHeader.changeType, id: e.payload.ChangeEventHeader.recordIds[0], changed: [...e.payload.ChangeEventHeader.changedFields].sort() }))).toEqual(expected);
        const ids = events.map((e) => e.event.replayId);
        ids.forEach((id, i) => i > 0 && expect(id).toBe(ids[i - 1]! + 1));

        // A new client replaying from one of these ids gets exactly the events after it.
        if (ids.length === 0) return;
        const from = ids[replayPick % ids.length]!;
        const replayer = conn.streaming.createClient([new StreamingExtension.Replay(CHANNEL, from)]) as unknown as Client;
        const replayed: number[] = [];
        await replayer.subscribe(CHANNEL, (message) => replayed.push(message.event.replayId));
        const want = ids.filter((id) => id > from);
        const deadline = Date.now() + 5000;
        while (replayed.length < want.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
        await replayer.disconnect();
        expect(replayed).toEqual(want);
      }),
      { numRuns: 15 }
    );
  });
});
