// Child processes the preview stack starts: each in its own process group, so stopping one stops
// everything it spawned (npm → tsx → node), and nothing outlives the stack.
import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  stop(deadlineMs?: number): Promise<void>;
}

export interface ChildOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Receives each output line, for logs and for waiting on a readiness message. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
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

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

export function startChild(name: string, command: string, args: string[], options: ChildOptions): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (error) => resolve(error.message));
  });
  forEachLine(child.stdout, (line) => options.onLine?.(line, 'stdout'));
  forEachLine(child.stderr, (line) => options.onLine?.(line, 'stderr'));
  return {
    name,
    process: child,
    exited,
    async stop(deadlineMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) {
        signalGroup(child, 'SIGKILL'); // grandchildren left behind by an exited parent
        return;
      }
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), deadlineMs);
      await exited;
      clearTimeout(timer);
      signalGroup(child, 'SIGKILL');
    }
  };
}
