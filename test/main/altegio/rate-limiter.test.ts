import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/main/altegio';

/** A fake clock: sleeping moves time forward; nothing waits on the wall clock. */
function fakeClock() {
  let t = 1_000_000;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

/** Largest number of starts inside any closed window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! > windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('RateLimiter (5/s, 200/min, shared)', () => {
  it('a burst of 50 calls stays within 5 per second and is served in order', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perSecond: 5, perMinute: 200, ...clock });
    const starts: number[] = [];
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        limiter.acquire().then(() => {
          starts.push(clock.now());
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual([...Array(50).keys()]);
    expect(maxInWindow(starts, 1000)).toBeLessThanOrEqual(5);
    expect(maxInWindow(starts, 60_000)).toBeLessThanOrEqual(200);
    expect(starts.slice(0, 5).every((t) => t === starts[0])).toBe(true); // the first five go at once
    expect(starts[49]! - starts[0]!).toBeLessThan(11_000); // no needless waiting
  });

  it('250 calls also respect the minute limit', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perSecond: 5, perMinute: 200, ...clock });
    const starts: number[] = [];
    for (let i = 0; i < 250; i++) {
      await limiter.acquire();
      starts.push(clock.now());
    }
    expect(maxInWindow(starts, 1000)).toBeLessThanOrEqual(5);
    expect(maxInWindow(starts, 60_000)).toBeLessThanOrEqual(200);
    expect(starts[200]! - starts[0]!).toBeGreaterThan(60_000);
  });

  it('after a quiet period calls go straight through', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perSecond: 5, perMinute: 200, ...clock });
    for (let i = 0; i < 5; i++) await limiter.acquire();
    await clock.sleep(5000);
    const before = clock.now();
    await limiter.acquire();
    expect(clock.now()).toBe(before);
  });

  it('one limiter shared by two clients counts both', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perSecond: 5, perMinute: 200, ...clock });
    const starts: number[] = [];
    const a = Array.from({ length: 10 }, () => limiter.acquire().then(() => starts.push(clock.now())));
    const b = Array.from({ length: 10 }, () => limiter.acquire().then(() => starts.push(clock.now())));
    await Promise.all([...a, ...b]);
    expect(
      maxInWindow(
        starts.sort((x, y) => x - y),
        1000,
      ),
    ).toBeLessThanOrEqual(5);
  });
});
