import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lockOnSystemEvents } from '../../../src/main/shell/desk-lock';
import { IdleClock, type IdlePower } from '../../../src/main/shell/idle-clock';

type State = ReturnType<IdlePower['getSystemIdleState']>;

/** A mocked powerMonitor: events, an idle clock and an idle state the test sets. */
function power(idle = 0, state: State = 'active') {
  const p = Object.assign(new EventEmitter(), {
    idle,
    state,
    getSystemIdleTime: vi.fn(() => p.idle),
    getSystemIdleState: vi.fn((_threshold: number) => p.state),
  });
  return p;
}

afterEach(() => vi.useRealTimers());

describe('shared desk and the OS', () => {
  it('locks the desk when the screen locks or the PC sleeps', () => {
    const pm = power();
    const lock = vi.fn();
    const stop = lockOnSystemEvents(pm, lock);
    pm.emit('lock-screen');
    pm.emit('suspend');
    pm.emit('resume');
    expect(lock.mock.calls).toEqual([['os-lock'], ['suspend']]);
    stop();
  });

  it("locks once when the idle state turns 'locked' (Linux: no lock-screen event), again after an unlock", () => {
    vi.useFakeTimers();
    const pm = power();
    const lock = vi.fn();
    const stop = lockOnSystemEvents(pm, lock, { pollMs: 1000 });
    vi.advanceTimersByTime(1000);
    expect(lock).not.toHaveBeenCalled();
    pm.state = 'locked';
    vi.advanceTimersByTime(3000);
    expect(lock.mock.calls).toEqual([['os-lock']]);
    pm.state = 'active';
    vi.advanceTimersByTime(1000);
    pm.state = 'locked';
    vi.advanceTimersByTime(1000);
    expect(lock.mock.calls).toEqual([['os-lock'], ['os-lock']]);
    stop();
    pm.state = 'active';
    vi.advanceTimersByTime(1000);
    pm.state = 'locked';
    vi.advanceTimersByTime(5000);
    expect(lock).toHaveBeenCalledTimes(2);
  });

  it("'unknown' and 'idle' states do not lock by themselves", () => {
    vi.useFakeTimers();
    const pm = power(0, 'unknown');
    const lock = vi.fn();
    const stop = lockOnSystemEvents(pm, lock, { pollMs: 1000 });
    vi.advanceTimersByTime(5000);
    pm.state = 'idle';
    vi.advanceTimersByTime(5000);
    expect(lock).not.toHaveBeenCalled();
    stop();
  });
});

describe('idle clock for auto-lock (issue 20, item 6)', () => {
  function clock(pm: ReturnType<typeof power>) {
    let now = 1_000_000;
    const onSource = vi.fn();
    const c = new IdleClock(pm, { now: () => now, onSource, probeSeconds: 120 });
    return { c, onSource, advance: (s: number) => (now += s * 1000) };
  }

  it('uses the OS clock once it is seen to move, and says so once', () => {
    const pm = power(0);
    const { c, onSource, advance } = clock(pm);
    advance(30);
    pm.idle = 30;
    expect(c.idleSeconds()).toBe(30);
    c.touch(); // input in Front Desk does not matter while the OS clock works
    advance(10);
    pm.idle = 400; // typed in another program long ago… the OS knows best
    expect(c.idleSeconds()).toBe(400);
    pm.idle = 0; // someone typing in another program: not idle
    advance(600);
    expect(c.idleSeconds()).toBe(0);
    expect(c.using).toBe('os');
    expect(onSource).toHaveBeenCalledTimes(1);
    expect(onSource).toHaveBeenCalledWith('os', expect.any(String));
  });

  it('falls back to the app’s own input clock when the OS clock never leaves 0 (Wayland), and says so once', () => {
    const pm = power(0);
    const { c, onSource, advance } = clock(pm);
    advance(60);
    expect(c.idleSeconds()).toBe(0); // not known yet: too early to call the OS clock broken
    expect(c.using).toBeNull();
    advance(60);
    expect(c.idleSeconds()).toBe(120);
    expect(c.using).toBe('app');
    advance(480);
    expect(c.idleSeconds()).toBe(600); // ten minutes without input to the app: the idle lock fires
    c.touch(); // keyboard or mouse in the app's window
    expect(c.idleSeconds()).toBe(0);
    advance(30);
    expect(c.idleSeconds()).toBe(30);
    expect(onSource).toHaveBeenCalledTimes(1);
    expect(onSource).toHaveBeenCalledWith('app', expect.stringContaining('stayed at 0'));
  });

  it('input in the app keeps postponing the verdict; an OS clock that starts moving later is taken back', () => {
    const pm = power(0);
    const { c, onSource, advance } = clock(pm);
    for (let i = 0; i < 10; i++) {
      advance(100);
      c.touch();
      expect(c.idleSeconds()).toBe(0);
    }
    expect(c.using).toBeNull();
    advance(200);
    expect(c.idleSeconds()).toBe(200);
    expect(c.using).toBe('app');
    pm.idle = 5;
    expect(c.idleSeconds()).toBe(5);
    expect(c.using).toBe('os');
    expect(onSource.mock.calls.map((call) => call[0])).toEqual(['app', 'os']);
  });
});
