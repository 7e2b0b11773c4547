export interface RateLimiterOptions {
  perSecond: number;
  perMinute: number;
  /**
   * Extra length of every window, in ms. A grant is not an arrival: a request on a new connection
   * (TLS, sign-in) reaches Altegio 12–28 ms after its grant while the next one may arrive at once,
   * so windows counted at the grant must be longer than that spread. Default 1 (exact limits).
   */
  marginMs?: number;
  /**
   * Slots of each window that background requests leave free for urgent ones while a receptionist is
   * at work (an urgent request in the last RESERVE_MS, or `expectUrgent`), so their next request never
   * waits for a sync's burst. Default none.
   */
  urgentReserve?: { perSecond: number; perMinute: number };
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const SECOND = 1_000;
const MINUTE = 60_000;
/** How long the reserve stays after an urgent request: the parts of one screen follow each other closely. */
export const RESERVE_MS = 3_000;

/**
 * What Front Desk allows itself against Altegio's 5 requests per second and 200 per minute, counted
 * strictly per IP: the same 5 per second but over 1.25 s (4/s; arrivals may spread by up to 250 ms
 * and still never put 6 in one second), and 190 per minute (the minute's spread and the odd request
 * of another program on the same PC). Every attempt, retries included, takes a slot of this budget.
 */
export const ALTEGIO_BUDGET: RateLimiterOptions = {
  perSecond: 5,
  perMinute: 190,
  marginMs: 250,
  // Two slots of every window are the receptionist's while they are at work: Today's team (its
  // schedule and its names) is asked at once even when the first sync has just spent its share
  // (issue 25 §18). Meanwhile a sync runs at 3 per 1.25 s (144/min, under the minute's 190, so no
  // minute slots need keeping); otherwise at the full budget as before.
  urgentReserve: { perSecond: 2, perMinute: 0 },
};

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Who is waiting for a request: `urgent` when a receptionist looks at the screen that asked (Today,
 * the clients panel, the day report); `background` for work nobody waits on (the catalogue sync,
 * photo uploads, probes).
 */
export type Lane = 'urgent' | 'background';

/**
 * Sliding-window limiter shared by every caller (Altegio counts per IP, not per client object).
 * Any closed window of one second holds at most `perSecond` starts, and any closed window of one
 * minute at most `perMinute`. Callers are served one at a time, so a burst is spread out instead of
 * racing for free slots: urgent callers first, each lane in arrival order. While a receptionist is at
 * work, background callers leave `urgentReserve` slots free, and an urgent call wakes a server that
 * waits for a background slot.
 */
export class RateLimiter {
  private readonly starts: number[] = [];
  private readonly queues: Record<Lane, (() => void)[]> = { urgent: [], background: [] };
  private serving = false;
  /** Until when background requests leave `urgentReserve` free. */
  private reserveUntil = 0;
  /** Ends the server's current wait early (an urgent caller arrived). */
  private wake: (() => void) | null = null;
  /** No slot is granted before this time (a 429's Retry-After holds every caller, not just one). */
  private heldUntil = 0;
  private readonly now: () => number;
  private readonly margin: number;
  /** `urgent`: the whole budget; `background`: what is left while the reserve is kept. */
  private readonly limits: Record<Lane, { second: number; minute: number }>;

  constructor(private readonly opts: RateLimiterOptions) {
    if (opts.perSecond < 1 || opts.perMinute < 1) throw new RangeError('rate limits must be at least 1');
    const reserve = opts.urgentReserve ?? { perSecond: 0, perMinute: 0 };
    if (reserve.perSecond < 0 || reserve.perMinute < 0) throw new RangeError('a reserve cannot be negative');
    if (reserve.perSecond >= opts.perSecond || reserve.perMinute >= opts.perMinute) {
      throw new RangeError('the urgent reserve must leave background requests at least one slot');
    }
    this.now = opts.now ?? Date.now;
    this.margin = opts.marginMs ?? 1;
    this.limits = {
      urgent: { second: opts.perSecond, minute: opts.perMinute },
      background: { second: opts.perSecond - reserve.perSecond, minute: opts.perMinute - reserve.perMinute },
    };
  }

  /** Altegio said "too many" (429): nobody sends for `ms`, whoever asks next. */
  holdFor(ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, this.now() + ms);
  }

  /** A receptionist's requests are about to come (a sign-in opens Today): keep the reserve for `ms`. */
  expectUrgent(ms: number = RESERVE_MS): void {
    this.reserveUntil = Math.max(this.reserveUntil, this.now() + ms);
  }

  /** Resolves when the caller may send one request. */
  acquire(lane: Lane = 'background'): Promise<void> {
    return new Promise<void>((resolve) => {
      this.queues[lane].push(resolve);
      if (lane === 'urgent') {
        this.expectUrgent();
        this.wake?.();
      }
      void this.serve();
    });
  }

  /** One server for both lanes: each turn looks again at who is first in line now. */
  private async serve(): Promise<void> {
    if (this.serving) return;
    this.serving = true;
    try {
      // Callers of the same moment are all in line before the first grant, so lanes order them.
      await Promise.resolve();
      for (;;) {
        const lane: Lane | null =
          this.queues.urgent.length > 0 ? 'urgent' : this.queues.background.length > 0 ? 'background' : null;
        if (lane === null) return;
        const now = this.now();
        while (this.starts.length > 0 && this.starts[0]! < now - MINUTE - this.margin) this.starts.shift();
        const { second, minute } =
          this.limits[lane === 'background' && now < this.reserveUntil ? 'background' : 'urgent'];
        const hold = this.heldUntil - now;
        const wait = Math.max(hold, this.waitFor(now, SECOND, second), this.waitFor(now, MINUTE, minute));
        if (wait > 0) {
          const slept = await this.nap(wait);
          // A hold is served once, whatever the clock says after it (an injected sleep may not move it).
          if (slept && hold === wait) this.heldUntil = 0;
          continue;
        }
        this.starts.push(now);
        this.queues[lane].shift()!();
        // The one served sends before the next slot is looked for: a clock that jumps while we sleep
        // (a virtual one in tests) must not move its grant into the next caller's window.
        await Promise.resolve();
      }
    } finally {
      this.serving = false;
    }
  }

  /** Waits `ms` (true), or less when an urgent caller arrives (false: it may fit the reserve at once). */
  private nap(ms: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | null = null;
      const done = (slept: boolean) => {
        if (timer) clearTimeout(timer);
        if (this.wake === woken) this.wake = null;
        resolve(slept);
      };
      const woken = () => done(false);
      this.wake = woken;
      if (this.opts.sleep)
        void this.opts.sleep(ms).then(
          () => done(true),
          () => done(true),
        );
      else timer = setTimeout(() => done(true), ms);
    });
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
