// The HTTP API: health, readiness, Prometheus metrics, sync triggers, job status and the queue
// board. Everything but health and metrics needs the bearer token.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type ErrorRequestHandler, type Express } from 'express';
import helmet from 'helmet';
import { z } from 'zod';
import type { Logger } from '../logger';
import { enqueueSync, type SyncQueue } from '../queue/queue';
import { isSalesforceId, toId18 } from '../salesforce/soql';
import { requireBearer } from './auth';
import type { ServiceMetrics } from './serviceMetrics';

export interface Readiness {
  redis: boolean;
  salesforce: boolean;
  /** Every change event channel subscribed or polled (absent when live freshness is off). */
  changeEvents?: boolean;
}

export interface ApiDeps {
  apiToken: string;
  queue: SyncQueue;
  metrics: ServiceMetrics;
  logger: Logger;
  readiness(): Promise<Readiness>;
  isShuttingDown(): boolean;
}

const MAX_ACCOUNTS = 200;

export const syncBody = z
  .object({
    mode: z.enum(['full', 'incremental', 'account']),
    accountIds: z
      .array(z.string().refine(isSalesforceId, 'expected a 15- or 18-character Salesforce id'))
      .min(1, 'expected at least one account id')
      .max(MAX_ACCOUNTS, `expected at most ${MAX_ACCOUNTS} account ids`)
      .optional()
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.mode === 'account' && !body.accountIds) ctx.addIssue({ code: 'custom', path: ['accountIds'], message: 'required for mode account' });
    if (body.mode !== 'account' && body.accountIds) ctx.addIssue({ code: 'custom', path: ['accountIds'], message: 'only allowed with mode account' });
  });

function validationError(error: z.ZodError): { error: string; message: string; fields: Array<{ field: string; message: string }> } {
  const fields = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(body)',
    message: issue.message
  }));
  return { error: 'invalid_request', message: fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields };
}

export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    if (deps.isShuttingDown()) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    const checks = await deps.readiness();
    const ready = checks.redis && checks.salesforce && checks.changeEvents !== false;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });

  app.get('/metrics', async (_req, res) => {
    res.set('Content-Type', deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  const auth = requireBearer(deps.apiToken);
  app.use('/api', auth, express.json({ limit: '16kb' }));

  app.post('/api/sync', async (req, res) => {
    const parsed = syncBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json(validationError(parsed.error));
      return;
    }
    const { mode, accountIds } = parsed.data;
    const jobs =
      mode === 'account'
        ? await Promise.all([...new Set(accountIds!.map(toId18))].map((accountId) => enqueueSync(deps.queue, { mode, accountId })))
        : [await enqueueSync(deps.queue, { mode })];
    const jobIds = jobs.map((job) => job.id);
    res.status(202).json({ jobId: jobIds[0], jobIds });
  });

  app.get('/api/jobs/:id', async (req, res) => {
    const id = req.params.id;
    if (!/^[A-Za-z0-9:_-]{1,200}$/.test(id)) {
      res.status(400).json({ error: 'invalid_request', message: 'id: expected a job id', fields: [{ field: 'id', message: 'expected a job id' }] });
      return;
    }
    const job = await deps.queue.getJob(id);
    if (!job) {
      res.status(404).json({ error: 'not_found', message: `no job ${id}` });
      return;
    }
    const result = job.returnvalue as { failures?: unknown[] } | null;
    res.json({
      id: job.id,
      state: await job.getState(),
      data: job.data,
      progress: job.progress,
      attemptsMade: job.attemptsMade,
      result: result ?? null,
      failures: result?.failures ?? [],
      failedReason: job.failedReason ?? null,
      createdAt: new Date(job.timestamp).toISOString(),
      processedAt: job.processedOn ? new Date(job.processedOn).toISOString() : null,
      finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null
    });
  });

  const board = new ExpressAdapter();
  board.setBasePath('/admin/queues');
  createBullBoard({ queues: [new BullMQAdapter(deps.queue)], serverAdapter: board });
  app.use('/admin/queues', auth, board.getRouter());

  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found', message: 'no such route' });
  });

  const errors: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, _req, res, _next) => {
    if (error.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'invalid_json', message: 'the body is not valid JSON' });
      return;
    }
    if (error.type === 'entity.too.large') {
      res.status(413).json({ error: 'too_large', message: 'the body is larger than 16kb' });
      return;
    }
    if (error.status && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({ error: 'invalid_request', message: error.message ?? 'bad request' });
      return;
    }
    deps.logger.error({ err: error }, 'request failed');
    res.status(500).json({ error: 'internal', message: 'internal error' });
  };
  app.use(errors);
  return app;
}
