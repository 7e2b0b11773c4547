import { app, BrowserWindow, crashReporter, dialog, ipcMain, net, powerMonitor, session, shell } from 'electron';
import { join } from 'node:path';
import { createLogger, type Logger } from './core/logger';
import type { Bounds } from './core/window-bounds';
import { createRouter } from './ipc/router';
import { registerIpc } from './ipc';
import type { PrintPort } from './print/port';
import { createServices, type Services } from './container';
import { APP_INDEX_URL } from './shell/app-files';
import { handleAppProtocol, registerPrivilegedSchemes } from './shell/app-protocol';
import { watchWindow } from './shell/crash-watch';
import { lockOnSystemEvents } from './shell/desk-lock';
import { altegioBaseUrlOverride } from './shell/environment';
import { IdleClock } from './shell/idle-clock';
import { handleUnhandledRejections, installQuitCleanup, runStart } from './shell/lifecycle';
import { rotatingDestination } from './shell/log-files';
import { handleMediaProtocol, mediaUrl } from './shell/media-protocol';
import { createElectronPrintPort } from './shell/print';
import { hardenSession, hardenWebContents } from './shell/security';
import { createTrustedUrlCheck } from './shell/trusted';
import { UpdatePolicy } from './shell/update-policy';
import { startUpdater } from './shell/updater';
import { startFailureMessage } from './shell/start-failure';
import { createMainWindow } from './shell/window';
import { betterSqliteBinding } from './store/native-binding';

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] || undefined : undefined;
const isDev = !!devServerUrl;
const rendererRoot = join(__dirname, '../renderer');
const isAppUrl = createTrustedUrlCheck({ devServerUrl });

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;
let log: Logger | null = null;
let logFile: string | null = null;
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Both before `ready`: privileged schemes cannot be registered later, and the crash reporter
  // should see start-up crashes. Minidumps stay on this PC (no upload server), in userData.
  // https://www.electronjs.org/docs/latest/api/crash-reporter#crashreporterstartoptions
  registerPrivilegedSchemes();
  app.setPath('crashDumps', join(app.getPath('userData'), 'crashes'));
  crashReporter.start({ uploadToServer: false, compress: true });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { isAppUrl, openExternal: (url) => void shell.openExternal(url) }),
  );
  app.on('child-process-gone', (_event, details) =>
    log?.warn({ type: details.type, reason: details.reason }, 'child process gone'),
  );
  app.on('window-all-closed', () => app.quit());
  handleUnhandledRejections(process, { log: () => log, isQuitting: () => quitting });
  app.on('will-quit', () => (quitting = true));
  installQuitCleanup(app, async () => services?.close(), {
    timeoutMs: 5000,
    onError: (e) => log?.error({ err: String(e) }, 'quit cleanup'),
  });
  void app.whenReady().then(() =>
    runStart(start, {
      logFile: () => logFile,
      log: (e) =>
        log?.fatal({ err: e instanceof Error ? { message: e.message, stack: e.stack } : String(e) }, 'start failed'),
      showError: (title, body) => dialog.showErrorBox(title, body),
      exit: (code) => app.exit(code),
      explain: (e) =>
        startFailureMessage(e, join(app.getPath('userData'), 'front-desk.sqlite'), { isPackaged: app.isPackaged }),
    }),
  );
}

