// Prometheus metrics (prom-client): jobs by state (read from the queue at scrape time), run
// durations, Salesforce API calls, records read and rows written, write failures.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SyncSummary } from '../sync/run';

export interface JobCounter {
  getJobCounts(...states: string[]): Promise<Record<string, number>>;
}

const JOB_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'waiting-children'];

export interface ServiceMetrics {
  registry: Registry;
  observeRun(summary: SyncSummary): void;
  observeBudgetStop(): void;
}

export function createServiceMetrics(queue: JobCounter | null, withDefaults = true): ServiceMetrics {
  const registry = new Registry();
  if (withDefaults) collectDefaultMetrics({ register: registry, prefix: 'tandem_sync_' });
  new Gauge({
    name: 'tandem_sync_jobs',
    help: 'Sync jobs in the queue by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      if (!queue) return;
      const counts = await queue.getJobCounts(...JOB_STATES);
      for (const state of JOB_STATES) this.set({ state }, counts[state] ?? 0);
    }
  });
  const duration = new Histogram({
    name: 'tandem_sync_run_duration_seconds',
    help: 'Duration of sync runs',
    labelNames: ['mode', 'status'],
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900],
    registers: [registry]
  });
  const apiCalls = new Counter({ name: 'tandem_sync_salesforce_api_calls_total', help: 'Salesforce API calls made by sync runs', labelNames: ['mode'], registers: [registry] });
  const recordsRead = new Counter({ name: 'tandem_sync_records_read_total', help: 'Opportunities and accounts read by sync runs', labelNames: ['object'], registers: [registry] });
  const written = new Counter({ name: 'tandem_sync_rows_written_total', help: 'Metric rows written', registers: [registry] });
  const unchanged = new Counter({ name: 'tandem_sync_rows_unchanged_total', help: 'Metric rows computed but unchanged (not written)', registers: [registry] });
  const failures = new Counter({ name: 'tandem_sync_write_failures_total', help: 'Metric rows that failed to write', registers: [registry] });
  const budgetStops = new Counter({ name: 'tandem_sync_budget_stops_total', help: 'Runs stopped by the API budget reserve', registers: [registry] });
  return {
    registry,
    observeRun(summary) {
      duration.observe({ mode: summary.mode, status: summary.status }, summary.durationMs / 1000);
      apiCalls.inc({ mode: summary.mode }, summary.apiCalls);
      recordsRead.inc({ object: 'Opportunity' }, summary.opportunities);
      recordsRead.inc({ object: 'Account' }, summary.accounts);
      written.inc(summary.metricRowsWritten);
      unchanged.inc(summary.metricRowsUnchanged);
      failures.inc(summary.failures.length);
    },
    observeBudgetStop() {
      budgetStops.inc();
    }
  };
}
