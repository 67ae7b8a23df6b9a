// Live freshness against the emulator, with real jsforce (its streaming client over CometD), Redis
// and BullMQ: a change in the org reaches the metric rows through an account run of the accounts it
// touched; a moved opportunity recomputes its old and its new account; a restarted listener resumes
// from the replay ids kept in Redis; a gap event and an expired replay id run an incremental run;
// objects without change events are polled. Expected rows are the engine's over the store itself.
import type { Job, Worker } from 'bullmq';
import type Redis from 'ioredis';
import type { Connection } from 'jsforce';
import type { OrgHandle } from '../emulator';
import { createServiceMetrics } from '../../sync-service/src/api/serviceMetrics';
import { Freshness, type FreshnessObserver } from '../../sync-service/src/freshness/freshness';
import { freshnessMetrics } from '../../sync-service/src/freshness/metrics';
import type { SyncJobData } from '../../sync-service/src/queue/jobs';
import { createSyncQueue, type SyncQueue } from '../../sync-service/src/queue/queue';
import { createSyncWorker } from '../../sync-service/src/queue/worker';
import { OrgClient } from '../../sync-service/src/salesforce/client';
import { runSync, type SyncSummary } from '../../sync-service/src/sync/run';
import { SyncState } from '../../sync-service/src/sync/state';
import { SyncRequestLedger } from '../../sync-service/src/sync/syncRequests';
import {
  TEST_SETTINGS,
  changedKeys,
  TODAY,
  expectedMetrics,
  expectedRows,
  orgMetricRows,
  passwordAuth,
  silentLogger,
  startDemoOrg,
  storeRows,
  syncDeps,
  testRedis,
  uniquePrefix,
  type TestDeps
} from './support';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Harness {
  prefix: string;
  deps: TestDeps;
  queue: SyncQueue;
  queued: Array<{ mode: string; reason: string }>;
  /** The Prometheus text the service's /metrics would serve. */
  metrics(): Promise<string>;
  listener(): Freshness;
  /** The listener's own Salesforce session (its access token). */
  listenerToken(): string;
  /** Starts a listener (a worker's freshness module) and waits until it listens. */
  listen(pollMs?: number): Promise<Freshness>;
  /** The sync jobs that completed, oldest first. */
  completed(): Promise<Array<Job<SyncJobData, SyncSummary>>>;
  /** Waits until the org's metric rows are the engine's over the store and no job is left to run. */
  converged(): Promise<void>;
  close(): Promise<void>;
}

async function harness(org: OrgHandle): Promise<Harness> {
  const prefix = uniquePrefix('fresh');
  const deps = await syncDeps(org, prefix);
  await runSync({ mode: 'full', asOf: TODAY }, deps);
  const queue = createSyncQueue(deps.redis, { prefix, attempts: 3, backoffMs: 100 });
  const connections: Redis[] = [];
  const own = (): Redis => {
    const connection = testRedis();
    connections.push(connection);
    return connection;
  };
  const workerRedis = own();
  workerRedis.options.maxRetriesPerRequest = null;
  const stateRedis = own();
  const workerClient = await OrgClient.connect({ auth: passwordAuth(org), reservePercent: 0, retry: { attempts: 4, baseMs: 20 }, logger: silentLogger });
  const worker: Worker<SyncJobData, SyncSummary> = createSyncWorker(
    workerRedis,
    { prefix, concurrency: 1, lockDurationMs: 5000, stalledIntervalMs: 5000 },
    {
      getClient: async () => workerClient,
      state: new SyncState(stateRedis, prefix),
      ledger: new SyncRequestLedger(stateRedis, prefix),
      logger: silentLogger,
      settings: TEST_SETTINGS,
      defaultAsOf: TODAY,
      lockRetryMs: 100,
      budgetRetryMs: 1000
    },
    silentLogger
  );
  const queued: Harness['queued'] = [];
  let current: Freshness | null = null;
  let currentToken = '';
  const metrics = createServiceMetrics(null, false);
  const exported = freshnessMetrics(metrics.registry, () => current);
  const observer: FreshnessObserver = {
    event: (...args) => exported.event(...args),
    queued: (mode, reason) => {
      queued.push({ mode, reason });
      exported.queued(mode, reason);
    }
  };
  return {
    prefix,
    deps,
    queue,
    queued,
    metrics: () => metrics.registry.metrics(),
    listener: () => current!,
    listenerToken: () => currentToken,
    async listen(pollMs = 60_000) {
      const client = await OrgClient.connect({ auth: passwordAuth(org), reservePercent: 0, retry: { attempts: 4, baseMs: 20 }, logger: silentLogger });
      const redis = own();
      currentToken = client.conn.accessToken!;
      current = new Freshness({ getClient: async () => client, redis, prefix, state: new SyncState(redis, prefix), queue, logger: silentLogger, settings: { debounceMs: 100, pollMs }, observer });
      await current.start();
      return current;
    },
    async completed() {
      const jobs = (await queue.getJobs(['completed'])) as Array<Job<SyncJobData, SyncSummary>>;
      return jobs.sort((a, b) => (a.finishedOn ?? 0) - (b.finishedOn ?? 0));
    },
    async converged() {
      const expected = expectedRows(expectedMetrics(org));
      await waitFor('the metric rows to match the org', () => {
        const stored = orgMetricRows(org);
        return JSON.stringify([...stored.accounts].sort()) === JSON.stringify([...expected.accounts].sort()) && JSON.stringify([...stored.programs].sort()) === JSON.stringify([...expected.programs].sort());
      });
      // The rows land before BullMQ records the job as completed.
      await waitFor('the queue to settle', async () => {
        const counts = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
        return Object.values(counts).every((n) => n === 0);
      });
    },
    async close() {
      await current?.stop();
      await worker.close(true);
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await deps.close();
      for (const connection of connections) connection.disconnect();
    }
  };
}

