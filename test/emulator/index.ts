// The local Salesforce org emulator: start one in-process (tests) or from `npm run org` (CLI).
// Unmodified jsforce talks to it over HTTP: SOAP and OAuth login, REST query/CRUD/collections/
// composite/describe/limits, Bulk API 2.0 query and ingest, Bulk API 1.0.
//
// Modules: a folder `test/emulator/<name>/` with a `module.ts` exporting `emulatorModule`
// (an EmulatorModule) is loaded automatically and may add routes that reuse the store and SOQL
// engine (see `Org`, `runQuery`, `Router`).
import fs from 'node:fs';
import path from 'node:path';
import { generate, parseDataSet, type DataSet } from './generators';
import { Org, type ChangeDataCaptureOptions } from './org';
import { registerAuthRoutes } from './routes/auth';
import { registerBulk1Routes } from './routes/bulk1';
import { registerBulk2Routes } from './routes/bulk2';
import { registerBulk2IngestRoutes } from './routes/bulk2Ingest';
import { registerCompositeRoutes } from './routes/composite';
import { registerPhotoRoutes } from './routes/photos';
import { registerRestRoutes } from './routes/rest';
import { buildSchema } from './schema/schema';
import { loadPermissionSets } from './security/permissionSets';
import type { Persona } from './security/access';
import type { PersonaLogin } from './security/users';
import { startServer } from './http/server';
import type { Store } from './store/store';

export { Org } from './org';
export type { Session, ChangeDataCaptureOptions } from './org';
export { Store } from './store/store';
export { Router, json, errorReply, jsonBody, noContent } from './http/router';
export type { Reply, RequestContext, Route } from './http/router';
export { runQuery, parseSoql } from './soql/query';
export type { QueryResult, Projection } from './soql/query';
export { SfError } from './errors';
export { describeObject, describeGlobal } from './schema/describe';
export { DEMO_ALERT_CHANGES, applyDemoContactChanges, DEMO_CAPTURED_ACCOUNT, DEMO_GAP_ACCOUNT, DEMO_LAPSED_ACCOUNT, DEMO_UNENGAGED_ACCOUNT, DEMO_LOST_ONLY_ACCOUNTS, DEMO_PARENTS, DEMO_LARGE_MAP_ACCOUNT, DEMO_LARGE_MAP_CONTACTS, DEMO_STRATEGIC_ACCOUNTS, DEMO_FISCAL_YEAR_START_MONTH, DEMO_CURRENCIES } from './generators/demo';
export { LOST_ONLY_FAMILY } from './generators/products';
export { FAULT_HELP } from './faults';
export { AccessModel, PERSONAS, BASELINE_OBJECTS } from './security/access';
export type { OrgUser, Persona, Viewer } from './security/access';
export type { PersonaLogin } from './security/users';
export { insufficientAccess } from './security/dml';

export const API_VERSION = '64.0';
export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_SCHEMA_DIR = path.join(REPOSITORY_ROOT, 'force-app', 'main', 'default');

export interface EmulatorModule {
  name: string;
  register(org: Org): void;
}

export interface OrgOptions {
  port?: number /* 0 = free */;
  data?: 'empty' | 'demo' | `bench:${number}`;
  seed?: number;
  faults?: string /* same spec as the CLI */;
  schemaDirs?: string[];
  apiBudget?: number /* DailyApiRequests Max, default 100000 (bench may raise it) */;
  tokenTtlSeconds?: number;
  today?: string /* YYYY-MM-DD, the org's TODAY() for formulas and the anchor of generated data; default the real date */;
  jwtCertificate?: string /* PEM public key or cert; default: a keypair is generated and the private key exposed */;
  /** Every record carries CurrencyIsoCode and CurrencyType/DatedConversionRate exist (default true). */
  multiCurrency?: boolean;
  /** TimeZoneSidKey of the org and every user (IANA name; default GMT): TODAY, date literals, display values. */
  timeZone?: string;
  /** Organization.FiscalYearStartMonth (1-12); default the data set's (empty 1, demo 4, bench 4). */
  fiscalYearStartMonth?: number;
  /** Change Data Capture: the objects selected and the replay retention (see cdc/README section). */
  changeDataCapture?: ChangeDataCaptureOptions;
  /** Extra route modules; default: every `test/emulator/<dir>/module.ts`. */
  modules?: EmulatorModule[];
}

