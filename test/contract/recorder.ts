import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  /** Path and query as the client sent them. */
  path: string;
  status: number;
  /** Prism's `sl-violations` header, parsed (empty when none). */
  violations: Violation[];
  body: string;
  contentType: string | null;
}

export interface Violation {
  location?: string[];
  code?: string | number;
  message?: string;
  severity?: string;
}

export interface Recorder {
  url: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

/**
 * A transparent HTTP hop between the client and Prism that keeps every exchange, so a test can say
 * which request broke the description, and how. `rewrite` lets a test setup (never the product)
 * adapt a request the description cannot express; each use is an entry in exceptions.json.
 */
export async function startRecorder(target: string, rewrite?: (path: string) => string): Promise<Recorder> {
  const exchanges: Exchange[] = [];
  const base = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const sent = req.url ?? '/';
      const path = base.pathname.replace(/\/$/, '') + (rewrite ? rewrite(sent) : sent);
      const headers: IncomingHttpHeaders = { ...req.headers, host: base.host };
      const up = httpRequest({ host: base.hostname, port: base.port, method: req.method, path, headers }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          const text = Buffer.concat(body).toString('utf8');
          const raw = answer.headers['sl-violations'];
          let violations: Violation[] = [];
          try {
            violations = typeof raw === 'string' ? (JSON.parse(raw) as Violation[]) : [];
          } catch {
            violations = [{ message: String(raw) }];
          }
          exchanges.push({
            method: req.method ?? 'GET',
            path: sent,
            status: answer.statusCode ?? 0,
            violations,
            body: text,
            contentType: answer.headers['content-type'] ?? null,
          });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(body));
        });
      });
      up.on('error', () => res.socket?.destroy());
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
