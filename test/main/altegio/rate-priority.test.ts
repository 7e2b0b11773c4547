import { describe, expect, it } from 'vitest';
import { ALTEGIO_BUDGET, RateLimiter, RESERVE_MS } from '../../../src/main/altegio';

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

  it('a sync alone leaves the urgent reserve free and otherwise runs at its share without needless waits', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ ...ALTEGIO_BUDGET, ...clock });
    limiter.expectUrgent(60_000); // a receptionist is at work
    const grants: number[] = [];
    const start = clock.now();
    await Promise.all(Array.from({ length: 12 }, () => limiter.acquire('background').then(() => void grants.push(clock.now()))));
    const share = ALTEGIO_BUDGET.perSecond - ALTEGIO_BUDGET.urgentReserve!.perSecond;
    const span = 1_000 + (ALTEGIO_BUDGET.marginMs ?? 1);
    expect(maxInWindow(grants, span - 1)).toBe(share);
    // Twelve grants at `share` a window: one wait per window after the first.
    expect(clock.now() - start).toBeLessThanOrEqual((Math.ceil(12 / share) - 1) * span);
  });

  it('with no receptionist at work a sync has the whole budget; the reserve ends RESERVE_MS after the last urgent call', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ ...ALTEGIO_BUDGET, ...clock });
    const span = 1_000 + (ALTEGIO_BUDGET.marginMs ?? 1);
    const grants: number[] = [];
    await Promise.all(Array.from({ length: 10 }, () => limiter.acquire('background').then(() => void grants.push(clock.now()))));
    expect(maxInWindow(grants, span - 1)).toBe(ALTEGIO_BUDGET.perSecond);
    await clock.sleep(60_000);
    await limiter.acquire('urgent');
    const during: number[] = [];
    await Promise.all(Array.from({ length: 6 }, () => limiter.acquire('background').then(() => void during.push(clock.now()))));
    // Right after an urgent call the sync leaves the reserve free.
    expect(maxInWindow(during, span - 1)).toBe(ALTEGIO_BUDGET.perSecond - ALTEGIO_BUDGET.urgentReserve!.perSecond);
    await clock.sleep(RESERVE_MS + span);
    const after: number[] = [];
    await Promise.all(Array.from({ length: 10 }, () => limiter.acquire('background').then(() => void after.push(clock.now()))));
    expect(maxInWindow(after, span - 1)).toBe(ALTEGIO_BUDGET.perSecond);
  });

  it('an urgent call finds the reserved slot free at once when the sync has filled its share', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ ...ALTEGIO_BUDGET, ...clock });
    limiter.expectUrgent(60_000);
    const share = ALTEGIO_BUDGET.perSecond - ALTEGIO_BUDGET.urgentReserve!.perSecond;
    let asked = -1;
    let granted = -1;
    let urgent: Promise<void> | null = null;
    const sync = Array.from({ length: 10 }, (_, i) =>
      limiter.acquire('background').then(() => {
        if (i !== share - 1) return;
        asked = clock.now();
        urgent = limiter.acquire('urgent').then(() => void (granted = clock.now()));
      }),
    );
    await Promise.all(sync);
    await urgent;
    expect(granted).toBe(asked);
  });

  it('the sync’s wait for a slot is cut short by an urgent call (a real, sleeping wait)', async () => {
    let t = 9_000_000;
    const sleepers: { until: number; wake: () => void }[] = [];
    const limiter = new RateLimiter({
      ...ALTEGIO_BUDGET,
      now: () => t,
      sleep: (ms) => new Promise<void>((wake) => sleepers.push({ until: t + ms, wake })),
    });
    limiter.expectUrgent(60_000);
    const share = ALTEGIO_BUDGET.perSecond - ALTEGIO_BUDGET.urgentReserve!.perSecond;
    let syncGranted = 0;
    for (let i = 0; i < 8; i++) void limiter.acquire('background').then(() => void syncGranted++);
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(syncGranted).toBe(share);
    expect(sleepers.length).toBe(1); // the server waits for the window to move
    let urgentGranted = false;
    void limiter.acquire('urgent').then(() => void (urgentGranted = true));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(urgentGranted).toBe(true); // no time passed
    expect(syncGranted).toBe(share);
    // The clock then moves on: the sync goes on with what the window allows.
    t = Math.max(...sleepers.map((s) => s.until));
    for (const s of sleepers.splice(0)) s.wake();
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(syncGranted).toBeGreaterThan(share);
  });

  it('a sync that has spent its minute share leaves urgent slots in that minute', async () => {
    // A budget whose minute binds before its second does (Altegio's does not at a 2-slot reserve).
    const budget = { perSecond: 5, perMinute: 40, marginMs: 250, urgentReserve: { perSecond: 1, perMinute: 5 } };
    let t = 11_000_000;
    let asked = -1;
    let granted = -1;
    let urgent: Promise<void> | null = null;
    const limiter: RateLimiter = new RateLimiter({
      ...budget,
      now: () => t,
      sleep: async (ms) => {
        // The sync has spent its minute and waits for the next (a long wait), still queued: the
        // receptionist opens Today right then (the wait is cut short, no time passes).
        if (!urgent && ms > 5_000) {
          asked = t;
          urgent = limiter.acquire('urgent').then(() => void (granted = t));
          return;
        }
        t += ms;
      },
    });
    limiter.expectUrgent(120_000);
    await Promise.all(Array.from({ length: 60 }, () => limiter.acquire('background')));
    await urgent;
    expect(asked - 11_000_000).toBeGreaterThan(5_000); // the sync spent its 35 first
    // At most the second's window, never the rest of the minute.
    expect(granted - asked).toBeLessThanOrEqual(1_000 + budget.marginMs);
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
