// Sync runs against the emulated demo org over HTTP and the test Redis: the rows written are the
// rows the engine computes from the org's own data; incremental runs write exactly the rows whose
// content changed and end where a fresh full run would.
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import {
  TODAY,
  adminActor,
  changedKeys,
  expectedMetrics,
  expectedRows,
  orgMetricRows,
  startDemoOrg,
  storeRows,
  syncDeps,
  setAmount,
  uniquePrefix,
  type TestDeps
} from './support';

describe('sync runs against the demo org', () => {
  let org: OrgHandle;
  let deps: TestDeps;
  const prefix = uniquePrefix('sync');

  beforeAll(async () => {
    org = await startDemoOrg();
    deps = await syncDeps(org, prefix);
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  it('full sync writes exactly the rows the engine computes from the org data', async () => {
    const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
    const expected = expectedRows(expectedMetrics(org));
    const stored = orgMetricRows(org);
    // 40 demo accounts × 12 quarters, plus 12 program rows.
    // 40 accounts and the 8 that have child accounts (their Hierarchy rows), 12 quarters each.
    expect(expected.accounts.size).toBe(576);
    expect(summary).toMatchObject({ mode: 'full', status: 'done', accounts: 40, metricRowsWritten: 588, metricRowsUnchanged: 0, failures: [] });
    expect(summary.opportunities).toBe(storeRows(org, 'SELECT Id FROM Opportunity').length);
    expect(stored.accounts).toEqual(expected.accounts);
    expect(stored.programs).toEqual(expected.programs);
  });

  it('a second full run rewrites nothing', async () => {
    const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
    expect(summary).toMatchObject({ metricRowsWritten: 0, metricRowsUnchanged: 588, status: 'done' });
  });

  it('a full run leaves the mirror in place of the old one and no staging keys behind', async () => {
    const opportunities = storeRows(org, 'SELECT Id FROM Opportunity').length;
    const mirror = `{${prefix}}:sync:${deps.client.organizationId}:mirror:opportunity`;
    await deps.redis.hset(mirror, 'stale-id', '{}');
    await runSync({ mode: 'full', asOf: TODAY }, deps);
    expect(await deps.redis.hlen(mirror)).toBe(opportunities);
    expect(await deps.redis.hexists(mirror, 'stale-id')).toBe(0);
    expect(await deps.redis.keys(`*${prefix}*:mirror:*:staging:*`)).toEqual([]);
  });

  it('a no-change incremental run writes nothing and uses at most 3 API calls', async () => {
    const before = org.apiUsage().used;
    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    const used = org.apiUsage().used - before;
    expect(summary).toMatchObject({ mode: 'incremental', metricRowsWritten: 0, changedRecords: 0, failures: [] });
    expect(used).toBeLessThanOrEqual(3);
    expect(summary.apiCalls).toBe(used);
  });

  it('incremental after changing, adding and deleting opportunities rewrites exactly the changed rows', async () => {
    const before = expectedMetrics(org);
    const computedBefore = orgMetricRows(org).computedAt;
    const actor = adminActor(org);
    const won = storeRows(org, "SELECT Id, AccountId, Amount FROM Opportunity WHERE IsWon = true AND CloseDate = LAST_N_DAYS:200 ORDER BY Id LIMIT 3");
    expect(won.length).toBe(3);
    const [changed, deleted, other] = won as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
    // Deleting an opportunity deletes its line items with it.
    const deletedLines = storeRows(org, `SELECT Id FROM OpportunityLineItem WHERE OpportunityId = '${String(deleted.Id)}'`).length;
    expect(deletedLines).toBeGreaterThan(0);
    setAmount(org, String(changed.Id), Number(changed.Amount) + 12345.67, actor);
    org.store.remove('Opportunity', String(deleted.Id), actor);
    org.store.insert(
      'Opportunity',
      { Name: 'Sync test deal', AccountId: other.AccountId, StageName: 'Closed Won', CloseDate: '2026-05-20', Amount: 50000, CurrencyIsoCode: 'USD' },
      actor
    );
    const after = expectedMetrics(org);
    const differing = changedKeys(before, after);
    expect(differing.size).toBeGreaterThan(0);

    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    // 3 opportunities, the line item setAmount changed, and the deleted opportunity's line items.
    expect(summary).toMatchObject({ mode: 'incremental', status: 'done', changedRecords: 3 + 1 + deletedLines, lineItems: 1 + deletedLines, failures: [] });
    expect(summary.metricRowsWritten).toBe(differing.size);

    const stored = orgMetricRows(org);
    const rewritten = new Set([...stored.computedAt].filter(([key, at]) => computedBefore.get(key) !== at).map(([key]) => key));
    expect(rewritten).toEqual(differing);
    const fresh = expectedRows(after);
    expect(stored.accounts).toEqual(fresh.accounts);
    expect(stored.programs).toEqual(fresh.programs);

    // A fresh full run from empty state agrees: nothing left to write.
    await deps.state.clear();
    const full = await runSync({ mode: 'full', asOf: TODAY }, deps);
    expect(full.metricRowsWritten).toBe(588);
    expect(orgMetricRows(org).accounts).toEqual(fresh.accounts);
  });

  it('an incremental run sees plan, sponsor and strategic-flag changes', async () => {
    const actor = adminActor(org);
    const before = expectedMetrics(org);
    const [account] = storeRows(org, 'SELECT Id, Strategic_Account__c FROM Account WHERE Strategic_Account__c = false ORDER BY Id LIMIT 1');
    org.store.update('Account', String(account!.Id), { Strategic_Account__c: true }, actor);
    const [plan] = storeRows(org, "SELECT Id FROM Account_Plan__c WHERE Status__c = 'Active' ORDER BY Id LIMIT 1");
    org.store.update('Account_Plan__c', String(plan!.Id), { Revenue_Target__c: 7_777_777 }, actor);
    const after = expectedMetrics(org);
    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(summary.changedRecords).toBe(2);
    expect(summary.metricRowsWritten).toBe(changedKeys(before, after).size);
    expect(orgMetricRows(org).programs).toEqual(expectedRows(after).programs);
    expect(orgMetricRows(org).accounts).toEqual(expectedRows(after).accounts);
  });

  it('single-account mode writes every row the account changes (its own, the program rows, other accounts’ shares and ranks) and mirrors the change', async () => {
    const actor = adminActor(org);
    const [opportunity] = storeRows(org, 'SELECT Id, AccountId, Amount FROM Opportunity WHERE IsWon = true AND CloseDate = LAST_N_DAYS:200 ORDER BY Id DESC LIMIT 1');
    const accountId = String(opportunity!.AccountId);
    const before = expectedMetrics(org);
    setAmount(org, String(opportunity!.Id), Number(opportunity!.Amount) + 1000, actor);
    const after = expectedMetrics(org);
    const changes = changedKeys(before, after);
    // More revenue for one account moves the others' revenue share: rows of other accounts change too.
    expect([...changes].some((key) => key.startsWith('A:') && !key.startsWith(`A:${accountId}:`))).toBe(true);
    const summary = await runSync({ mode: 'account', accountId, asOf: TODAY }, deps);
    expect(summary).toMatchObject({ mode: 'account', accounts: 1, status: 'done', changedRecords: 1 });
    expect(summary.metricRowsWritten).toBe(changes.size);
    expect(orgMetricRows(org).programs).toEqual(expectedRows(after).programs);
    expect(orgMetricRows(org).accounts).toEqual(expectedRows(after).accounts);
    // The overlay went into the mirror: the next incremental run re-reads the opportunity (its
    // watermark did not move) and finds nothing to change.
    const next = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
    expect(next).toMatchObject({ changedRecords: 0, metricRowsWritten: 0 });
    expect(orgMetricRows(org).accounts).toEqual(expectedRows(after).accounts);
  });

  it('rejects an account id that is not an id before any query', async () => {
    await expect(runSync({ mode: 'account', accountId: "001' OR Name != '", asOf: TODAY }, deps)).rejects.toThrow(/not a Salesforce id/);
  });
});
