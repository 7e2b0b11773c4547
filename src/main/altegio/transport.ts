import { createFetch, ofetch, type $Fetch } from 'ofetch';
import { AppError } from '../../shared/errors';
import { mapAltegioError, offline, unexpectedAnswer, unsuccessfulAnswer, type ErrorContext } from './errors';
import { interceptedConnection, isInterceptedConnection } from './intercepted';
import { realSleep, type Lane, type RateLimiter } from './rate-limiter';
import { envelopeSchema } from './schemas';
import type { Credentials, Vendor } from './types';

/**
 * The vendor type first (Altegio's description requires it), then `application/json`: the description
 * declares only `application/json` answers, so a server that negotiates by it (Prism answers 406 to
 * the vendor type alone) still finds a match. See docs/architecture.md, "The Accept header".
 */
export const ACCEPT: Record<Vendor, string> = {
  altegio: 'application/vnd.api.v2+json, application/json',
  yclients: 'application/vnd.yclients.v2+json, application/json',
};

export interface TransportOptions {
  baseUrl: string;
  vendor: Vendor;
  credentials: () => Credentials | Promise<Credentials>;
  limiter: RateLimiter;
  /** Whose wait the requests of this transport are (see Lane); background when absent. */
  lane?: Lane | undefined;
  timeoutMs: number;
  retries: number;
  max429Retries: number;
  onUnauthorized?: ((message: string) => void) | undefined;
  onConnectivity?: ((online: boolean) => void) | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
  /**
   * The fetch to send with. The Electron shell passes Electron's net.fetch (Chromium's network
   * stack: the system proxy and the OS certificate store); the bridge and tests use Node's.
   * Timeouts, cancellation (our AbortSignal), retries and the limiter stay ours either way.
   */
  fetch?: typeof globalThis.fetch | undefined;
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Template for messages and logs, e.g. "GET /staff/{id}". Never holds ids, phones or tokens. */
  endpoint: string;
  /** Path under the base URL, e.g. "/staff/123". */
  path: string;
  query?: Record<string, string | number | number[] | undefined>;
  body?: Record<string, unknown> | FormData;
  /** `partner`: the partner token alone (POST /auth); `user`: both tokens when a user is signed in. */
  auth: 'partner' | 'user';
  /** The analytics chart endpoints answer a bare JSON array, without the success/data envelope. */
  bare?: boolean;
}

type Outcome =
  | { kind: 'response'; status: number; headers: Headers; data: unknown }
  | { kind: 'network'; timedOut: boolean; intercepted: boolean };

const MAX_BACKOFF_MS = 8_000;
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Sends requests to Altegio: headers, rate limit, timeout, bounded retries, error mapping,
 * envelope checks. Knows nothing about individual endpoints; the client does.
 */
export class Transport {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly $fetch: $Fetch;
  readonly origin: string;

  constructor(private readonly opts: TransportOptions) {
    this.sleep = opts.sleep ?? realSleep;
    this.random = opts.random ?? Math.random;
    this.$fetch = opts.fetch ? createFetch({ fetch: opts.fetch }) : ofetch;
    this.origin = new URL(opts.baseUrl).origin;
  }

  /** Exponential backoff with jitter: 0.5–1 × 400 ms × 2^attempt, capped. */
  private backoff(attempt: number): number {
    const base = Math.min(MAX_BACKOFF_MS, 400 * 2 ** attempt);
    return Math.round(base * (0.5 + this.random() * 0.5));
  }

  private async authorization(kind: ApiRequest['auth']): Promise<string> {
    const c = await this.opts.credentials();
    return kind === 'user' && c.userToken
      ? `Bearer ${c.partnerToken}, User ${c.userToken}`
      : `Bearer ${c.partnerToken}`;
  }

