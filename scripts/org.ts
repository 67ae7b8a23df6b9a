// `npm run org -- --port <n> [--data empty|demo|bench:<n>] [--seed <n>] [--faults <spec>]
//   [--schema <dir>]... [--api-budget <n>] [--today YYYY-MM-DD] [--token-ttl <seconds>]
//   [--tz <IANA zone>] [--fiscal-start <1-12>] [--single-currency]
//   [--cdc <objects>|none]`
// Starts the local Salesforce org emulator on 127.0.0.1, prints one JSON line with the login
// details once it listens, and serves until SIGINT/SIGTERM.
import { DEFAULT_SCHEMA_DIR, FAULT_HELP, startOrg, type OrgOptions } from '../test/emulator';

const HELP = `Usage: npm run org -- [options]
  --port <n>            port on 127.0.0.1 (0 = any free port; default 0)
  --data <set>          empty | demo | bench:<opportunities> (default empty)
  --seed <n>            seed for generated data and faults (default 1)
  --faults <spec>       inject faults (see below)
  --schema <dir>        metadata folder (source or metadata-API format); repeatable;
                        default ${DEFAULT_SCHEMA_DIR}
  --api-budget <n>      DailyApiRequests Max (default 100000)
  --today <date>        the org's TODAY() (YYYY-MM-DD; default the real date)
  --token-ttl <s>       access token lifetime in seconds (default 7200)
  --tz <zone>           time zone of the org and every user, an IANA name such as
                        Europe/Rome (default GMT): TODAY, date literals, display values
  --fiscal-start <m>    Organization.FiscalYearStartMonth, 1-12 (default: the data set's)
  --single-currency     an org without multi-currency: no CurrencyIsoCode, no CurrencyType
  --cdc <objects>       objects selected for Change Data Capture, comma-separated, or none
                        (default Account, Contact, Opportunity, Event, Task and every custom object)
  --help                this text
Prints one JSON line: {"loginUrl","instanceUrl","apiVersion","username","password","clientId","clientSecret",
  "users":{"admin"|"rep"|"sponsor"|"integration":{"username","password","clientId","clientSecret"}}}
(the top-level username/password are the admin's)

${FAULT_HELP}`;

function parseArgs(argv: string[]): OrgOptions {
  const options: OrgOptions = {};
  const schemaDirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${HELP}\n`);
      process.exit(0);
    }
    if (flag === '--single-currency') {
      options.multiCurrency = false;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag}: a value is required`);
    const integer = (): number => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag}: expected a non-negative integer, got "${value}"`);
      return n;
    };
    switch (flag) {
      case '--port': options.port = integer(); break;
      case '--data': options.data = value as OrgOptions['data']; break;
      case '--seed': options.seed = integer(); break;
      case '--faults': options.faults = value; break;
      case '--schema': schemaDirs.push(value); break;
      case '--api-budget': options.apiBudget = integer(); break;
      case '--today': options.today = value; break;
      case '--token-ttl': options.tokenTtlSeconds = integer(); break;
      case '--tz': options.timeZone = value; break;
      case '--fiscal-start': {
        const month = integer();
        if (month < 1 || month > 12) throw new Error(`--fiscal-start: expected a month 1-12, got "${value}"`);
        options.fiscalYearStartMonth = month;
        break;
      }
      case '--cdc': options.changeDataCapture = { entities: value === 'none' ? [] : value.split(',').map((s) => s.trim()).filter(Boolean) }; break;
      default: throw new Error(`unknown option ${flag} (see --help)`);
    }
  }
  if (schemaDirs.length > 0) options.schemaDirs = schemaDirs;
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const org = await startOrg(options);
  for (const warning of org.warnings) process.stderr.write(`[org emulator] ${warning}\n`);
  const { loginUrl, instanceUrl, apiVersion, username, password, clientId, clientSecret, users } = org;
  process.stdout.write(`${JSON.stringify({ loginUrl, instanceUrl, apiVersion, username, password, clientId, clientSecret, users })}\n`);
  const stop = (): void => {
    void org.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`org emulator: ${(error as Error).message}\n`);
  process.exit(1);
});
