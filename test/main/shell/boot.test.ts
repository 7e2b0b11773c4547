import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeElectronMock } from './electron-mock';

/**
 * Boots src/main/index.ts against a mocked `electron` and a fake composition root: the wiring
 * (start failure, quit, app:// URL) is checked, not just the helpers it calls.
 */
const userData = mkdtempSync(join(tmpdir(), 'front-desk-boot-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));

const h = vi.hoisted(() => ({
  createServices: vi.fn(),
  electron: null as unknown as ReturnType<typeof import('./electron-mock').makeElectronMock>,
}));

function electronWithApp() {
  const base = makeElectronMock();
  const listeners = new Map<string, ((...a: unknown[]) => void)[]>();
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    on: vi.fn((name: string, fn: (...a: unknown[]) => void) =>
      listeners.set(name, [...(listeners.get(name) ?? []), fn]),
    ),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn(() => userData),
    setPath: vi.fn(),
    getVersion: () => '0.1.0',
    getAppPath: () => userData,
  };
  const loadURL = vi.fn(async () => undefined);
  class BrowserWindow extends base.module.BrowserWindow {
    loadURL = loadURL;
    override webContents = {
      send: vi.fn(),
      on: vi.fn(),
      setWindowOpenHandler: vi.fn(),
      reload: vi.fn(),
      forcefullyCrashRenderer: vi.fn(),
    };
  }
  return {
    ...base,
    app,
    listeners,
    loadURL,
    module: {
      ...base.module,
      app,
      BrowserWindow,
      crashReporter: { start: vi.fn() },
      dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn() },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          webRequest: { onHeadersReceived: vi.fn() },
        },
      },
    },
  };
}

vi.mock('electron', () => h.electron.module);
vi.mock('electron-updater', () => ({
  default: { autoUpdater: { on: vi.fn(), setFeedURL: vi.fn(), checkForUpdates: vi.fn() } },
}));
vi.mock('../../../src/main/container', () => ({ createServices: h.createServices }));
vi.mock('../../../src/main/store/native-binding', () => ({ betterSqliteBinding: () => undefined }));

function fakeServices() {
  return {
    handlers: {},
    log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), fatal: vi.fn() },
    events: { on: vi.fn(), onAny: vi.fn(), emit: vi.fn() },
    ctx: { paths: { media: join(userData, 'media') }, settings: { get: () => null, set: vi.fn() } },
    start: vi.fn(async (): Promise<void> => undefined),
    close: vi.fn(async (): Promise<void> => undefined),
  };
}

// One mocked electron for the file: vitest caches a mock factory's module across resetModules.
const electron = electronWithApp();
h.electron = electron as never;
beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  electron.listeners.clear();
  electron.handled.clear();
  h.createServices.mockReset();
});

async function boot() {
  await import('../../../src/main/index');
  // whenReady().then(runStart(start)) settles over a few ticks.
  await vi.waitFor(() => expect(h.createServices).toHaveBeenCalled());
}

