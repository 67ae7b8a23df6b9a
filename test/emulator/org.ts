// One emulated org: schema, records, clock, credentials, sessions, API usage, query cursors, Bulk
// 2.0 jobs and faults. The HTTP layer and its modules all work through this object.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SfError } from './errors';
import { FaultInjector, parseFaults } from './faults';
import { Router } from './http/router';
import { Random } from './random';
import type { Schema } from './schema/schema';
import { CursorStore } from './soql/cursors';
import { Store, type Clock } from './store/store';
import type { QueryJob } from './routes/bulk2';
import { parseIsoDate } from './store/values';
import { checkTimeZone, localDay, startOfLocalDay } from './timeZone';
import { AccessModel, type OrgUser, type Viewer } from './security/access';
import { Dml } from './security/dml';
import type { PermissionSet } from './security/permissionSets';
import { UserDirectory } from './security/users';

export interface Session {
  token: string;
  userRow: number;
  expiresAt: number;
}

export interface Credentials {
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

export interface OrgConfig {
  schema: Schema;
  seed: number;
  today?: string;
  apiBudget: number;
  tokenTtlSeconds: number;
  faults: string | null;
  jwtCertificate?: string;
  /** TimeZoneSidKey of the org and its users (default GMT). */
  timeZone?: string;
  /** Organization.FiscalYearStartMonth (1-12); default: the data set's own. */
  fiscalYearStartMonth?: number;
  changeDataCapture?: ChangeDataCaptureOptions;
  /** Permission sets by name (force-app's, see security/permissionSets.ts). */
  permissionSets?: ReadonlyMap<string, PermissionSet>;
}

export interface ChangeDataCaptureOptions {
  /** Objects selected for Change Data Capture; default Account, Contact, Opportunity, Event, Task and every custom object. */
  entities?: string[];
  /** How long change events stay replayable (default 72 hours, as on the platform). */
  retentionMs?: number;
}

/** Serves a request outside the REST router (CometD long polling); answers true when it took it. */
export type RawHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * A clock whose date in `timeZone` is `today` (the local time of day kept), truncated to whole
 * seconds; TODAY is the calendar day on the zone's wall clock, as for a user in that zone.
 */
export function orgClock(today: string | undefined, timeZone = 'GMT'): Clock {
  checkTimeZone(timeZone);
  let offset = 0;
  if (today) {
    const day = parseIsoDate(today);
    if (day === null) throw new Error(`today: expected YYYY-MM-DD, got "${today}"`);
    // Keep the time elapsed since local midnight, so the wall clock reads `today` at the same hour.
    const real = Date.now();
    offset = startOfLocalDay(timeZone, day) + (real - startOfLocalDay(timeZone, localDay(timeZone, real))) - real;
  }
  const now = (): number => Math.floor((Date.now() + offset) / 1000) * 1000;
  return { now, today: () => localDay(timeZone, now()), timeZone };
}

let keyPair: { publicKey: crypto.KeyObject; privateKeyPem: string } | null = null;

/** One RSA key pair per process: generating one takes half a second, and tests start many orgs. */
function generatedKeyPair(): { publicKey: crypto.KeyObject; privateKeyPem: string } {
  if (!keyPair) {
    const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    keyPair = { publicKey: pair.publicKey, privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  }
  return keyPair;
}

export class Org {
  readonly schema: Schema;
  readonly store: Store;
  readonly router = new Router();
  readonly cursors = new CursorStore();
  readonly bulkJobs = new Map<string, QueryJob>();
  readonly credentials: Credentials;
  readonly jwtPublicKey: crypto.KeyObject;
  readonly privateKeyPem: string;
  readonly seed: number;
  /** Organization.FiscalYearStartMonth chosen by the caller, over the data set's default. */
  readonly fiscalYearStartMonth: number | undefined;
  instanceUrl = '';
  apiMax: number;
  apiUsed = 0;
  tokenTtlMs: number;
  faults: FaultInjector | null = null;
  readonly changeDataCapture: ChangeDataCaptureOptions;
  readonly rawHandlers: RawHandler[] = [];
  /** Run when the server closes (modules release timers and connections). */
  readonly closeHooks: Array<() => void> = [];
  /** Object permissions and field-level security of every user (security/access.ts). */
  readonly access: AccessModel;
  /** Personas, permission set assignments, passwords and connected apps (security/users.ts). */
  readonly users: UserDirectory;
  /** The write path every API uses, with the caller's permissions enforced (security/dml.ts). */
  readonly dml: Dml;
  private readonly sessions = new Map<string, Session>();
  private readonly refreshTokens = new Map<string, number>();

  constructor(config: OrgConfig) {
    this.schema = config.schema;
    this.seed = config.seed;
    this.changeDataCapture = config.changeDataCapture ?? {};
    if (config.fiscalYearStartMonth !== undefined && !(Number.isInteger(config.fiscalYearStartMonth) && config.fiscalYearStartMonth >= 1 && config.fiscalYearStartMonth <= 12)) {
      throw new Error(`fiscal year start month: expected 1-12, got ${config.fiscalYearStartMonth}`);
    }
    this.fiscalYearStartMonth = config.fiscalYearStartMonth;
    this.store = new Store(config.schema, orgClock(config.today, config.timeZone));
    this.apiMax = config.apiBudget;
    this.tokenTtlMs = config.tokenTtlSeconds * 1000;
    const random = new Random(config.seed ^ 0xc0ffee);
    this.credentials = {
      username: 'admin@tandem.emulator',
      password: `Emu-${random.hex(12)}`,
      clientId: `3MVG9${random.hex(40)}`,
      clientSecret: random.hex(64).toUpperCase()
    };
    if (config.jwtCertificate) {
      this.jwtPublicKey = crypto.createPublicKey(config.jwtCertificate);
      this.privateKeyPem = '';
    } else {
      const pair = generatedKeyPair();
      this.jwtPublicKey = pair.publicKey;
      this.privateKeyPem = pair.privateKeyPem;
    }
    this.setFaults(config.faults);
    this.access = new AccessModel(config.schema, config.permissionSets ?? new Map());
    this.users = new UserDirectory(this.store, config.seed);
    // The org's own connected app runs as the admin (row 0, the first user every data set seeds).
    this.users.registerApp({ clientId: this.credentials.clientId, clientSecret: this.credentials.clientSecret, runAsRow: 0 });
    this.dml = new Dml(this.store, this.access);
  }

  /** The user a request runs as. */
  userOf(session: Session): OrgUser {
    return this.users.user(session.userRow);
  }

  /** What SOQL and describe hide from the session's user (null: an admin sees everything). */
  viewerOf(session: Session): Viewer | null {
    return this.access.viewer(this.userOf(session));
  }

  get orgId(): string {
    return this.store.table('Organization')!.id(0);
  }

  setFaults(spec: string | null): void {
    this.faults = spec ? new FaultInjector(parseFaults(spec), this.seed) : null;
  }

  // ---- users and sessions -----------------------------------------------------------------

  /** The row of an active user with this username, or -1. */
  userRow(username: string): number {
    const users = this.store.table('User')!;
    const field = users.field('Username')!;
    const rows = users.lookup(field, username);
    const row = rows[0] ?? -1;
    return row >= 0 && users.column('IsActive')!.get(row) === true ? row : -1;
  }

  userId(row: number): string {
    return this.store.table('User')!.id(row);
  }

  issueSession(userRow: number, withRefreshToken: boolean): { accessToken: string; refreshToken?: string } {
    const token = `${this.orgId.slice(0, 15)}!${crypto.randomBytes(48).toString('base64url')}`;
    this.sessions.set(token, { token, userRow, expiresAt: Date.now() + this.tokenTtlMs });
    if (!withRefreshToken) return { accessToken: token };
    const refreshToken = `5Aep861${crypto.randomBytes(40).toString('base64url')}`;
    this.refreshTokens.set(refreshToken, userRow);
    return { accessToken: token, refreshToken };
  }

  private readonly authorizationCodes = new Map<string, number>();

  issueAuthorizationCode(userRow: number): string {
    const code = `aPrx${crypto.randomBytes(24).toString('base64url')}`;
    this.authorizationCodes.set(code, userRow);
    return code;
  }

  /** A code works once. */
  redeemAuthorizationCode(code: string): number | undefined {
    const row = this.authorizationCodes.get(code);
    this.authorizationCodes.delete(code);
    return row;
  }

  userOfRefreshToken(token: string): number | undefined {
    return this.refreshTokens.get(token);
  }

  revoke(token: string): void {
    this.sessions.delete(token);
    this.refreshTokens.delete(token);
  }

  /** The session of an `Authorization: Bearer|OAuth <token>` header; 401 INVALID_SESSION_ID otherwise. */
  authenticate(header: string | undefined): Session {
    const token = header?.replace(/^(Bearer|OAuth)\s+/i, '').trim();
    const session = token ? this.sessions.get(token) : undefined;
    if (!session || session.expiresAt <= Date.now()) {
      if (session) this.sessions.delete(session.token);
      throw new SfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    }
    return session;
  }

  expireSession(token: string): void {
    this.sessions.delete(token);
  }

  expireAllSessions(): void {
    this.sessions.clear();
  }

  // ---- API budget -------------------------------------------------------------------------

  /** Counts `calls` API calls, or answers 403 REQUEST_LIMIT_EXCEEDED when the budget is spent. */
  chargeApiCalls(calls: number): void {
    if (this.apiUsed + calls > this.apiMax) {
      throw new SfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    }
    this.apiUsed += calls;
  }

  limitInfoHeader(): string {
    return `api-usage=${this.apiUsed}/${this.apiMax}`;
  }
}
