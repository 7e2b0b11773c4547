import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../../src/main/core/single-flight';

describe('singleFlight: one outbox run at a time', () => {
  it('parallel calls share one run, and a call during it asks for exactly one more pass', async () => {
    let passes = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const flush = singleFlight(async () => {
      passes++;
      if (passes === 1) await gate;
    });
    const first = flush();
    const calls = [flush(), flush(), flush()];
    expect(calls.every((c) => c === first)).toBe(true);
    release();
    await Promise.all(calls);
    expect(passes).toBe(2);
  });

  it('a pass with nothing to do (no await inside) does not stop later runs', async () => {
    let passes = 0;
    const flush = singleFlight(() => {
      passes++;
      return Promise.resolve();
    });
    await flush();
    await flush();
    await flush();
    expect(passes).toBe(3);
  });

  it('a failed pass reaches its callers and the next call runs again', async () => {
    let fail = true;
    const flush = singleFlight(async () => {
      if (fail) throw new Error('disk full');
    });
    await expect(flush()).rejects.toThrow('disk full');
    fail = false;
    await expect(flush()).resolves.toBeUndefined();
  });
});
