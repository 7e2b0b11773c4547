import { vi } from 'vitest';

/** A hand-made `electron` module: records what the shell asks of it. */
export function makeElectronMock() {
  const handled = new Map<string, (...args: unknown[]) => unknown>();
  const exposed: Record<string, unknown> = {};
  const windows: { options: Record<string, unknown> }[] = [];
  class BrowserWindow {
    options: Record<string, unknown>;
    webContents = { send: vi.fn(), on: vi.fn(), setWindowOpenHandler: vi.fn() };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this);
    }
    once = vi.fn();
    on = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    maximize = vi.fn();
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
  }
  return {
    handled,
    exposed,
    windows,
    module: {
      BrowserWindow,
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      ipcMain: {
        handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => {
          if (handled.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
          handled.set(channel, fn);
        }),
      },
      ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, data: 'from-main' })), on: vi.fn(), removeListener: vi.fn() },
      contextBridge: {
        exposeInMainWorld: vi.fn((key: string, value: unknown) => {
          exposed[key] = value;
        }),
      },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      net: { fetch: vi.fn() },
      shell: { openExternal: vi.fn() },
      powerMonitor: { on: vi.fn(), getSystemIdleTime: vi.fn(() => 0), getSystemIdleState: vi.fn(() => 'active') },
    },
  };
}
