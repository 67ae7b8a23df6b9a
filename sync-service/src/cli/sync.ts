// npm run sync -- --once [--mode full|incremental|account] [--account <id>] [--as-of YYYY-MM-DD]
// One sync in this process, through the same runSync the worker calls (no queue). Prints one JSON
// summary line on stdout; logs go to stderr. Exit code 0 done, 2 partially failed (rows not
// written), 3 stopped by the API budget, 1 any other failure.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { commandRedis, connectOrg, syncSettings, syncState } from '../runtime';
import { ApiBudgetExhaustedError } from '../salesforce/errors';
import { isSalesforceId } from '../salesforce/soql';
import { runSync, SyncBusyError, type SyncMode, type SyncSummary } from '../sync/run';

const MODES: SyncMode[] = ['full', 'incremental', 'account'];

export interface CliRequest {
  mode: SyncMode;
  accountId?: string;
  asOf?: string;
}

/** Validates the command line; throws an Error naming the bad option. */
export function parseCli(argv: string[]): CliRequest {
  const { values } = parseArgs({
    args: argv,
    options: {
      once: { type: 'boolean', default: false },
      mode: { type: 'string', default: 'incremental' },
      account: { type: 'string' },
      'as-of': { type: 'string' }
    },
    strict: true
  });
  if (!values.once) throw new Error('--once is required (the CLI runs one sync; `npm run worker` runs continuously)');
  const mode = values.mode as SyncMode;
  if (!MODES.includes(mode)) throw new Error(`--mode: expected one of ${MODES.join(', ')}, got "${values.mode}"`);
  if (mode === 'account' && !isSalesforceId(values.account)) throw new Error('--account: expected a 15- or 18-character Account id');
  if (mode !== 'account' && values.account !== undefined) throw new Error('--account: only with --mode account');
  const asOf = values['as-of'];
  if (asOf !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(asOf) && new Date(`${asOf}T00:00:00Z`).toISOString().startsWith(asOf))) {
    throw new Error(`--as-of: expected a date YYYY-MM-DD, got "${asOf}"`);
  }
  return { mode, accountId: values.account, asOf };
}

export function summaryLine(summary: SyncSummary): string {
  const { mode, accounts, opportunities, lineItems, metricRowsWritten, metricRowsUnchanged, sponsorRowsWritten, stakeholderAlertsWritten, whitespaceCellsWritten, whitespaceCellsDeleted, failures, apiCalls, durationMs, dataQuality } = summary;
  return JSON.stringify({ mode, accounts, opportunities, lineItems, metricRowsWritten, metricRowsUnchanged, sponsorRowsWritten, stakeholderAlertsWritten, whitespaceCellsWritten, whitespaceCellsDeleted, failures, apiCalls, durationMs, dataQuality });
}

async function main(): Promise<number> {
  let request: CliRequest;
  let config;
  try {
    request = parseCli(process.argv.slice(2));
    config = loadConfig(process.env, 'cli');
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const redis = commandRedis(config);
  try {
    const client = await connectOrg(config, logger);
    const deps = { client, state: syncState(redis, config), logger, settings: syncSettings(config) };
    const asOf = request.asOf ?? config.TANDEM_AS_OF;
    for (;;) {
      try {
        const summary = await runSync({ mode: request.mode, accountId: request.accountId, asOf }, deps);
        process.stdout.write(`${summaryLine(summary)}\n`);
        return summary.status === 'done' ? 0 : 2;
      } catch (error) {
        if (!(error instanceof SyncBusyError)) throw error;
        logger.info({ retryMs: config.SYNC_LOCK_RETRY_MS }, 'another sync run holds the lock: waiting');
        await new Promise((resolve) => setTimeout(resolve, config.SYNC_LOCK_RETRY_MS));
      }
    }
  } catch (error) {
    logger.error({ err: error }, 'sync failed');
    process.stdout.write(`${JSON.stringify({ mode: request.mode, error: error instanceof Error ? error.message : String(error) })}\n`);
    return error instanceof ApiBudgetExhaustedError ? 3 : 1;
  } finally {
    redis.disconnect();
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    }
  );
}
