// The sync benchmark on one emulated org: Tandem's sync through its CLI (`sync-service/src/cli/
// sync.ts --once`, the code path of `npm run sync`) in a child process per run, API calls read
// from the org's own counter around each run, the minimum from minimum.ts. Runs, in this order: a
// full run, an incremental run with nothing changed since, then 1 % of the opportunities changed
// (by the harness's own connection, outside the measurement) and an incremental run.
import { startRedis } from '../../test/support/redis';
import { runChild, lastJsonLine, type ChildRun } from './child';
import { OrgProbe, startEmulator, syncEnvironment, type OrgLogin } from './emulator';
import { minimumCalls, type Minimum } from './minimum';

export const SEED = 1;
export const TODAY = '2026-06-15';
const API_BUDGET = 100_000_000;
/** The service's default BULK_THRESHOLD: full runs read more opportunities than this through Bulk 2.0. */
const BULK_THRESHOLD = 50_000;
/** Organization, CurrencyType, DatedConversionRate and the two weight types: read whole by every run. */
const CONTEXT_QUERY_COUNT = 5;

export type ModeLabel = 'full' | 'incremental, 1 % changed' | 'incremental, nothing changed';

export interface SyncFigure {
  variant: 'Tandem' | 'naive';
  mode: ModeLabel;
  accounts: number;
  opportunities: number;
  /** Opportunity records the run had to read (all, or the changed ones). */
  recordsRead: number;
  /** The child process from spawn to exit: start-up, sign-in, run. */
  wallSeconds: number;
  /** The run itself, as the service timed it. */
  runSeconds: number;
  apiCalls: number;
  /** What the service says it used (a cross-check of the org's counter). */
  claimedApiCalls: number | null;
  rowsWritten: number;
  /** Line items read and whitespace cells written (issue #17): their share of the minimum is in `minimum`. */
  lineItemsRead: number;
  cellsWritten: number;
  minimum: Minimum;
  peakRssMiB: number;
}

interface CliSummary {
  mode: string;
  accounts: number;
  opportunities: number;
  metricRowsWritten: number;
  metricRowsUnchanged: number;
  lineItems: number;
  whitespaceCellsWritten: number;
  sponsorRowsWritten?: number;
  failures: unknown[];
  apiCalls: number;
  durationMs: number;
  error?: string;
}

interface OrgShape {
  accounts: number;
  opportunities: number;
  /** Record counts of the queries other than the opportunities' (context, then small inputs). */
  otherQueries: number[];
}

async function orgShape(probe: OrgProbe): Promise<OrgShape> {
  const count = (object: string) => probe.count(`SELECT COUNT() FROM ${object}`);
  const accounts = await count('Account');
  // The context queries every run reads whole come first (CONTEXT_QUERY_COUNT of them), then the inputs.
  const otherQueries = [
    await count('Organization'),
    await count('CurrencyType'),
    await count('DatedConversionRate'),
    await count('Strategic_Score_Weight__mdt'),
    await count('Plan_Health_Weight__mdt'),
    accounts,
    await count('Account_Plan__c'),
    await count('Joint_Initiative__c'),
    await count('Executive_Sponsor__c'),
    await count('Contact'),
    await count('Event'),
    await count('Task'),
    await count('Plan_Objective__c'),
    await count('Stakeholder__c')
  ];
  return { accounts, opportunities: await count('Opportunity'), otherQueries };
}

/** Program_Metric__c rows by key with their SystemModstamp, to count the ones a run wrote. */
async function programStamps(probe: OrgProbe): Promise<Map<string, string>> {
  return probe.stamps('SELECT Period_Key__c, SystemModstamp FROM Program_Metric__c', 'Period_Key__c');
}

function changedCount(before: Map<string, string>, after: Map<string, string>): number {
  let changed = 0;
  for (const [key, stamp] of after) if (before.get(key) !== stamp) changed++;
  return changed;
}

interface Measured<T> {
  run: ChildRun;
  output: T;
  apiCalls: number;
  programRowsWritten: number;
}

async function measure<T>(probe: OrgProbe, what: string, start: () => Promise<ChildRun>): Promise<Measured<T>> {
  const programsBefore = await programStamps(probe);
  const usedBefore = await probe.apiUsed();
  const run = await start();
  const usedAfter = await probe.apiUsed();
  const output = lastJsonLine<T & { error?: string }>(run, what);
  if (run.exitCode !== 0 || output.error) throw new Error(`${what} failed (exit ${run.exitCode}): ${output.error ?? run.stderr.slice(-2000)}`);
  // The probe after the run counts itself.
  return { run, output, apiCalls: usedAfter - usedBefore - 1, programRowsWritten: changedCount(programsBefore, await programStamps(probe)) };
}

