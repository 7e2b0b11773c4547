/**
 * Start-up and quit, written against a small slice of Electron's `app` so the tests drive them
 * with a fake (electron is mocked; these never import it).
 */

export interface QuitApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  exit(code?: number): void;
}

/**
 * Electron does not wait for promises in quit handlers: `before-quit` + `void close()` let the
 * process die mid-write. So: on the first `will-quit`, preventDefault() to hold the quit, await
 * cleanup (bounded, a stuck close must not keep a zombie), then app.exit() — which skips the quit
 * events, so this runs once. https://www.electronjs.org/docs/latest/api/app#event-will-quit
 */
export function installQuitCleanup(
  app: QuitApp,
  cleanup: () => Promise<void>,
  opts: { timeoutMs?: number; onError?: (e: unknown) => void } = {},
): void {
  const timeoutMs = opts.timeoutMs ?? 5000;
  let started = false;
  app.on('will-quit', (event) => {
    if (started) return;
    started = true;
    event.preventDefault();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        opts.onError?.(new Error(`cleanup took longer than ${timeoutMs} ms; quitting anyway`));
        resolve();
      }, timeoutMs);
    });
    const work = Promise.resolve()
      .then(cleanup)
      .catch((e: unknown) => opts.onError?.(e));
    void Promise.race([work, bound]).then(() => {
      clearTimeout(timer);
      app.exit(0);
    });
  });
}

export interface FatalDeps {
  /** Where the log file is, so the dialog can name it. */
  logFile: () => string | null;
  showError: (title: string, body: string) => void;
  log?: (e: unknown) => void;
  exit: (code: number) => void;
  /** The sentence for a failure (e.g. a raw "database is locked" becomes the locked-file sentence). */
  explain?: (e: unknown) => string;
}

/**
 * Runs start() and turns any failure — a rejection or a synchronous throw — into a visible error
 * dialog naming the log file, then exits. Before, `.then(start, onRejected)` let start's own
 * failures escape: an invisible process kept the single-instance lock and every later launch
 * just focused nothing.
 */
export async function runStart(start: () => Promise<void> | void, deps: FatalDeps): Promise<void> {
  try {
    await start();
  } catch (e) {
    try {
      deps.log?.(e);
    } catch {
      /* logging must not stop the dialog */
    }
    const file = deps.logFile();
    let reason = e instanceof Error ? e.message : String(e);
    try {
      if (deps.explain) reason = deps.explain(e);
    } catch {
      /* the raw message is still better than none */
    }
    deps.showError(
      'Front Desk could not start',
      `${reason}\n\n${file ? `Details are in the log file:\n${file}` : 'No log file could be written.'}\n\nPlease send this file to your administrator.`,
    );
    deps.exit(1);
  }
}

export interface RejectionLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/**
 * Main's last word on a promise nobody awaited. Without it Node prints to a console no receptionist
 * sees and the log has nothing. While quitting, work that was still running (an outbox flush, a
 * sync) finds the database closed under it: expected, so it is noted, not reported as a fault.
 */
export function handleUnhandledRejections(
  proc: { on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown },
  deps: { log: () => RejectionLog | null; isQuitting: () => boolean },
): void {
  proc.on('unhandledRejection', (reason) => {
    const err =
      reason instanceof Error ? { message: reason.message, stack: reason.stack } : { message: String(reason) };
    const log = deps.log();
    if (!log) return;
    if (deps.isQuitting()) log.info({ err }, 'work still running when the app quit was stopped');
    else log.error({ err }, 'unhandled promise rejection');
  });
}
