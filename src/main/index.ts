import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import type { Bounds } from './core/window-bounds';
import { createRouter } from './ipc/router';
import { registerIpc } from './ipc';
import { createServices, type Services } from './services/container';
import { createElectronPrintPort } from './shell/print';
import { handleMediaProtocol, mediaUrl, registerMediaScheme } from './shell/media-protocol';
import { hardenSession, hardenWebContents } from './shell/security';
import { createTrustedUrlCheck } from './shell/trusted';
import { createMainWindow } from './shell/window';
import { betterSqliteBinding } from './store/native-binding';

const isDev = !app.isPackaged && !!process.env['ELECTRON_RENDERER_URL'];
const rendererIndex = join(__dirname, '../renderer/index.html');
const isAppUrl = createTrustedUrlCheck({ rendererIndexFile: rendererIndex, devServerUrl: isDev ? process.env['ELECTRON_RENDERER_URL'] : undefined });

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerMediaScheme();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { isAppUrl, openExternal: (url) => void shell.openExternal(url) }),
  );
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void services?.close());
  app.whenReady().then(start, (e) => {
    console.error('Front Desk failed to start', e);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  services = await createServices({
    userData: app.getPath('userData'),
    altegioBaseUrl: process.env['ALTEGIO_BASE_URL'] || undefined,
    buildPartnerToken: import.meta.env?.['MAIN_VITE_ALTEGIO_PARTNER_TOKEN'] || undefined,
    nativeBinding: betterSqliteBinding({
      electronVersion: process.versions.electron,
      appRoot: app.getAppPath(),
      resourcesPath: process.resourcesPath,
    }),
    mediaUrl,
    print: createElectronPrintPort({ parent: () => mainWindow ?? undefined }),
    info: () => ({
      name: 'Front Desk',
      version: app.getVersion(),
      platform: process.platform,
      runtime: 'electron',
      versions: { node: process.versions.node, electron: process.versions.electron ?? null, chrome: process.versions.chrome ?? null },
    }),
    openExternal: (url) => shell.openExternal(url),
  });
  const svc = services;
  handleMediaProtocol(svc.ctx.paths.media);
  registerIpc(ipcMain, createRouter({ handlers: svc.handlers, isTrustedSender: (c) => isAppUrl(c.senderUrl), log: svc.log }));
  // Resume the kept session before the page asks who is signed in.
  await svc.start();

  mainWindow = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.cjs'),
    isDev,
    savedBounds: svc.ctx.settings.get<Bounds | null>('window.bounds', null),
    saveBounds: (b) => svc.ctx.settings.set('window.bounds', b),
  });
  const win = mainWindow;
  svc.events.onAny((event, payload) => {
    if (!win.isDestroyed()) win.webContents.send(event, payload);
  });
  win.on('closed', () => (mainWindow = null));
  if (isDev) await win.loadURL(process.env['ELECTRON_RENDERER_URL']!);
  else await win.loadFile(rendererIndex);
}
