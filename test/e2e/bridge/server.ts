import { build } from 'esbuild';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openableMediaFile } from '../../../src/main/core/media-path';
import { createRouter } from '../../../src/main/ipc/router';
import type { Services } from '../../../src/main/container';
import type { ErrorBody, Result } from '../../../src/shared/errors';
import { decode, encode } from './codec';

const here = fileURLToPath(new URL('.', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface Bridge {
  url: string;
  close(): Promise<void>;
}

async function clientBundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(here, 'client.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** A call the bridge cannot even read: answered with the same `{ ok: false, error }` envelope as the router's. */
class BadCall extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

const BODY_LIMIT = 40 * 1024 * 1024;

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Keep draining so the caller still gets the answer instead of a reset connection.
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit) {
    throw new BadCall(413, { code: 'INVALID_INPUT', message: `The request is larger than ${limit / 1024 / 1024} MB.` });
  }
  return Buffer.concat(chunks).toString('utf8');
}

function decodeArgs(text: string): unknown {
  try {
    return decode(text);
  } catch {
    // Bad JSON, bad base64, or nesting too deep for the parser.
    throw new BadCall(400, { code: 'INVALID_INPUT', message: 'The request body is not valid JSON for this call.' });
  }
}

function sendEnvelope(res: ServerResponse, status: number, result: Result<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(encode(result));
}

/**
 * Serves the built renderer on 127.0.0.1 with a `window.api` that forwards to the real services
 * through the same router the Electron IPC uses (validation, sender check, Result envelope).
 */
export async function startBridge(opts: { services: Services; rendererDir: string; port?: number }): Promise<Bridge> {
  const rendererDir = resolve(opts.rendererDir);
  const client = await clientBundle();
  const indexHtml = (await readFile(join(rendererDir, 'index.html'), 'utf8')).replace(
    /<script/,
    '<script src="/__bridge/client.js"></script>\n    <script',
  );
  let origin = '';
  const dispatch = createRouter({
    handlers: opts.services.handlers,
    isTrustedSender: (ctx) => ctx.senderUrl === origin,
    log: opts.services.log,
  });
  const streams = new Set<ServerResponse>();
  const unsubscribe = opts.services.events.onAny((event, payload) => {
    const line = `data: ${encode({ event, payload })}\n\n`;
    for (const s of streams) s.write(line);
  });

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      opts.services.log.error({ err: e }, 'bridge request failed');
      if (res.headersSent) return void res.end();
      if (e instanceof BadCall) return sendEnvelope(res, e.status, { ok: false, error: e.body });
      sendEnvelope(res, 500, {
        ok: false,
        error: { code: 'INTERNAL', message: 'Something went wrong inside Front Desk.' },
      });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'POST' && url.pathname.startsWith('/__bridge/call/')) {
      const channel = decodeURIComponent(url.pathname.slice('/__bridge/call/'.length));
      // The page's own origin, as a browser reports it; a foreign page gets FORBIDDEN.
      const sender = req.headers.origin ?? null;
      const args = decodeArgs(await readBody(req, BODY_LIMIT));
      sendEnvelope(res, 200, await dispatch(channel, args, { senderUrl: sender }));
      return;
    }
    if (url.pathname === '/__bridge/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === '/__bridge/client.js') {
      res.writeHead(200, { 'content-type': TYPES['.js']! }).end(client);
      return;
    }
    if (url.pathname.startsWith('/media/')) {
      const hit = await openableMediaFile(opts.services.ctx.paths.media, url.pathname.slice('/media/'.length));
      if (!hit) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': hit.type, 'cache-control': 'no-cache' });
      createReadStream(hit.file).pipe(res);
      return;
    }
    if (req.method !== 'GET') return void res.writeHead(405).end();
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    if (path === '/index.html') {
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(indexHtml);
      return;
    }
    const file = resolve(rendererDir, '.' + decodeURIComponent(path));
    const info = file.startsWith(rendererDir + sep) ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      // History-mode routes fall back to the app.
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(indexHtml);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    async close() {
      unsubscribe();
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