  private async once(
    url: string,
    init: { method: string; headers: Record<string, string>; body?: unknown; query?: ApiRequest['query'] },
    responseType: 'text' | 'arrayBuffer',
  ): Promise<Outcome> {
    try {
      const res = await this.$fetch.raw(url, {
        method: init.method,
        headers: init.headers,
        body: init.body as FormData | Record<string, unknown> | undefined,
        query: init.query,
        responseType,
        retry: 0,
        ignoreResponseError: true,
        // Our own signal so the deadline also covers reading the body.
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      return { kind: 'response', status: res.status, headers: res.headers, data: res._data };
    } catch (e) {
      const err = e as { name?: string; cause?: { name?: string } };
      const timedOut = err.name === 'TimeoutError' || err.cause?.name === 'TimeoutError';
      return { kind: 'network', timedOut, intercepted: !timedOut && isInterceptedConnection(e) };
    }
  }

  /** Seconds from a Retry-After header (number or HTTP date), as ms; null when absent or unusable. */
  private retryAfter(headers: Headers): number | null {
    const value = headers.get('retry-after');
    if (!value) return null;
    const secs = Number(value);
    const ms = Number.isFinite(secs) ? secs * 1000 : Date.parse(value) - Date.now();
    return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : null;
  }

  /**
   * One logical request with its retries. GETs are retried on network errors and 5xx; any method
   * is retried on 429 (the server did not act on it). Every attempt waits for the shared limiter.
   */
  private async exchange(
    ctx: ErrorContext,
    idempotent: boolean,
    limited: boolean,
    send: () => Promise<Outcome>,
  ): Promise<{ status: number; data: unknown }> {
    let failures = 0;
    let throttled = 0;
    for (;;) {
      if (limited) await this.opts.limiter.acquire(this.opts.lane);
      const out = await send();
      if (out.kind === 'network') {
        if (idempotent && failures < this.opts.retries) {
          await this.sleep(this.backoff(failures++));
          continue;
        }
        this.opts.onConnectivity?.(false);
        throw out.intercepted ? interceptedConnection(ctx) : offline(ctx, out.timedOut);
      }
      this.opts.onConnectivity?.(true);
      if (out.status === 429 && throttled < this.opts.max429Retries) {
        // Altegio counts per IP: every caller waits, not just this one, and the retry then takes an
        // ordinary slot of the same budget.
        const wait = this.retryAfter(out.headers) ?? this.backoff(throttled);
        // The limiter makes everyone (this retry included) wait; unlimited downloads wait alone.
        if (limited) this.opts.limiter.holdFor(wait);
        else await this.sleep(wait);
        throttled++;
        continue;
      }
      if (out.status >= 500 && idempotent && failures < this.opts.retries) {
        await this.sleep(this.backoff(failures++));
        continue;
      }
      return { status: out.status, data: out.data };
    }
  }

  /** Returns the envelope's `data` of a successful answer; throws AppError otherwise. */
  async request(req: ApiRequest): Promise<unknown> {
    const ctx = { endpoint: req.endpoint };
    const headers: Record<string, string> = {
      Accept: ACCEPT[this.opts.vendor],
      Authorization: await this.authorization(req.auth),
    };
    // The official description marks Content-Type required on JSON endpoints, GETs included;
    // a multipart body sets its own (with the boundary), so it must not be overridden.
    if (!(req.body instanceof FormData)) headers['Content-Type'] = 'application/json';
    const url = this.opts.baseUrl.replace(/\/+$/, '') + req.path;
    const { status, data } = await this.exchange(ctx, req.method === 'GET', true, () =>
      this.once(url, { method: req.method, headers, body: req.body, query: req.query }, 'text'),
    );
    const text = typeof data === 'string' ? data : '';
    let body: unknown = null;
    let parsed = true;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        parsed = false;
      }
    }
    if (status >= 400) {
      const error = mapAltegioError(status, parsed ? body : undefined, ctx);
      if (status === 401) this.opts.onUnauthorized?.(error.message);
      throw error;
    }
    if (!parsed) throw unexpectedAnswer(ctx);
    if (status === 204 || body === null) return null;
    if (req.bare && Array.isArray(body)) return body;
    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success || typeof body !== 'object' || Array.isArray(body)) throw unexpectedAnswer(ctx);
    if (envelope.data.success === false) throw unsuccessfulAnswer(body, ctx);
    return envelope.data.data;
  }

  /**
   * Raw bytes of a file (avatars). Sent without tokens: pictures are public and may live on other hosts.
   * Only requests to the API origin count against the API's rate limit.
   */
  async download(url: string, endpoint: string): Promise<Uint8Array> {
    const ctx = { endpoint };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new AppError('INVALID_INPUT', 'The picture address is not a valid link.', { endpoint });
    }
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
      throw new AppError('INVALID_INPUT', 'The picture address is not a web link.', { endpoint });
    }
    const sameOrigin = target.origin === this.origin;
    const { status, data } = await this.exchange(ctx, true, sameOrigin, () =>
      this.once(target.href, { method: 'GET', headers: { Accept: 'image/*' } }, 'arrayBuffer'),
    );
    if (status >= 400) throw mapAltegioError(status, undefined, ctx);
    if (!(data instanceof ArrayBuffer)) return new Uint8Array();
    return new Uint8Array(data);
  }
}
