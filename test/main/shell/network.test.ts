import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isInterceptedConnection } from '../../../src/main/altegio/intercepted';
import type { RateLimiter } from '../../../src/main/altegio/rate-limiter';
import { Transport } from '../../../src/main/altegio/transport';
import { createRouter } from '../../../src/main/ipc/router';
import { LANGUAGES, MESSAGES } from '../../../src/shared/i18n';
import { createBridgeServices } from '../../e2e/bridge/app-services';
import { memoryKeychain } from '../../e2e/bridge/memory-keychain';

/** Counts acquisitions: the transport must still wait for the shared limiter with an injected fetch. */
function countingLimiter() {
  const acquire = vi.fn(async () => undefined);
  return { limiter: { acquire } as unknown as RateLimiter, acquire };
}

function transport(fetch: typeof globalThis.fetch, extra: Partial<ConstructorParameters<typeof Transport>[0]> = {}) {
  const { limiter, acquire } = countingLimiter();
  const t = new Transport({
    baseUrl: 'https://api.alteg.io/api/v1',
    vendor: 'altegio',
    credentials: () => ({ partnerToken: 'p', userToken: null }),
    limiter,
    timeoutMs: 5_000,
    retries: 2,
    max429Retries: 0,
    sleep: async () => undefined,
    fetch,
    ...extra,
  });
  return { t, acquire };
}

describe('Altegio transport with an injected fetch (issue 20, item 2)', () => {
  it('sends through the injected fetch, with our AbortSignal, headers and the limiter', async () => {
    const fetch = vi.fn(
      async (_input: string | URL | Request, _init?: RequestInit) =>
        new Response(JSON.stringify({ success: true, data: [{ id: 1 }] }), { status: 200 }),
    );
    const { t, acquire } = transport(fetch as typeof globalThis.fetch);
    await expect(
      t.request({ method: 'GET', endpoint: 'GET /companies', path: '/companies', auth: 'user' }),
    ).resolves.toEqual([{ id: 1 }]);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [input, init] = fetch.mock.calls[0]!;
    expect(String(input)).toBe('https://api.alteg.io/api/v1/companies');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer p');
    expect(acquire).toHaveBeenCalledTimes(1);
  });

  it('keeps the timeout: a fetch that never answers is aborted by our signal and becomes OFFLINE (timeout)', async () => {
    const fetch = vi.fn(
      (_input: string | URL | Request, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
        ),
    );
    const { t, acquire } = transport(fetch as typeof globalThis.fetch, { timeoutMs: 20, retries: 1 });
    await expect(
      t.request({ method: 'GET', endpoint: 'GET /companies', path: '/companies', auth: 'user' }),
    ).rejects.toMatchObject({
      code: 'OFFLINE',
      details: { timeout: true },
    });
    expect(fetch).toHaveBeenCalledTimes(2); // one retry, each through the limiter
    expect(acquire).toHaveBeenCalledTimes(2);
  });

  it('a certificate error from Chromium (net.fetch) becomes the intercepted-connection sentence', async () => {
    const fetch = vi.fn(async () => {
      throw new Error('net::ERR_CERT_AUTHORITY_INVALID');
    });
    const { t } = transport(fetch as unknown as typeof globalThis.fetch);
    await expect(
      t.request({ method: 'GET', endpoint: 'GET /companies', path: '/companies', auth: 'user' }),
    ).rejects.toMatchObject({
      code: 'OFFLINE',
      details: { reason: 'intercepted' },
      message: expect.stringMatching(/antivirus.*proxy/),
    });
  });

  it('tells a TLS or proxy failure apart from "no internet"', () => {
    const nodeTls = new TypeError('fetch failed', {
      cause: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
    });
    expect(isInterceptedConnection(new Error('[GET] "x": <no response> fetch failed', { cause: nodeTls }))).toBe(true);
    expect(isInterceptedConnection(new Error('net::ERR_PROXY_CONNECTION_FAILED'))).toBe(true);
    expect(
      isInterceptedConnection(
        new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }),
      ),
    ).toBe(false);
    expect(isInterceptedConnection(new Error('net::ERR_INTERNET_DISCONNECTED'))).toBe(false);
  });
});

describe('the bridge behind an HTTPS-scanning antivirus (issue 20, item 2)', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // Stands in for an antivirus or proxy that answers for Altegio with its own certificate.
    const dir = join(import.meta.dirname, 'fixtures');
    server = createServer(
      { key: readFileSync(join(dir, 'self-signed.key')), cert: readFileSync(join(dir, 'self-signed.pem')) },
      (_req, res) => res.end('{"success":true,"data":{}}'),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('signing in over a connection with a certificate this PC does not trust names the likely cause', async () => {
    const services = await createBridgeServices({ altegioBaseUrl: url, keychainBackend: memoryKeychain() });
    try {
      const call = createRouter({ handlers: services.handlers, isTrustedSender: () => true, log: services.log });
      const res = (await call(
        'session.signIn',
        { environment: 'demo', login: 'demo@frontdesk.app', password: 'demo1234' },
        { senderUrl: 'test' },
      )) as {
        ok: boolean;
        error?: { code: string; message: string; details?: Record<string, unknown> };
      };
      expect(res.ok).toBe(false);
      expect(res.error).toMatchObject({ code: 'OFFLINE', details: { reason: 'intercepted' } });
      expect(res.error!.message).toMatch(/antivirus/);
      expect(res.error!.message).toMatch(/proxy/);
    } finally {
      await services.close();
    }
  });

  it('the sentence exists in all five desk languages, each its own translation', () => {
    const texts = LANGUAGES.map((l) => (MESSAGES[l] as Record<string, string>)['error.intercepted']);
    for (const text of texts) expect(text && text.length).toBeGreaterThan(60);
    expect(new Set(texts).size).toBe(LANGUAGES.length);
    expect(texts[0]).toMatch(/antivirus/);
  });
});
