// Mirror integrity (issue 12, item 1): a mirror that lost records — a staged key that expired
// before the commit, or Redis evicting a key — is never trusted. The state keeps a record count
// per object; a commit or a read whose counts do not match falls back to a full run.
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, adminActor, expectedMetrics, expectedRows, orgMetricRows, startDemoOrg, setAmount, storeRows, syncDeps, uniquePrefix, type TestDeps } from './support';

describe('mirror integrity', () => {
  let org: OrgHandle;
  let deps: TestDeps;
  const prefix = uniquePrefix('integrity');

  beforeAll(async () => {
    org = await startDemoOrg();
    deps = await syncDeps(org, prefix);
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  async function mirrorKey(kind: string): Promise<string> {
    const keys = (await deps.redis.keys(`*${prefix}*:mirror:${kind}`)).filter((k) => !k.includes(':staging:'));
    expect(keys).toHaveLength(1);
    return keys[0]!;
  }

  function bumpOneWonOpportunity(): void {
    const [won] = storeRows(org, 'SELECT Id, Amount FROM Opportunity WHERE IsWon = true AND CloseDate = LAST_N_DAYS:200 ORDER BY Id LIMIT 1');
    setAmount(org, String(won!.Id), Number(won!.Amount) + 1111, adminActor(org));
  }

  it('does not commit a staged mirror that expired before the commit, and the next run is full and right', async () => {
    const summary = await runSync(
      { mode: 'full', asOf: TODAY },
      {
        ...deps,
        onProgress: async (percent) => {
          // The writes took longer than the staging TTL: the staged opportunities are gone.
          if (percent === 90) for (const key of await deps.redis.keys(`*${prefix}*:mirror:opportunity:staging:*`)) await deps.redis.del(key);
        }
      }
    );
    expect(summary.watermarkAdvanced).toBe(false);
    bumpOneWonOpportunity();
    const next = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(next.mode).toBe('full');
    const expected = expectedRows(expectedMetrics(org));
    expect(orgMetricRows(org).accounts).toEqual(expected.accounts);
    expect(orgMetricRows(org).programs).toEqual(expected.programs);
  });

  it('does not trust a mirror Redis evicted: the incremental run falls back to a full run', async () => {
    await runSync({ mode: 'full', asOf: TODAY }, deps);
    await deps.redis.del(await mirrorKey('opportunity'));
    bumpOneWonOpportunity();
    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ mode: 'full', requestedMode: 'incremental', status: 'done' });
    const expected = expectedRows(expectedMetrics(org));
    expect(orgMetricRows(org).accounts).toEqual(expected.accounts);
    expect(orgMetricRows(org).programs).toEqual(expected.programs);
  });

  it('does not trust a mirror whose one account hash Redis evicted: the incremental run falls back to a full run', async () => {
    await runSync({ mode: 'full', asOf: TODAY }, deps);
    // Opportunities are mirrored per account (state.ts): one account's hash goes, the index stays.
    const [account] = storeRows(org, 'SELECT AccountId FROM Opportunity WHERE AccountId != null ORDER BY Id LIMIT 1');
    const accountHash = `${await mirrorKey('opportunity')}:acct:${String(account!.AccountId)}`;
    expect(await deps.redis.del(accountHash)).toBe(1);
    bumpOneWonOpportunity();
    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ mode: 'full', requestedMode: 'incremental', status: 'done' });
    const expected = expectedRows(expectedMetrics(org));
    expect(orgMetricRows(org).accounts).toEqual(expected.accounts);
    expect(orgMetricRows(org).programs).toEqual(expected.programs);
    expect(await deps.redis.exists(accountHash)).toBe(1);
  });

  it('does not trust a mirror that lost one record: the single-account run reads the whole org', async () => {
    await runSync({ mode: 'full', asOf: TODAY }, deps);
    const key = await mirrorKey('opportunity');
    const [someone] = await deps.redis.hkeys(key);
    await deps.redis.hdel(key, someone!);
    const [won] = storeRows(org, 'SELECT Id, AccountId, Amount FROM Opportunity WHERE IsWon = true AND CloseDate = LAST_N_DAYS:200 ORDER BY Id DESC LIMIT 1');
    setAmount(org, String(won!.Id), Number(won!.Amount) + 2222, adminActor(org));
    await runSync({ mode: 'account', accountId: String(won!.AccountId), asOf: TODAY }, deps);
    const expected = expectedRows(expectedMetrics(org));
    expect(orgMetricRows(org).programs).toEqual(expected.programs);
    // And the incremental run after it finds the damaged mirror and repairs it with a full run.
    const next = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(next.mode).toBe('full');
    expect(orgMetricRows(org).accounts).toEqual(expected.accounts);
    expect(await deps.redis.hlen(await mirrorKey('opportunity'))).toBe(storeRows(org, 'SELECT Id FROM Opportunity').length);
  });
});
