// A sync over an org whose opportunities carry the data problems the metrics engine must survive
// (null Amount, null CloseDate, a negative amount, a close date far in the future, no account, a
// currency without a rate): requested through the running service's API, the job completes, the
// metric rows are the engine's over the org's data, and the job's result reports each problem
// with its count and sample ids.
import type { OrgHandle } from '../emulator';
import { TODAY, adminActor, expectedMetrics, expectedRows, orgMetricRows, startDemoOrg, storeRows } from '../sync/support';
import { TOKEN, startService, type RunningService } from './support';

interface JobAnswer {
  state: string;
  failedReason: string | null;
  result: { status: string; failures: unknown[]; dataQuality: Record<string, { count: number; sampleIds: string[] }> } | null;
}

describe('a sync over bad data completes and reports it', () => {
  let org: OrgHandle;
  let service: RunningService;
  const seeded: Record<string, string> = {};

  beforeAll(async () => {
    org = await startDemoOrg();
    const actor = adminActor(org);
    const [account] = storeRows(org, 'SELECT Id FROM Account WHERE Strategic_Account__c = true ORDER BY Id LIMIT 1');
    const deal = (fields: Record<string, unknown>): string =>
      org.store.insert('Opportunity', { Name: 'Bad data', AccountId: account!.Id, StageName: 'Closed Won', CloseDate: '2026-05-20', Amount: 10_000, CurrencyIsoCode: 'USD', ...fields }, actor);
    seeded.nullAmount = deal({ Amount: null });
    seeded.negativeAmount = deal({ Amount: -2500 });
    seeded.closeDateOutOfRange = deal({ StageName: 'Prospecting', CloseDate: '2045-03-31' });
    seeded.missingAccount = deal({ AccountId: null });
    // Values the API would refuse today but older data can hold: written into the store directly.
    const opportunities = org.store.table('Opportunity')!;
    seeded.nullCloseDate = deal({});
    opportunities.column('CloseDate')!.set(opportunities.rowOf(seeded.nullCloseDate), null);
    seeded.unknownCurrency = deal({});
    opportunities.column('CurrencyIsoCode')!.set(opportunities.rowOf(seeded.unknownCurrency), 'JPY');
    service = await startService(org);
  });

  afterAll(async () => {
    await service.stop();
    await org.close();
  });

  async function call<T>(path: string, init: { method?: string; body?: string } = {}): Promise<{ status: number; body: T }> {
    const response = await fetch(`${service.url}${path}`, {
      method: init.method ?? 'GET',
      body: init.body,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` }
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  it('completes, writes the engine’s rows and reports every problem with its sample ids', async () => {
    const queued = await call<{ jobId: string }>('/api/sync', { method: 'POST', body: JSON.stringify({ mode: 'full' }) });
    expect(queued.status).toBe(202);
    const deadline = Date.now() + 30_000;
    let job: JobAnswer;
    for (;;) {
      job = (await call<JobAnswer>(`/api/jobs/${queued.body.jobId}`)).body;
      if (job.state === 'completed' || job.state === 'failed' || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(job.failedReason).toBeNull();
    expect(job.state).toBe('completed');
    expect(job.result).toMatchObject({ status: 'done', failures: [] });

    const expected = expectedMetrics(org, TODAY);
    const stored = orgMetricRows(org);
    expect(stored.accounts).toEqual(expectedRows(expected).accounts);
    expect(stored.programs).toEqual(expectedRows(expected).programs);

    const report = job.result!.dataQuality;
    // The demo org's own data has none of these problems: each is the one record seeded for it.
    for (const [kind, id] of Object.entries(seeded)) expect(report[kind]).toEqual({ count: 1, sampleIds: [id] });
    // And the report is the engine's over the org's data (other kinds included).
    for (const [kind, entry] of Object.entries(report)) {
      const key = kind as keyof typeof expected.dataQuality.counts;
      expect(entry).toEqual({ count: expected.dataQuality.counts[key], sampleIds: expected.dataQuality.samples[key] });
    }
  }, 60_000);
});
