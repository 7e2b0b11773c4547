export interface RateLimiterOptions {
  perSecond: number;
  perMinute: number;
  /**
   * Extra length of every window, in ms. A grant is not an arrival: a request on a new connection
   * (TLS, sign-in) reaches Altegio 12–28 ms after its grant while the next one may arrive at once,
   * so windows counted at the grant must be longer than that spread. Default 1 (exact limits).
   */
  marginMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const SECOND = 1_000;
const MINUTE = 60_000;

/**
 * What Front Desk allows itself against Altegio's 5 requests per second and 200 per minute, counted
 * strictly per IP: the same 5 per second but over 1.25 s (4/s; arrivals may spread by up to 250 ms
 * and still never put 6 in one second), and 190 per minute (the minute's spread and the odd request
 * of another program on the same PC). Every attempt, retries included, takes a slot of this budget.
 */
export const ALTEGIO_BUDGET: RateLimiterOptions = { perSecond: 5, perMinute: 190, marginMs: 250 };

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Who is waiting for a request: `urgent` when a receptionist looks at the screen that asked (Today,
 * the clients panel, the day report); `background` for work nobody waits on (the catalogue sync,
 * photo uploads, probes).
 */
export type Lane = 'urgent' | 'background';

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Sliding-window limiter shared by every caller (Altegio counts per IP, not per client object).
 * Any closed window of one second holds at most `perSecond` starts, and any closed window of one
 * minute at most `perMinute`. Callers are served one at a time, so a burst is spread out instead of
 * racing for free slots: urgent callers first, each lane in arrival order. Who gets a slot is decided
 * when the slot comes free, so an urgent call that arrives while a sync waits takes the next one.
 */
export class RateLimiter {
  private readonly starts: number[] = [];
  private readonly queues: Record<Lane, Waiter[]> = { urgent: [], background: [] };
  private serving = false;
  /** No slot is granted before this time (a 429's Retry-After holds every caller, not just one). */
  private heldUntil = 0;
  private readonly now: () => number;
  private readonly margin: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: RateLimiterOptions) {
    if (opts.perSecond < 1 || opts.perMinute < 1) throw new RangeError('rate limits must be at least 1');
    this.now = opts.now ?? Date.now;
    this.margin = opts.marginMs ?? 1;
    this.sleep = opts.sleep ?? realSleep;
  }

  /** Altegio said "too many" (429): nobody sends for `ms`, whoever asks next. */
  holdFor(ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, this.now() + ms);
  }

  /** Resolves when the caller may send one request. */
  acquire(lane: Lane = 'background'): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queues[lane].push({ resolve, reject });
      void this.serve();
    });
  }

  private next(): Waiter | undefined {
    return this.queues.urgent.shift() ?? this.queues.background.shift();
  }

  /** One server for both lanes: a slot is found first, then given to whoever is first in line now. */
  private async serve(): Promise<void> {
    if (this.serving) return;
    this.serving = true;
    try {
      while (this.queues.urgent.length + this.queues.background.length > 0) {
        let failure: { error: unknown } | null = null;
        try {
          await this.waitForSlot();
        } catch (e) {
          failure = { error: e };
        }
        const waiter = this.next();
        if (!waiter) break; // not reached: nobody leaves a queue except by being served
        if (failure) waiter.reject(failure.error);
        else waiter.resolve();
        // The one served sends before the next slot is looked for: a clock that jumps while we sleep
        // (a virtual one in tests) must not move its grant into the next caller's window.
        await Promise.resolve();
      }
    } finally {
      this.serving = false;
    }
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.starts.length > 0 && this.starts[0]! < now - MINUTE - this.margin) this.starts.shift();
      const hold = this.heldUntil - now;
      if (hold > 0) {
        // Served once, by whoever is first in line; the others queue behind (one caller at a time).
        this.heldUntil = 0;
        await this.sleep(hold);
        continue;
      }
      const wait = Math.max(
        this.waitFor(now, SECOND, this.opts.perSecond),
        this.waitFor(now, MINUTE, this.opts.perMinute),
      );
      if (wait <= 0) {
        this.starts.push(now);
        return;
      }
      await this.sleep(wait);
    }
  }

  /** How long until a window of `windowMs` ending at a future start holds fewer than `limit` starts. */
  private waitFor(now: number, windowMs: number, limit: number): number {
    const span = windowMs + this.margin;
    const inWindow = this.starts.filter((t) => t > now - span);
    if (inWindow.length < limit) return 0;
    const blocking = inWindow[inWindow.length - limit]!;
    return blocking + span - now;
  }
}
