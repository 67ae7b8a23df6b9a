// The service's configuration: environment variables parsed once at start with zod. A bad or
// missing variable stops the process with one message naming every problem.
import fs from 'node:fs';
import { z } from 'zod';

export const AUTH_MODES = ['jwt', 'client_credentials', 'password'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** What the process is about to run: only the API needs API_TOKEN. */
export type Role = 'service' | 'worker' | 'cli';

const emptyAsUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(emptyAsUndefined, z.string().optional());
const int = (min: number, max: number, fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Five or six whitespace-separated cron fields (BullMQ accepts an optional seconds field). */
const CRON = /^(\S+\s+){4,5}\S+$/;

const schema = z.object({
  SF_LOGIN_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://login.salesforce.com' }),
  SF_AUTH: z.enum(AUTH_MODES, { error: `expected one of ${AUTH_MODES.join(', ')}` }),
  SF_CLIENT_ID: optionalText,
  SF_CLIENT_SECRET: optionalText,
  SF_USERNAME: optionalText,
  SF_PASSWORD: optionalText,
  SF_PRIVATE_KEY_FILE: optionalText,
  SF_API_VERSION: z.preprocess(emptyAsUndefined, z.string().regex(/^\d{2}\.0$/, 'expected a version such as 64.0').default('64.0')),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^rediss?:\/\/\S+$/, 'expected redis://host:port or rediss://…').optional()),
  /** Seed nodes of a Redis Cluster (host:port or redis[s]:// URLs, comma-separated), instead of REDIS_URL. */
  REDIS_CLUSTER_NODES: z.preprocess(
    emptyAsUndefined,
    z.string().regex(/^\s*(rediss?:\/\/\S+|[\w.-]+:\d+)(\s*,\s*(rediss?:\/\/\S+|[\w.-]+:\d+))*\s*$/, 'expected host:port[,host:port…]').optional()
  ),
  /** Key prefix for the sync state and the BullMQ queues: one per deployment (and per test). */
  REDIS_PREFIX: z.preprocess(emptyAsUndefined, z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'expected 1–40 letters, digits, _ or -').default('tandem')),
  API_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, 'expected at least 16 characters').optional()),
  PORT: int(0, 65535, 3000),
  SYNC_CRON: z.preprocess(emptyAsUndefined, z.string().trim().regex(CRON, 'expected a cron pattern with 5 or 6 fields, e.g. "0 */4 * * *"').optional()),
  SYNC_CRON_TZ: z.preprocess(emptyAsUndefined, z.string().default('UTC')),
  /** How often a worker checks that the cron schedule is still in Redis (it is also checked on reconnect). */
  SYNC_SCHEDULE_CHECK_MS: int(100, 86_400_000, 60_000),
  /** Share of the org's daily API requests the service leaves untouched. */
  API_RESERVE_PERCENT: z.preprocess(emptyAsUndefined, z.coerce.number().min(0).max(100).default(10)),
  TANDEM_AS_OF: z.preprocess(emptyAsUndefined, z.string().refine(isRealDate, 'expected a date YYYY-MM-DD').optional()),
  /** Above this many opportunities a read goes through Bulk API 2.0 instead of REST paging. */
  BULK_THRESHOLD: int(1, 100_000_000, 50_000),
  /** Above this many metric rows of one object a write goes through a Bulk API 2.0 ingest job instead of collections. */
  BULK_WRITE_THRESHOLD: int(1, 100_000_000, 2_000),
  /** Sync_Request__c polling interval; 0 turns the poller off. */
  SYNC_REQUEST_POLL_MS: int(0, 86_400_000, 15_000),
  /** A Sync_Request__c Processing this long, and carried by no queued or running job, is queued again once, then failed. */
  SYNC_REQUEST_TIMEOUT_MS: int(1_000, 7 * 86_400_000, 900_000),
  /** Live freshness: subscribe to the change events of the objects the sync reads (off turns it off). */
  CHANGE_EVENTS: z.preprocess(emptyAsUndefined, z.enum(['on', 'off']).default('on')),
  /** Quiet period after a change before its account run is queued. */
  CHANGE_DEBOUNCE_MS: int(0, 60_000, 300),
  /** Polling interval for objects whose change events are not enabled. */
  CHANGE_POLL_MS: int(1_000, 86_400_000, 60_000),
  WORKER_CONCURRENCY: int(1, 64, 2),
  JOB_ATTEMPTS: int(1, 100, 5),
  JOB_BACKOFF_MS: int(0, 86_400_000, 30_000),
  LOCK_DURATION_MS: int(1_000, 3_600_000, 60_000),
  STALLED_INTERVAL_MS: int(1_000, 3_600_000, 30_000),
  /** How long a crashed run holds the deployment's sync lock before another may take it. */
  SYNC_LOCK_TTL_MS: int(1_000, 3_600_000, 60_000),
  /** How long a job waits before trying again when another run holds the sync lock. */
  SYNC_LOCK_RETRY_MS: int(100, 3_600_000, 5_000),
  /** Delay before a run stopped by the API budget is tried again. */
  BUDGET_RETRY_MS: int(1_000, 86_400_000, 3_600_000),
  /** Incremental reads look this far behind the watermark (late commits); re-read rows are compared by content. */
  SYNC_LOOKBACK_SECONDS: int(0, 86_400, 300),
  SF_RETRY_ATTEMPTS: int(0, 20, 5),
  SF_RETRY_BASE_MS: int(1, 60_000, 500),
  SHUTDOWN_TIMEOUT_MS: int(0, 600_000, 25_000),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'))
});

