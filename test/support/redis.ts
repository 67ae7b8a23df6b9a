import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnProgram, type OwnedChild } from '../../scripts/lifecycle/ownedChild';

/** A redis-server this process spawned, on a free loopback port, keeping nothing on disk. */
export interface SpawnedRedis {
  url: string;
  port: number;
  /** SIGKILL-free stop: SHUTDOWN NOSAVE via the process signal, waits for exit. */
  stop(): Promise<void>;
  /** Stops and starts the server again on the same port (its data is lost, as after a crash). */
  restart(): Promise<void>;
}

export const REDIS_INSTALL_HINT =
  'redis-server is not installed. Install it with: sudo apt-get install -y redis-server ' +
  '(Debian/Ubuntu) or brew install redis (macOS).';

export function redisServerAvailable(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return probe.status === 0;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`redis-server did not listen on ${port}`));
        else setTimeout(attempt, 20);
      });
    };
    attempt();
  });
}

// Under a guard with a lifeline: the server dies with the process that started it, however it ends.
function launch(port: number): OwnedChild {
  return spawnProgram(
    'redis-server',
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
      '--maxmemory-policy', 'noeviction',
      // keep the environment readable: the process title is written over it otherwise, and the
      // leftover-process check finds processes by the owner marker in their environment
      '--set-proc-title', 'no'],
    { output: 'ignore' }
  );
}

/** Starts a private redis-server; throws with the install hint when none is installed. */
export async function startRedis(): Promise<SpawnedRedis> {
  if (!redisServerAvailable()) throw new Error(REDIS_INSTALL_HINT);
  const port = await freePort();
  let child = launch(port);
  await waitForPort(port, 10000);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => child.stop(),
    async restart() {
      await child.stop();
      child = launch(port);
      await waitForPort(port, 10000);
    }
  };
}

/** A local Redis Cluster this process spawned: three masters, no replicas, nothing on disk but the cluster config. */
export interface SpawnedRedisCluster {
  nodes: Array<{ host: string; port: number }>;
  stop(): Promise<void>;
}

async function clusterReady(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'cluster', 'info'], { encoding: 'utf8' });
    if (/cluster_state:ok/.test(info.stdout ?? '')) return;
    if (Date.now() > deadline) throw new Error(`redis cluster node ${port} not ready: ${info.stdout ?? ''}${info.stderr ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts three `redis-server --cluster-enabled yes` on free ports (each under a guard with a
 * lifeline, so they die with this process) and joins them with `redis-cli --cluster create`.
 * Throws with the install hint when redis-server is not installed.
 */
export async function startRedisCluster(): Promise<SpawnedRedisCluster> {
  if (!redisServerAvailable()) throw new Error(REDIS_INSTALL_HINT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-cluster-'));
  const ports = [await freePort(), await freePort(), await freePort()];
  const children = ports.map((port) =>
    spawnProgram(
      `redis-cluster-${port}`,
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction',
        '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '5000', '--dir', dir,
        '--set-proc-title', 'no'],
      { output: 'ignore' }
    )
  );
  const stop = async () => {
    await Promise.all(children.map((child) => child.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(ports.map((port) => waitForPort(port, 10000)));
    const create = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { encoding: 'utf8', timeout: 30000 });
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout ?? ''}${create.stderr ?? ''}`);
    for (const port of ports) await clusterReady(port, 15000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodes: ports.map((port) => ({ host: '127.0.0.1', port })), stop };
}
