import type { MetricsContext, MetricsRun } from './types';

/** Start a metrics run for one as-of date (DESIGN.md "Metric definitions"). */
export function createMetricsRun(_ctx: MetricsContext): MetricsRun {
  // The engine lands in the next commit; this signature is the contract the sync service compiles against.
  throw new Error('metrics engine: not implemented yet');
}
