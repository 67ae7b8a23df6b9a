// An owner for the lifecycle tests to end abruptly: `node --import tsx ownerProcess.ts <what>`
// starts <what> and prints "ready" once it runs. <what>:
//   children              a stubborn node child (see stubbornChild.ts) and a program (sleep)
//   stack [--fail-at <line>]  the whole stack (test/preview/stack.ts) with a private redis-server;
//                         --fail-at throws, uncaught, once the stack logs a line starting with <line>: a test
//                         failing in the middle of starting the stack, with no cleanup run
//   chromium              the browser tests' Chromium with a page open
// It then waits to be ended; the test ends it, and looks for what it left behind.
import path from 'node:path';
import { spawnNode, spawnProgram } from '../../scripts/lifecycle/ownedChild';
import { launchChromium } from '../browser/chromium';
import { startStack } from '../preview/stack';

async function main(): Promise<void> {
  const [what, flag, value] = process.argv.slice(2);
  if (what === 'children') {
    const child = spawnNode('stubborn', path.join(__dirname, 'stubbornChild.ts'), []);
    await new Promise<void>((resolve) => child.process.stdout!.once('data', () => resolve()));
    spawnProgram('sleep', 'sleep', ['600'], { output: 'ignore' });
  } else if (what === 'stack') {
    const failAt = flag === '--fail-at' ? value : undefined;
    await startStack({
      build: false,
      log: (line) => {
        process.stderr.write(`${line}\n`);
        if (failAt && line.startsWith(failAt)) {
          setImmediate(() => {
            throw new Error(`failing on purpose at "${line}"`);
          });
        }
      }
    });
  } else if (what === 'chromium') {
    const browser = await launchChromium();
    await (await browser.context.newPage()).goto('about:blank');
  } else {
    throw new Error(`unknown: ${what}`);
  }
  process.stdout.write('ready\n');
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