/** An open opportunity of an account, by order of id. */
function openOpportunity(org: OrgHandle, skip = 0): { Id: string; AccountId: string } {
  const rows = storeRows(org, 'SELECT Id, AccountId FROM Opportunity WHERE IsClosed = false AND AccountId != null ORDER BY Id');
  const row = rows[skip]!;
  return { Id: String(row.Id), AccountId: String(row.AccountId) };
}

describe('live freshness through change events', () => {
  let org: OrgHandle;
  let h: Harness;

  beforeAll(async () => {
    org = await startDemoOrg();
    h = await harness(org);
    await h.listen();
  });

  afterAll(async () => {
    await h.close();
    await org.close();
  });

  it('subscribes to the change events of every object the sync reads', () => {
    expect(h.listener().status()).toEqual({
      '/data/OpportunityChangeEvent': 'subscribed',
      '/data/AccountChangeEvent': 'subscribed',
      '/data/Account_Plan__ChangeEvent': 'subscribed',
      '/data/Joint_Initiative__ChangeEvent': 'subscribed',
      '/data/Executive_Sponsor__ChangeEvent': 'subscribed',
      '/data/EventChangeEvent': 'subscribed',
      '/data/TaskChangeEvent': 'subscribed',
      '/data/Plan_Objective__ChangeEvent': 'subscribed',
      '/data/Stakeholder__ChangeEvent': 'subscribed',
      '/data/ContactChangeEvent': 'subscribed'
    });
    expect(h.listener().healthy()).toBe(true);
  });

  it('a deal set to Closed Won through jsforce reaches the metric rows by an account run of its account', async () => {
    // The first start had no replay ids: it catches up once with an incremental run (nothing changed).
    await waitFor('the start-up incremental run', async () => (await h.completed()).some((j) => j.data.mode === 'incremental'));
    const before = (await h.completed()).length;
    const deal = openOpportunity(org);
    const saved = await h.deps.client.conn.sobject('Opportunity').update({ Id: deal.Id, StageName: 'Closed Won', CloseDate: TODAY });
    expect(saved.success).toBe(true);
    await h.converged();
    const runs = (await h.completed()).slice(before);
    expect(runs.map((j) => j.data)).toEqual([{ mode: 'accounts', accountIds: [deal.AccountId] }]);
    // The won amount is in the account's revenue: the row for the current quarter shows it.
    expect(runs[0]!.returnvalue).toMatchObject({ mode: 'account', status: 'done', changedRecords: 1 });
    // /metrics: the event was received (lag observed) and the channel is subscribed.
    const text = await h.metrics();
    expect(text).toMatch(/tandem_sync_change_events_total\{object="Opportunity",change_type="UPDATE"\} 1\b/);
    expect(text).toMatch(/tandem_sync_change_event_lag_seconds_count [1-9]/);
    expect(text).toContain('tandem_sync_change_subscription{channel="/data/OpportunityChangeEvent",state="subscribed"} 1');
    expect(text).toContain('tandem_sync_change_runs_queued_total{mode="accounts",reason="changes"} 1');
  });

  it('an opportunity moved to another account recomputes both accounts in one run', async () => {
    const before = (await h.completed()).length;
    const deal = openOpportunity(org, 3);
    const [target] = storeRows(org, `SELECT Id FROM Account WHERE Id != '${deal.AccountId}' ORDER BY Id LIMIT 1`);
    const to = String(target!.Id);
    await h.deps.client.conn.sobject('Opportunity').update({ Id: deal.Id, AccountId: to });
    await h.converged();
    const runs = (await h.completed()).slice(before);
    expect(runs).toHaveLength(1);
    // The event names the new account; the mirror, the old one.
    expect([...runs[0]!.data.accountIds!].sort()).toEqual([deal.AccountId, to].sort());
  });

  it('a restarted listener resumes from the replay ids kept in Redis and runs what it missed', async () => {
    // One change on every channel first, so each has a replay id to resume from (a channel that
    // never had an event has none: a restart then also runs a catch-up incremental run).
    const [account] = storeRows(org, 'SELECT Id FROM Account ORDER BY Id LIMIT 1');
    const [plan] = storeRows(org, 'SELECT Id FROM Account_Plan__c ORDER BY Id LIMIT 1');
    const [initiative] = storeRows(org, 'SELECT Id FROM Joint_Initiative__c ORDER BY Id LIMIT 1');
    const [sponsor] = storeRows(org, 'SELECT Id FROM Executive_Sponsor__c ORDER BY Id LIMIT 1');
    const conn = h.deps.client.conn;
    await conn.sobject('Account').update({ Id: String(account!.Id), Description: 'touched' });
    await conn.sobject('Account_Plan__c').update({ Id: String(plan!.Id), Name: 'Touched plan' });
    await conn.sobject('Joint_Initiative__c').update({ Id: String(initiative!.Id), Name: 'Touched initiative' });
    await conn.sobject('Executive_Sponsor__c').update({ Id: String(sponsor!.Id), Commitments__c: 'touched' });
    await conn.sobject('Event').create({ Subject: 'Touched', ActivityDate: TODAY, IsAllDayEvent: true, WhatId: String(account!.Id) });
    await conn.sobject('Task').create({ Subject: 'Touched', ActivityDate: TODAY, WhatId: String(account!.Id) });
    const [objective] = storeRows(org, 'SELECT Id FROM Plan_Objective__c ORDER BY Id LIMIT 1');
    const [stakeholder] = storeRows(org, 'SELECT Id FROM Stakeholder__c ORDER BY Id LIMIT 1');
    await conn.sobject('Plan_Objective__c').update({ Id: String(objective!.Id), Measure__c: 'Touched' });
    await conn.sobject('Stakeholder__c').update({ Id: String(stakeholder!.Id), Notes__c: 'Touched' });
    const [contact] = storeRows(org, 'SELECT Id FROM Contact ORDER BY Id LIMIT 1');
    await conn.sobject('Contact').update({ Id: String(contact!.Id), Department: 'Touched' });
    const replayKey = `{${h.prefix}}:sync:${org.org.orgId}:cdc:replay`;
    await waitFor('a replay id on every channel', async () => (await h.deps.redis.hlen(replayKey)) === 10);
    await h.converged();
    await h.listener().stop();
    const stored = await h.deps.redis.hget(replayKey, '/data/OpportunityChangeEvent');
    expect(Number(stored)).toBeGreaterThan(0);
    const before = (await h.completed()).length;
    const queuedBefore = h.queued.length;
    // Changed while nobody listens.
    const deal = openOpportunity(org, 5);
    await setAmountThroughApi(conn, deal.Id, 123_456);
    await h.listen();
    await h.converged();
    const runs = (await h.completed()).slice(before);
    // Replayed, so an account run and no catch-up incremental run.
    expect(runs.map((j) => j.data)).toEqual([{ mode: 'accounts', accountIds: [deal.AccountId] }]);
    expect(h.queued.slice(queuedBefore)).toEqual([{ mode: 'accounts', reason: 'changes' }]);
    expect(Number(await h.deps.redis.hget(replayKey, '/data/OpportunityChangeEvent'))).toBeGreaterThan(Number(stored));
  });

  it('an expired session: the listener signs in again, resubscribes and catches up with an incremental run', async () => {
    const queuedBefore = h.queued.length;
    org.org.expireSession(h.listenerToken());
    // The held long poll answers without the event (its session is gone); the next connect is refused.
    const deal = openOpportunity(org, 7);
    await setAmountThroughApi(h.deps.client.conn, deal.Id, 654_321);
    await waitFor('a catch-up run', () => h.queued.slice(queuedBefore).some((q) => q.mode === 'incremental'), 30_000);
    await h.converged();
    expect(h.listener().status()['/data/OpportunityChangeEvent']).toBe('subscribed');
    expect(h.listener().healthy()).toBe(true);
  }, 45_000);

  it('a gap event runs an incremental run, which reads the change', async () => {
    const before = (await h.completed()).length;
    org.setFaults('cdcGap=1');
    try {
      const [plan] = storeRows(org, "SELECT Id FROM Account_Plan__c WHERE Status__c = 'Active' ORDER BY Id LIMIT 1");
      await h.deps.client.conn.sobject('Account_Plan__c').update({ Id: String(plan!.Id), Revenue_Target__c: 4_242_424 });
      await h.converged();
    } finally {
      org.setFaults(null);
    }
    const runs = (await h.completed()).slice(before);
    expect(runs.map((j) => j.data)).toEqual([{ mode: 'incremental' }]);
    expect(runs[0]!.returnvalue).toMatchObject({ mode: 'incremental', changedRecords: 1 });
    expect(h.queued.at(-1)).toEqual({ mode: 'incremental', reason: 'gap event' });
  });

  it('an expired replay id resubscribes from new events and runs an incremental run', async () => {
    await h.listener().stop();
    const replayKey = `{${h.prefix}}:sync:${org.org.orgId}:cdc:replay`;
    await h.deps.redis.hset(replayKey, '/data/AccountChangeEvent', '999999999');
    const queuedBefore = h.queued.length;
    const listener = await h.listen();
    expect(listener.status()['/data/AccountChangeEvent']).toBe('subscribed');
    await waitFor('an incremental run', () => h.queued.slice(queuedBefore).some((q) => q.mode === 'incremental' && q.reason === 'replay id expired'));
  });
});

