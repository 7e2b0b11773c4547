import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
// @ts-expect-error plain .mjs script, no type declarations
import { abiOf, bindingAbiProblem } from '../../../scripts/native/binding-abi.mjs';
// @ts-expect-error plain .mjs script, no type declarations
import { rebuildReason } from '../../../scripts/native/ensure-electron-binding.mjs';
import { handleUnhandledRejections } from '../../../src/main/shell/lifecycle';
import { NATIVE_BINDING_PACKAGED, startFailureMessage } from '../../../src/main/shell/start-failure';
import { StartupError } from '../../../src/main/store/startup-error';
import { createBridgeServices } from '../../e2e/bridge/app-services';
import { memoryKeychain } from '../../e2e/bridge/memory-keychain';

const root = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const nodeBuild = readFileSync(
  createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node'),
);

describe('every script that launches Electron checks first (issue 20, item 7)', () => {
  it.each(['start', 'start:built', 'dev'])('npm run %s runs the sandbox and native-binding checks', (script) => {
    const pre = pkg.scripts[`pre${script}`] ?? '';
    expect(pre).toContain('scripts/native/check-sandbox.mjs');
    expect(pre).toContain('scripts/native/ensure-electron-binding.mjs');
  });
});

describe('ensure-electron-binding checks the version, not only that the file exists (issue 20, item 13)', () => {
  it('reads the ABI a better-sqlite3 build carries', () => {
    expect(abiOf(nodeBuild)).toBe(Number(process.versions.modules));
    expect(abiOf(Buffer.from('no mark'))).toBeNull();
  });

  it('rebuilds a copy built for another ABI (e.g. before an Electron upgrade), keeps a matching one', () => {
    const exists = () => true;
    const read = () => nodeBuild;
    // Electron 41 is ABI 145 (node-abi); a Node 20 build is 115.
    expect(rebuildReason({ exists, read, version: '41.0.0' })).toMatch(
      /built for ABI 115, but Electron 41\.0\.0 needs ABI 145/,
    );
    expect(bindingAbiProblem(nodeBuild, '41.0.0', () => Number(process.versions.modules))).toBeNull();
    expect(rebuildReason({ exists: () => false, read, version: '41.0.0' })).toBe('it is missing');
  });
});

describe('start-up failures in words (issue 20, items 12 and 13)', () => {
  const file = '/data/front-desk.sqlite';

  it('a packaged app gets a sentence for a person when the database module cannot load; a development copy keeps the npm hint', () => {
    const e = new StartupError('native-binding', file);
    expect(startFailureMessage(e, file, { isPackaged: true })).toBe(NATIVE_BINDING_PACKAGED);
    expect(NATIVE_BINDING_PACKAGED).not.toMatch(/npm|native:electron|`/);
    expect(startFailureMessage(e, file, { isPackaged: false })).toContain('npm run native:electron');
  });

  it('a write lock held past the 5 s busy timeout while starting gives the locked-file sentence', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'fd-locked-'));
    try {
      const first = await createBridgeServices({ userData, keychainBackend: memoryKeychain() });
      await first.close();
      // A backup tool holding the file: SQLite's busy timeout (5 s) runs out during start-up. The records
      // file is the one a start writes (settings, the audit check); the cache is only read until a sync.
      const other = new Database(join(userData, 'front-desk-records.sqlite'));
      other.exec('BEGIN EXCLUSIVE');
      let failure: unknown = null;
      try {
        const s = await createBridgeServices({ userData, keychainBackend: memoryKeychain() });
        await s.start();
        await s.close();
      } catch (e) {
        failure = e;
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
      expect(failure).not.toBeNull();
      const sentence = startFailureMessage(failure, join(userData, 'front-desk.sqlite'), { isPackaged: true });
      expect(sentence).toBe(new StartupError('locked', file).message);
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  }, 30_000);

  it('an unhandled rejection is logged as an error; while quitting, a closed database is noted, not reported', () => {
    const listeners: ((reason: unknown) => void)[] = [];
    const log = { error: vi.fn(), info: vi.fn() };
    let quitting = false;
    handleUnhandledRejections({ on: (_e, l) => listeners.push(l) }, { log: () => log, isQuitting: () => quitting });
    expect(listeners).toHaveLength(1);
    listeners[0]!(new Error('boom'));
    expect(log.error).toHaveBeenCalledWith(
      { err: expect.objectContaining({ message: 'boom' }) },
      'unhandled promise rejection',
    );
    quitting = true;
    listeners[0]!(new TypeError('The database connection is not open'));
    expect(log.info).toHaveBeenCalledWith(
      { err: expect.objectContaining({ message: 'The database connection is not open' }) },
      expect.stringContaining('quit'),
    );
    expect(log.error).toHaveBeenCalledTimes(1);
  });
});
