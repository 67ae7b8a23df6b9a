// Lean incremental runs (issue 13, item 3): opportunities and their line items are mirrored in one
// Redis hash per account, and an incremental run reads the contents of only the hashes of the
// accounts whose opportunities or line items changed; every other account enters revenue share, score ranks and program rows
// through its stored figures. Watched through a real Redis MONITOR: the commands the run sends,
// filtered to this test's prefix. The rows must still be exactly what a full run computes.
import type Redis from 'ioredis';
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { STATE_VERSION } from '../../sync-service/src/sync/state';
import { TODAY, adminActor, expectedMetrics, expectedRows, nextSecond, orgMetricRows, setAmount, startDemoOrg, storeRows, syncDeps, testRedis, uniquePrefix, type TestDeps } from './support';

/** Redis commands seen while `body` runs, as [command, key, ...args], for keys of `prefix`. */
async function commandsDuring(prefix: string, body: () => Promise<unknown>): Promise<string[][]> {
  const seen: string[][] = [];
  const watcher: Redis = testRedis();
  const monitor = await watcher.monitor();
  monitor.on('monitor', (_time: string, args: string[]) => {
    if (args.some((arg) => arg.includes(prefix))) seen.push([args[0]!.toLowerCase(), ...args.slice(1)]);
  });
  try {
    await body();
    // MONITOR lines arrive asynchronously: let the last ones land.
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    monitor.disconnect();
    watcher.disconnect();
  }
  return seen;
}

const WHOLE_READS = new Set(['hgetall', 'hscan', 'hvals', 'hkeys']);
const ACCOUNT_HASH = ':mirror:opportunity:acct:';

/** The accounts whose opportunity (or line item) hash a run read whole (HLEN, a size, and HMGET of given ids are not). */
function accountHashesRead(commands: string[][], kind: 'opportunity' | 'lineItem' = 'opportunity'): Set<string> {
  const accounts = new Set<string>();
  const marker = `:mirror:${kind}:acct:`;
  for (const [command, key] of commands) {
    const at = key?.indexOf(marker) ?? -1;
    if (WHOLE_READS.has(command!) && at >= 0) accounts.add(key!.slice(at + marker.length));
  }
  return accounts;
}

/** Whole reads of a kind's mirror index (id → account hash): what a lean run never does. */
const indexReadsWhole = (commands: string[][], kind: string): string[][] => commands.filter(([command, key]) => WHOLE_READS.has(command!) && key?.endsWith(`:mirror:${kind}`));

/** The opportunity ids a run looked up one by one in the account hashes. */
function entriesLookedUp(commands: string[][]): string[] {
  return commands.filter(([command, key]) => command === 'hmget' && key?.includes(ACCOUNT_HASH)).flatMap((c) => c.slice(2));
}

