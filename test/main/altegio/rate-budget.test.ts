import { describe, expect, it } from 'vitest';
import { ALTEGIO_BUDGET, RateLimiter, type RateLimiterOptions } from '../../../src/main/altegio';

/**
 * Issue 19 §6.20: Altegio counts strictly where requests ARRIVE: at most 5 in any second and 200 in
 * any minute. A grant is not an arrival — a new connection's request lands 12–28 ms after its
 * grant while others land at once. This replays a first sync's worth of grants on a virtual clock,
 * adds that spread, and counts what a strict server would refuse.
 */
function virtualClock() {
  let t = 5_000_000;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

/** How many arrivals a strict server refuses (it counts the refused ones too, as Altegio does). */
function refusedByStrictServer(arrivals: number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let refused = 0;
  for (let i = 0; i < sorted.length; i++) {
    const inSecond = sorted.filter((t) => t > sorted[i]! - 1000 && t <= sorted[i]!).length;
    const inMinute = sorted.filter((t) => t > sorted[i]! - 60_000 && t <= sorted[i]!).length;
    if (inSecond > 5 || inMinute > 200) refused++;
  }
  return refused;
}

async function firstSync(options: RateLimiterOptions, requests: number): Promise<number> {
  const clock = virtualClock();
  const limiter = new RateLimiter({ ...options, ...clock });
  const arrivals: number[] = [];
  // Deterministic spread: every 7th request opens a connection (28 ms), the rest take 0–3 ms.
  for (let i = 0; i < requests; i++) {
    await limiter.acquire();
    arrivals.push(clock.now() + (i % 7 === 0 ? 28 : i % 4));
  }
  return refusedByStrictServer(arrivals);
}

describe('the request budget against a strict counting server', () => {
  it('Altegio’s exact limits (the old limiter) get requests refused', async () => {
    expect(await firstSync({ perSecond: 5, perMinute: 200 }, 260)).toBeGreaterThan(0);
  });

  it('the budget leaves headroom: a first sync of 260 requests gets no 429', async () => {
    expect(await firstSync(ALTEGIO_BUDGET, 260)).toBe(0);
  });

  it('a 429 holds every caller for its Retry-After, and the retry takes an ordinary slot', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ ...ALTEGIO_BUDGET, ...clock });
    await limiter.acquire();
    const start = clock.now();
    limiter.holdFor(2_000);
    await Promise.all([limiter.acquire(), limiter.acquire()]);
    expect(clock.now() - start).toBeGreaterThanOrEqual(2_000);
  });
});
