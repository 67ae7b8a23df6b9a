// The freshness benchmark: the service (`sync-service/src/main.ts`, API and worker, live freshness
// on) runs against the demo org in an emulator process after a full sync. Twenty times, the
// harness sets an open opportunity to Closed Won through jsforce and times how long until the
// account's current Account_Metric__c row shows it (its quarter's revenue moves), polling that row
// every 50 ms. Then nothing changes for a while and the org's own API counter says how many REST
// calls the service made: first with only the change event subscription listening (no
// Sync_Request__c poll, no cron run in the window), then with the default Sync_Request__c poll.
// `npx tsx scripts/bench/freshness.ts` runs this part alone (the demo org with the idle windows,
// then bench:100000 timed only) and puts its section in docs/benchmarks.md.
import fs from 'node:fs';
import path from 'node:path';
import jsforce, { type Connection } from 'jsforce';
import { spawnNode, type OwnedChild } from '../lifecycle/ownedChild';
import { freePort, startRedis } from '../../test/support/redis';
import { REPOSITORY, runChild } from './child';
import { OrgProbe, startEmulator, syncEnvironment, type OrgLogin } from './emulator';

export interface FreshnessFigure {
  /** The emulator's data set. */
  data: string;
  samples: number[];
  medianSeconds: number;
  worstSeconds: number;
  /** Calls to the REST API while nothing changed, subscription only. */
  idleSeconds: number;
  /** Null when the idle windows were not measured on this data set. */
  idleCalls: number | null;
  /** The same with the Sync_Request__c poll at its default interval. */
  idleCallsWithPoll: number | null;
  pollIntervalMs: number;
}

const SAMPLES = 20;
const IDLE_SECONDS = 120;
const DEFAULT_POLL_MS = 15_000;
const SEED = 1;
const TODAY = '2026-06-15';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function startService(login: OrgLogin, redisUrl: string, prefix: string, pollMs: number, log: (line: string) => void): Promise<{ child: OwnedChild; url: string }> {
  const port = await freePort();
  const env = {
    ...syncEnvironment(login, redisUrl, prefix, TODAY),
    API_TOKEN: 'bench-freshness-token-0123456789',
    PORT: String(port),
    SYNC_REQUEST_POLL_MS: String(pollMs),
    // Once a year: no cron run inside the measured windows.
    SYNC_CRON: '0 0 1 1 *',
    LOG_LEVEL: 'warn'
  };
  const child = spawnNode('service', path.join(REPOSITORY, 'sync-service', 'src', 'main.ts'), [], { cwd: REPOSITORY, env, onLine: (line) => log(`    [service] ${line}`) });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false
    );
    if (ready) return { child, url };
    if (Date.now() > deadline) throw new Error('the service did not become ready within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Deal {
  Id: string;
  AccountId: string;
}

async function currentRevenue(conn: Connection, accountId: string): Promise<number | null> {
  const result = await conn.query<{ Revenue_Quarter__c: number | null }>(`SELECT Revenue_Quarter__c FROM Account_Metric__c WHERE Account__c = '${accountId}' AND Is_Current__c = true`);
  return result.records[0]?.Revenue_Quarter__c ?? null;
}

