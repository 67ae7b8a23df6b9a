import { pollJob } from './bulkJobs';

/** A job that processes `perMs` records a millisecond from now on, and the checks it answers. */
function fakeJob(total: number, perMs: number) {
  const started = Date.now();
  const checks: number[] = [];
  return {
    checks,
    check: async () => {
      const processed = Math.min(total, Math.floor((Date.now() - started) * perMs));
      checks.push(Date.now() - started);
      return { state: processed >= total ? 'JobComplete' : 'InProgress', numberRecordsProcessed: processed };
    }
  };
}

describe('Bulk job polling', () => {
  it('checks an ingest job about twice: first when it could be done at best, then when its rate says', async () => {
    // 2,000 rows at 5 a ms: done at 400 ms. First check at 2,000 / 10,000 per s = 200 ms (1,000
    // done), then the rest at that rate: 1,000 / 5 × 1.1 = 220 ms later, at about 420 ms: done.
    // Doubling from 50 ms would check at 50, 150, 350 and 750 ms.
    const job = fakeJob(2000, 5);
    const info = await pollJob('job', { firstMs: 50, maxMs: 5000, timeoutMs: 10_000 }, job.check, 2000);
    expect(info.state).toBe('JobComplete');
    expect(job.checks.length).toBeLessThanOrEqual(3);
    expect(job.checks[0]).toBeGreaterThanOrEqual(190);
  });

  it('never waits longer than maxMs on a projection, and doubles without progress', async () => {
    // 1 row a ms of 100,000: the projection says ~100 s; the checks stay maxMs (300 ms) apart.
    const slow = fakeJob(100_000, 1);
    await expect(pollJob('slow job', { firstMs: 50, maxMs: 300, timeoutMs: 1000 }, slow.check, 100_000)).rejects.toThrow('slow job not complete after 1000 ms');
    const gaps = slow.checks.slice(1).map((at, i) => at - slow.checks[i]!);
    expect(Math.max(...gaps)).toBeLessThan(450);
    // A query job (no total): 50, 100, 200 ms… apart.
    const query = fakeJob(1, 0);
    await expect(pollJob('query job', { firstMs: 50, maxMs: 1000, timeoutMs: 400 }, query.check)).rejects.toThrow('not complete after 400 ms');
    expect(query.checks.length).toBeLessThanOrEqual(4);
  });
});
