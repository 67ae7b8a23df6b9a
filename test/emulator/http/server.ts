// The emulator's HTTP server: routes requests, authenticates and charges data API calls, adds
// Sforce-Limit-Info, applies faults, and turns thrown SfErrors into Salesforce error bodies.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SfError } from '../errors';
import { corruptJson, type FaultDecision } from '../faults';
import type { Org, Session } from '../org';
import { errorReply, json, type Reply, type RequestContext, type Route, type RouteKind } from './router';

/** Salesforce retired versions 21.0 to 30.0 in Summer '25; 31.0 is the oldest an org still answers. */
export const MIN_API_VERSION = 31;
export const MAX_API_VERSION = 64;
const DATA_PATH = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/;
const ASYNC_PATH = /^\/services\/async\/(\d+\.\d)(\/.*)?$/;

export interface RunningServer {
  server: http.Server;
  port: number;
  close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function failure(error: unknown, ctx: RequestContext, route: Route): Reply {
  if (error instanceof SfError) return route.errorReply ? route.errorReply(error, ctx) : errorReply(error);
  process.stderr.write(`[org emulator] internal error: ${(error as Error).stack ?? String(error)}\n`);
  return json(500, [{ message: `An unexpected error occurred: ${(error as Error).message}`, errorCode: 'UNKNOWN_EXCEPTION' }]);
}

/**
 * Runs one request through the router. `internal` requests (composite subrequests) reuse the
 * caller's session and are neither charged nor faulted.
 */
export async function dispatch(
  org: Org,
  method: string,
  url: URL,
  headers: http.IncomingHttpHeaders,
  body: Buffer,
  internal: { session: Session } | null,
  faults: FaultDecision | null
): Promise<Reply> {
  const data = DATA_PATH.exec(url.pathname);
  const bulkV1 = data ? null : ASYNC_PATH.exec(url.pathname);
  const versioned = data ?? bulkV1;
  const kind: RouteKind = data ? 'data' : bulkV1 ? 'async' : 'public';
  const version = versioned ? versioned[1]! : '';
  const path = versioned ? (versioned[2] ?? '/') : url.pathname;
  if (versioned && (Number(version) < MIN_API_VERSION || Number(version) > MAX_API_VERSION)) {
    return json(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  }
  const matched = org.router.match(kind, method, path);
  if (matched === null) return json(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  if (matched === 'method') {
    return json(405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed for ${path}` }]);
  }
  const ctx: RequestContext = {
    org,
    method,
    url,
    params: matched.params,
    headers,
    body,
    version,
    session: internal?.session ?? null,
    base: `/services/data/v${version}`
  };
  try {
    if (matched.route.kind === 'async') {
      ctx.session = org.authenticate(headers['x-sfdc-session'] as string | undefined);
      org.chargeApiCalls(matched.route.cost ? matched.route.cost(ctx) : 1);
    }
    if (matched.route.kind === 'data' && !internal) {
      ctx.session = org.authenticate(headers.authorization);
      if (faults?.expire) {
        org.expireSession(ctx.session.token);
        throw new SfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
      }
      if (faults?.latencyMs) await sleep(faults.latencyMs);
      if (faults?.error === 503) throw new SfError(503, 'SERVER_UNAVAILABLE', 'Server temporarily unavailable; please retry later');
      if (faults?.error === 500) throw new SfError(500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-123456789)');
      // Salesforce's wording for too many long-running requests at once; not charged to the daily budget.
      if (faults?.concurrentLimit) throw new SfError(403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.');
      org.chargeApiCalls(matched.route.cost ? matched.route.cost(ctx) : 1);
    }
    const client = /client=([^,;]+)/.exec(String(headers['sforce-call-options'] ?? ''))?.[1];
    org.store.changes.origin = data ? `com/salesforce/api/rest/${version}${client ? `;client=${client}` : ''}` : null;
    return await matched.route.handle(ctx);
  } catch (error) {
    return failure(error, ctx, matched.route);
  }
}

export function startServer(org: Org, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    if (org.rawHandlers.some((handle) => handle(req, res))) return;
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', org.instanceUrl || `http://${host}`);
      const isData = DATA_PATH.test(url.pathname) && url.pathname.split('/').length > 4;
      const faults = isData && org.faults ? org.faults.next() : null;
      const reply = await dispatch(org, req.method ?? 'GET', url, req.headers, body, null, faults);
      const headers: Record<string, string> = { ...(reply.headers ?? {}) };
      if (DATA_PATH.test(url.pathname)) headers['Sforce-Limit-Info'] = org.limitInfoHeader();
      // The org's clock, as Salesforce's Date header is the clock that stamps SystemModstamp.
      headers.Date = new Date(org.store.clock.now()).toUTCString();
      let payload = reply.body ?? '';
      if (faults && reply.json && typeof payload === 'string') {
        if (faults.wrongType) payload = corruptJson(payload);
        if (faults.truncate) payload = payload.slice(0, Math.floor(payload.length / 2));
      }
      const buffer = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
      if (faults?.drop) {
        // A CSV download (a Bulk results page) loses its connection halfway through the body; any
        // other answer is lost before it starts.
        if (/^text\/csv/.test(headers['Content-Type'] ?? '') && buffer.length > 1) {
          res.writeHead(reply.status, { ...headers, 'Content-Length': String(buffer.length) });
          res.write(buffer.subarray(0, Math.floor(buffer.length / 2)), () => req.socket.destroy());
          return;
        }
        req.socket.destroy();
        return;
      }
      if (reply.status !== 204) headers['Content-Length'] = String(buffer.length);
      res.writeHead(reply.status, headers);
      res.end(reply.status === 204 ? undefined : buffer);
    })().catch((error: unknown) => {
      process.stderr.write(`[org emulator] ${(error as Error).stack ?? String(error)}\n`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end();
    });
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({
        server,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            for (const hook of org.closeHooks) hook();
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          })
      });
    });
  });
}
