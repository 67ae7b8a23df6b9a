// The deliberately naive sync the benchmark compares Tandem's with, on the same engine: every run
// reads everything with jsforce's autoFetch (one query per object, 2,000 records a page), computes
// the metrics, and writes every row with its own upsert call — no row hashes, no incremental
// reads, no composite or collection calls. Configured like the sync CLI (SF_*, TANDEM_AS_OF);
// prints one JSON line.
import jsforce, { type Connection } from 'jsforce';
import { createMetricsRun } from '../../sync-service/src/metrics';
import { CONTEXT_QUERIES, TO_INPUT, inputSources, toOrgContext } from '../../sync-service/src/sync/inputs';
import { selectFrom } from '../../sync-service/src/salesforce/soql';

type SfRecord = Record<string, unknown>;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name}: required`);
  return value;
}

async function readAll(conn: Connection, soql: string): Promise<SfRecord[]> {
  const result = await conn.query<SfRecord>(soql, { autoFetch: true, maxFetch: Number.MAX_SAFE_INTEGER });
  return result.records;
}

async function main(): Promise<void> {
  const started = Date.now();
  const asOf = required('TANDEM_AS_OF');
  const conn = new jsforce.Connection({ loginUrl: required('SF_LOGIN_URL'), version: '64.0' });
  await conn.login(required('SF_USERNAME'), required('SF_PASSWORD'));
  const sources = inputSources(true);
  const read = async (kind: keyof typeof sources) => readAll(conn, selectFrom(sources[kind].object, sources[kind].fields));
  const context = toOrgContext(
    await readAll(conn, CONTEXT_QUERIES.organization),
    await readAll(conn, CONTEXT_QUERIES.currencies),
    await readAll(conn, CONTEXT_QUERIES.datedRates),
    await readAll(conn, CONTEXT_QUERIES.weights)
  );
  const accounts = (await read('account')).map(TO_INPUT.account);
  const run = createMetricsRun({
    asOf,
    org: context.org,
    rates: context.rates,
    accounts,
    plans: (await read('plan')).map(TO_INPUT.plan),
    initiatives: (await read('initiative')).map(TO_INPUT.initiative),
    sponsors: (await read('sponsor')).map(TO_INPUT.sponsor),
    weights: context.weights
  });
  const opportunities = (await read('opportunity')).map(TO_INPUT.opportunity);
  run.add(opportunities);
  const result = run.finish();
  const computedAt = new Date().toISOString();
  let written = 0;
  let failures = 0;
  const writeOne = async (object: string, key: string, row: object): Promise<void> => {
    const outcome = await conn.sobject(object).upsert({ ...row, Computed_At__c: computedAt }, key);
    if (outcome.success) written++;
    else failures++;
  };
  for (const row of result.accountMetrics) await writeOne('Account_Metric__c', 'Snapshot_Key__c', row);
  for (const row of result.programMetrics) await writeOne('Program_Metric__c', 'Period_Key__c', row);
  process.stdout.write(
    `${JSON.stringify({ mode: 'naive', accounts: accounts.length, opportunities: opportunities.length, metricRowsWritten: written, failures, durationMs: Date.now() - started })}\n`
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`naive sync failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
