// "Recalculate" without the 15-second poll: while the Sync_Request__c change events are
// subscribed, a rep's new request (created through jsforce as the rep) is picked up at once, the
// service's own status updates do not poll again, and an idle org costs no REST call; without
// those change events the poller keeps its interval. Real jsforce streaming, Redis and BullMQ.
import type Redis from 'ioredis';
import type { OrgHandle } from '../emulator';
import { personaConnection } from '../emulator/testing/clients';
import { Freshness } from '../../sync-service/src/freshness/freshness';
import { startPoller, type SyncRequestPoller } from '../../sync-service/src/queue/poller';
import { createSyncQueue, type SyncQueue } from '../../sync-service/src/queue/queue';
import { OrgClient } from '../../sync-service/src/salesforce/client';
import { SyncRequestLedger } from '../../sync-service/src/sync/syncRequests';
import { SyncState } from '../../sync-service/src/sync/state';
import { passwordAuth, silentLogger, startDemoOrg, storeRows, testRedis, uniquePrefix } from './support';

async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Listening {
  queue: SyncQueue;
  poller: SyncRequestPoller;
  freshness: Freshness;
  close(): Promise<void>;
}

/** A service's poller and change listener, as main.ts wires them, with a poll interval of `pollMs`. */
async function listen(org: OrgHandle, pollMs: number): Promise<Listening> {
  const prefix = uniquePrefix('requests');
  const redis: Redis = testRedis();
  const client = await OrgClient.connect({ auth: passwordAuth(org), reservePercent: 0, retry: { attempts: 2, baseMs: 20 }, logger: silentLogger });
  const queue = createSyncQueue(redis, { prefix, attempts: 1, backoffMs: 100 });
  const poller = startPoller({ getClient: async () => client, redis, prefix, queue, ledger: new SyncRequestLedger(redis, prefix), logger: silentLogger }, pollMs, 15 * 60_000);
  const freshness = new Freshness({
    getClient: async () => client,
    redis,
    prefix,
    state: new SyncState(redis, prefix),
    queue,
    logger: silentLogger,
    settings: { debounceMs: 100, pollMs: 60_000 },
    syncRequests: poller
  });
  await freshness.start();
  return {
    queue,
    poller,
    freshness,
    async close() {
      await freshness.stop();
      await poller.stop();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      const keys = await redis.keys(`*${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  };
}

const status = (org: OrgHandle, id: string) => String(storeRows(org, `SELECT Status__c FROM Sync_Request__c WHERE Id = '${id}'`)[0]!.Status__c);

describe('Sync_Request__c through change events', () => {
  let org: OrgHandle;
  let l: Listening;

  beforeAll(async () => {
    org = await startDemoOrg();
    // A minute between polls: only the change event can explain a request picked up in seconds.
    l = await listen(org, 60_000);
  });

  afterAll(async () => {
    await l?.close();
    await org?.close();
  });

  it("picks up a rep's new request at once, then spends no REST call while nothing changes", async () => {
    const rep = await personaConnection(org, 'rep');
    const [account] = storeRows(org, 'SELECT Id FROM Account ORDER BY Id LIMIT 1');
    // The subscription's catch-up poll (one query) is done before the clock starts.
    await wait(1000);
    const usedBefore = org.apiUsage().used;
    const created = await rep.sobject('Sync_Request__c').create({ Account__c: String(account!.Id) });
    if (!created.success) throw new Error('the rep could not create a Sync_Request__c');
    const started = Date.now();
    await waitFor('the request to be Processing', () => status(org, created.id) === 'Processing');
    expect(Date.now() - started).toBeLessThan(5000);
    // Besides the listener's start-up catch-up (an incremental run), the account run it asked for.
    const accountJobs = async () => (await l.queue.getJobs(['waiting'])).filter((job) => job.data.mode !== 'incremental').map((job) => job.data);
    expect(await waitFor('the account run', async () => (await accountJobs()).length > 0 && accountJobs())).toEqual([{ mode: 'account', accountId: String(account!.Id) }]);
    // The rep's create, one poll query and one status update; the update's own change
    // event (Processing) does not poll again.
    await wait(1500);
    const afterRequest = org.apiUsage().used;
    expect(afterRequest - usedBefore).toBe(3);
    await wait(3000);
    expect(org.apiUsage().used).toBe(afterRequest);
  }, 30_000);
});

describe('Sync_Request__c without change events', () => {
  let org: OrgHandle;
  let l: Listening;

  beforeAll(async () => {
    org = await startDemoOrg({ changeDataCapture: { entities: ['Account', 'Opportunity'] } });
    l = await listen(org, 500);
  });

  afterAll(async () => {
    await l?.close();
    await org?.close();
  });

  it('keeps polling at the interval', async () => {
    const rep = await personaConnection(org, 'rep');
    const [account] = storeRows(org, 'SELECT Id FROM Account ORDER BY Id LIMIT 1');
    const usedBefore = org.apiUsage().used;
    await wait(2000);
    // About four polls in two seconds (each one query): the interval, not a sweep.
    expect(org.apiUsage().used - usedBefore).toBeGreaterThanOrEqual(2);
    const created = await rep.sobject('Sync_Request__c').create({ Account__c: String(account!.Id) });
    if (!created.success) throw new Error('the rep could not create a Sync_Request__c');
    await waitFor('the request to be Processing', () => status(org, created.id) === 'Processing');
  }, 30_000);
});