/** Counts print jobs for the update policy: no restart while one runs. */
function trackPrints(port: PrintPort, policy: UpdatePolicy): PrintPort {
  const tracked =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const done = policy.beginPrint();
      try {
        return await fn(...a);
      } finally {
        done();
      }
    };
  return {
    printers: () => port.printers(),
    print: tracked(port.print.bind(port)),
    savePdf: tracked(port.savePdf.bind(port)),
  };
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  logFile = join(userData, 'logs', 'front-desk.log');
  const { dest } = rotatingDestination(logFile, { maxBytes: 5 * 1024 * 1024, keep: 3 });
  log = createLogger({ destination: dest });
  log.info({ version: app.getVersion(), electron: process.versions.electron, platform: process.platform }, 'starting');

  hardenSession(session.defaultSession);
  handleAppProtocol(rendererRoot);
  const policy = new UpdatePolicy();
  const idle = new IdleClock(powerMonitor, {
    onSource: (source, why) => log?.info({ source, why }, 'auto-lock idle clock'),
  });
  let restartToUpdate: () => { restarting: boolean } = () => ({ restarting: false });

  services = await createServices({
    userData,
    log,
    altegioBaseUrl: altegioBaseUrlOverride(process.env, app.isPackaged),
    // Chromium's network stack: the system proxy (PAC/WPAD, authenticating proxies) and the OS
    // certificate store, where an antivirus that scans HTTPS puts its root. Node's fetch sees
    // neither, and the NODE_OPTIONS fuse also disables NODE_EXTRA_CA_CERTS.
    // https://www.electronjs.org/docs/latest/api/net#netfetchinput-init
    fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
    buildPartnerToken: import.meta.env?.['MAIN_VITE_ALTEGIO_PARTNER_TOKEN'] || undefined,
    nativeBinding: betterSqliteBinding({
      electronVersion: process.versions.electron,
      appRoot: app.getAppPath(),
      resourcesPath: process.resourcesPath,
    }),
    mediaUrl,
    print: trackPrints(createElectronPrintPort({ parent: () => mainWindow ?? undefined }), policy),
    info: () => ({
      name: 'Front Desk',
      version: app.getVersion(),
      platform: process.platform,
      runtime: 'electron',
      versions: {
        node: process.versions.node,
        electron: process.versions.electron ?? null,
        chrome: process.versions.chrome ?? null,
      },
    }),
    openExternal: (url) => shell.openExternal(url),
    restartToUpdate: () => restartToUpdate(),
    updateStatus: () => policy.status(),
    idleSeconds: () => idle.idleSeconds(),
  });
  const svc = services;
  handleMediaProtocol(svc.ctx.paths.media);
  registerIpc(
    ipcMain,
    createRouter({ handlers: svc.handlers, isTrustedSender: (c) => isAppUrl(c.senderUrl), log: svc.log }),
  );
  svc.events.on('sync-progress', (p) => policy.onSyncProgress(p));
  svc.events.on('outbox-changed', ({ items }) => policy.onOutbox(items));
  policy.subscribe((state) => svc.events.emit('update-ready', state));
  // The window exists and shows before the session is resumed: resuming reads the keychain, which
  // may ask the user to unlock it, and until then a second launch had nothing to focus.
  mainWindow = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.cjs'),
    isDev,
    savedBounds: svc.ctx.settings.get<Bounds | null>('window.bounds', null),
    saveBounds: (b) => svc.ctx.settings.set('window.bounds', b),
  });
  const win = mainWindow;
  win.show();
  win.on('closed', () => (mainWindow = null));
  // The app's own input clock, for desktops whose system idle clock does not move (Wayland).
  win.webContents.on('before-input-event', () => idle.touch());
  win.webContents.on('before-mouse-event', () => idle.touch());
  svc.events.onAny((event, payload) => {
    if (!win.isDestroyed()) win.webContents.send(event, payload);
  });
  watchWindow(win, {
    log: svc.log,
    ask: async (o) => (await dialog.showMessageBox(win, { type: 'warning', noLink: true, ...o })).response,
    quit: () => app.quit(),
  });
  // Resume the kept session before the page asks who is signed in.
  await svc.start();
  lockOnSystemEvents(powerMonitor, (reason) => svc.desk.lock(reason));
  if (win.isDestroyed()) return;
  await win.loadURL(devServerUrl ?? APP_INDEX_URL);

  restartToUpdate = startUpdater({
    feedUrl: import.meta.env?.['MAIN_VITE_UPDATE_URL'] || undefined,
    isPackaged: app.isPackaged,
    policy,
    log: svc.log,
  }).restart;
}
