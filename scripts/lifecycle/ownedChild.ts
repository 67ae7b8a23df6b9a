// "Spawn a child that dies with me": every process the project starts (tests, `npm start`, the
// benchmarks, `npm test`'s steps) goes through here. Each child
//   - leads its own process group, so stopping it stops everything it started;
//   - holds a lifeline (lifeline.cjs): its stdin is a pipe only this process writes to, and when
//     this process ends by any path, SIGKILL included, the child ends its group by itself;
//   - carries this process's TANDEM_OWNER marker (owner.ts), even when given a fresh environment.
// Node entry points run as `node --import tsx`, not through tsx's CLI, which would wrap the real
// process in a second one that signals and the lifeline would not reach.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { withOwner } from './owner';

const LIFELINE = path.join(__dirname, 'lifeline.cjs');
const GUARD = path.join(__dirname, 'guard.cjs');

export interface OwnedChildOptions {
  cwd?: string;
  /** The child's environment (default this process's); the owner marker is added. */
  env?: NodeJS.ProcessEnv;
  /** stdout and stderr: piped (default; read them with onLine or child.process), inherited or ignored. */
  output?: 'pipe' | 'inherit' | 'ignore';
  /** Receives each output line, for logs and for waiting on a readiness message. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Extra node options, after tsx's loader (spawnNode only). */
  nodeOptions?: string[];
}

export interface OwnedChild {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  /** Sends a signal to the child's whole process group. */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the child has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Runs a node entry point (TypeScript through tsx's loader) with the lifeline preloaded. */
export function spawnNode(name: string, entry: string, args: string[], options: OwnedChildOptions = {}): OwnedChild {
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return start(name, process.execPath, ['--require', LIFELINE, ...loader, ...(options.nodeOptions ?? []), entry, ...args], options);
}

/** Runs any other program (redis-server, npm) inside a guard process that holds the lifeline. */
export function spawnProgram(name: string, program: string, args: string[], options: OwnedChildOptions = {}): OwnedChild {
  return start(name, process.execPath, [GUARD, program, ...args], options);
}

function forEachLine(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  let buffered = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  stream?.on('end', () => {
    if (buffered) onLine(buffered);
  });
}

function start(name: string, command: string, args: string[], options: OwnedChildOptions): OwnedChild {
  const output = options.output ?? 'pipe';
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: withOwner(options.env ?? process.env),
    detached: true,
    stdio: ['pipe', output, output]
  });
  child.stdin?.on('error', () => undefined); // nothing is written; a closed pipe is no error here
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (error) => resolve(error.message));
  });
  if (options.onLine) {
    forEachLine(child.stdout, (line) => options.onLine?.(line, 'stdout'));
    forEachLine(child.stderr, (line) => options.onLine?.(line, 'stderr'));
  }
  const signalGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  };
  return {
    name,
    process: child,
    exited,
    signal: signalGroup,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) {
        signalGroup('SIGKILL'); // grandchildren left behind by an exited parent
        return;
      }
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      signalGroup('SIGKILL');
    }
  };
}