export interface OrgHandle {
  loginUrl: string;
  instanceUrl: string;
  apiVersion: string;
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
  privateKeyPem: string /* matching jwtCertificate when generated, for JWT tests */;
  /** The four persona users (the admin's entry repeats the top-level fields); clientId/clientSecret: the persona's own connected app, whose client-credentials flow runs as that user. */
  users: Record<Persona, PersonaLogin>;
  apiUsage(): { used: number; max: number };
  setFaults(spec: string | null): void;
  setApiBudget(max: number, used?: number): void;
  expireAllSessions(): void;
  store: Store;
  /** Everything else (router, cursors, sessions) for modules and white-box tests. */
  org: Org;
  /** Schema and formula problems found while loading (fields left out, formulas not computed). */
  warnings: string[];
  close(): Promise<void>;
}

/** Modules found next to this file: `<dir>/module.ts` exporting `emulatorModule`. */
export function discoverModules(): EmulatorModule[] {
  const modules: EmulatorModule[] = [];
  for (const entry of fs.readdirSync(__dirname, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const file = ['module.ts', 'module.js'].map((f) => path.join(__dirname, entry.name, f)).find((f) => fs.existsSync(f));
    if (!file) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(file) as { emulatorModule?: EmulatorModule };
    if (loaded.emulatorModule) modules.push(loaded.emulatorModule);
  }
  return modules;
}

export async function startOrg(options: OrgOptions = {}): Promise<OrgHandle> {
  const data: DataSet = parseDataSet(options.data ?? 'empty');
  const seed = options.seed ?? 1;
  const schemaDirs = options.schemaDirs ?? [DEFAULT_SCHEMA_DIR];
  const schema = buildSchema({ dirs: schemaDirs, multiCurrency: options.multiCurrency });
  const org = new Org({
    schema,
    seed,
    today: options.today,
    apiBudget: options.apiBudget ?? 100_000,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
    faults: options.faults ?? null,
    jwtCertificate: options.jwtCertificate,
    timeZone: options.timeZone,
    fiscalYearStartMonth: options.fiscalYearStartMonth,
    changeDataCapture: options.changeDataCapture,
    permissionSets: loadPermissionSets(schemaDirs)
  });
  registerAuthRoutes(org);
  registerRestRoutes(org);
  registerCompositeRoutes(org);
  registerBulk2Routes(org);
  registerBulk2IngestRoutes(org);
  registerBulk1Routes(org);
  registerPhotoRoutes(org);
  for (const module of options.modules ?? discoverModules()) module.register(org);

  const server = await startServer(org, options.port ?? 0);
  org.instanceUrl = `http://127.0.0.1:${server.port}`;
  try {
    generate(org, data, seed);
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    loginUrl: org.instanceUrl,
    instanceUrl: org.instanceUrl,
    apiVersion: API_VERSION,
    username: org.credentials.username,
    password: org.credentials.password,
    clientId: org.credentials.clientId,
    clientSecret: org.credentials.clientSecret,
    privateKeyPem: org.privateKeyPem,
    users: org.users.logins(),
    apiUsage: () => ({ used: org.apiUsed, max: org.apiMax }),
    setFaults: (spec) => org.setFaults(spec),
    setApiBudget: (max, used) => {
      org.apiMax = max;
      if (used !== undefined) org.apiUsed = used;
    },
    expireAllSessions: () => org.expireAllSessions(),
    store: org.store,
    org,
    warnings: [...schema.warnings, ...org.store.warnings],
    close: () => server.close()
  };
}
