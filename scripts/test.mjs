#!/usr/bin/env node
// `npm test`: lint, typecheck, then every jest suite (LWC, service, emulator, cross-part, browser).
// Runs every step even after a failure, then prints one summary and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['jest', 'npx', ['jest', ...process.argv.slice(2)]]
];

const results = [];
for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: run.status === 0, seconds });
}

console.log('\nSummary');
for (const { name, ok, seconds } of results) {
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(10)} ${seconds}s`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