describe('live freshness for objects without change events', () => {
  let org: OrgHandle;
  let h: Harness;

  beforeAll(async () => {
    // Only Account and Opportunity selected for Change Data Capture: the plan objects are polled.
    org = await startDemoOrg({ changeDataCapture: { entities: ['Account', 'Opportunity'] } });
    h = await harness(org);
    // The harness's full run just updated sponsorships (their engagement fields from the demo's
    // activities): let those fall behind the poller's 2-second lookback, or it reports them too.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await h.listen(500);
  });

  afterAll(async () => {
    await h.close();
    await org.close();
  });

  it('polls them at the configured interval and runs the account a polled change touched', async () => {
    expect(h.listener().status()).toMatchObject({
      '/data/OpportunityChangeEvent': 'subscribed',
      '/data/Account_Plan__ChangeEvent': 'polling',
      '/data/Joint_Initiative__ChangeEvent': 'polling',
      '/data/Executive_Sponsor__ChangeEvent': 'polling',
      '/data/EventChangeEvent': 'polling',
      '/data/TaskChangeEvent': 'polling'
    });
    expect(h.listener().healthy()).toBe(true);
    await waitFor('the start-up incremental run', async () => (await h.completed()).some((j) => j.data.mode === 'incremental'));
    const count = (await h.completed()).length;
    const [plan] = storeRows(org, "SELECT Id, Account__c FROM Account_Plan__c WHERE Status__c = 'Active' ORDER BY Id LIMIT 1");
    const before = expectedMetrics(org);
    await h.deps.client.conn.sobject('Account_Plan__c').update({ Id: String(plan!.Id), Revenue_Target__c: 9_999_999 });
    // The target is the coverage's denominator: the account's current row changes.
    expect([...changedKeys(before, expectedMetrics(org))].some((key) => key.startsWith(`A:${String(plan!.Account__c)}:`))).toBe(true);
    const runs = await waitFor('the polled change to be run', async () => {
      const done = (await h.completed()).slice(count);
      return done.length > 0 && done;
    });
    await h.converged();
    expect(runs.map((j) => j.data)).toEqual([{ mode: 'accounts', accountIds: [String(plan!.Account__c)] }]);
  });
});

/** Amount is read-only on an opportunity with products (every demo deal): its first line item's TotalPrice takes the difference. */
async function setAmountThroughApi(conn: Connection, opportunityId: string, amount: number): Promise<void> {
  const lines = (await conn.query<{ Id: string; TotalPrice: number }>(`SELECT Id, TotalPrice FROM OpportunityLineItem WHERE OpportunityId = '${opportunityId}' ORDER BY Id`)).records;
  const others = lines.slice(1).reduce((sum, line) => sum + line.TotalPrice, 0);
  await conn.sobject('OpportunityLineItem').update({ Id: lines[0]!.Id, TotalPrice: Math.round((amount - others) * 100) / 100 });
}
