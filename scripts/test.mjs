#!/usr/bin/env node
// `npm test`: lint, typecheck, then every jest suite (LWC, service, emulator, cross-part, browser).
// Runs every step even after a failure, then checks that the run left no process behind, prints
// one summary and exits non-zero on any failure.
//
// Every process of this run carries this run's id in TANDEM_OWNER (scripts/lifecycle/owner.ts),
// so processes of other runs on the same machine (other checkouts, a shared Redis) are not counted.
// Each step runs in its own process group with a lifeline: Ctrl-C, SIGTERM, or this process being
// killed ends the step and everything under it.
import { require as tsRequire } from 'tsx/cjs/api';

const { spawnProgram } = tsRequire('./lifecycle/ownedChild.ts', import.meta.url);
const { canFindOwnedProcesses, newOwnerId, survivorsAfter, withOwner } = tsRequire('./lifecycle/owner.ts', import.meta.url);

// Processes still ending when jest returns (a lifeline's EOF, a SIGTERM being handled) get this long.
const LEFTOVER_GRACE_MS = 10_000;

const runId = newOwnerId('npm-test');
const env = withOwner(process.env, runId);
const steps = [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['jest', 'npx', ['jest', ...process.argv.slice(2)]]
];

let current = null;
let interrupted = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = signal;
    void current?.stop();
  });
}

const results = [];
for (const [name, command, args] of steps) {
  if (interrupted) break;
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  current = spawnProgram(name, command, args, { env, output: 'inherit' });
  const exit = await current.exited;
  current = null;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: exit === 0, seconds });
}

if (canFindOwnedProcesses()) {
  const started = Date.now();
  const survivors = await survivorsAfter(runId, LEFTOVER_GRACE_MS);
  for (const { pid, command } of survivors) {
    console.error(`left behind by this run (killed now): pid ${pid}: ${command}`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // ended meanwhile
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name: 'leftovers', ok: survivors.length === 0, seconds, note: survivors.length ? `${survivors.length} process(es) left behind` : '' });
} else {
  console.log('\n(leftover-process check skipped: it reads /proc, which only Linux has)');
}

console.log('\nSummary');
for (const { name, ok, seconds, note } of results) {
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(10)} ${seconds}s${note ? `  ${note}` : ''}`);
}
if (interrupted) console.log(`  interrupted by ${interrupted}`);
process.exit(!interrupted && results.every((r) => r.ok) ? 0 : 1);
