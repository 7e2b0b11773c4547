import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { createBridgeServices } from '../../e2e/bridge/app-services';
import { memoryKeychain } from '../../e2e/bridge/memory-keychain';
import { parseWebOptions, startBanner, WebOptionsError } from '../../e2e/bridge/web-options';

const PACKAGE_VERSION = (JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string })
  .version;

afterEach(() => vi.unstubAllEnvs());

describe('npm run web', () => {
  it('"About" shows the package version when started without npm (no npm_package_version)', async () => {
    vi.stubEnv('npm_package_version', undefined);
    const services = await createBridgeServices({ keychainBackend: memoryKeychain(), log: silentLogger() });
    try {
      const info = await services.handlers['app.info'](undefined as never);
      expect(info.version).toBe(PACKAGE_VERSION);
      expect(info.version).not.toBe('0.0.0');
    } finally {
      await services.close();
    }
  });

  it('keeps the data folder given with --data (either spelling), and takes PORT from the environment', () => {
    expect(parseWebOptions(['--data', 'demo-data'], { PORT: '8080' })).toEqual({
      port: 8080,
      dataDir: resolve('demo-data'),
      memoryKeychain: false,
    });
    expect(parseWebOptions(['--data=/tmp/fd'], { FRONT_DESK_MEMORY_KEYCHAIN: '1' })).toEqual({
      port: 0,
      dataDir: '/tmp/fd',
      memoryKeychain: true,
    });
    expect(parseWebOptions([], {})).toEqual({ port: 0, dataDir: null, memoryKeychain: false });
  });

  it.each([
    [['--data'], {}, /--data needs a folder/],
    [['--data', '--port'], {}, /--data needs a folder/],
    [['--dta', 'x'], {}, /Unknown option "--dta"/],
    [[], { PORT: 'eighty' }, /PORT must be a whole number/],
    [[], { PORT: '70000' }, /PORT must be a whole number/],
  ])('refuses %j %j with a sentence', (argv, env, message) => {
    expect(() => parseWebOptions(argv, env)).toThrow(WebOptionsError);
    expect(() => parseWebOptions(argv, env)).toThrow(message);
  });

  it('says where the data is kept and what the memory keychain means, with no raw backticks', () => {
    const kept = startBanner('http://127.0.0.1:8080', { port: 8080, dataDir: '/d', memoryKeychain: true }, '/d');
    expect(kept).toContain('Data folder (kept between runs): /d');
    expect(kept).toMatch(/kept in memory only .*stopping the bridge signs everyone\s+out/s);
    const fresh = startBanner('http://127.0.0.1:1', { port: 0, dataDir: null, memoryKeychain: false }, '/tmp/x');
    expect(fresh).toContain('keep one with --data DIR');
    expect(fresh).not.toContain('memory');
    expect(kept + fresh).not.toContain('`');
  });
});
