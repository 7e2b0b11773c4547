import { describe, expect, it } from 'vitest';
import { hashPin, isValidPin, needsRehash, PIN_SCRYPT, verifyPin } from '../../../src/main/services/desk/pin-hash';
import { afterFailure, canAttempt, CLEAN_ATTEMPTS, delayAfterFailure, MAX_PIN_FAILURES } from '../../../src/main/services/desk/pin-policy';

// Fast parameters for the many cases; one test below runs the real ones.
const FAST = { ...PIN_SCRYPT, N: 2 ** 10 };

describe('PIN hashing', () => {
  it('accepts 4 to 6 digits only', () => {
    for (const ok of ['0000', '12345', '999999']) expect(isValidPin(ok)).toBe(true);
    for (const bad of ['123', '1234567', '12a4', ' 1234', '١٢٣٤', '']) expect(isValidPin(bad)).toBe(false);
  });

  it('stores a salted scrypt hash, never the PIN, and verifies it', async () => {
    const h1 = await hashPin('4821', FAST);
    const h2 = await hashPin('4821', FAST);
    expect(h1).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(h1).not.toContain('4821');
    expect(h1).not.toBe(h2); // a fresh salt each time
    expect(await verifyPin('4821', h1)).toBe(true);
    expect(await verifyPin('4822', h1)).toBe(false);
    expect(await verifyPin('48210', h1)).toBe(false);
  });

  it('refuses malformed hashes and PINs without throwing', async () => {
    expect(await verifyPin('1234', 'plain-text')).toBe(false);
    expect(await verifyPin('1234', 'scrypt$x$8$1$AAAA$AAAA')).toBe(false);
    const h = await hashPin('1234', FAST);
    expect(await verifyPin('12 34', h)).toBe(false);
  });

  it('uses the production parameters by default and flags weaker hashes for re-hashing', async () => {
    const h = await hashPin('2580');
    expect(h.startsWith(`scrypt$${PIN_SCRYPT.N}$${PIN_SCRYPT.r}$${PIN_SCRYPT.p}$`)).toBe(true);
    expect(await verifyPin('2580', h)).toBe(true);
    expect(needsRehash(h)).toBe(false);
    expect(needsRehash(await hashPin('2580', FAST))).toBe(true);
  });
});

describe('wrong-PIN policy', () => {
  it('waits longer after each failure and locks out after five', () => {
    expect([1, 2, 3, 4].map(delayAfterFailure)).toEqual([0, 1, 2, 4]);
    let s = CLEAN_ATTEMPTS;
    let t = 1_000_000;
    for (let i = 1; i < MAX_PIN_FAILURES; i++) {
      expect(canAttempt(s, t)).toEqual({ ok: true });
      s = afterFailure(s, t);
      expect(s.lockedOut).toBe(false);
      const wait = delayAfterFailure(i) * 1000;
      if (wait > 0) {
        expect(canAttempt(s, t + wait - 1)).toEqual({ ok: false, reason: 'wait', retryInMs: 1 });
      }
      t += wait;
    }
    s = afterFailure(s, t);
    expect(s).toMatchObject({ failures: 5, lockedOut: true });
    expect(canAttempt(s, t + 3_600_000)).toEqual({ ok: false, reason: 'locked-out' });
  });
});
