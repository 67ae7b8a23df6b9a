// Nothing the project spawns outlives its owner, however the owner ends. Each test starts an owner
// (ownerProcess.ts) with a fresh TANDEM_OWNER id, ends it abruptly, and reads /proc for anything
// still carrying that id (or in the process group of something that did). Linux only: elsewhere
// there is no /proc to read.
import fs from 'node:fs';
import path from 'node:path';
import { spawnNode, type OwnedChild } from '../../scripts/lifecycle/ownedChild';
import { canFindOwnedProcesses, newOwnerId, processesOwnedBy, survivorsAfter, withOwner, type OwnedProcess } from '../../scripts/lifecycle/owner';
import { CHROMIUM_PATH } from '../browser/chromium';
import { closeAllStacks, startStack } from '../preview/stack';
import { redisServerAvailable } from '../support/redis';

const OWNER = path.join(__dirname, 'ownerProcess.ts');
const ROOT = path.resolve(__dirname, '..', '..');
// Ending a process group after a pipe's EOF takes milliseconds; the rest is a loaded machine.
const GONE_WITHIN_MS = 5_000;

interface Owner {
  id: string;
  child: OwnedChild;
  output: () => string;
}

function startOwner(args: string[], env: NodeJS.ProcessEnv = process.env): Owner {
  const id = newOwnerId('lifecycle-test');
  let output = '';
  const child = spawnNode('owner', OWNER, args, {
    cwd: ROOT,
    env: withOwner(env, id),
    onLine: (line) => (output += `${line}\n`)
  });
  return { id, child, output: () => output };
}

