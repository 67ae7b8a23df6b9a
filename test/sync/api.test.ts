// The HTTP API with supertest: which routes need the token, how bad requests are answered, and
// that sync requests become deduplicated jobs in the queue (a real BullMQ queue, no worker).
import request from 'supertest';
import type { Express } from 'express';
import pino from 'pino';
import { createApp, type Readiness } from '../../sync-service/src/api/app';
import { createServiceMetrics } from '../../sync-service/src/api/serviceMetrics';
import { tokenMatches } from '../../sync-service/src/api/auth';
import { createSyncQueue, type SyncQueue } from '../../sync-service/src/queue/queue';
import { testRedis, uniquePrefix } from './support';

const TOKEN = 'test-token-0123456789abcdef';
const ACCOUNT_15 = '001Dg0000000001';
const ACCOUNT_18 = '001Dg0000000001IAA';

describe('HTTP API', () => {
  const redis = testRedis();
  let queue: SyncQueue;
  let app: Express;
  let readiness: Readiness = { redis: true, salesforce: true };
  let shuttingDown = false;
  const prefix = uniquePrefix('api');

  beforeAll(() => {
    queue = createSyncQueue(redis, { prefix, attempts: 2, backoffMs: 1000 });
    app = createApp({
      apiToken: TOKEN,
      queue,
      metrics: createServiceMetrics(queue, false),
      logger: pino({ level: 'silent' }),
      readiness: async () => readiness,
      isShuttingDown: () => shuttingDown
    });
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  });

  const auth = { Authorization: `Bearer ${TOKEN}` };

  it('answers health and metrics without a token', async () => {
    await request(app).get('/healthz').expect(200, { status: 'ok' });
    const metrics = await request(app).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/tandem_sync_jobs\{state="waiting"\} \d+/);
    expect(metrics.headers['x-content-type-options']).toBe('nosniff');
  });

  it('is ready only when Redis and Salesforce answer, and not while shutting down', async () => {
    await request(app).get('/readyz').expect(200);
    readiness = { redis: true, salesforce: false };
    const down = await request(app).get('/readyz').expect(503);
    expect(down.body.checks).toEqual({ redis: true, salesforce: false });
    // A change event subscription that is down (live freshness on) makes the process not ready.
    readiness = { redis: true, salesforce: true, changeEvents: false };
    const broken = await request(app).get('/readyz').expect(503);
    expect(broken.body.checks).toEqual({ redis: true, salesforce: true, changeEvents: false });
    readiness = { redis: true, salesforce: true, changeEvents: true };
    await request(app).get('/readyz').expect(200);
    readiness = { redis: true, salesforce: true };
    shuttingDown = true;
    await request(app).get('/readyz').expect(503);
    shuttingDown = false;
  });

  it.each([
    ['POST', '/api/sync'],
    ['GET', '/api/jobs/1'],
    ['GET', '/admin/queues']
  ])('%s %s needs the bearer token', async (method, path) => {
    const call = () => (method === 'POST' ? request(app).post(path).send({ mode: 'full' }) : request(app).get(path));
    const missing = await call().expect(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    await call().set('Authorization', 'Bearer wrong-token-wrong-token').expect(401);
    await call().set('Authorization', `Basic ${TOKEN}`).expect(401);
    await call().set('Authorization', `Bearer ${TOKEN}x`).expect(401);
  });

  it('compares tokens whatever their length', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches('', TOKEN)).toBe(false);
    expect(tokenMatches(`${TOKEN}${TOKEN}`, TOKEN)).toBe(false);
  });

  it('serves the queue board with the token', async () => {
    const board = await request(app).get('/admin/queues').set(auth).expect(200);
    expect(board.text).toMatch(/<html/i);
  });

  it.each([
    [{}, 'mode'],
    [{ mode: 'everything' }, 'mode'],
    [{ mode: 'account' }, 'accountIds'],
    [{ mode: 'account', accountIds: [] }, 'accountIds'],
    [{ mode: 'account', accountIds: ["001' OR Id != '"] }, 'accountIds.0'],
    [{ mode: 'full', accountIds: [ACCOUNT_18] }, 'accountIds'],
    [{ mode: 'full', force: true }, 'force']
  ])('answers 400 naming the field for %j', async (body, field) => {
    const response = await request(app).post('/api/sync').set(auth).send(body).expect(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(response.body.message).toContain(field);
  });

  it('answers 400 to a body that is not JSON and 413 to a body too large', async () => {
    const bad = await request(app).post('/api/sync').set(auth).set('Content-Type', 'application/json').send('{"mode": ').expect(400);
    expect(bad.body.error).toBe('invalid_json');
    const huge = { mode: 'account', accountIds: Array.from({ length: 2000 }, () => ACCOUNT_18) };
    await request(app).post('/api/sync').set(auth).send(huge).expect(413);
  });

  it('queues a sync and answers 202 with the job id; a second request for the same run gets the same job', async () => {
    const first = await request(app).post('/api/sync').set(auth).send({ mode: 'full' }).expect(202);
    const second = await request(app).post('/api/sync').set(auth).send({ mode: 'full' }).expect(202);
    expect(first.body.jobId).toEqual(expect.any(String));
    expect(second.body.jobId).toBe(first.body.jobId);
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });

    const status = await request(app).get(`/api/jobs/${first.body.jobId}`).set(auth).expect(200);
    expect(status.body).toMatchObject({ id: first.body.jobId, state: 'waiting', data: { mode: 'full' }, result: null, failures: [] });
  });

  it('queues one job per account, with 15-character ids widened to 18', async () => {
    const response = await request(app).post('/api/sync').set(auth).send({ mode: 'account', accountIds: [ACCOUNT_15, ACCOUNT_18] }).expect(202);
    expect(response.body.jobIds).toHaveLength(1);
    const job = await queue.getJob(response.body.jobId);
    expect(job?.data).toEqual({ mode: 'account', accountId: ACCOUNT_18 });
  });

  it('answers 404 for an unknown job and 400 for a malformed job id', async () => {
    await request(app).get('/api/jobs/999999').set(auth).expect(404);
    await request(app).get(`/api/jobs/${encodeURIComponent('a b')}`).set(auth).expect(400);
  });

  it('answers 404 as JSON for unknown routes', async () => {
    const response = await request(app).get('/nothing-here').expect(404);
    expect(response.body.error).toBe('not_found');
  });
});
