// State per org (issue 12, item 5): the sync state lives under the Organization Id, so a second
// org synced on the same Redis prefix never reuses the first one's mirror, watermarks or hashes.
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, orgMetricRows, startDemoOrg, syncDeps, uniquePrefix, type TestDeps } from './support';

describe('sync state namespaced by org', () => {
  let first: OrgHandle;
  let second: OrgHandle;
  let firstDeps: TestDeps;
  let secondDeps: TestDeps;
  const prefix = uniquePrefix('two-orgs');

  beforeAll(async () => {
    first = await startDemoOrg({ seed: 7 });
    second = await startDemoOrg({ seed: 8 });
    firstDeps = await syncDeps(first, prefix);
    secondDeps = await syncDeps(second, prefix);
    // Every emulated org has the same Organization Id (and record ids); a real second org has its own.
    const conn = secondDeps.client.conn;
    conn.userInfo = { ...conn.userInfo!, organizationId: '00DDg0000000002MAA' };
  });

  afterAll(async () => {
    await secondDeps.close();
    await firstDeps.close();
    await second.close();
    await first.close();
  });

  it('a second org on the same prefix gets its own full run, and the first org keeps its state', async () => {
    await runSync({ mode: 'full', asOf: TODAY }, firstDeps);
    const summary = await runSync({ mode: 'incremental', asOf: TODAY }, secondDeps);
    expect(summary.mode).toBe('full');
    // The second org's rows are those it gets when synced alone, from a state of its own.
    const written = orgMetricRows(second);
    const alone = await syncDeps(second, uniquePrefix('alone'));
    try {
      await runSync({ mode: 'full', asOf: TODAY }, alone);
    } finally {
      await alone.close();
    }
    expect(written.accounts).toEqual(orgMetricRows(second).accounts);
    expect(written.programs).toEqual(orgMetricRows(second).programs);
    expect(await runSync({ mode: 'incremental', asOf: TODAY }, firstDeps)).toMatchObject({ mode: 'incremental', changedRecords: 0 });
  });
});
