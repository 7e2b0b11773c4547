import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, splitChannel } from '../../../src/shared/contract';
import { makeElectronMock } from './electron-mock';

const electron = makeElectronMock();
vi.mock('electron', () => electron.module);
await import('../../../src/preload/index');

describe('preload', () => {
  const api = electron.exposed['api'] as Record<string, unknown>;

  it('exposes exactly the contract channels plus on(), and no ipcRenderer', () => {
    expect(Object.keys(electron.exposed)).toEqual(['api']);
    const exposed: string[] = [];
    for (const [ns, value] of Object.entries(api)) {
      if (ns === 'on') continue;
      for (const method of Object.keys(value as object)) exposed.push(`${ns}.${method}`);
    }
    expect(exposed.sort()).toEqual([...CHANNELS].sort());
    expect(typeof api['on']).toBe('function');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|process|require/);
  });

  it('forwards a call to ipcRenderer.invoke on the same channel', async () => {
    const [ns, m] = splitChannel('app.ping');
    const fn = (api[ns] as Record<string, (a?: unknown) => Promise<unknown>>)[m]!;
    await expect(fn({ echo: 'x' })).resolves.toEqual({ ok: true, data: 'from-main' });
    expect(electron.module.ipcRenderer.invoke).toHaveBeenCalledWith('app.ping', { echo: 'x' });
  });

  it('checks arguments before they cross (a 61 MB photo never reaches main)', async () => {
    const upload = (api['staff'] as Record<string, (a: unknown) => Promise<unknown>>)['uploadPhoto']!;
    electron.module.ipcRenderer.invoke.mockClear();
    const res = await upload({ locationId: 1, staffId: 2, bytes: new Uint8Array(61 * 1024 * 1024), fileName: 'a.jpg' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('60 MB') } });
    expect(electron.module.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('subscribes only to contract events and returns an unsubscribe', () => {
    const on = api['on'] as (e: string, h: () => void) => () => void;
    const off = on('sync-progress', () => undefined);
    expect(electron.module.ipcRenderer.on).toHaveBeenCalledWith('sync-progress', expect.any(Function));
    off();
    expect(electron.module.ipcRenderer.removeListener).toHaveBeenCalled();
    electron.module.ipcRenderer.on.mockClear();
    on('ELECTRON_BROWSER_REQUIRE', () => undefined);
    expect(electron.module.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
