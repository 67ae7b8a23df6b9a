// Change Data Capture over CometD with jsforce's own streaming client (faye) against the emulator:
// events in commit order with their replay ids, resubscription from a replay id after a client
// restart, the platform's errors for an unselected object's channel, an expired replay id and a
// bad session, gap events under faults, and event latency for another user's update.
import jsforce, { type Connection } from 'jsforce';
import { StreamingExtension } from 'jsforce/lib/api/streaming';
import { startOrg, type OrgHandle } from '../index';
import { passwordConnection } from '../testing/clients';
import type { ChangeEventData } from './events';

interface Listener {
  events: ChangeEventData[];
  client: { subscribe(channel: string, listener: (message: ChangeEventData) => void): PromiseLike<void>; disconnect(): PromiseLike<void> | undefined };
  /** Resolves once `count` events have arrived (rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<ChangeEventData[]>;
}

async function listen(conn: Connection, channel: string, replayFrom: number | null): Promise<Listener> {
  const extensions = replayFrom === null ? [] : [new StreamingExtension.Replay(channel, replayFrom)];
  const client = conn.streaming.createClient(extensions) as unknown as Listener['client'];
  const events: ChangeEventData[] = [];
  const waiters: Array<() => void> = [];
  try {
    await client.subscribe(channel, (message) => {
      events.push(message);
      for (const wake of waiters.splice(0)) wake();
    });
  } catch (error) {
    await client.disconnect();
    throw error;
  }
  const waitFor = async (count: number, ms = 5000): Promise<ChangeEventData[]> => {
    const deadline = Date.now() + ms;
    while (events.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} events on ${channel}, got ${events.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return events.slice(0, count);
  };
  return { events, client, waitFor };
}

const header = (e: ChangeEventData): ChangeEventData['payload']['ChangeEventHeader'] => e.payload.ChangeEventHeader;

describe('Change Data Capture over CometD', () => {
  let org: OrgHandle;
  let conn: Connection;
  const clients: Listener[] = [];

  beforeAll(async () => {
    org = await startOrg({ data: 'empty', changeDataCapture: { entities: ['Account', 'Opportunity', 'Account_Plan__c'] } });
    conn = await passwordConnection(org);
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((listener) => listener.client.disconnect()));
  });

  afterAll(async () => {
    await org.close();
  });

  async function track(channel: string, replayFrom: number | null = -1): Promise<Listener> {
    const listener = await listen(conn, channel, replayFrom);
    clients.push(listener);
    return listener;
  }

  it('delivers one event per committed write, in order, with increasing replay ids and the platform payload', async () => {
    const all = await track('/data/ChangeEvents');
    const accounts = await track('/data/AccountChangeEvent');
    const userId = (await conn.identity()).user_id;

    const account = await conn.sobject('Account').create({ Name: 'Acme Freight', Industry: 'Transportation' });
    const opportunity = await conn.sobject('Opportunity').create({ Name: 'Acme renewal', AccountId: account.id, StageName: 'Prospecting', CloseDate: '2027-01-31', Amount: 1000 });
    await conn.sobject('Account').update({ Id: account.id!, Industry: null, Description: 'Key account' });
    await conn.sobject('Opportunity').destroy(opportunity.id!);

    const events = await all.waitFor(4);
    expect(events.map((e) => [header(e).entityName, header(e).changeType, header(e).recordIds])).toEqual([
      ['Account', 'CREATE', [account.id]],
      ['Opportunity', 'CREATE', [opportunity.id]],
      ['Account', 'UPDATE', [account.id]],
      ['Opportunity', 'DELETE', [opportunity.id]]
    ]);
    const replayIds = events.map((e) => e.event.replayId);
    expect([...replayIds].sort((a, b) => a - b)).toEqual(replayIds);
    expect(new Set(replayIds).size).toBe(4);

    const created = events[0]!;
    expect(created.schema).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(header(created)).toMatchObject({
      changeOrigin: 'com/salesforce/api/rest/64.0',
      sequenceNumber: 1,
      commitUser: userId,
      changedFields: [],
      nulledFields: [],
      diffFields: []
    });
    expect(header(created).transactionKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof header(created).commitTimestamp).toBe('number');
    expect(created.payload).toMatchObject({ Name: 'Acme Freight', Industry: 'Transportation', OwnerId: userId, CreatedById: userId });
    expect(created.payload.CreatedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(created.payload).not.toHaveProperty('SystemModstamp');
    expect(created.payload).not.toHaveProperty('IsDeleted');
    expect(created.payload).not.toHaveProperty('Description');

    const updated = events[2]!;
    expect([...header(updated).changedFields].sort()).toEqual(['Description', 'Industry', 'LastModifiedDate']);
    expect(header(updated).nulledFields).toEqual(['Industry']);
    expect(updated.payload).toMatchObject({ Industry: null, Description: 'Key account' });
    expect(updated.payload).not.toHaveProperty('Name');

    const deleted = events[3]!;
    expect(Object.keys(deleted.payload)).toEqual(['ChangeEventHeader']);

    // The single-object channel carries the same events with the same replay ids.
    const accountEvents = await accounts.waitFor(2);
    expect(accountEvents.map((e) => e.event.replayId)).toEqual([replayIds[0], replayIds[2]]);
  });

  it('resubscribes from a replay id after a client restart and receives exactly the missed events', async () => {
    const first = await track('/data/OpportunityChangeEvent');
    const account = await conn.sobject('Account').create({ Name: 'Replay Co' });
    const seen = await conn.sobject('Opportunity').create({ Name: 'Seen', AccountId: account.id, StageName: 'Prospecting', CloseDate: '2027-01-31' });
    const [event] = await first.waitFor(1);
    expect(header(event!).recordIds).toEqual([seen.id]);
    await first.client.disconnect();
    clients.splice(clients.indexOf(first), 1);

    // Missed while no client listens: a collection insert (one transaction) and an update.
    const missed = await conn.sobject('Opportunity').create([
      { Name: 'Missed 1', AccountId: account.id, StageName: 'Prospecting', CloseDate: '2027-02-28' },
      { Name: 'Missed 2', AccountId: account.id, StageName: 'Qualification', CloseDate: '2027-03-31' }
    ]);
    await conn.sobject('Opportunity').update({ Id: seen.id!, StageName: 'Closed Won' });

    const second = await track('/data/OpportunityChangeEvent', event!.event.replayId);
    const replayed = await second.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(second.events).toHaveLength(3);
    expect(replayed.map((e) => [header(e).changeType, header(e).recordIds[0]])).toEqual([
      ['CREATE', missed[0]!.id],
      ['CREATE', missed[1]!.id],
      ['UPDATE', seen.id]
    ]);
    expect(header(replayed[0]!).transactionKey).toBe(header(replayed[1]!).transactionKey);
    expect(replayed.map((e) => header(e).sequenceNumber).slice(0, 2)).toEqual([1, 2]);
    expect(replayed[2]!.payload).toMatchObject({ StageName: 'Closed Won', IsWon: true, IsClosed: true, Probability: 100 });

    // -2 replays everything retained on the channel; new events keep flowing after the replay.
    // Earlier tests' Opportunity events are retained too, so compare the tail.
    const everything = await track('/data/OpportunityChangeEvent', -2);
    await everything.waitFor(4);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const retained = everything.events.map((e) => e.event.replayId);
    expect(retained.slice(-4)).toEqual([event!.event.replayId, ...replayed.map((e) => e.event.replayId)]);
    expect([...retained].sort((x, y) => x - y)).toEqual(retained);
    expect(everything.events.every((e) => header(e).entityName === 'Opportunity')).toBe(true);
    await conn.sobject('Opportunity').update({ Id: missed[0]!.id!, Amount: 5 });
    const live = (await everything.waitFor(retained.length + 1)).at(-1)!;
    expect(header(live).changedFields).toContain('Amount');
  });

  it('delivers Bulk API 2.0 ingest changes in order with the Bulk API as their origin, then REST ones', async () => {
    const listener = await track('/data/AccountChangeEvent');
    const result = await conn.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'insert',
      input: [{ Name: 'Bulk one' }, { Name: 'Bulk two' }, { Name: '' }, { Name: 'Bulk three' }]
    });
    expect(result.successfulResults).toHaveLength(3);
    const ids = result.successfulResults.map((r) => r.sf__Id);
    await conn.sobject('Account').update({ Id: ids[1]!, Name: 'Bulk two, renamed' });
    const events = await listener.waitFor(4);
    expect(events.map((e) => [header(e).changeType, header(e).recordIds[0], header(e).changeOrigin])).toEqual([
      ['CREATE', ids[0], 'com/salesforce/api/bulkapi/64.0'],
      ['CREATE', ids[1], 'com/salesforce/api/bulkapi/64.0'],
      ['CREATE', ids[2], 'com/salesforce/api/bulkapi/64.0'],
      ['UPDATE', ids[1], 'com/salesforce/api/rest/64.0']
    ]);
    expect(events.map((e) => e.payload.Name)).toEqual(['Bulk one', 'Bulk two', 'Bulk three', 'Bulk two, renamed']);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const listener = await track('/data/AccountChangeEvent');
    const results = await conn.sobject('Account').create([{ Name: 'Kept?' }, { Name: '' }], { allOrNone: true });
    expect(results.every((r) => !r.success)).toBe(true);
    await conn.sobject('Account').create({ Name: 'After rollback' });
    const [only] = await listener.waitFor(1);
    expect(only!.payload.Name).toBe('After rollback');
  });

  it('gives one event per record for a composite transaction, typed by its first write, with the committed values', async () => {
    const listener = await track('/data/AccountChangeEvent');
    await conn.requestPost('/services/data/v64.0/composite', {
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: '/services/data/v64.0/sobjects/Account', referenceId: 'first', body: { Name: 'Draft name' } },
        { method: 'PATCH', url: '/services/data/v64.0/sobjects/Account/@{first.id}', referenceId: 'rename', body: { Name: 'Final name' } },
        { method: 'POST', url: '/services/data/v64.0/sobjects/Account', referenceId: 'second', body: { Name: 'Second' } }
      ]
    });
    const [first, second] = await listener.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(listener.events).toHaveLength(2);
    expect(header(first!).changeType).toBe('CREATE');
    expect(first!.payload.Name).toBe('Final name');
    expect(second!.payload.Name).toBe('Second');
    expect(header(second!).transactionKey).toBe(header(first!).transactionKey);
    expect([header(first!).sequenceNumber, header(second!).sequenceNumber]).toEqual([1, 2]);
  });

  it("adds the client id of Sforce-Call-Options to changeOrigin, as the platform does", async () => {
    const listener = await track('/data/AccountChangeEvent');
    const tagged = new jsforce.Connection({ instanceUrl: conn.instanceUrl, accessToken: conn.accessToken!, version: '64.0', callOptions: { client: 'TandemSync' } });
    await tagged.sobject('Account').create({ Name: 'Tagged' });
    const [event] = await listener.waitFor(1);
    expect(header(event!).changeOrigin).toBe('com/salesforce/api/rest/64.0;client=TandemSync');
  });

  it('sends addresses as compound fields', async () => {
    const listener = await track('/data/AccountChangeEvent');
    const account = await conn.sobject('Account').create({ Name: 'Milan Cargo', BillingCity: 'Milan', BillingCountry: 'Italy' });
    await conn.sobject('Account').update({ Id: account.id!, BillingCity: 'Turin' });
    const [created, updated] = await listener.waitFor(2);
    expect(created!.payload.BillingAddress).toEqual({ City: 'Milan', Country: 'Italy' });
    expect(created!.payload).not.toHaveProperty('BillingCity');
    expect(updated!.payload.BillingAddress).toEqual({ City: 'Turin' });
    expect(header(updated!).changedFields).toContain('BillingAddress.City');
  });

  it('names custom object channels with the __ChangeEvent suffix', async () => {
    const listener = await track('/data/Account_Plan__ChangeEvent');
    const account = await conn.sobject('Account').create({ Name: 'Plan Holder' });
    const plan = await conn.sobject('Account_Plan__c').create({ Account__c: account.id, Name: 'FY27 plan' });
    const [event] = await listener.waitFor(1);
    expect(header(event!)).toMatchObject({ entityName: 'Account_Plan__c', changeType: 'CREATE', recordIds: [plan.id] });
  });

  it('refuses an object not selected for change notifications, as the platform does', async () => {
    await expect(listen(conn, '/data/ContactChangeEvent', -1)).rejects.toMatchObject({
      message: expect.stringContaining('400::The channel you requested to subscribe to does not exist {/data/ContactChangeEvent}')
    });
  });

  it('rejects a replay id outside the retention window', async () => {
    const shortLived = await startOrg({ data: 'empty', schemaDirs: [], changeDataCapture: { entities: ['Account'], retentionMs: 300 } });
    try {
      const admin = await passwordConnection(shortLived);
      const watcher = await listen(admin, '/data/AccountChangeEvent', -1);
      await admin.sobject('Account').create({ Name: 'Soon forgotten' });
      const [event] = await watcher.waitFor(1);
      await watcher.client.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 400));
      await expect(listen(admin, '/data/AccountChangeEvent', event!.event.replayId)).rejects.toMatchObject({
        message: expect.stringContaining(
          `400::The replayId {${event!.event.replayId}} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.`
        )
      });
      await expect(listen(admin, '/data/AccountChangeEvent', 999)).rejects.toMatchObject({ message: expect.stringContaining('400::The replayId {999}') });
    } finally {
      await shortLived.close();
    }
  });

  it('denies the handshake of an invalid session with advice reconnect none', async () => {
    const failures: unknown[] = [];
    const stale = await passwordConnection(org);
    org.org.expireSession(stale.accessToken!);
    const client = stale.streaming.createClient([new StreamingExtension.AuthFailure((message: unknown) => failures.push(message))]) as unknown as Listener['client'];
    void client.subscribe('/data/ChangeEvents', () => undefined);
    const deadline = Date.now() + 3000;
    while (failures.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await client.disconnect();
    expect(failures[0]).toMatchObject({
      channel: '/meta/handshake',
      successful: false,
      error: '403::Handshake denied',
      advice: { reconnect: 'none' },
      ext: { sfdc: { failureReason: '401::Authentication invalid' } }
    });
  });

  it('replaces lost events by gap events under the cdcGap fault', async () => {
    const listener = await track('/data/AccountChangeEvent');
    expect(() => org.setFaults('cdcGap=2')).toThrow('fault cdcGap: expected a probability between 0 and 1, got "2"');
    org.setFaults('cdcGap=1');
    try {
      const account = await conn.sobject('Account').create({ Name: 'Gappy' });
      const [gap] = await listener.waitFor(1);
      expect(header(gap!)).toMatchObject({ changeType: 'GAP_CREATE', entityName: 'Account', recordIds: [account.id], changedFields: [] });
      expect(Object.keys(gap!.payload)).toEqual(['ChangeEventHeader']);
    } finally {
      org.setFaults(null);
    }
    await conn.sobject('Account').create({ Name: 'Whole again' });
    const [, whole] = await listener.waitFor(2);
    expect(header(whole!).changeType).toBe('CREATE');
  });

  it('does not count CometD requests against the daily API request budget', async () => {
    const before = org.apiUsage().used;
    await track('/data/AccountChangeEvent');
    expect(org.apiUsage().used).toBe(before);
  });
});
