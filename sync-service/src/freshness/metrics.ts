// Prometheus metrics of live freshness: how late change events arrive (commit to receipt), how
// many arrive by object and type, the runs they queue, and each channel's subscription state.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Freshness, FreshnessObserver } from './freshness';

const STATES = ['starting', 'connecting', 'subscribed', 'polling', 'not enabled', 'down'];

export function freshnessMetrics(registry: Registry, freshness: () => Freshness | null): FreshnessObserver {
  const lag = new Histogram({
    name: 'tandem_sync_change_event_lag_seconds',
    help: 'Seconds from a change event’s commit in Salesforce to its receipt by the service',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: [registry]
  });
  const last = new Gauge({ name: 'tandem_sync_change_event_last_lag_seconds', help: 'Lag of the latest change event received', registers: [registry] });
  const events = new Counter({ name: 'tandem_sync_change_events_total', help: 'Change events received', labelNames: ['object', 'change_type'], registers: [registry] });
  const runs = new Counter({ name: 'tandem_sync_change_runs_queued_total', help: 'Runs queued for changes', labelNames: ['mode', 'reason'], registers: [registry] });
  new Gauge({
    name: 'tandem_sync_change_subscription',
    help: 'Change event subscription state per channel (1 for the current state)',
    labelNames: ['channel', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      const current = freshness();
      if (!current) return;
      for (const [channel, state] of Object.entries(current.status())) for (const s of STATES) this.set({ channel, state: s }, s === state ? 1 : 0);
    }
  });
  return {
    event(object, changeType, lagMs) {
      lag.observe(Math.max(0, lagMs) / 1000);
      last.set(Math.max(0, lagMs) / 1000);
      events.inc({ object, change_type: changeType });
    },
    queued(mode, reason) {
      runs.inc({ mode, reason });
    }
  };
}
