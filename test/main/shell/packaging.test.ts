import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs build script, no type declarations
import { electronBinaryIn, FUSES } from '../../../scripts/packaging/fuses.mjs';

// @ts-expect-error plain .js config, no type declarations
const config = (await import('../../../electron-builder.js')).default as unknown as Record<string, unknown> & {
  files: unknown[];
  asarUnpack: string[];
  nsis: Record<string, unknown>;
  win: { target: { target: string }[] };
  mac: { target: { target: string; arch: string[] }[] };
  linux: { target: { target: string }[] };
  afterPack: unknown;
};

describe('fuses', () => {
  it('sets each fuse as the security baseline asks', () => {
    expect(FUSES).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('are flipped after pack, on the binary of each platform', () => {
    expect(typeof config.afterPack).toBe('function');
    const ctx = (platform: string) => ({
      appOutDir: '/out',
      electronPlatformName: platform,
      packager: { appInfo: { productFilename: 'Front Desk' }, executableName: 'front-desk' },
    });
    expect(electronBinaryIn(ctx('win32'))).toBe(join('/out', 'Front Desk.exe'));
    expect(electronBinaryIn(ctx('darwin'))).toBe(join('/out', 'Front Desk.app'));
    expect(electronBinaryIn(ctx('linux'))).toBe(join('/out', 'front-desk'));
  });
});

describe('electron-builder configuration', () => {
  it('builds NSIS per-user, dmg+zip for this Mac CPU, AppImage+deb', () => {
    expect(config['productName']).toBe('Front Desk');
    expect(config['appId']).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, oneClick: true });
    const mac = process.arch === 'arm64' ? 'arm64' : 'x64';
    expect(config.mac.target.map((t) => [t.target, t.arch])).toEqual([
      ['dmg', [mac]],
      ['zip', [mac]],
    ]);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
  });

  it('packs an asar with natives unpacked, the Electron build of better-sqlite3 where main looks, and no rebuild', () => {
    expect(config['asar']).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config['npmRebuild']).toBe(false);
    // src/main/store/native-binding.ts looks in resources/app.asar.unpacked/native/electron/.
    expect(config.files).toContainEqual({
      from: 'native/electron',
      to: 'native/electron',
      filter: ['better_sqlite3.node'],
    });
    expect(config.files).toContain('out/**');
    expect(config.files.filter((f) => typeof f === 'string' && /^(src|test)\b/.test(f))).toEqual([]);
    expect(config['icon']).toBe('resources/icon.png');
  });
});
