import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs build script, no type declarations
import { describeBinary, nativeArchFailures } from '../../../scripts/packaging/native-arch.mjs';
// @ts-expect-error plain .mjs build script, no type declarations
import { configFailures } from '../../../scripts/package-check.mjs';
// @ts-expect-error plain .mjs build script, no type declarations
import { defaultDebDepends } from '../../../scripts/packaging/deb-depends.mjs';

// @ts-expect-error plain .js config, no type declarations
const config = (await import('../../../electron-builder.js')).default as {
  afterPack: (ctx: unknown) => Promise<void>;
  deb: { depends: string[] };
  mac: { target: { target: string; arch: string[] }[] };
};
const require = createRequire(import.meta.url);
const hostElf = readFileSync(require.resolve('better-sqlite3/build/Release/better_sqlite3.node'));

/** A little-endian 64-bit ELF header with the given e_machine. */
function elf(machine: number): Buffer {
  const b = Buffer.alloc(64);
  b.writeUInt32BE(0x7f454c46, 0);
  b[4] = 2;
  b[5] = 1;
  b.writeUInt16LE(machine, 18);
  return b;
}
/** A thin Mach-O header: magic, cputype. */
function machO(cpu: number): Buffer {
  const b = Buffer.alloc(32);
  b.writeUInt32LE(0xfeedfacf, 0);
  b.writeUInt32LE(cpu, 4);
  return b;
}
/** A fat (universal) header listing the given CPU types. */
function fat(cpus: number[]): Buffer {
  const b = Buffer.alloc(8 + cpus.length * 20);
  b.writeUInt32BE(0xcafebabe, 0);
  b.writeUInt32BE(cpus.length, 4);
  cpus.forEach((c, i) => b.writeUInt32BE(c, 8 + i * 20));
  return b;
}
function pe(machine: number): Buffer {
  const b = Buffer.alloc(0x100);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.writeUInt32BE(0x50450000, 0x80);
  b.writeUInt16LE(machine, 0x84);
  return b;
}
const ARM64 = 0x0100000c;
const X64 = 0x01000007;

describe('native module architecture (issue 20, item 1)', () => {
  it('reads ELF, Mach-O (thin and fat) and PE headers', () => {
    expect(describeBinary(hostElf)).toEqual({ format: 'elf', archs: [process.arch === 'arm64' ? 'arm64' : 'x64'] });
    expect(describeBinary(machO(ARM64))).toEqual({ format: 'macho', archs: ['arm64'] });
    expect(describeBinary(fat([X64, ARM64]))).toEqual({ format: 'macho', archs: ['x64', 'arm64'] });
    expect(describeBinary(pe(0x8664))).toEqual({ format: 'pe', archs: ['x64'] });
    expect(describeBinary(Buffer.from('#!/bin/sh\n'))).toBeNull();
  });

  it('names every module built for another CPU or OS', () => {
    const natives = [
      { path: 'native/electron/better_sqlite3.node', bytes: machO(ARM64) },
      { path: 'node_modules/keytar/build/Release/keytar.node', bytes: machO(X64) },
      { path: 'x.node', bytes: pe(0x8664) },
    ];
    expect(nativeArchFailures(natives, { platform: 'darwin', arch: 'x64' })).toEqual([
      'native/electron/better_sqlite3.node is built for arm64, but this package is for darwin x64',
      'x.node is a pe binary; darwin loads macho',
    ]);
    expect(
      nativeArchFailures([{ path: 'u.node', bytes: fat([X64, ARM64]) }], { platform: 'darwin', arch: 'universal' }),
    ).toEqual([]);
    expect(
      nativeArchFailures([{ path: 'u.node', bytes: machO(X64) }], { platform: 'darwin', arch: 'universal' }),
    ).toHaveLength(1);
  });

  describe('afterPack', () => {
    let dir: string;
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses a Mac x64 package carrying an arm64 better_sqlite3.node (before any fuse is touched)', async () => {
      dir = mkdtempSync(join(tmpdir(), 'fd-arch-'));
      const unpacked = join(dir, 'Front Desk.app', 'Contents', 'Resources', 'app.asar.unpacked', 'native', 'electron');
      mkdirSync(unpacked, { recursive: true });
      writeFileSync(join(unpacked, 'better_sqlite3.node'), machO(ARM64));
      const ctx = {
        appOutDir: dir,
        electronPlatformName: 'darwin',
        arch: 1, // Arch.x64
        packager: { appInfo: { productFilename: 'Front Desk' }, executableName: 'front-desk' },
      };
      await expect(config.afterPack(ctx)).rejects.toThrow(
        /better_sqlite3\.node is built for arm64, but this package is for darwin x64/,
      );
    });
  });

  it('builds each Mac installer only for the CPU whose natives this machine has', () => {
    for (const t of config.mac.target) expect(t.arch).toHaveLength(1);
  });
});

describe('deb dependencies (issue 20, item 5)', () => {
  it("keep electron-builder's defaults (xdg-utils, libnotify4, libxtst6, libatspi2.0-0, libuuid1) and add ours", () => {
    const defaults = defaultDebDepends() as string[];
    expect(defaults).toEqual(
      expect.arrayContaining(['xdg-utils', 'libnotify4', 'libxtst6', 'libatspi2.0-0', 'libuuid1']),
    );
    expect(config.deb.depends).toEqual(expect.arrayContaining([...defaults, 'libasound2 | libasound2t64']));
    expect(configFailures(config)).toEqual([]);
  });

  it('the package check fails on a deb list that replaced the defaults', () => {
    const failures = configFailures({
      deb: { depends: ['libsecret-1-0', 'libnss3', 'libgtk-3-0', 'libxss1'] },
    }) as string[];
    expect(failures.join('\n')).toMatch(/deb\.depends lacks xdg-utils/);
    expect(failures.join('\n')).toMatch(/libuuid1/);
  });
});

describe('package check of the app npm run dist built (--built, CI on each OS)', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on a native module for another CPU, and on fuses left as Electron ships them', async () => {
    // @ts-expect-error plain .mjs build script, no type declarations
    const { checkBuiltApp } = await import('../../../scripts/package-check.mjs');
    dir = mkdtempSync(join(tmpdir(), 'fd-built-'));
    const app = join(dir, 'linux-unpacked');
    const res = join(app, 'resources');
    mkdirSync(join(res, 'app.asar.unpacked', 'native', 'electron'), { recursive: true });
    mkdirSync(join(res, 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release'), { recursive: true });
    mkdirSync(join(res, 'licenses', 'wasm-vips'), { recursive: true });
    writeFileSync(join(res, 'licenses', 'wasm-vips', 'THIRD-PARTY-NOTICES.md'), 'x');
    writeFileSync(join(res, 'licenses', 'wasm-vips', 'LICENSE'), 'x');
    writeFileSync(join(res, 'app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node'), elf(0x3e));
    // An arm64 keytar in an x64 package (npmRebuild off copies the build machine's binary).
    writeFileSync(
      join(res, 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'),
      elf(0xb7),
    );
    // A binary carrying Electron 41's stock fuse wire (nothing flipped).
    writeFileSync(
      join(app, 'front-desk'),
      Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 9]), Buffer.from('101100011')]),
    );
    const failures = (await checkBuiltApp({ release: dir, platform: 'linux', arch: 'x64' })) as string[];
    expect(failures).toContain(
      'node_modules/keytar/build/Release/keytar.node is built for arm64, but this package is for linux x64',
    );
    expect(failures.some((f) => /fuse RunAsNode is 1, expected off/.test(f))).toBe(true);
    expect(failures.join('\n')).not.toMatch(/better_sqlite3/);
  });
});