export type Config = z.infer<typeof schema> & { SF_PRIVATE_KEY?: string };

/** Variables each auth mode needs besides SF_LOGIN_URL. */
const NEEDED_BY_AUTH: Record<AuthMode, Array<keyof z.infer<typeof schema>>> = {
  password: ['SF_CLIENT_ID', 'SF_CLIENT_SECRET', 'SF_USERNAME', 'SF_PASSWORD'],
  client_credentials: ['SF_CLIENT_ID', 'SF_CLIENT_SECRET'],
  jwt: ['SF_CLIENT_ID', 'SF_USERNAME', 'SF_PRIVATE_KEY_FILE']
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and cross-checks the environment; throws one ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv, role: Role): Config {
  const parsed = schema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '(environment)');
      const missing = env[name] === undefined || env[name]?.trim() === '';
      problems.push(`${name}: ${missing ? 'required' : issue.message}`);
    }
  }
  const auth = (AUTH_MODES as readonly string[]).find((m) => m === env.SF_AUTH) as AuthMode | undefined;
  if (auth) {
    for (const name of NEEDED_BY_AUTH[auth]) {
      if (!env[name]?.trim()) problems.push(`${name}: required when SF_AUTH=${auth}`);
    }
  }
  if (role === 'service' && !env.API_TOKEN?.trim()) problems.push('API_TOKEN: required to serve the HTTP API');
  if (!env.REDIS_URL?.trim() && !env.REDIS_CLUSTER_NODES?.trim()) problems.push('REDIS_URL: required (or REDIS_CLUSTER_NODES for a Redis Cluster)');
  let privateKey: string | undefined;
  if (auth === 'jwt' && env.SF_PRIVATE_KEY_FILE?.trim()) {
    try {
      privateKey = fs.readFileSync(env.SF_PRIVATE_KEY_FILE, 'utf8');
      if (!privateKey.includes('PRIVATE KEY')) problems.push('SF_PRIVATE_KEY_FILE: the file holds no PEM private key');
    } catch (error) {
      problems.push(`SF_PRIVATE_KEY_FILE: cannot read ${env.SF_PRIVATE_KEY_FILE} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  const unique = [...new Set(problems)];
  if (unique.length > 0 || !parsed.success) throw new ConfigError(unique);
  return privateKey ? { ...parsed.data, SF_PRIVATE_KEY: privateKey } : parsed.data;
}
