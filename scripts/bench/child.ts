// Runs one benchmarked TypeScript entry point in its own node process (tsx's loader plus the
// peak-RSS reporter), so that its wall time and peak RSS are its own and not the harness's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnNode } from '../lifecycle/ownedChild';

export const REPOSITORY = path.resolve(__dirname, '..', '..');

export interface ChildRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  wallSeconds: number;
  peakRssMiB: number;
}

export async function runChild(entry: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildRun> {
  const rssFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-')), 'rss');
  const started = process.hrtime.bigint();
  const { process: child } = spawnNode('bench', entry, args, {
    cwd: REPOSITORY,
    env: { ...env, TANDEM_BENCH_RSS_FILE: rssFile },
    nodeOptions: ['--import', path.join(__dirname, 'peakRss.ts')]
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssKb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
  fs.rmSync(path.dirname(rssFile), { recursive: true, force: true });
  return { exitCode, stdout, stderr, wallSeconds, peakRssMiB: rssKb / 1024 };
}

/** The last line of stdout parsed as JSON (the children print one summary line). */
export function lastJsonLine<T>(run: ChildRun, what: string): T {
  const line = run.stdout.trim().split('\n').pop();
  if (!line) throw new Error(`${what}: no output (exit ${run.exitCode}); stderr:\n${run.stderr.slice(-2000)}`);
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`${what}: output is not JSON: ${line.slice(0, 500)}; stderr:\n${run.stderr.slice(-2000)}`);
  }
}
