// Sync_Request__c records left Processing by a run that never answered them (a worker that died
// for good, a queue lost with Redis): the poller finds them once they have been Processing longer
// than the timeout and nothing in the queue will answer them; it queues them again once, and
// fails them with a message the second time. A request whose job is still queued is left alone.
import type Redis from 'ioredis';
import type { OrgHandle } from '../emulator';
import { pollSyncRequests, type PollerDeps } from '../../sync-service/src/queue/poller';
import { createSyncQueue, type SyncQueue } from '../../sync-service/src/queue/queue';
import { OrgClient } from '../../sync-service/src/salesforce/client';
import { SyncRequestLedger } from '../../sync-service/src/sync/syncRequests';
import { adminActor, passwordAuth, silentLogger, startDemoOrg, storeRows, testRedis, uniquePrefix } from './support';

const TIMEOUT_MS = 1500;

describe('Sync_Request__c records stuck in Processing', () => {
  let org: OrgHandle;
  let redis: Redis;
  let queue: SyncQueue;
  let deps: PollerDeps;
  const prefix = uniquePrefix('stale');

  beforeAll(async () => {
    org = await startDemoOrg();
    redis = testRedis();
    queue = createSyncQueue(redis, { prefix, attempts: 1, backoffMs: 100 });
    const client = await OrgClient.connect({ auth: passwordAuth(org), reservePercent: 0, retry: { attempts: 2, baseMs: 20 }, logger: silentLogger });
    deps = { getClient: async () => client, redis, prefix, queue, ledger: new SyncRequestLedger(redis, prefix), logger: silentLogger, requestTimeoutMs: TIMEOUT_MS };
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    const keys = await redis.keys(`*${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis?.disconnect();
    await org?.close();
  });

  const request = (id: string) => storeRows(org, `SELECT Status__c, Message__c FROM Sync_Request__c WHERE Id = '${id}'`)[0]!;
  // Each tick takes the poll lock for 1 s; the test's ticks are further apart than that.
  const tick = async () => {
    await redis.del(`{${prefix}}:sync-requests:poll-lock`);
    return pollSyncRequests(deps, 1000);
  };
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** What a worker that died for good, or a Redis that lost the queue, leaves behind: nothing. */
  const loseTheQueue = async () => {
    await queue.obliterate({ force: true });
    const keys = await redis.keys(`{${prefix}}:sync-requests:*`);
    if (keys.length > 0) await redis.del(...keys);
  };
  const jobsFor = async (accountId: string) => (await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized'])).filter((job) => job.data.accountId === accountId);

  it('queues a lost request again once, then fails it with a message', async () => {
    const [account] = storeRows(org, 'SELECT Id FROM Account ORDER BY Id LIMIT 1');
    const accountId = String(account!.Id);
    const id = org.store.insert('Sync_Request__c', { Account__c: accountId }, adminActor(org));

    expect(await tick()).toBe(1);
    expect(request(id).Status__c).toBe('Processing');
    expect(await jobsFor(accountId)).toHaveLength(1);

    // The job and the ledger vanish; the timeout has not passed yet: nothing happens.
    await loseTheQueue();
    await tick();
    expect(request(id).Status__c).toBe('Processing');
    expect(await jobsFor(accountId)).toHaveLength(0);

    // Past the timeout, nothing in the queue answers it: it is queued again, still Processing.
    await wait(TIMEOUT_MS + 1100);
    await tick();
    expect(request(id).Status__c).toBe('Processing');
    expect(String(request(id).Message__c)).toMatch(/tried again/);
    expect(await jobsFor(accountId)).toHaveLength(1);
    expect(await deps.ledger.take(accountId)).toEqual([id]);

    // Lost a second time: Failed, with a message that says what to do.
    await loseTheQueue();
    await wait(TIMEOUT_MS + 1100);
    await tick();
    expect(request(id).Status__c).toBe('Failed');
    expect(String(request(id).Message__c)).toMatch(/no answer .*Recalculate/i);
    expect(await jobsFor(accountId)).toHaveLength(0);
  }, 30_000);

  it('leaves a request alone while its job is still queued, however long it waits', async () => {
    const [, account] = storeRows(org, 'SELECT Id FROM Account ORDER BY Id LIMIT 2');
    const accountId = String(account!.Id);
    const id = org.store.insert('Sync_Request__c', { Account__c: accountId }, adminActor(org));
    expect(await tick()).toBe(1);
    await wait(TIMEOUT_MS + 1100);
    await tick();
    expect(request(id)).toMatchObject({ Status__c: 'Processing', Message__c: null });
    expect(await jobsFor(accountId)).toHaveLength(1);
  }, 30_000);
});
