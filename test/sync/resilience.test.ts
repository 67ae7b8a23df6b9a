// The Salesforce side going wrong: expired sessions, 503 bursts and dropped connections, the API
// budget running out before and during a run; plus the other auth modes and the Bulk 2.0 path.
import type { OrgHandle } from '../emulator';
import { createLogger } from '../../sync-service/src/logger';
import { OrgClient } from '../../sync-service/src/salesforce/client';
import { ApiBudgetExhaustedError } from '../../sync-service/src/salesforce/errors';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, expectedMetrics, expectedRows, orgMetricRows, passwordAuth, startDemoOrg, storeRows, syncDeps, uniquePrefix } from './support';

describe('sync resilience', () => {
  let org: OrgHandle;

  beforeAll(async () => {
    org = await startDemoOrg();
  });

  afterAll(async () => {
    await org.close();
  });

  beforeEach(() => {
    org.setFaults(null);
    org.setApiBudget(100_000, org.apiUsage().used);
  });

  it('signs in again when every session has expired, and when sessions expire mid-run', async () => {
    const deps = await syncDeps(org, uniquePrefix('expiry'));
    try {
      org.expireAllSessions();
      org.setFaults('expireEvery=3');
      const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
      expect(summary.status).toBe('done');
      expect(orgMetricRows(org).accounts).toEqual(expectedRows(expectedMetrics(org)).accounts);
    } finally {
      await deps.close();
    }
  });

  it('retries through 503 bursts and dropped connections and still writes the right rows', async () => {
    const deps = await syncDeps(org, uniquePrefix('faults'));
    try {
      org.setFaults('error503=0.3,drop=0.1');
      const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
      org.setFaults(null);
      expect(summary).toMatchObject({ status: 'done', failures: [] });
      const stored = orgMetricRows(org);
      const expected = expectedRows(expectedMetrics(org));
      expect(stored.accounts).toEqual(expected.accounts);
      expect(stored.programs).toEqual(expected.programs);
    } finally {
      await deps.close();
    }
  }, 120_000);

  it('does not start inside the reserve, stops cleanly when Salesforce refuses mid-run, and a later run completes', async () => {
    const deps = await syncDeps(org, uniquePrefix('budget'), { reservePercent: 10 });
    try {
      // 91 of 100 used with 10% reserved: the first answer shows the reserve reached.
      org.setApiBudget(100, 91);
      await expect(runSync({ mode: 'full', asOf: TODAY }, deps)).rejects.toBeInstanceOf(ApiBudgetExhaustedError);
      expect(await deps.state.readMeta()).toBeNull();

      // Room for 4 calls, and no reserve: the full run (≥ 6 calls) is refused by Salesforce mid-run.
      const refused = await syncDeps(org, uniquePrefix('budget'), { reservePercent: 0 });
      try {
        const used = org.apiUsage().used;
        org.setApiBudget(used + 4, used);
        await expect(runSync({ mode: 'full', asOf: TODAY }, refused)).rejects.toBeInstanceOf(ApiBudgetExhaustedError);
        expect(await refused.state.readMeta()).toBeNull();
        expect(await refused.state.acquireLock(1000)).not.toBeNull();
        await refused.state.clear();
      } finally {
        await refused.close();
      }

      org.setApiBudget(100_000, org.apiUsage().used);
      const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
      expect(summary.status).toBe('done');
      expect((await deps.state.readMeta())?.asOf).toBe(TODAY);
      expect(orgMetricRows(org).accounts).toEqual(expectedRows(expectedMetrics(org)).accounts);
    } finally {
      await deps.close();
    }
  });

  it('signs in with the JWT bearer flow and with client credentials, and refreshes both', async () => {
    for (const auth of [
      { mode: 'jwt' as const, privateKey: org.privateKeyPem, clientSecret: undefined, password: undefined },
      { mode: 'client_credentials' as const, username: undefined, password: undefined }
    ]) {
      const deps = await syncDeps(org, uniquePrefix(auth.mode), { auth });
      try {
        org.expireAllSessions();
        const summary = await runSync({ mode: 'full', asOf: TODAY }, deps);
        expect(summary.status).toBe('done');
      } finally {
        await deps.close();
      }
    }
  });

  it('asks Bulk 2.0 for results pages of its own size and parses each page a batch at a time', async () => {
    const opportunities = storeRows(org, 'SELECT Id FROM Opportunity').length;
    const deps = await syncDeps(org, uniquePrefix('bulk-pages'), { bulkResultsPage: 100 });
    try {
      const batches: number[] = [];
      const ids = new Set<string>();
      const before = deps.client.calls;
      const read = await deps.client.bulkQuery('SELECT Id, Amount FROM Opportunity', (records) => {
        batches.push(records.length);
        for (const record of records) ids.add(String(record.Id));
      });
      expect(read).toBe(opportunities);
      expect(ids.size).toBe(opportunities);
      // One batch a page (a page is smaller than a batch): ⌈records / 100⌉ pages, 100 each but the last.
      expect(batches).toEqual([...Array<number>(Math.floor(opportunities / 100)).fill(100), ...(opportunities % 100 ? [opportunities % 100] : [])]);
      // The job, at least one status check, and a call per page.
      expect(deps.client.calls - before).toBeGreaterThanOrEqual(2 + batches.length);
    } finally {
      await deps.close();
    }
  });

  it('a Bulk read survives results pages cut off mid-body and expired sessions, and hands on every record once', async () => {
    const opportunities = storeRows(org, 'SELECT Id FROM Opportunity').length;
    const warnings: Array<{ what?: string; err?: unknown }> = [];
    const logger = createLogger('info', { write: (line: string) => void warnings.push(JSON.parse(line) as { what?: string; err?: unknown }) });
    const client = await OrgClient.connect({ auth: passwordAuth(org), reservePercent: 0, retry: { attempts: 12, baseMs: 5 }, logger, bulkResultsPage: 100, bulkBatchRecords: 20, bulkPoll: { firstMs: 20, maxMs: 100, timeoutMs: 30_000 } });
    try {
      const token = client.conn.accessToken;
      org.setFaults('drop=0.2,expireEvery=9');
      const ids: string[] = [];
      const read = await client.bulkQuery('SELECT Id, Amount FROM Opportunity', (records) => void ids.push(...records.map((r) => String(r.Id))));
      org.setFaults(null);
      expect(read).toBe(opportunities);
      expect(ids.length).toBe(opportunities);
      expect(new Set(ids).size).toBe(opportunities);
      // Pages of 100 handed on 20 at a time: a page cut off halfway handed some on before it broke.
      // It did meet both: a results page cut off (retried) and a session that expired.
      expect(warnings.some((w) => w.what === 'bulk query results' && /terminated/.test(JSON.stringify(w.err)))).toBe(true);
      expect(client.conn.accessToken).not.toBe(token);
    } finally {
      org.setFaults(null);
    }
  });

  it('reads opportunities with Bulk API 2.0 above the threshold and computes the same rows', async () => {
    const prefix = uniquePrefix('bulk');
    const bulk = await syncDeps(org, prefix, { settings: { bulkThreshold: 100 }, bulkResultsPage: 150 });
    const rest = await syncDeps(org, prefix);
    try {
      const summary = await runSync({ mode: 'full', asOf: TODAY }, bulk);
      expect(summary.opportunities).toBe(storeRows(org, 'SELECT Id FROM Opportunity').length);
      expect(orgMetricRows(org).accounts).toEqual(expectedRows(expectedMetrics(org)).accounts);
      // The same state read again through REST finds every row already right and no input changed.
      expect(await runSync({ mode: 'full', asOf: TODAY }, rest)).toMatchObject({ metricRowsWritten: 0, metricRowsUnchanged: 588 });
      expect(await runSync({ mode: 'incremental', asOf: TODAY }, rest)).toMatchObject({ changedRecords: 0, metricRowsWritten: 0 });
    } finally {
      await rest.close();
      await bulk.close();
    }
  });
});
