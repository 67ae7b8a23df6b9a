// The service: `npm run service` serves the API and runs a worker; `npm run worker`
// (--worker-only) runs a worker alone. SIGTERM/SIGINT: not ready → close the HTTP server → close
// the worker under a deadline (a job still running after it is handed back: it stalls and another
// worker takes it over) → close the queue → quit Redis.
import http from 'node:http';
import { createApp, type Readiness } from './api/app';
import { createServiceMetrics } from './api/serviceMetrics';
import { ConfigError, loadConfig, type Config } from './config';
import { Freshness } from './freshness/freshness';
import { freshnessMetrics } from './freshness/metrics';
import { createLogger, type Logger } from './logger';
import { startPoller } from './queue/poller';
import { createSyncQueue } from './queue/queue';
import { keepSchedule } from './queue/schedule';
import { createSyncWorker } from './queue/worker';
import { connectRedis } from './redis';
import { connectOrg, syncSettings } from './runtime';
import type { OrgClient } from './salesforce/client';
import { SyncState } from './sync/state';
import { SyncRequestLedger } from './sync/syncRequests';

/** One Salesforce login per process, made on first use and retried on the next use after a failure. */
export function lazyClient(config: Config, logger: Logger): () => Promise<OrgClient> {
  let client: Promise<OrgClient> | null = null;
  return () => {
    if (!client) {
      client = connectOrg(config, logger);
      client.catch(() => {
        client = null;
      });
    }
    return client;
  };
}

/** Salesforce answers at all (the unauthenticated versions resource costs no API call). */
async function salesforceReachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url.replace(/\/$/, '')}/services/data/`, { signal: AbortSignal.timeout(3000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

export async function start(argv: string[], env: NodeJS.ProcessEnv): Promise<{ shutdown(signal: string): Promise<void> }> {
  const workerOnly = argv.includes('--worker-only');
  const config = loadConfig(env, workerOnly ? 'worker' : 'service');
  const logger = createLogger(config.LOG_LEVEL);
  // Separate connections: the producer and state fail fast; the worker blocks and must not time out.
  const producer = connectRedis(config);
  const workerConnection = connectRedis(config, { blocking: true });
  const stateConnection = connectRedis(config);
  for (const connection of [producer, workerConnection, stateConnection]) connection.on('error', (error) => logger.warn({ err: error }, 'redis connection error'));

  const queue = createSyncQueue(producer, { prefix: config.REDIS_PREFIX, attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS });
  queue.on('error', (error) => logger.error({ err: error }, 'queue error'));
  const metrics = createServiceMetrics(queue);
  const getClient = lazyClient(config, logger);
  const ledger = new SyncRequestLedger(stateConnection, config.REDIS_PREFIX);
  const schedule = keepSchedule(queue, producer, { pattern: config.SYNC_CRON, tz: config.SYNC_CRON_TZ, intervalMs: config.SYNC_SCHEDULE_CHECK_MS }, logger);
  await schedule.ready;

  const worker = createSyncWorker(
    workerConnection,
    { prefix: config.REDIS_PREFIX, concurrency: config.WORKER_CONCURRENCY, lockDurationMs: config.LOCK_DURATION_MS, stalledIntervalMs: config.STALLED_INTERVAL_MS },
    {
      getClient,
      state: new SyncState(stateConnection, config.REDIS_PREFIX),
      ledger,
      logger,
      settings: syncSettings(config),
      defaultAsOf: config.TANDEM_AS_OF,
      lockRetryMs: config.SYNC_LOCK_RETRY_MS,
      budgetRetryMs: config.BUDGET_RETRY_MS,
      onSummary: (summary) => metrics.observeRun(summary),
      onBudgetStop: () => metrics.observeBudgetStop()
    },
    logger
  );
  const poller =
    config.SYNC_REQUEST_POLL_MS > 0
      ? startPoller({ getClient, redis: stateConnection, prefix: config.REDIS_PREFIX, queue, ledger, logger, requestTimeoutMs: config.SYNC_REQUEST_TIMEOUT_MS }, config.SYNC_REQUEST_POLL_MS)
      : null;

  let freshness: Freshness | null = null;
  if (config.CHANGE_EVENTS === 'on') {
    freshness = new Freshness({
      getClient,
      redis: stateConnection,
      prefix: config.REDIS_PREFIX,
      state: new SyncState(stateConnection, config.REDIS_PREFIX),
      queue,
      logger,
      settings: { debounceMs: config.CHANGE_DEBOUNCE_MS, pollMs: config.CHANGE_POLL_MS },
      observer: freshnessMetrics(metrics.registry, () => freshness),
      ...(poller ? { syncRequests: poller } : {})
    });
    // In the background: an org that is not reachable yet must not hold up the API and the worker.
    void freshness.start();
  }

  let shuttingDown = false;
  let server: http.Server | null = null;
  if (!workerOnly) {
    const readiness = async (): Promise<Readiness> => ({
      redis: await producer.ping().then(
        (answer) => answer === 'PONG',
        () => false
      ),
      salesforce: await salesforceReachable(config.SF_LOGIN_URL),
      ...(freshness ? { changeEvents: freshness.healthy() } : {})
    });
    const app = createApp({ apiToken: config.API_TOKEN!, queue, metrics, logger, readiness, isShuttingDown: () => shuttingDown });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server!.listen(config.PORT, resolve));
    const address = server.address();
    logger.info({ port: typeof address === 'object' && address ? address.port : config.PORT }, 'API listening');
  }
  logger.info({ workerOnly, concurrency: config.WORKER_CONCURRENCY, cron: config.SYNC_CRON ?? null }, 'sync service started');

  return {
    async shutdown(signal: string) {
      if (shuttingDown) return;
      shuttingDown = true;
      logger.info({ signal }, 'shutting down');
      if (server) {
        const closing = server;
        await new Promise<void>((resolve) => closing.close(() => resolve()));
      }
      await poller?.stop();
      await freshness?.stop();
      schedule.stop();
      const deadline = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), config.SHUTDOWN_TIMEOUT_MS).unref());
      const closed = await Promise.race([worker.close().then(() => 'closed' as const), deadline]);
      if (closed === 'timeout') {
        logger.warn({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'jobs still running at the deadline: handing them back');
        await worker.close(true);
      }
      await queue.close();
      await Promise.all([producer.quit(), workerConnection.quit(), stateConnection.quit()].map((p) => p.catch(() => undefined)));
      logger.info('stopped');
      logger.flush();
    }
  };
}

if (require.main === module) {
  // The handlers go in before start() can log "sync service started" (it awaits first), so a
  // SIGTERM sent on seeing that line finds them. A signal during start-up stops the service
  // gracefully once start() has opened what it opens.
  const starting = start(process.argv.slice(2), process.env);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      starting.then((service) => service.shutdown(signal)).then(
        () => process.exit(0),
        () => process.exit(1)
      );
    });
  }
  starting.catch((error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  });
}
