// Fencing (issue 12, item 4): a run that lost the sync lock stops writing before its next batch,
// so it never overwrites the rows of the run that took the lock over with older values.
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { LockLostError } from '../../sync-service/src/sync/state';
import { TODAY, adminActor, expectedMetrics, expectedRows, orgMetricRows, startDemoOrg, setAmount, storeRows, syncDeps, uniquePrefix, type TestDeps } from './support';

describe('writes fenced by the sync lock', () => {
  let org: OrgHandle;
  let deps: TestDeps;
  const prefix = uniquePrefix('fencing');

  beforeAll(async () => {
    org = await startDemoOrg();
    deps = await syncDeps(org, prefix);
  });

  afterAll(async () => {
    await deps.close();
    await org.close();
  });

  it('a run whose lock expired before its writes writes nothing over the newer run', async () => {
    const [won] = storeRows(org, 'SELECT Id, Amount FROM Opportunity WHERE IsWon = true AND CloseDate = LAST_N_DAYS:200 ORDER BY Id LIMIT 1');
    const stale = runSync(
      { mode: 'full', asOf: TODAY },
      {
        ...deps,
        onProgress: async (percent) => {
          if (percent !== 50) return;
          // This run stalled (a long GC pause, a slow network) past its lock's TTL: another run
          // takes the lock over, sees a newer amount and writes every row.
          const lockKeys = (await deps.redis.keys(`*${prefix}*:lock`)).filter((k) => !k.includes('poll'));
          await deps.redis.del(...lockKeys);
          setAmount(org, String(won!.Id), Number(won!.Amount) + 98_765, adminActor(org));
          const newer = await runSync({ mode: 'full', asOf: TODAY }, deps);
          expect(newer.status).toBe('done');
        }
      }
    );
    await expect(stale).rejects.toBeInstanceOf(LockLostError);
    const expected = expectedRows(expectedMetrics(org));
    expect(orgMetricRows(org).accounts).toEqual(expected.accounts);
    expect(orgMetricRows(org).programs).toEqual(expected.programs);
  });
});
