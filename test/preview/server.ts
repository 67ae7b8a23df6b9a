// Serves the preview: the page, the compiled bundle, SLDS assets, and /services/* proxied to the
// org with the server's own session, so the browser never holds a Salesforce token.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { BUILD_DIR } from './build';

const SLDS_ASSETS = path.join(path.dirname(require.resolve('@salesforce-ux/design-system/package.json')), 'assets');
const PAGE_FILE = path.join(__dirname, 'app', 'index.html');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json'
};

export interface OrgSession {
  instanceUrl: string;
  accessToken: string;
  /** The session's user, served to the page as @salesforce/user/Id. */
  userId?: string;
}

export interface SessionSource {
  current(): Promise<OrgSession>;
  renew(): Promise<OrgSession>;
}

export interface PreviewServerOptions {
  port?: number;
  /** The org to read and write, as the page's default user. */
  session: SessionSource;
  /**
   * Other users of the org the page may act as (`?as=<name>`): their requests arrive under
   * /as/<name>/services/* and go to the org with that user's own session.
   */
  users?: Record<string, SessionSource>;
  /** The org's TODAY() (YYYY-MM-DD): the page's clock shows this date, as the org's formulas do. */
  today?: string;
  /** The sync service: its queue board is served at /admin/queues with the service's token added. */
  service?: { url: string; apiToken: string };
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

function sendFile(res: http.ServerResponse, file: string): void {
  fs.readFile(file, (error, content) => {
    if (error) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(content);
  });
}

/** A path under root, or undefined when the request tries to leave it. */
function within(root: string, relative: string): string | undefined {
  const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}

function forward(req: http.IncomingMessage, url: string, body: Buffer | undefined, target: { url: string; token: string }): Promise<Response> {
  return fetch(new URL(url, target.url), {
    method: req.method,
    redirect: 'manual',
    headers: {
      Authorization: `Bearer ${target.token}`,
      'Content-Type': req.headers['content-type'] ?? 'application/json',
      'Accept-Language': req.headers['accept-language'] ?? 'en-US'
    },
    body
  });
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

async function relay(upstream: Response, res: http.ServerResponse): Promise<void> {
  const headers: Record<string, string> = { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' };
  const location = upstream.headers.get('location');
  if (location) headers.Location = location;
  res.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
}

/** /services/* to the org with the given session, renewed once when the org answers 401. */
async function proxyToOrg(req: http.IncomingMessage, res: http.ServerResponse, source: SessionSource, url: string): Promise<void> {
  const body = await readBody(req);
  const toOrg = (session: OrgSession) => ({ url: session.instanceUrl, token: session.accessToken });
  let upstream = await forward(req, url, body, toOrg(await source.current()));
  if (upstream.status === 401) {
    upstream = await forward(req, url, body, toOrg(await source.renew()));
  }
  await relay(upstream, res);
}

/** /as/<user>/services/… → the user and the org path; undefined for any other path. */
export function userRoute(pathname: string): { user: string; rest: string } | undefined {
  const match = /^\/as\/([a-z][a-z0-9_-]*)(\/services\/.*)$/.exec(pathname);
  return match ? { user: match[1]!, rest: match[2]! } : undefined;
}

/**
 * What the page learns before its bundle loads: the default user's id, every other user's id (a
 * user whose login fails is left out) and the org's today.
 */
async function sessionScript(options: PreviewServerOptions): Promise<string> {
  const idOf = (source: SessionSource) => source.current().then((session) => session.userId ?? '', () => undefined);
  const users: Record<string, string> = {};
  await Promise.all(
    Object.entries(options.users ?? {}).map(async ([name, source]) => {
      const id = await idOf(source);
      if (id !== undefined) users[name] = id;
    })
  );
  const settings = { userId: (await idOf(options.session)) ?? '', users, today: options.today };
  return `window.__tandemPreviewSession = ${JSON.stringify(settings)};`;
}

export function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://preview').pathname;
    const service = options.service;
    if (service && (pathname === '/admin/queues' || pathname.startsWith('/admin/queues/'))) {
      readBody(req)
        .then((body) => forward(req, req.url ?? '/', body, { url: service.url, token: service.apiToken }))
        .then((upstream) => relay(upstream, res))
        .catch((error: unknown) => res.writeHead(502, { 'Content-Type': 'text/plain' }).end(`sync service unreachable: ${(error as Error).message}`));
      return;
    }
    const asUser = userRoute(pathname);
    const userSource = asUser ? options.users?.[asUser.user] : undefined;
    if (asUser && !userSource) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify([{ errorCode: 'PREVIEW_NO_SUCH_USER', message: `the preview has no user ${asUser.user}` }]));
      return;
    }
    if (pathname.startsWith('/services/') || userSource) {
      const source = userSource ?? options.session;
      const url = asUser ? (req.url ?? '/').slice(`/as/${asUser.user}`.length) : (req.url ?? '/');
      proxyToOrg(req, res, source, url).catch((error: unknown) => {
          res.writeHead(502, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify([{ errorCode: 'PREVIEW_PROXY', message: `org unreachable: ${(error as Error).message}` }]));
        });
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (pathname === '/') {
      sendFile(res, PAGE_FILE);
      return;
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (pathname === '/preview-session.js') {
      sessionScript(options).then(
        (script) => res.writeHead(200, { 'Content-Type': CONTENT_TYPES['.js']!, 'Cache-Control': 'no-store' }).end(script),
        () => res.writeHead(200, { 'Content-Type': CONTENT_TYPES['.js']! }).end('window.__tandemPreviewSession = {};')
      );
      return;
    }
    const file = pathname.startsWith('/assets/')
      ? within(SLDS_ASSETS, pathname.slice('/assets/'.length))
      : within(BUILD_DIR, pathname.slice(1));
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    sendFile(res, file);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          })
      });
    });
  });
}
