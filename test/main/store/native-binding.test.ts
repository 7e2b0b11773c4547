import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { betterSqliteBinding } from '../../../src/main/store/native-binding';
import { StartupError } from '../../../src/main/store/startup-error';

describe('better-sqlite3 binding per runtime', () => {
  it('uses the default (Node) build outside Electron', () => {
    expect(betterSqliteBinding({ electronVersion: undefined, appRoot: '/app' })).toBeUndefined();
  });

  it('uses native/electron under Electron in development', () => {
    const path = betterSqliteBinding({ electronVersion: '41.7.1', appRoot: '/app', exists: (p) => p === join('/app', 'native', 'electron', 'better_sqlite3.node') });
    expect(path).toBe(join('/app', 'native', 'electron', 'better_sqlite3.node'));
  });

  it('prefers the unpacked copy in a packaged app', () => {
    const unpacked = join('/res', 'app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node');
    expect(betterSqliteBinding({ electronVersion: '41.7.1', appRoot: '/res/app.asar', resourcesPath: '/res', exists: (p) => p === unpacked })).toBe(unpacked);
  });

  it('explains how to build it when the Electron copy is missing', () => {
    expect(() => betterSqliteBinding({ electronVersion: '41.7.1', appRoot: '/app', exists: () => false })).toThrow(/npm run native:electron/);
    expect(() => betterSqliteBinding({ electronVersion: '41.7.1', appRoot: '/app', exists: () => false })).toThrow(StartupError);
  });

  it('the Node build in node_modules really loads under this Node', async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    expect(db.prepare('select sqlite_version() as v').get()).toHaveProperty('v');
    db.close();
  });
});
