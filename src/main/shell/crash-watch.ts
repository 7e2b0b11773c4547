/**
 * What happens when the page dies or hangs. Written against a slice of BrowserWindow and a
 * dialog function so the tests drive it with fakes. Main-process dialogs are English: they can
 * appear before (or because) the translated renderer is gone.
 */

export interface WatchedWindow {
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  isDestroyed(): boolean;
  webContents: {
    on(
      event: 'render-process-gone',
      listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
    ): unknown;
    reload(): void;
    forcefullyCrashRenderer(): void;
  };
}

export interface CrashWatchDeps {
  log: {
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
    info(obj: object, msg: string): void;
  };
  /** Shows a message box; resolves with the index of the pressed button. */
  ask: (opts: {
    message: string;
    detail: string;
    buttons: string[];
    defaultId: number;
    cancelId: number;
  }) => Promise<number>;
  quit: () => void;
}

export function watchWindow(win: WatchedWindow, deps: CrashWatchDeps): void {
  let asking = false;
  const once = async (run: () => Promise<void>) => {
    if (asking) return;
    asking = true;
    try {
      await run();
    } finally {
      asking = false;
    }
  };

  // https://www.electronjs.org/docs/latest/api/web-contents#event-render-process-gone
  win.webContents.on('render-process-gone', (_event, details) => {
    deps.log.error({ reason: details.reason, exitCode: details.exitCode }, 'renderer gone');
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    void once(async () => {
      const choice = await deps.ask({
        message: 'Front Desk stopped working',
        detail: `The window closed unexpectedly (${details.reason}). Nothing saved on this computer is lost. Reload to continue.`,
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      });
      if (win.isDestroyed()) return;
      if (choice === 0) win.webContents.reload();
      else deps.quit();
    });
  });

  // https://www.electronjs.org/docs/latest/api/browser-window#event-unresponsive
  win.on('unresponsive', () => {
    deps.log.warn({}, 'window unresponsive');
    void once(async () => {
      const choice = await deps.ask({
        message: 'Front Desk is not responding',
        detail: 'You can wait, or reload the window. Work already saved on this computer is kept.',
        buttons: ['Wait', 'Reload'],
        defaultId: 0,
        cancelId: 0,
      });
      if (choice !== 1 || win.isDestroyed()) return;
      // A hung renderer does not act on reload(); end it first (the documented recovery).
      win.webContents.forcefullyCrashRenderer();
      win.webContents.reload();
    });
  });
  win.on('responsive', () => deps.log.info({}, 'window responsive again'));
}
