import { describe, expect, it, vi } from 'vitest';

const updater = vi.hoisted(() => {
  const listeners = new Map<string, ((...a: unknown[]) => void)[]>();
  return {
    on(event: string, fn: (...a: unknown[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), fn]);
    },
    emit(event: string, ...args: unknown[]) {
      for (const fn of listeners.get(event) ?? []) fn(...args);
    },
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
    autoDownload: false,
    autoInstallOnAppQuit: true,
    logger: null as unknown,
  };
});
// electron-updater is CommonJS: the ESM main bundle can only use its default export.
vi.mock('electron-updater', () => ({ default: { autoUpdater: updater } }));

const { startUpdater } = await import('../../../src/main/shell/updater');
const { UpdatePolicy } = await import('../../../src/main/shell/update-policy');
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() } as never;

describe('updater wiring', () => {
  it('stays off without a feed URL or outside a packaged app', () => {
    expect(startUpdater({ feedUrl: undefined, isPackaged: true, policy: new UpdatePolicy(), log }).restart()).toEqual({
      restarting: false,
    });
    startUpdater({ feedUrl: 'https://u.example/fd/', isPackaged: false, policy: new UpdatePolicy(), log });
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('checks a generic feed at start, downloads in the background, installs only on request when idle', async () => {
    vi.useFakeTimers();
    try {
      const policy = new UpdatePolicy();
      const u = startUpdater({ feedUrl: 'https://u.example/fd/', isPackaged: true, policy, log });
      expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://u.example/fd/' });
      expect(updater.autoDownload).toBe(true);
      expect(updater.autoInstallOnAppQuit).toBe(false);
      expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
      expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);

      expect(u.restart()).toEqual({ restarting: false }); // nothing downloaded
      updater.emit('update-downloaded', { version: '1.3.0' });
      const done = policy.beginPrint();
      expect(u.restart()).toEqual({ restarting: false }); // a print is running
      done();
      expect(u.restart()).toEqual({ restarting: true });
      await vi.runOnlyPendingTimersAsync();
      expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
