import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkAuth, type AuthInfo } from './auth-check';
import { AvatarStudio } from './avatars';
import { AUTH_NEEDED, companyFail, DemoHttpError, fail, fileResponse, type DemoResponse } from './responses';
import { findRoute, pathKnown } from './routes';
import { buildSeedDataset } from './seed';
import type { DemoRequest, DemoState, Received } from './state';
import type { DemoDataset } from './types';

export const API_PREFIX = '/api/v1';

/** One request as a test's interceptor sees it, before the route answers. */
export interface DemoCall {
  req: IncomingMessage;
  url: URL;
  isApi: boolean;
  /** Path under the API base, e.g. /staff/410001 (the whole path for picture files). */
  apiPath: string;
  auth: AuthInfo;
  /** The route answers errors in Altegio's company-endpoint shape. */
  companyErrors: boolean;
  /** Holds the answer for `ms` (released early when the server stops). */
  hold(ms: number): Promise<void>;
}

/**
 * A test's hook around every request: fault injection and request recording live in test support
 * (test/support/demo), so the installed app ships neither. `answer` replaces the route's answer;
 * `change` alters the answer the route gave.
 */
export type DemoIntercept = (
  call: DemoCall,
) => Promise<{ answer?: DemoResponse; change?: (r: DemoResponse) => DemoResponse | Promise<DemoResponse> } | null>;

export interface DemoServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  dataset?: DemoDataset;
  now?: () => Date;
  intercept?: DemoIntercept;
}

export interface DemoServer {
  /** Base URL of the API, no trailing slash: http://127.0.0.1:PORT/api/v1 */
  url: string;
  received: Received;
  dataset: DemoDataset;
  /** Stops listening and drops open connections; state is kept. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, r: DemoResponse): void {
  if (res.destroyed || res.headersSent) return;
  if (r.drop) {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = { ...r.headers };
  let body: Buffer | string = '';
  if (r.raw) {
    body = r.raw.body;
    headers['Content-Type'] = r.raw.type;
  } else if (r.json !== undefined) {
    body = JSON.stringify(r.json);
    headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  res.writeHead(r.status, headers);
  res.end(body);
}

/**
 * A local Altegio-compatible API with a sample salon chain, for the app's Demo mode and for tests.
 * Checks tokens like the real API, parses real multipart uploads and serves pictures; tests make it
 * misbehave through `intercept`.
 */
export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const now = opts.now ?? (() => new Date());
  const dataset = opts.dataset ?? buildSeedDataset(now());
  const received: Received = { uploads: [], deletes: [] };
  const imageGroups = new Set(
    dataset.locations.flatMap((l) => l.staff.flatMap((m) => (m.photo ? [m.photo.imageGroupId] : []))),
  );
  const state: DemoState = {
    dataset,
    received,
    files: new Map(),
    imageGroups,
    nextImageGroupId: Math.max(90_000, ...imageGroups) + 1,
    now,
  };
  const avatars = new AvatarStudio(() => state.dataset);
  // Held (slow) answers, released early when the server stops.
  const held = new Map<NodeJS.Timeout, () => void>();
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        held.delete(t);
        resolve();
      }, ms);
      t.unref();
      held.set(t, resolve);
    });

  async function answer(req: IncomingMessage, url: URL): Promise<DemoResponse> {
    const method = req.method ?? 'GET';
    const isApi = url.pathname.startsWith(`${API_PREFIX}/`);
    const auth = checkAuth(req.headers.authorization, dataset);
    const apiPath = isApi ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const found = isApi ? findRoute(method, apiPath) : null;
    const hook = opts.intercept
      ? await opts.intercept({
          req,
          url,
          isApi,
          apiPath,
          auth,
          companyErrors: found?.route.companyErrors ?? false,
          hold: delay,
        })
      : null;
    if (hook?.answer) return hook.answer;

    if (!isApi) {
      if (method !== 'GET' && method !== 'HEAD') return fail(405, null);
      const file = state.files.get(url.pathname) ?? (await avatars.render(url.pathname));
      return file
        ? fileResponse(file.bytes, file.type)
        : { status: 404, raw: { body: 'Not found', type: 'text/plain' } };
    }
    if (!found) return fail(pathKnown(apiPath) ? 405 : 404, null);
    const { route, params } = found;
    const unauthorized = route.companyErrors ? companyFail(401, AUTH_NEEDED) : fail(401, AUTH_NEEDED);
    if (!auth.partnerOk) return unauthorized;
    if (route.access === 'user' && !auth.user) return unauthorized;

    let body: Promise<Buffer> | null = null;
    const demoReq: DemoRequest = {
      method,
      url,
      path: apiPath,
      params,
      headers: req.headers,
      auth,
      origin: url.origin,
      async request() {
        body ??= readBody(req);
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
        return new Request(url, { method, headers, ...(method === 'GET' ? {} : { body: new Uint8Array(await body) }) });
      },
    };
    let r: DemoResponse;
    try {
      r = await route.handler(demoReq, state);
    } catch (e) {
      if (e instanceof DemoHttpError) return e.response;
      throw e;
    }
    return hook?.change ? hook.change(r) : r;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    answer(req, url).then(
      (r) => send(res, r),
      (e: unknown) => {
        console.error('[demo server]', e);
        send(res, fail(500, 'Internal Server Error'));
      },
    );
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const port = await listen(opts.port ?? 0);
  let listening = true;

  async function stop(): Promise<void> {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    for (const [t, release] of held) {
      clearTimeout(t);
      release();
    }
    held.clear();
    await closed;
  }

  return {
    url: `http://127.0.0.1:${port}${API_PREFIX}`,
    received,
    dataset,
    stop,
    async restart() {
      if (listening) return;
      await listen(port);
      listening = true;
    },
    close: stop,
  };
}
