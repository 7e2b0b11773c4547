import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installQuitCleanup, runStart } from '../../../src/main/shell/lifecycle';

function fakeApp() {
  const app = new EventEmitter() as EventEmitter & { exit: ReturnType<typeof vi.fn> };
  app.exit = vi.fn();
  const quit = () => {
    const event = { defaultPrevented: false, preventDefault: vi.fn(() => (event.defaultPrevented = true)) };
    app.emit('will-quit', event);
    return event;
  };
  return { app, quit };
}

describe('quit waits for cleanup', () => {
  it('holds the quit, awaits close(), then exits — once', async () => {
    const { app, quit } = fakeApp();
    let finish!: () => void;
    const close = vi.fn(() => new Promise<void>((r) => (finish = r)));
    installQuitCleanup(app as never, close);
    const first = quit();
    expect(first.preventDefault).toHaveBeenCalled();
    await Promise.resolve();
    expect(close).toHaveBeenCalledTimes(1);
    expect(app.exit).not.toHaveBeenCalled(); // the database is still being closed
    const second = quit(); // app.exit() does not re-emit; a stray second quit must not re-run cleanup
    expect(second.preventDefault).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('exits anyway when cleanup hangs past its bound, or throws', async () => {
    vi.useFakeTimers();
    try {
      const { app, quit } = fakeApp();
      const onError = vi.fn();
      installQuitCleanup(app as never, () => new Promise<void>(() => undefined), { timeoutMs: 3000, onError });
      quit();
      await vi.advanceTimersByTimeAsync(2999);
      expect(app.exit).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(app.exit).toHaveBeenCalledWith(0);
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('3000 ms') }));
    } finally {
      vi.useRealTimers();
    }
    const { app, quit } = fakeApp();
    const onError = vi.fn();
    installQuitCleanup(app as never, async () => Promise.reject(new Error('disk gone')), { onError });
    quit();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk gone' }));
  });
});

describe('a failing start is visible', () => {
  const deps = () => ({
    logFile: () => '/home/desk/.config/Front Desk/logs/front-desk.log',
    showError: vi.fn(),
    log: vi.fn(),
    exit: vi.fn(),
  });

  it('shows an error naming the log file and exits 1, for a rejection and for a synchronous throw', async () => {
    for (const start of [
      async () => Promise.reject(new Error('database is locked')),
      () => {
        throw new Error('database is locked');
      },
    ]) {
      const d = deps();
      await runStart(start, d);
      expect(d.showError).toHaveBeenCalledWith('Front Desk could not start', expect.stringContaining('front-desk.log'));
      expect(d.showError.mock.calls[0]![1]).toContain('database is locked');
      expect(d.log).toHaveBeenCalled();
      expect(d.exit).toHaveBeenCalledWith(1);
    }
  });

  it('does nothing more when start succeeds; still shows the dialog if logging itself fails', async () => {
    const ok = deps();
    await runStart(async () => undefined, ok);
    expect(ok.showError).not.toHaveBeenCalled();
    expect(ok.exit).not.toHaveBeenCalled();
    const d = {
      ...deps(),
      log: () => {
        throw new Error('log closed');
      },
      logFile: () => null,
    };
    await runStart(async () => Promise.reject(new Error('x')), d);
    expect(d.showError).toHaveBeenCalledWith('Front Desk could not start', expect.stringContaining('No log file'));
    expect(d.exit).toHaveBeenCalledWith(1);
  });
});
