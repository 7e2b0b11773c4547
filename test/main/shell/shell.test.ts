import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src/shared/contract';
import { makeElectronMock } from './electron-mock';

const electron = makeElectronMock();
vi.mock('electron', () => electron.module);

const { secureWebPreferences, createMainWindow } = await import('../../../src/main/shell/window');
const { registerIpc } = await import('../../../src/main/ipc');
const { hardenWebContents, hardenSession, CSP } = await import('../../../src/main/shell/security');
const { createTrustedUrlCheck } = await import('../../../src/main/shell/trusted');
const { createRouter } = await import('../../../src/main/ipc/router');
const { silentLogger } = await import('../../../src/main/core/logger');

describe('window', () => {
  it('uses the secure webPreferences set', () => {
    createMainWindow({
      preloadPath: '/app/out/preload/index.cjs',
      isDev: false,
      savedBounds: null,
      saveBounds: () => undefined,
    });
    const prefs = electron.windows.at(-1)!.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(secureWebPreferences('/p', true).devTools).toBe(true);
  });

  it('restores a saved position that is still on screen, and drops one that is not', () => {
    createMainWindow({
      preloadPath: '/p',
      isDev: false,
      savedBounds: { x: 100, y: 80, width: 1100, height: 700 },
      saveBounds: () => undefined,
    });
    expect(electron.windows.at(-1)!.options).toMatchObject({ x: 100, y: 80, width: 1100, height: 700 });
    createMainWindow({
      preloadPath: '/p',
      isDev: false,
      savedBounds: { x: 5000, y: 80, width: 1100, height: 700 },
      saveBounds: () => undefined,
    });
    expect(electron.windows.at(-1)!.options['x']).toBeUndefined();
  });
});

describe('ipc registration', () => {
  beforeEach(() => electron.handled.clear());

  it('registers every contract channel exactly once', () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, data: null }));
    registerIpc(electron.module.ipcMain as never, dispatch);
    expect([...electron.handled.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(electron.module.ipcMain.handle).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it('gives FORBIDDEN to a call from a foreign page or a subframe', async () => {
    const isAppUrl = createTrustedUrlCheck();
    const ping = vi.fn(async () => ({ pong: true as const, echo: null, at: 'x' }));
    const dispatch = createRouter({
      handlers: { 'app.ping': ping } as never,
      isTrustedSender: (c) => isAppUrl(c.senderUrl),
      log: silentLogger(),
    });
    registerIpc(electron.module.ipcMain as never, dispatch);
    const handler = electron.handled.get('app.ping')!;
    const mainFrame = { url: 'https://evil.example/phish' };
    const foreign = await handler({ senderFrame: mainFrame, sender: { mainFrame } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const appFrame = { url: 'app://front-desk/index.html#/catalogue' };
    const sub = { url: 'app://front-desk/index.html' };
    expect(await handler({ senderFrame: sub, sender: { mainFrame: appFrame } }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await handler({ senderFrame: appFrame, sender: { mainFrame: appFrame } }, {})).toMatchObject({ ok: true });
    expect(ping).toHaveBeenCalledTimes(1);
  });
});

describe('navigation and permissions', () => {
  function contents() {
    const listeners: Record<string, (...a: unknown[]) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    const c = {
      on: (name: string, fn: (...a: unknown[]) => void) => {
        listeners[name] = fn;
        return c;
      },
      setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => {
        openHandler = fn;
      },
    };
    return { c, listeners, open: (url: string) => openHandler!({ url }) };
  }
  const isAppUrl = createTrustedUrlCheck();

  it('denies navigation to a foreign URL and opens only allow-listed links outside', () => {
    const openExternal = vi.fn();
    const { c, listeners } = contents();
    hardenWebContents(c as never, { isAppUrl, openExternal });
    const evt = { preventDefault: vi.fn() };
    listeners['will-navigate']!(evt, 'https://evil.example/');
    expect(evt.preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
    const ok = { preventDefault: vi.fn() };
    listeners['will-navigate']!(ok, 'https://alteg.io/en/');
    expect(ok.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://alteg.io/en/');
    const own = { preventDefault: vi.fn() };
    listeners['will-navigate']!(own, 'app://front-desk/index.html#/team');
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('lets a subframe show only inline documents (the srcdoc preview), never navigate to a URL', () => {
    const { c, listeners } = contents();
    hardenWebContents(c as never, { isAppUrl, openExternal: vi.fn() });
    const nav = (url: string, isMainFrame: boolean) => {
      const event = { url, isMainFrame, preventDefault: vi.fn() };
      listeners['will-frame-navigate']!(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(nav('about:srcdoc', false)).toBe(false);
    expect(nav('https://evil.example/', false)).toBe(true);
    expect(nav('data:text/html,<script>1</script>', false)).toBe(true);
    expect(nav('app://front-desk/index.html', false)).toBe(true);
    // The main frame is will-navigate's business.
    expect(nav('app://front-desk/index.html#/team', true)).toBe(false);
  });

  it('denies window.open always; http:// and javascript: never reach the OS', () => {
    const openExternal = vi.fn();
    const { c, open } = contents();
    hardenWebContents(c as never, { isAppUrl, openExternal });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('http://alteg.io/')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(open('https://developer.alteg.io/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies every permission request and sets a CSP without unsafe-eval or remote origins', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    let headers: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | null = null;
    hardenSession({
      setPermissionRequestHandler: (fn: never) => (request = fn),
      setPermissionCheckHandler: (fn: never) => (check = fn),
      webRequest: { onHeadersReceived: (fn: never) => (headers = fn) },
    } as never);
    const cb = vi.fn();
    request!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);
    const done = vi.fn();
    headers!({ responseHeaders: {} }, done);
    expect(done).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CSP] } });
    expect(CSP).not.toMatch(/unsafe-eval|https?:/);
  });
});