async function until<T>(what: string, owner: Owner, check: () => T | null | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | string | undefined;
  void owner.child.exited.then((code) => (exited = code));
  for (;;) {
    const value = check();
    if (value) return value;
    if (exited !== undefined) throw new Error(`the owner exited (${exited}) before ${what}:\n${owner.output().slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms:\n${owner.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ready = (owner: Owner, timeoutMs = 120_000) => until('"ready"', owner, () => owner.output().includes('ready\n'), timeoutMs);
const describeProcesses = (processes: OwnedProcess[]) => processes.map((p) => `${p.pid} ${p.command}`);
const commands = (owner: Owner) => processesOwnedBy(owner.id).map((p) => p.command);

// Ends the owner's whole tree even when a test fails, so that a failure here leaks nothing either.
let owners: Owner[] = [];
afterEach(async () => {
  for (const owner of owners) {
    owner.child.process.kill('SIGKILL');
    for (const { pid } of processesOwnedBy(owner.id)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // ended meanwhile
      }
    }
  }
  owners = [];
});

function owner(args: string[], env?: NodeJS.ProcessEnv): Owner {
  const started = startOwner(args, env);
  owners.push(started);
  return started;
}

const onLinux = canFindOwnedProcesses() ? describe : describe.skip;

onLinux('a spawned child and everything it started end with their owner', () => {
  const endings: Array<[string, (child: OwnedChild) => void]> = [
    ['SIGKILL', (child) => child.process.kill('SIGKILL')],
    ['SIGTERM (no cleanup code runs)', (child) => child.process.kill('SIGTERM')],
    ['SIGINT', (child) => child.process.kill('SIGINT')]
  ];
  it.each(endings)('owner ended by %s', async (_name, end) => {
    const o = owner(['children']);
    await ready(o);
    // the stubborn node child and its sleep, and the guarded sleep (the guard starts it a moment later)
    await until('both sleeps', o, () => commands(o).filter((c) => c === 'sleep 600').length === 2, 30_000);
    expect(commands(o).filter((c) => c.includes('stubbornChild.ts'))).toHaveLength(1);
    end(o.child);
    await o.child.exited;
    expect(describeProcesses(await survivorsAfter(o.id, GONE_WITHIN_MS))).toEqual([]);
  }, 150_000);

  it('stop() ends a child that ignores SIGTERM, and its own children, after the grace period', async () => {
    const id = newOwnerId('lifecycle-test');
    const child = spawnNode('stubborn', path.join(__dirname, 'stubbornChild.ts'), [], { cwd: ROOT, env: withOwner(process.env, id) });
    await new Promise<void>((resolve) => child.process.stdout!.once('data', () => resolve()));
    expect(processesOwnedBy(id)).toHaveLength(2);
    const started = Date.now();
    await child.stop(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(await child.exited).toBe('SIGKILL');
    expect(describeProcesses(await survivorsAfter(id, GONE_WITHIN_MS))).toEqual([]);
  }, 150_000);
});

const withRedis = canFindOwnedProcesses() && redisServerAvailable() ? describe : describe.skip;

withRedis('the stack (npm start, the browser tests) ends with its owner', () => {
  // No REDIS_URL: the stack starts its own redis-server, which must end too.
  const env = { ...process.env, REDIS_URL: '', LOG_LEVEL: 'info' };

  it('owner SIGKILLed once the stack is up: redis-server, the service and everything else end', async () => {
    const o = owner(['stack'], env);
    await ready(o, 240_000);
    const running = commands(o);
    expect(running.some((c) => c.startsWith('redis-server'))).toBe(true);
    expect(running.some((c) => c.includes('sync-service/src/main.ts'))).toBe(true);
    o.child.process.kill('SIGKILL');
    expect(describeProcesses(await survivorsAfter(o.id, GONE_WITHIN_MS))).toEqual([]);
  }, 300_000);

  it('owner SIGKILLed in the middle of starting (the full sync running)', async () => {
    const o = owner(['stack'], env);
    await until('the sync CLI', o, () => commands(o).some((c) => c.includes('sync-service/src/cli/sync.ts')), 240_000);
    o.child.process.kill('SIGKILL');
    expect(describeProcesses(await survivorsAfter(o.id, GONE_WITHIN_MS))).toEqual([]);
  }, 300_000);

  it('owner failing in the middle of starting (uncaught, at the service\'s first log line), no cleanup run', async () => {
    const o = owner(['stack', '--fail-at', '[service]'], env);
    expect(await o.child.exited).toBe(1);
    expect(o.output()).toContain('failing on purpose at "[service]');
    expect(describeProcesses(await survivorsAfter(o.id, GONE_WITHIN_MS))).toEqual([]);
  }, 300_000);
  it('closeAllStacks() ends a stack still starting (what an afterAll does after its beforeAll timed out)', async () => {
    const id = newOwnerId('lifecycle-test');
    const saved = { owner: process.env.TANDEM_OWNER, redis: process.env.REDIS_URL };
    process.env.TANDEM_OWNER = withOwner(process.env, id).TANDEM_OWNER;
    delete process.env.REDIS_URL;
    try {
      const starting = startStack({ build: false });
      starting.catch(() => undefined); // asserted below
      const deadline = Date.now() + 240_000;
      while (!processesOwnedBy(id).some((p) => p.command.includes('sync-service/src/cli/sync.ts'))) {
        if (Date.now() > deadline) throw new Error('the sync CLI did not start');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await closeAllStacks();
      await expect(starting).rejects.toThrow('the stack was closed while starting');
      expect(describeProcesses(await survivorsAfter(id, GONE_WITHIN_MS))).toEqual([]);
    } finally {
      process.env.TANDEM_OWNER = saved.owner;
      if (saved.owner === undefined) delete process.env.TANDEM_OWNER;
      if (saved.redis !== undefined) process.env.REDIS_URL = saved.redis;
    }
  }, 300_000);
});

const withChromium = canFindOwnedProcesses() && fs.existsSync(CHROMIUM_PATH) ? describe : describe.skip;

withChromium('Chromium ends with its owner', () => {
  it('owner SIGKILLed with a page open: every Chromium process ends', async () => {
    const o = owner(['chromium']);
    await ready(o);
    expect(commands(o).filter((c) => c.includes('chromium')).length).toBeGreaterThan(1);
    o.child.process.kill('SIGKILL');
    expect(describeProcesses(await survivorsAfter(o.id, GONE_WITHIN_MS))).toEqual([]);
  }, 150_000);
});