describe('main entry', () => {
  it('a failure inside start() shows an error dialog naming the log file and exits (no invisible process)', async () => {
    h.createServices.mockRejectedValue(new Error('SQLite module for Electron is missing'));
    await boot();
    await vi.waitFor(() => expect(electron.module.dialog.showErrorBox).toHaveBeenCalled());
    const [title, body] = electron.module.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('Front Desk could not start');
    expect(body).toContain('SQLite module for Electron is missing');
    expect(body).toContain(join(userData, 'logs', 'front-desk.log'));
    expect(electron.app.exit).toHaveBeenCalledWith(1);
  });

  it('loads the renderer from app://front-desk and registers the schemes and crash reporter before ready', async () => {
    h.createServices.mockResolvedValue(fakeServices());
    await boot();
    await vi.waitFor(() => expect(electron.loadURL).toHaveBeenCalledWith('app://front-desk/index.html'));
    expect(electron.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(electron.module.crashReporter.start).toHaveBeenCalledWith(
      expect.objectContaining({ uploadToServer: false }),
    );
    expect(electron.app.setPath).toHaveBeenCalledWith('crashDumps', join(userData, 'crashes'));
    expect(electron.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.module.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('quit waits for services.close() (will-quit held once), then exits', async () => {
    const svc = fakeServices();
    let closed!: () => void;
    svc.close.mockImplementation(() => new Promise<void>((r) => (closed = r)));
    h.createServices.mockResolvedValue(svc);
    await boot();
    await vi.waitFor(() => expect(electron.loadURL).toHaveBeenCalled());
    expect(electron.listeners.has('before-quit')).toBe(false);
    const event = { preventDefault: vi.fn() };
    for (const fn of electron.listeners.get('will-quit') ?? []) fn(event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(svc.close).toHaveBeenCalled());
    expect(electron.app.exit).not.toHaveBeenCalled();
    closed();
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0));
  });
});

describe('main entry on a real PC (issue 20)', () => {
  const optionsOf = () => h.createServices.mock.calls[0]![0] as Record<string, unknown>;

  it('item 2: gives the Altegio transport Electron’s net.fetch (system proxy, OS trust store)', async () => {
    h.createServices.mockResolvedValue(fakeServices());
    await boot();
    const fetch = optionsOf()['fetch'] as (input: string, init?: RequestInit) => Promise<Response>;
    expect(typeof fetch).toBe('function');
    const answer = new Response('{}');
    electron.module.net.fetch.mockResolvedValue(answer as never);
    const signal = AbortSignal.timeout(1000);
    await expect(fetch('https://api.alteg.io/api/v1/companies', { method: 'GET', signal })).resolves.toBe(answer);
    // The caller's AbortSignal (timeouts, cancellation) reaches Chromium's fetch untouched.
    expect(electron.module.net.fetch).toHaveBeenCalledWith('https://api.alteg.io/api/v1/companies', {
      method: 'GET',
      signal,
    });
  });

  it('item 3: ignores ALTEGIO_BASE_URL in the packaged app, honours it in a development copy', async () => {
    process.env['ALTEGIO_BASE_URL'] = 'https://collector.example';
    try {
      h.createServices.mockResolvedValue(fakeServices());
      electron.app.isPackaged = true;
      await boot();
      expect(optionsOf()['altegioBaseUrl']).toBeUndefined();

      vi.resetModules();
      h.createServices.mockClear();
      electron.app.isPackaged = false;
      await boot();
      expect(optionsOf()['altegioBaseUrl']).toBe('https://collector.example');
    } finally {
      delete process.env['ALTEGIO_BASE_URL'];
      electron.app.isPackaged = false;
    }
  });

  it('item 11: shows the window before the session (and its keychain read) is resumed; a second launch focuses it', async () => {
    const svc = fakeServices();
    svc.start.mockImplementation(() => new Promise<void>(() => undefined)); // the keychain waits for its unlock prompt
    h.createServices.mockResolvedValue(svc);
    await boot();
    await vi.waitFor(() => expect(svc.start).toHaveBeenCalled());
    const win = electron.windows.at(-1) as unknown as {
      show: ReturnType<typeof vi.fn>;
      focus: ReturnType<typeof vi.fn>;
    };
    expect(win).toBeDefined();
    expect(win.show).toHaveBeenCalled();
    for (const fn of electron.listeners.get('second-instance') ?? []) fn();
    expect(win.focus).toHaveBeenCalled();
    expect(electron.loadURL).not.toHaveBeenCalled(); // the page asks who is signed in only after start
  });

  it('item 12: a write lock held past the busy timeout at start gives the locked-file sentence, not "database is locked"', async () => {
    h.createServices.mockRejectedValue(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
    await boot();
    await vi.waitFor(() => expect(electron.module.dialog.showErrorBox).toHaveBeenCalled());
    const [, body] = electron.module.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(body).toContain('in use by another program');
    expect(body).not.toContain('database is locked');
  });

  it('item 12: main logs unhandled rejections instead of leaving them to a console nobody sees', async () => {
    const before = process.listenerCount('unhandledRejection');
    h.createServices.mockResolvedValue(fakeServices());
    await boot();
    const added = process.listeners('unhandledRejection').slice(before);
    try {
      expect(added).toHaveLength(1);
    } finally {
      for (const l of added) process.off('unhandledRejection', l);
    }
  });

  it('item 13: a packaged app whose database module cannot load says so for a person, with no npm command', async () => {
    const { StartupError } = await import('../../../src/main/store/startup-error');
    h.createServices.mockRejectedValue(new StartupError('native-binding', join(userData, 'front-desk.sqlite')));
    electron.app.isPackaged = true;
    try {
      await boot();
      await vi.waitFor(() => expect(electron.module.dialog.showErrorBox).toHaveBeenCalled());
      const [, body] = electron.module.dialog.showErrorBox.mock.calls[0] as [string, string];
      expect(body).toContain('install Front Desk again');
      expect(body).not.toMatch(/npm|native:electron/);
    } finally {
      electron.app.isPackaged = false;
    }
  });
});
