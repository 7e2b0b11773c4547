export interface RateLimiterOptions {
  perSecond: number;
  perMinute: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const SECOND = 1_000;
const MINUTE = 60_000;

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sliding-window limiter shared by every caller (Altegio counts per IP, not per client object).
 * Any closed window of one second holds at most `perSecond` starts, and any closed window of one
 * minute at most `perMinute`. Callers are served one at a time in arrival order, so a burst is
 * spread out instead of racing for free slots.
 */
export class RateLimiter {
  private readonly starts: number[] = [];
  private tail: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: RateLimiterOptions) {
    if (opts.perSecond < 1 || opts.perMinute < 1) throw new RangeError('rate limits must be at least 1');
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
  }

  /** Resolves when the caller may send one request. */
  acquire(): Promise<void> {
    const turn = this.tail.then(() => this.waitForSlot());
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.starts.length > 0 && this.starts[0]! < now - MINUTE) this.starts.shift();
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
    const inWindow = this.starts.filter((t) => t >= now - windowMs);
    if (inWindow.length < limit) return 0;
    const blocking = inWindow[inWindow.length - limit]!;
    return blocking + windowMs + 1 - now;
  }
}
