import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkAuth } from './auth-check';
import { AvatarStudio } from './avatars';
import { breakTypes, faultResponse } from './fault-responses';
import { FaultController } from './faults';
import { AUTH_NEEDED, companyFail, DemoHttpError, fail, fileResponse, type DemoResponse } from './responses';
import { findRoute, pathKnown } from './routes';
import { buildSeedDataset } from './seed';
import type { DemoRequest, DemoState, Received } from './state';
import type { DemoDataset } from './types';

export const API_PREFIX = '/api/v1';

export interface DemoServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  dataset?: DemoDataset;
  now?: () => Date;
}

export interface DemoServer {
  /** Base URL of the API, no trailing slash: http://127.0.0.1:PORT/api/v1 */
  url: string;
  faults: FaultController;
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
 * Checks tokens like the real API, parses real multipart uploads, serves pictures, and can be told
 * to misbehave (faults) in the ways the real API does.
 */
export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const now = opts.now ?? (() => new Date());
  const dataset = opts.dataset ?? buildSeedDataset(now());
  const faults = new FaultController();
  const received: Received = { uploads: [], deletes: [], requests: [] };
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
    received.requests.push({
      method,
      path: url.pathname + url.search,
      at: Date.now(),
      auth: auth.kind,
      userId: auth.user?.id ?? null,
      accept: req.headers.accept ?? null,
      contentType: req.headers['content-type'] ?? null,
    });
    const apiPath = isApi ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const found = isApi ? findRoute(method, apiPath) : null;
    const fault = faults.take(url.pathname + url.search, isApi);
    if (fault) {
      const r = faultResponse(fault, apiPath, found?.route.companyErrors ?? false);
      if (r) return r;
      if (fault.mode === 'slow') await delay(fault.delayMs ?? 3000);
    }

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
    if (fault?.mode === 'wrongType' && r.json !== undefined && r.status < 300)
      return { ...r, json: breakTypes(r.json) };
    if (fault?.mode === 'dropAfterAccept') return { ...r, drop: true };
    return r;
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
    faults,
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
