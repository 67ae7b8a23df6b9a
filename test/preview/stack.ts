// The whole product on one machine: Redis, the org emulator with the demo org, the sync service
// (API + worker) and a full sync, and the preview server. Used by `npm start` and the browser tests.
import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { spawnNode, type OwnedChild } from '../../scripts/lifecycle/ownedChild';
import { applyDemoContactChanges, startOrg, type OrgHandle, type Persona } from '../emulator';
import { freePort, redisServerAvailable, REDIS_INSTALL_HINT, startRedis, type SpawnedRedis } from '../support/redis';
import { buildPreview } from './build';
import { startPreviewServer, type PreviewServer } from './server';
import { sessionSource } from './session';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVICE_MAIN = path.join(ROOT, 'sync-service', 'src', 'main.ts');
const SYNC_CLI = path.join(ROOT, 'sync-service', 'src', 'cli', 'sync.ts');
/** The org's users the preview page offers (the integration user has no page). */
const PREVIEW_USERS: Persona[] = ['admin', 'rep', 'sponsor'];

export interface StackOptions {
  /** The org's TODAY() and the service's as-of date (default the real date). */
  today?: string;
  seed?: number;
  previewPort?: number;
  log?: (line: string) => void;
  /** false: serve the bundle already in .preview-build (tests of the processes, not the pages). */
  build?: boolean;
}

export interface Stack {
  previewUrl: string;
  apiUrl: string;
  queueBoardUrl: string;
  apiToken: string;
  redisUrl: string;
  org: OrgHandle;
  close(): Promise<void>;
}

export class StackError extends Error {}

/** close() of every stack this process started and has not closed, started up or still starting. */
const openStacks = new Set<() => Promise<void>>();

/**
 * Closes every stack this process started, including one still starting (a test hook that timed
 * out never received its stack; its afterAll calls this).
 */
export async function closeAllStacks(): Promise<void> {
  await Promise.all([...openStacks].map((close) => close()));
}

/** A Redis at `url` answers PING within a second. */
export function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname || '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG') || data.toString().startsWith('-NOAUTH')));
  });
}

function isoToday(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? (() => undefined);
  const cleanups: Array<() => Promise<void>> = [];
  let closed = false;
  // Stops what has started so far; a start-up still under way stops at its next step (and stops
  // what that step started), so a test whose start-up timed out can still end everything.
  const close = async () => {
    closed = true;
    openStacks.delete(close);
    for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
      await cleanup().catch((error: unknown) => log(`stop: ${(error as Error).message}`));
    }
  };
  const started = <T>(value: T): T => {
    if (closed) throw new StackError('the stack was closed while starting');
    return value;
  };
  openStacks.add(close);
  try {
    const today = options.today ?? isoToday();

    // The bundle builds while Redis, the org and the sync start.
    const building = options.build === false ? Promise.resolve() : buildPreview();
    building.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile

    let redisUrl = process.env.REDIS_URL;
    if (!redisUrl || !(await redisReachable(redisUrl))) {
      if (redisUrl) log(`REDIS_URL ${redisUrl} does not answer; starting a private redis-server`);
      if (!redisServerAvailable()) throw new StackError(REDIS_INSTALL_HINT);
      const redis: SpawnedRedis = await startRedis();
      cleanups.push(() => redis.stop());
      started(redis);
      redisUrl = redis.url;
    }
    log(`redis ${redisUrl}`);

    const org = await startOrg({ data: 'demo', seed: options.seed ?? 1, today });
    cleanups.push(() => org.close());
    started(org);
    for (const warning of org.warnings) log(`org emulator: ${warning}`);
    log(`org emulator ${org.instanceUrl}`);

    const apiToken = crypto.randomBytes(24).toString('hex');
    const servicePort = started(await freePort());
    const serviceEnv: NodeJS.ProcessEnv = {
      ...process.env,
      SF_LOGIN_URL: org.loginUrl,
      SF_AUTH: 'password',
      SF_CLIENT_ID: org.clientId,
      SF_CLIENT_SECRET: org.clientSecret,
      SF_USERNAME: org.username,
      SF_PASSWORD: org.password,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: `tandem-preview-${process.pid}`,
      API_TOKEN: apiToken,
      PORT: String(servicePort),
      TANDEM_AS_OF: today,
      // "Recalculate" in the preview should answer within seconds.
      SYNC_REQUEST_POLL_MS: '2000',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn'
    };
    const childLog = (name: string) => (line: string) => log(`[${name}] ${line}`);

    const sync: OwnedChild = spawnNode('sync', SYNC_CLI, ['--once', '--mode', 'full'], { cwd: ROOT, env: serviceEnv, onLine: childLog('sync') });
    cleanups.push(() => sync.stop());
    const syncExit = started(await sync.exited);
    if (syncExit !== 0) throw new StackError(`the full sync failed (exit ${syncExit}); see the [sync] lines above`);
    log('full sync done');

    // The demo's people change after the first sync (a champion leaves, a title changes, mail
    // bounces); an incremental run compares them with what it saw and raises the change alerts.
    applyDemoContactChanges(org.org, org.org.userRow(org.username));
    const changes: OwnedChild = spawnNode('sync', SYNC_CLI, ['--once', '--mode', 'incremental'], { cwd: ROOT, env: serviceEnv, onLine: childLog('sync') });
    cleanups.push(() => changes.stop());
    const changesExit = started(await changes.exited);
    if (changesExit !== 0) throw new StackError(`the incremental sync failed (exit ${changesExit}); see the [sync] lines above`);
    log('incremental sync done (change alerts)');

    const service: OwnedChild = spawnNode('service', SERVICE_MAIN, [], { cwd: ROOT, env: serviceEnv, onLine: childLog('service') });
    cleanups.push(() => service.stop(15_000));
    const apiUrl = `http://127.0.0.1:${servicePort}`;
    // Generous: on a loaded machine (several suites at once) the service takes over a minute.
    await waitForHttp(`${apiUrl}/readyz`, service, 150_000);
    started(await building);
    const session = sessionSource(org);
    // The people the page can act as (?as=rep|sponsor|admin), each with a session of their own.
    const users = Object.fromEntries(
      PREVIEW_USERS.filter((persona) => org.users[persona]).map((persona) => [
        persona,
        persona === 'admin' ? session : sessionSource({ ...org.users[persona], loginUrl: org.loginUrl })
      ])
    );
    const preview: PreviewServer = await startPreviewServer({
      port: options.previewPort,
      session,
      users,
      today,
      service: { url: apiUrl, apiToken }
    });
    cleanups.push(() => preview.close());
    started(preview);
    // The board needs the API token; the preview server adds it, so a browser can open it.
    const queueBoardUrl = `${preview.url}admin/queues`;

    return { previewUrl: preview.url, apiUrl, queueBoardUrl, apiToken, redisUrl, org, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Polls a URL until it answers 2xx; fails early when the process serving it exits. */
async function waitForHttp(url: string, child: OwnedChild, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | string | undefined;
  void child.exited.then((code) => {
    exited = code;
  });
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new StackError(`${child.name} exited (${exited}) before ${url} answered`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new StackError(`${url} did not answer within ${timeoutMs} ms`);
}
