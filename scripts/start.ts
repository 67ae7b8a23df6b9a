// `npm start`: the whole product locally — Redis, the org emulator with the demo org, the sync
// service with its worker and a full sync, and the preview of the three components. Ctrl-C stops
// everything it started.
import { startStack, StackError } from '../test/preview/stack';

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function main(): Promise<void> {
  const started = Date.now();
  log('starting Tandem locally (builds the components first; about half a minute)…');
  const stack = await startStack({ log, previewPort: process.env.PREVIEW_PORT ? Number(process.env.PREVIEW_PORT) : undefined });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    stack.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`stop failed: ${(error as Error).message}`);
        process.exit(1);
      }
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const { org } = stack;
  const lines = [
    '',
    `Tandem is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  Preview        ${stack.previewUrl}`,
    `  Sponsor's Home ${stack.previewUrl}?page=home&as=sponsor`,
    `  Sync API       ${stack.apiUrl}   (Authorization: Bearer ${stack.apiToken})`,
    `  Queue board    ${stack.queueBoardUrl}`,
    `  Redis          ${stack.redisUrl}`,
    `  Org emulator   ${org.loginUrl}`,
    `    username ${org.username}  password ${org.password}`,
    `    client id ${org.clientId}  client secret ${org.clientSecret}`,
    'Press Ctrl-C to stop.',
    ''
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  log(error instanceof StackError ? error.message : String((error as Error).stack ?? error));
  process.exit(1);
});
