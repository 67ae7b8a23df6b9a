// `node guard.cjs <program> [args...]`: runs a program that cannot preload lifeline.cjs
// (redis-server, npm) so that it too dies with its owner. The guard leads the process group
// (ownedChild.ts spawns it detached) and the program runs inside it, so the lifeline's EOF ends
// both. The guard passes signals on to the program and exits the way the program exited.
'use strict';
require('./lifeline.cjs');
const { spawn } = require('node:child_process');

const [program, ...args] = process.argv.slice(2);
if (!program) {
  process.stderr.write('usage: node guard.cjs <program> [args...]\n');
  process.exit(2);
}

const child = spawn(program, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const forward = (signal) => child.kill(signal);
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, forward);

child.once('error', (error) => {
  process.stderr.write(`${program}: ${error.message}\n`);
  process.exit(127);
});
child.once('exit', (code, signal) => {
  if (signal) {
    for (const name of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.off(name, forward);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? 1);
});