/** Seconds from the Closed Won update's answer to the current row showing more revenue. */
async function timeOne(conn: Connection, deal: Deal): Promise<number> {
  const before = await currentRevenue(conn, deal.AccountId);
  const started = performance.now();
  const saved = await conn.sobject('Opportunity').update({ Id: deal.Id, StageName: 'Closed Won', CloseDate: TODAY });
  if (!saved.success) throw new Error(`could not win ${deal.Id}`);
  for (;;) {
    const now = await currentRevenue(conn, deal.AccountId);
    if (now !== before) return (performance.now() - started) / 1000;
    if (performance.now() - started > 60_000) throw new Error(`the current row of ${deal.AccountId} did not change within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function idleCalls(probe: OrgProbe, seconds: number): Promise<number> {
  const before = await probe.apiUsed();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  // The second probe counts itself.
  return (await probe.apiUsed()) - before - 1;
}

export async function benchmarkFreshness(log: (line: string) => void, data = 'demo', idle = true): Promise<FreshnessFigure> {
  const redis = await startRedis();
  const org = await startEmulator({ data, seed: SEED, today: TODAY, apiBudget: 100_000_000 });
  const services: OwnedChild[] = [];
  try {
    const env = syncEnvironment(org.login, redis.url, 'freshness', TODAY);
    const full = await runChild('sync-service/src/cli/sync.ts', ['--once', '--mode', 'full'], env);
    if (full.exitCode !== 0) throw new Error(`full sync failed: ${full.stderr.slice(-2000)}`);
    const probe = await OrgProbe.connect(org.login);
    const conn = new jsforce.Connection({ loginUrl: org.login.loginUrl, version: org.login.apiVersion });
    await conn.login(org.login.username, org.login.password);
    // Open deals whose close date moves into the current quarter, each on a different account.
    const open = await conn.query<Deal>('SELECT Id, AccountId FROM Opportunity WHERE IsClosed = false AND AccountId != null AND Amount > 0 ORDER BY Id');
    const deals: Deal[] = [];
    for (const deal of open.records) if (!deals.some((d) => d.AccountId === deal.AccountId)) deals.push(deal);
    if (deals.length < SAMPLES) throw new Error(`the ${data} org has ${deals.length} accounts with an open deal, not ${SAMPLES}`);

    const service = await startService(org.login, redis.url, 'freshness', 0, log);
    services.push(service.child);
    // Let the start-up catch-up run finish before timing.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const samples: number[] = [];
    for (const deal of deals.slice(0, SAMPLES)) {
      samples.push(await timeOne(conn, deal));
      log(`  won ${deal.Id}: ${samples.at(-1)!.toFixed(2)} s`);
    }
    if (!idle) return { data, samples, medianSeconds: median(samples), worstSeconds: Math.max(...samples), idleSeconds: 0, idleCalls: null, idleCallsWithPoll: null, pollIntervalMs: DEFAULT_POLL_MS };
    await new Promise((resolve) => setTimeout(resolve, 2000));
    log(`  idle ${IDLE_SECONDS} s, subscription only`);
    const quiet = await idleCalls(probe, IDLE_SECONDS);
    await service.child.stop(15_000);
    services.pop();

    const polling = await startService(org.login, redis.url, 'freshness', DEFAULT_POLL_MS, log);
    services.push(polling.child);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    log(`  idle ${IDLE_SECONDS} s, with the Sync_Request__c poller (interval ${DEFAULT_POLL_MS / 1000} s)`);
    const withPoll = await idleCalls(probe, IDLE_SECONDS);
    return {
      data,
      samples,
      medianSeconds: median(samples),
      worstSeconds: Math.max(...samples),
      idleSeconds: IDLE_SECONDS,
      idleCalls: quiet,
      idleCallsWithPoll: withPoll,
      pollIntervalMs: DEFAULT_POLL_MS
    };
  } finally {
    for (const child of services) await child.stop(15_000);
    await org.stop();
    await redis.stop();
  }
}

/** The data sets timed: the demo org (with the idle windows) and a larger one (the same times, no idle windows). */
export const FRESHNESS_DATA = ['demo', 'bench:100000'] as const;

export async function benchmarkAllFreshness(log: (line: string) => void): Promise<FreshnessFigure[]> {
  const figures: FreshnessFigure[] = [];
  for (const data of FRESHNESS_DATA) {
    log(`freshness, ${data}`);
    figures.push(await benchmarkFreshness(log, data, data === 'demo'));
  }
  return figures;
}

/** The report's section. */
export function freshnessSection(figures: FreshnessFigure[]): string {
  const idle = figures.find((f) => f.idleCalls !== null);
  const perHour = (calls: number) => Math.round((calls * 3600) / idle!.idleSeconds);
  const lines = [
    '## Freshness',
    '',
    `The service (API and worker, live freshness on) against an emulated org after a full sync. ${figures[0]!.samples.length} times an open opportunity (each on another account) is set to Closed Won through jsforce; the time is from the update's answer to the account's current \`Account_Metric__c\` row showing more quarter revenue (polled every 50 ms). Target: within 5 s, worst of 20.`,
    '',
    '| org | median (s) | worst (s) | samples (s) |',
    '|---|---|---|---|',
    ...figures.map((f) => `| ${f.data} | ${f.medianSeconds.toFixed(2)} | ${f.worstSeconds.toFixed(2)} | ${f.samples.map((s) => s.toFixed(2)).join(', ')} |`),
    '',
    'An account run re-reads the touched accounts (3 calls), then re-sums those accounts from their own opportunity and line-item hashes in Redis and takes every other account\'s stored figures (lean state), and writes every row whose content changed — a won deal moves the total revenue, so every account with revenue gets a new `Revenue_Share__c` on its current row (the metric\'s definition).',
    ''
  ];
  if (idle && idle.idleCalls !== null && idle.idleCallsWithPoll !== null) {
    lines.push(
      `REST calls while nothing changes (${idle.data} org; the org's API counter over ${idle.idleSeconds} s idle, scaled to an hour; no cron run in the window):`,
      '',
      '| listening | calls in window | per idle hour |',
      '|---|---|---|',
      `| change event subscription only (CometD, \`SYNC_REQUEST_POLL_MS=0\`) | ${idle.idleCalls} | ${perHour(idle.idleCalls)} |`,
      `| plus the Sync_Request__c poller (\`SYNC_REQUEST_POLL_MS=${idle.pollIntervalMs}\`, the default) | ${idle.idleCallsWithPoll} | ${perHour(idle.idleCallsWithPoll)} |`,
      '',
      'While the `Sync_Request__c` change events are subscribed, a new request nudges the poller at once and its interval poll becomes a sweep for stale requests every `SYNC_REQUEST_TIMEOUT_MS` (15 min: 4 calls an idle hour, none in most windows); without them it polls every 15 s (240 calls an idle hour). The default cron run (`*/15 * * * *`, an incremental run: three composite calls when nothing changed) adds 12 calls an idle hour.',
      ''
    );
  }
  return lines.join('\n');
}

/** `markdown` with its "## Freshness" section replaced by `section` (or `section` appended). */
export function withFreshnessSection(markdown: string, section: string): string {
  const start = markdown.indexOf('## Freshness');
  if (start < 0) return `${markdown.trimEnd()}\n\n${section}`;
  const next = markdown.indexOf('\n## ', start + 1);
  return `${markdown.slice(0, start)}${section}${next < 0 ? '' : markdown.slice(next + 1)}`;
}

if (require.main === module) {
  benchmarkAllFreshness((line) => process.stderr.write(`${line}\n`)).then(
    (figures) => {
      const section = freshnessSection(figures);
      const file = path.join(REPOSITORY, 'docs', 'benchmarks.md');
      fs.writeFileSync(file, withFreshnessSection(fs.readFileSync(file, 'utf8'), section));
      process.stdout.write(`${section}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    }
  );
}
