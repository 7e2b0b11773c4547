import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { watchWindow } from '../../../src/main/shell/crash-watch';
import { rotateIfLarge, rotatingDestination } from '../../../src/main/shell/log-files';
import { UpdatePolicy, updatesEnabled } from '../../../src/main/shell/update-policy';
import type { OutboxItem } from '../../../src/shared/domain/photos';

function fakeWindow() {
  const win = new EventEmitter() as EventEmitter & {
    isDestroyed: () => boolean;
    webContents: EventEmitter & Record<string, ReturnType<typeof vi.fn>>;
  };
  win.isDestroyed = () => false;
  win.webContents = Object.assign(new EventEmitter(), { reload: vi.fn(), forcefullyCrashRenderer: vi.fn() }) as never;
  return win;
}
const log = () => ({ warn: vi.fn(), error: vi.fn(), info: vi.fn() });

describe('crashed or hung window', () => {
  it('logs a crashed renderer and reloads it when the receptionist chooses Reload', async () => {
    const win = fakeWindow();
    const deps = { log: log(), ask: vi.fn(async (_o: { buttons: string[] }) => 0), quit: vi.fn() };
    watchWindow(win as never, deps);
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 });
    await vi.waitFor(() => expect(win.webContents.reload).toHaveBeenCalledTimes(1));
    expect(deps.log.error).toHaveBeenCalledWith({ reason: 'oom', exitCode: 9 }, 'renderer gone');
    expect(deps.ask.mock.calls[0]![0]).toMatchObject({ buttons: ['Reload', 'Quit'] });
  });

  it('quits when asked to; a clean exit is only logged', async () => {
    const win = fakeWindow();
    const deps = { log: log(), ask: vi.fn(async () => 1), quit: vi.fn() };
    watchWindow(win as never, deps);
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(deps.ask).not.toHaveBeenCalled();
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await vi.waitFor(() => expect(deps.quit).toHaveBeenCalled());
    expect(win.webContents.reload).not.toHaveBeenCalled();
  });

  it('an unresponsive window offers Wait or Reload; Reload ends the hung renderer first; one dialog at a time', async () => {
    const win = fakeWindow();
    let answer!: (n: number) => void;
    const deps = { log: log(), ask: vi.fn(() => new Promise<number>((r) => (answer = r))), quit: vi.fn() };
    watchWindow(win as never, deps);
    win.emit('unresponsive');
    win.emit('unresponsive');
    expect(deps.ask).toHaveBeenCalledTimes(1);
    answer(1);
    await vi.waitFor(() => expect(win.webContents.reload).toHaveBeenCalled());
    expect(win.webContents.forcefullyCrashRenderer).toHaveBeenCalled();
    expect(deps.log.warn).toHaveBeenCalled();
  });
});

describe('update policy', () => {
  it('is off unless packaged with an https feed URL', () => {
    expect(updatesEnabled({ feedUrl: 'https://updates.example/front-desk', isPackaged: true }).enabled).toBe(true);
    expect(updatesEnabled({ feedUrl: 'https://updates.example/', isPackaged: false }).enabled).toBe(false);
    expect(updatesEnabled({ feedUrl: '', isPackaged: true })).toEqual({
      enabled: false,
      reason: expect.stringContaining('no update feed'),
    });
    expect(updatesEnabled({ feedUrl: undefined, isPackaged: true }).enabled).toBe(false);
    expect(updatesEnabled({ feedUrl: 'http://updates.example/', isPackaged: true }).enabled).toBe(false);
    expect(updatesEnabled({ feedUrl: 'not a url', isPackaged: true }).enabled).toBe(false);
  });

  const item = (state: OutboxItem['state']): OutboxItem =>
    ({
      id: 1,
      kind: 'upload',
      locationId: 1,
      staffId: 2,
      staffName: null,
      state,
      attempts: 0,
      lastError: null,
      nextAttemptAt: null,
      createdAt: '',
    }) as unknown as OutboxItem;

  it('offers the restart only after a download and never while printing, uploading or syncing', () => {
    const p = new UpdatePolicy();
    const seen: { version: string; canRestart: boolean }[] = [];
    p.subscribe((s) => seen.push(s));
    const endPrint = p.beginPrint();
    expect(p.mayRestart()).toBe(false); // nothing downloaded yet
    expect(seen).toEqual([]);
    expect(p.status()).toBeNull();
    p.downloaded('1.2.0');
    expect(seen.at(-1)).toEqual({ version: '1.2.0', canRestart: false });
    expect(p.status()).toEqual({ version: '1.2.0', canRestart: false });
    endPrint();
    endPrint(); // ending twice does not go negative
    expect(seen.at(-1)).toEqual({ version: '1.2.0', canRestart: true });
    p.onOutbox([item('sending')]);
    expect(p.busy()).toEqual(['upload']);
    expect(p.mayRestart()).toBe(false);
    p.onOutbox([item('pending'), item('failed')]);
    p.onSyncProgress({ locationId: 7, locationTitle: 'A', step: 'services', done: 1, total: 3 } as never);
    expect(p.busy()).toEqual(['sync']);
    p.onSyncProgress({ locationId: 7, locationTitle: 'A', step: 'done', done: 3, total: 3 });
    expect(p.mayRestart()).toBe(true);
    // Each change is announced once, not on every event.
    expect(seen.map((s) => s.canRestart)).toEqual([false, true, false, true, false, true]);
  });
});

describe('log files rotate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'front-desk-logs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('moves a too-big log aside, keeps N old ones and drops the oldest', () => {
    const file = join(dir, 'front-desk.log');
    for (let i = 1; i <= 4; i++) {
      writeFileSync(file, `run ${i} `.repeat(20));
      expect(rotateIfLarge(file, { maxBytes: 100, keep: 2 })).toBe(true);
    }
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(join(dir, 'front-desk.1.log'), 'utf8')).toContain('run 4');
    expect(readFileSync(join(dir, 'front-desk.2.log'), 'utf8')).toContain('run 3');
    expect(existsSync(join(dir, 'front-desk.3.log'))).toBe(false);
    writeFileSync(file, 'small');
    expect(rotateIfLarge(file, { maxBytes: 100, keep: 2 })).toBe(false);
  });

  it('a running app keeps writing to a fresh file after rotation', async () => {
    const file = join(dir, 'live.log');
    const { dest, stop } = rotatingDestination(file, { maxBytes: 50, keep: 1, checkEveryMs: 10 });
    dest.write('x'.repeat(80) + '\n');
    await vi.waitFor(() => expect(existsSync(join(dir, 'live.1.log'))).toBe(true));
    dest.write('after rotation\n');
    stop();
    expect(readFileSync(file, 'utf8')).toBe('after rotation\n');
  });
});
