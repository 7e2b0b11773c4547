import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActivityClock, IdleLock } from '../../../src/main/services/desk/idle-lock';

afterEach(() => vi.useRealTimers());

describe('IdleLock', () => {
  it('locks once the OS has been idle for the set minutes, and not before', () => {
    vi.useFakeTimers();
    let idle = 0;
    let locked = false;
    const lock = vi.fn(() => (locked = true));
    const idleLock = new IdleLock({ idleSeconds: () => idle, minutes: () => 5, isLocked: () => locked, lock, pollMs: 15_000 });
    idleLock.start();
    idle = 299;
    vi.advanceTimersByTime(15_000);
    expect(lock).not.toHaveBeenCalled();
    idle = 300;
    vi.advanceTimersByTime(15_000);
    expect(lock).toHaveBeenCalledWith('idle');
    vi.advanceTimersByTime(60_000);
    expect(lock).toHaveBeenCalledTimes(1); // already locked: no second lock
    idleLock.stop();
  });

  it('follows a changed setting at the next tick; 0 turns it off', () => {
    vi.useFakeTimers();
    let minutes = 10;
    const lock = vi.fn();
    const idleLock = new IdleLock({ idleSeconds: () => 400, minutes: () => minutes, isLocked: () => false, lock });
    idleLock.start();
    vi.advanceTimersByTime(15_000);
    expect(lock).not.toHaveBeenCalled();
    minutes = 0;
    vi.advanceTimersByTime(15_000);
    expect(lock).not.toHaveBeenCalled();
    minutes = 5;
    vi.advanceTimersByTime(15_000);
    expect(lock).toHaveBeenCalledTimes(1);
    idleLock.stop();
  });

  it('ActivityClock counts seconds since the last touch', () => {
    let now = 0;
    const clock = new ActivityClock(() => now);
    now = 61_000;
    expect(clock.idleSeconds()).toBe(61);
    clock.touch();
    now = 62_500;
    expect(clock.idleSeconds()).toBe(1);
  });
});
