import { describe, expect, it } from 'vitest';
import { ALTEGIO_BUDGET, RateLimiter } from '../../../src/main/altegio';

/**
 * Issue 25 §18: Today's first requests waited behind the first sync's queued requests in the shared
 * limiter. A request the receptionist is waiting for (`urgent`) now goes before queued background
 * requests — and the budget still holds, whatever mix of lanes arrives in whatever order.
 */
function virtualClock() {
  let t = 7_000_000;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

/** Largest number of grants inside any window of `windowMs` (a grant at the edge counts). */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! > windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** A small deterministic generator: the same "random" interleaving on every run. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('the limiter’s priority lane', () => {
  it('urgent calls queued behind a sync’s burst are granted before the queued background calls', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ ...ALTEGIO_BUDGET, ...clock });
    const order: string[] = [];
    const sync = Array.from({ length: 12 }, (_, i) =>
      limiter.acquire('background').then(() => void order.push(`sync${i}`)),
    );
    const today = Array.from({ length: 3 }, (_, i) =>
      limiter.acquire('urgent').then(() => void order.push(`today${i}`)),
    );
    await Promise.all([...sync, ...today]);
    expect(order.slice(0, 3)).toEqual(['today0', 'today1', 'today2']);
    // Each lane keeps its own order.
    expect(order.slice(3)).toEqual(Array.from({ length: 12 }, (_, i) => `sync${i}`));
  });

  it('an urgent call that arrives while the sync waits for a free slot takes the next slot', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ ...ALTEGIO_BUDGET, ...clock });
    const order: string[] = [];
    let urgent: Promise<void> | null = null;
    const sync = Array.from({ length: 12 }, (_, i) =>
      limiter.acquire('background').then(() => {
        order.push(`sync${i}`);
        // The budget's five are spent; the sync's sixth is waiting for the window when Today asks.
        if (i === 4) urgent = limiter.acquire('urgent').then(() => void order.push('today'));
      }),
    );
    await Promise.all(sync);
    await urgent;
    expect(order.indexOf('today')).toBe(5);
  });

  it('no call waits for an urgent one that is not there: background alone runs at the full budget', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ ...ALTEGIO_BUDGET, ...clock });
    const start = clock.now();
    await Promise.all(Array.from({ length: 10 }, () => limiter.acquire('background')));
    // Ten grants: five at once, five when the first window has passed.
    expect(clock.now() - start).toBeLessThanOrEqual(1_000 + (ALTEGIO_BUDGET.marginMs ?? 0) + 1);
  });

  it('the budget holds for any interleaving of both lanes, parallel and chained calls alike', async () => {
    for (const seed of [1, 7, 42, 2026]) {
      const clock = virtualClock();
      const limiter = new RateLimiter({ ...ALTEGIO_BUDGET, ...clock });
      const random = seeded(seed);
      const grants: number[] = [];
      const lane = () => (random() < 0.3 ? 'urgent' : 'background');
      // Some calls start at once, some only after another call's grant (a part that asks again).
      const call = (depth: number): Promise<void> =>
        limiter.acquire(lane()).then(async () => {
          grants.push(clock.now());
          if (depth > 0 && random() < 0.5) await Promise.all([call(depth - 1), call(depth - 1)]);
        });
      await Promise.all(Array.from({ length: 120 }, () => call(2)));
      const margin = ALTEGIO_BUDGET.marginMs ?? 1;
      expect(grants.length).toBeGreaterThan(200);
      expect(maxInWindow(grants, 1_000 + margin - 1)).toBeLessThanOrEqual(ALTEGIO_BUDGET.perSecond);
      expect(maxInWindow(grants, 60_000 + margin - 1)).toBeLessThanOrEqual(ALTEGIO_BUDGET.perMinute);
    }
  });

  it('a 429 holds the urgent lane too', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ ...ALTEGIO_BUDGET, ...clock });
    await limiter.acquire('background');
    const start = clock.now();
    limiter.holdFor(3_000);
    await limiter.acquire('urgent');
    expect(clock.now() - start).toBeGreaterThanOrEqual(3_000);
  });
});