describe('lean incremental runs', () => {
  let org: OrgHandle;
  let deps: TestDeps;
  const prefix = uniquePrefix('lean');

  beforeAll(async () => {
    org = await startDemoOrg();
    deps = await syncDeps(org, prefix);
    await runSync({ mode: 'full', asOf: TODAY }, deps);
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  function expectOrgRowsRight(): void {
    const expected = expectedRows(expectedMetrics(org));
    expect(orgMetricRows(org).accounts).toEqual(expected.accounts);
    expect(orgMetricRows(org).programs).toEqual(expected.programs);
  }

  it('reads the opportunity hash of the one account whose opportunity changed, and no whole mirror of opportunities', async () => {
    const accounts = storeRows(org, 'SELECT Id FROM Account');
    expect(accounts.length).toBeGreaterThan(3);
    const [won] = storeRows(org, 'SELECT Id, AccountId, Amount FROM Opportunity WHERE IsWon = true AND Amount > 0 AND CloseDate = LAST_N_DAYS:200 ORDER BY Id LIMIT 1');
    await nextSecond();
    setAmount(org, String(won!.Id), Number(won!.Amount) + 3333, adminActor(org));

    let summary: Awaited<ReturnType<typeof runSync>> | undefined;
    const commands = await commandsDuring(prefix, async () => (summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps)));
    // The opportunity and the line item setAmount changed (whitespace reads the same one account,
    // its line items included).
    expect(summary).toMatchObject({ mode: 'incremental', changedRecords: 2, status: 'done' });
    expect(accountHashesRead(commands)).toEqual(new Set([String(won!.AccountId)]));
    expect(accountHashesRead(commands, 'lineItem')).toEqual(new Set([String(won!.AccountId)]));
    expect(indexReadsWhole(commands, 'lineItem')).toEqual([]);
    // The opportunity index is looked up by the changed id only, never scanned or read whole.
    const index = commands.filter(([, key]) => key?.endsWith(':mirror:opportunity'));
    expect(index.filter(([command]) => command !== 'hlen' && command !== 'hmget' && command !== 'hset')).toEqual([]);
    expect(index.filter(([command]) => command === 'hmget').map((c) => c.slice(2))).toEqual([[String(won!.Id)]]);
    expect(entriesLookedUp(commands)).toEqual([String(won!.Id)]);
    // The other accounts' figures are read; the changed account's are recomputed, not read.
    const figureReads = commands.filter(([command, key]) => command === 'hmget' && key?.endsWith(':figures')).flatMap((c) => c.slice(2));
    expect(new Set(figureReads)).toEqual(new Set(accounts.map((a) => String(a.Id)).filter((id) => id !== String(won!.AccountId))));
    expectOrgRowsRight();
  });

  it('reads both accounts of a moved opportunity, and the rows follow it', async () => {
    const [from, to] = storeRows(org, 'SELECT Id FROM Account ORDER BY Id LIMIT 2');
    const [moved] = storeRows(org, `SELECT Id FROM Opportunity WHERE AccountId = '${String(from!.Id)}' AND IsWon = true ORDER BY Id LIMIT 1`);
    await nextSecond();
    org.store.update('Opportunity', String(moved!.Id), { AccountId: to!.Id }, adminActor(org));

    const commands = await commandsDuring(prefix, () => runSync({ mode: 'incremental', asOf: TODAY }, deps));
    expect(accountHashesRead(commands)).toEqual(new Set([String(from!.Id), String(to!.Id)]));
    // Its line items (no query returns them: they did not change) follow it from the old account's hash.
    expect(accountHashesRead(commands, 'lineItem')).toEqual(new Set([String(from!.Id), String(to!.Id)]));
    expectOrgRowsRight();
    // The mirror moved it: the next change to it reads only its new account.
    await nextSecond();
    org.store.update('Opportunity', String(moved!.Id), { StageName: 'Closed Lost' }, adminActor(org));
    const next = await commandsDuring(prefix, () => runSync({ mode: 'incremental', asOf: TODAY }, deps));
    expect(accountHashesRead(next)).toEqual(new Set([String(to!.Id)]));
    expectOrgRowsRight();
  });

  it('reads no account hash when nothing changed (what the lookback re-reads is compared entry by entry)', async () => {
    let summary: Awaited<ReturnType<typeof runSync>> | undefined;
    const commands = await commandsDuring(prefix, async () => (summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps)));
    expect(summary).toMatchObject({ mode: 'incremental', changedRecords: 0 });
    expect(accountHashesRead(commands)).toEqual(new Set());
    expect(accountHashesRead(commands, 'lineItem')).toEqual(new Set());
    expect(indexReadsWhole(commands, 'lineItem')).toEqual([]);
    expect(commands.filter(([command, key]) => command === 'hmget' && key?.endsWith(':figures'))).toEqual([]);
  });

  it('takes a state of the previous format (one opportunity hash of JSON) for none: the run is full and leaves the per-account layout', async () => {
    const [meta] = await deps.redis.keys(`*${prefix}*:meta`);
    const index = meta!.replace(/:meta$/, ':mirror:opportunity');
    // Version 7 kept every opportunity's JSON in the one hash the index now is.
    const opportunities = storeRows(org, 'SELECT Id, AccountId FROM Opportunity');
    await deps.redis.del(index);
    await deps.redis.hset(index, ...opportunities.flatMap((o) => [String(o.Id), JSON.stringify({ id: o.Id, accountId: o.AccountId })]));
    await deps.redis.hset(meta!, 'version', String(Number(STATE_VERSION) - 1));
    const [won] = storeRows(org, 'SELECT Id, Amount FROM Opportunity WHERE IsWon = true AND Amount > 0 ORDER BY Id DESC LIMIT 1');
    await nextSecond();
    setAmount(org, String(won!.Id), Number(won!.Amount) + 4444, adminActor(org));
    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ mode: 'full', requestedMode: 'incremental', status: 'done', watermarkAdvanced: true });
    expectOrgRowsRight();
    const [account] = await deps.redis.hmget(index, String(won!.Id));
    expect(account).toBe(String(storeRows(org, `SELECT AccountId FROM Opportunity WHERE Id = '${String(won!.Id)}'`)[0]!.AccountId));
    expect(await deps.redis.hget(meta!, 'version')).toBe(STATE_VERSION);
  });
});
