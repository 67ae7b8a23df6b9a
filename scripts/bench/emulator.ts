// An org emulator in its own process (`scripts/org.ts`), so that the records it holds do not
// count in the benchmarked process's memory; and the harness's own connection to it, whose calls
// are made only between measurements (API usage probes, record counts, the 1 % change).
import path from 'node:path';
import jsforce, { type Connection } from 'jsforce';
import { spawnNode } from '../lifecycle/ownedChild';
import { REPOSITORY } from './child';

export interface OrgLogin {
  loginUrl: string;
  instanceUrl: string;
  apiVersion: string;
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

export interface EmulatorProcess {
  login: OrgLogin;
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  data: string;
  seed: number;
  today: string;
  apiBudget: number;
}

export function startEmulator(options: EmulatorOptions): Promise<EmulatorProcess> {
  const args = ['--port', '0', '--data', options.data, '--seed', String(options.seed), '--today', options.today, '--api-budget', String(options.apiBudget)];
  const owned = spawnNode('org emulator', path.join(REPOSITORY, 'scripts', 'org.ts'), args, { cwd: REPOSITORY });
  const child = owned.process;
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const onData = (chunk: Buffer): void => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      child.stdout!.off('data', onData);
      resolve({
        login: JSON.parse(stdout.slice(0, newline)) as OrgLogin,
        stop: () => owned.stop()
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`org emulator exited (${code}) before listening: ${stderr.slice(-2000)}`)));
  });
}

/** Environment for the sync CLI (and the naive baseline) pointed at this org. */
export function syncEnvironment(login: OrgLogin, redisUrl: string, prefix: string, asOf: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    SF_LOGIN_URL: login.loginUrl,
    SF_AUTH: 'password',
    SF_CLIENT_ID: login.clientId,
    SF_CLIENT_SECRET: login.clientSecret,
    SF_USERNAME: login.username,
    SF_PASSWORD: login.password,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    TANDEM_AS_OF: asOf,
    LOG_LEVEL: 'warn'
  };
}

export class OrgProbe {
  private constructor(private readonly conn: Connection) {}

  static async connect(login: OrgLogin): Promise<OrgProbe> {
    const conn = new jsforce.Connection({ loginUrl: login.loginUrl, version: login.apiVersion });
    await conn.login(login.username, login.password);
    return new OrgProbe(conn);
  }

  /** Daily API requests used so far, this probe's own call included. */
  async apiUsed(): Promise<number> {
    const limits = await this.conn.request<{ DailyApiRequests: { Max: number; Remaining: number } }>(`/services/data/v${this.conn.version}/limits`);
    return limits.DailyApiRequests.Max - limits.DailyApiRequests.Remaining;
  }

  async count(soql: string): Promise<number> {
    return (await this.conn.query(soql)).totalSize;
  }

  /** key field → SystemModstamp of a query's records (a small object: one page). */
  async stamps(soql: string, keyField: string): Promise<Map<string, string>> {
    const result = await this.conn.query<Record<string, unknown>>(soql);
    return new Map(result.records.map((r) => [String(r[keyField]), String(r.SystemModstamp)]));
  }

  /**
   * Changes the Amount of every opportunity whose name ends in "00" (the bench generator names
   * them "Bench Opportunity <n>", so that is exactly 1 %), 200 records a collection call. Amount is
   * read-only on an opportunity with products (every bench one has line items), as in Salesforce:
   * its first line item's TotalPrice takes the 1,250 and Amount rolls up.
   */
  async changeOnePercent(): Promise<number> {
    const firstLine = new Map<string, { Id: string; TotalPrice: number }>();
    await new Promise<void>((resolve, reject) => {
      this.conn
        .query<{ Id: string; OpportunityId: string; TotalPrice: number | null }>("SELECT Id, OpportunityId, TotalPrice FROM OpportunityLineItem WHERE Opportunity.Name LIKE 'Bench Opportunity %00' ORDER BY Id")
        .on('record', (line: { Id: string; OpportunityId: string; TotalPrice: number | null }) => {
          if (!firstLine.has(line.OpportunityId)) firstLine.set(line.OpportunityId, { Id: line.Id, TotalPrice: (line.TotalPrice ?? 0) + 1250 });
        })
        .on('end', () => resolve())
        .on('error', reject)
        .run({ autoFetch: true, maxFetch: Number.MAX_SAFE_INTEGER });
    });
    const records = [...firstLine.values()];
    for (let start = 0; start < records.length; start += 200) {
      const results = await this.conn.sobject('OpportunityLineItem').update(records.slice(start, start + 200), { allOrNone: true });
      const failed = results.filter((r) => !r.success);
      if (failed.length > 0) throw new Error(`changing line items failed: ${JSON.stringify(failed[0])}`);
    }
    return records.length;
  }
}