function figure(variant: SyncFigure['variant'], mode: ModeLabel, shape: OrgShape, recordsRead: number, measured: Measured<CliSummary>, incremental: boolean): SyncFigure {
  const written = measured.output.metricRowsWritten;
  const minimum = minimumCalls({
    readPath: !incremental && recordsRead > BULK_THRESHOLD ? 'Bulk 2.0' : 'REST',
    otherQueries: incremental ? shape.otherQueries.map((n, i) => (i < CONTEXT_QUERY_COUNT ? n : 0)) : shape.otherQueries,
    opportunities: recordsRead,
    accountRowsWritten: written - measured.programRowsWritten,
    programRowsWritten: measured.programRowsWritten,
    lineItems: measured.output.lineItems ?? 0,
    lineItemPath: incremental ? 'change query' : (measured.output.lineItems ?? 0) > BULK_THRESHOLD ? 'Bulk 2.0' : 'REST',
    cellRowsWritten: measured.output.whitespaceCellsWritten ?? 0,
    sponsorRowsWritten: measured.output.sponsorRowsWritten ?? 0
  });
  return {
    variant,
    mode,
    accounts: shape.accounts,
    opportunities: shape.opportunities,
    recordsRead,
    wallSeconds: measured.run.wallSeconds,
    runSeconds: measured.output.durationMs / 1000,
    apiCalls: measured.apiCalls,
    claimedApiCalls: variant === 'Tandem' ? measured.output.apiCalls : null,
    rowsWritten: written,
    lineItemsRead: measured.output.lineItems ?? 0,
    cellsWritten: measured.output.whitespaceCellsWritten ?? 0,
    minimum,
    peakRssMiB: measured.run.peakRssMiB
  };
}

async function withOrg<T>(opportunities: number, body: (login: OrgLogin, probe: OrgProbe, shape: OrgShape) => Promise<T>): Promise<T> {
  const org = await startEmulator({ data: `bench:${opportunities}`, seed: SEED, today: TODAY, apiBudget: API_BUDGET });
  try {
    const probe = await OrgProbe.connect(org.login);
    return await body(org.login, probe, await orgShape(probe));
  } finally {
    await org.stop();
  }
}

export async function benchmarkSync(opportunities: number, log: (line: string) => void): Promise<SyncFigure[]> {
  const redis = await startRedis();
  try {
    return await withOrg(opportunities, async (login, probe, shape) => {
      const env = syncEnvironment(login, redis.url, `bench${opportunities}`, TODAY);
      const sync = (mode: 'full' | 'incremental') => () => runChild('sync-service/src/cli/sync.ts', ['--once', '--mode', mode], env);
      const figures: SyncFigure[] = [];
      const full = await measure<CliSummary>(probe, `full sync of ${opportunities}`, sync('full'));
      figures.push(figure('Tandem', 'full', shape, shape.opportunities, full, false));
      log(`  full: ${full.run.wallSeconds.toFixed(1)} s, ${full.apiCalls} calls`);
      const quiet = await measure<CliSummary>(probe, `no-change incremental sync of ${opportunities}`, sync('incremental'));
      log(`  incremental, nothing changed: ${quiet.run.wallSeconds.toFixed(1)} s, ${quiet.apiCalls} calls`);
      const changed = await probe.changeOnePercent();
      const incremental = await measure<CliSummary>(probe, `incremental sync of ${opportunities}`, sync('incremental'));
      log(`  incremental, ${changed} changed: ${incremental.run.wallSeconds.toFixed(1)} s, ${incremental.apiCalls} calls`);
      figures.push(figure('Tandem', 'incremental, 1 % changed', shape, changed, incremental, true));
      figures.push(figure('Tandem', 'incremental, nothing changed', shape, 0, quiet, true));
      return figures;
    });
  } finally {
    await redis.stop();
  }
}

/** The naive baseline on its own copy of the org (same seed): it re-reads and rewrites everything each run. */
export async function benchmarkNaive(opportunities: number, log: (line: string) => void): Promise<SyncFigure[]> {
  return withOrg(opportunities, async (login, probe, shape) => {
    const env = syncEnvironment(login, 'redis://unused:0', 'naive', TODAY);
    const naive = () => runChild('scripts/bench/naive.ts', [], env);
    const full = await measure<CliSummary>(probe, `naive sync of ${opportunities}`, naive);
    const quiet = await measure<CliSummary>(probe, `naive re-run of ${opportunities}`, naive);
    const changed = await probe.changeOnePercent();
    const again = await measure<CliSummary>(probe, `naive run after changes of ${opportunities}`, naive);
    log(`  naive: ${full.apiCalls} / ${again.apiCalls} / ${quiet.apiCalls} calls`);
    // The naive sync reads everything whatever changed; its minimum is that of the same work done well.
    return [
      figure('naive', 'full', shape, shape.opportunities, full, false),
      figure('naive', 'incremental, 1 % changed', shape, changed, again, true),
      figure('naive', 'incremental, nothing changed', shape, 0, quiet, true)
    ];
  });
}
