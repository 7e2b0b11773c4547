import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src/main/core/events';
import { ConnectivityMonitor } from '../../../src/main/services/connectivity';
import { AppError } from '../../../src/shared/errors';

afterEach(() => vi.useRealTimers());

/** A probe like the real one: a network failure reports offline through the client, then rejects. */
function setup() {
  vi.useFakeTimers();
  const events = new EventBus();
  const seen: boolean[] = [];
  events.on('connectivity', (p) => seen.push(p.online));
  const monitor = new ConnectivityMonitor(events);
  let lineUp = true;
  const calls: number[] = [];
  const probe = vi.fn(async () => {
    calls.push(Date.now());
    if (!lineUp) {
      monitor.report(false);
      throw new AppError('OFFLINE', 'no network');
    }
    monitor.report(true);
    return [];
  });
  monitor.startProbing(probe, 1_000);
  return {
    monitor,
    probe,
    seen,
    calls,
    cut: () => (lineUp = false),
    mend: () => (lineUp = true),
  };
}

describe('connectivity probing', () => {
  it('notices a dropped line in the background, before anyone presses anything', async () => {
    const t = setup();
    t.cut();
    await vi.advanceTimersByTimeAsync(4_000); // one quiet online probe
    expect(t.seen).toEqual([false]);
    expect(t.monitor.online).toBe(false);
  });

  it('backs off while offline (1, 2, 4, 8, 8 s) and comes back on the first answer', async () => {
    const t = setup();
    t.cut();
    await vi.advanceTimersByTimeAsync(4_000);
    const start = t.calls.length;
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000 + 8_000 + 8_000);
    const gaps = t.calls
      .slice(start - 1)
      .map((c, i, a) => (i === 0 ? 0 : c - a[i - 1]!))
      .slice(1);
    expect(gaps).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    t.mend();
    await vi.advanceTimersByTimeAsync(8_000);
    expect(t.seen).toEqual([false, true]);
  });

  it('an OS "offline" event is believed at once; "online" makes it probe now instead of waiting', async () => {
    const t = setup();
    t.monitor.hint(false);
    expect(t.monitor.online).toBe(false);
    expect(t.seen).toEqual([false]);
    const before = t.probe.mock.calls.length;
    t.monitor.hint(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.probe.mock.calls.length).toBe(before + 1);
    expect(t.seen).toEqual([false, true]);
  });

  it('a probe failing for another reason (nobody signed in) says nothing about the line', async () => {
    vi.useFakeTimers();
    const events = new EventBus();
    const monitor = new ConnectivityMonitor(events);
    monitor.startProbing(async () => {
      throw new AppError('AUTH_REQUIRED', 'Please sign in.');
    }, 1_000);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(monitor.online).toBe(true);
    monitor.stopProbing();
  });
});

describe('connectivity probing during a sync (issue 19 §6.21)', () => {
  it('sends no probe while a sync runs: its own requests report the line', async () => {
    vi.useFakeTimers();
    const monitor = new ConnectivityMonitor(new EventBus());
    let syncing = true;
    const probe = vi.fn(async () => {
      monitor.report(true);
      return [];
    });
    monitor.startProbing(probe, 1_000, () => syncing);
    await vi.advanceTimersByTimeAsync(10_000);
    monitor.hint(true);
    expect(probe).not.toHaveBeenCalled();
    syncing = false;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(probe).toHaveBeenCalled();
    monitor.stopProbing();
  });
});
