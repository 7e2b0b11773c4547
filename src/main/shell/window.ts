import { BrowserWindow, screen, type WebPreferences } from 'electron';
import { restoreBounds, type Bounds } from '../core/window-bounds';

/** Electron's security checklist, all of it; the unit test pins these values. */
export function secureWebPreferences(preloadPath: string, isDev: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: isDev,
  };
}

export interface WindowDeps {
  preloadPath: string;
  isDev: boolean;
  savedBounds: Bounds | null;
  saveBounds: (b: Bounds) => void;
  iconPath?: string;
}

export function createMainWindow(deps: WindowDeps): BrowserWindow {
  const bounds = restoreBounds(deps.savedBounds, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Front Desk',
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    ...(deps.iconPath ? { icon: deps.iconPath } : {}),
    webPreferences: secureWebPreferences(deps.preloadPath, deps.isDev),
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    deps.saveBounds({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('resized', remember);
  win.on('moved', remember);
  win.on('close', remember);
  return win;
}
