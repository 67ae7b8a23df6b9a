// A child that will not end when asked: it ignores SIGTERM and SIGINT and has a child of its own
// (sleep, in its process group). Only its lifeline or SIGKILL to its group ends it.
import { spawn } from 'node:child_process';

process.on('SIGTERM', () => undefined);
process.on('SIGINT', () => undefined);
spawn('sleep', ['600'], { stdio: 'ignore' });
setInterval(() => undefined, 60_000);
process.stdout.write('ready\n');
