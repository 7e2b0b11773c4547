// `npm run package:check` (part of `npm test`, after the build): packs the app for real with
// electron-builder (`--dir`, no installer) and inspects the result. Offline and in seconds:
// - Electron itself cannot be downloaded here, so electron-builder's `electronDist` points at a
//   stand-in folder whose "binary" is a small file carrying a genuine fuse wire (sentinel +
//   version + 9 fuses, as Electron 41 ships them). The afterPack hook flips it with
//   @electron/fuses exactly as it would the real binary, and we read it back.
// - The Electron build of better-sqlite3 cannot be compiled here either; a copy of the Node build
//   stands in for native/electron/better_sqlite3.node (only its place in the package is checked).
// - npmRebuild is off (as in the real config), so nothing is compiled or fetched.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { FUSES } from './packaging/fuses.mjs';
import { missingDebDefaults } from './packaging/deb-depends.mjs';
import { nativeArchFailures, nativesUnder } from './packaging/native-arch.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const asar = require('@electron/asar');

/** app.asar budget. Today ~7 MB once sharp's libvips is unpacked (zod ~2.7 MB, the renderer ~0.7 MB). */
export const ASAR_BUDGET_BYTES = 12 * 1024 * 1024;
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 41's shipped defaults: RunAsNode, NODE_OPTIONS, --inspect, file:// privileges, WASM traps on. */
const STOCK_WIRE = '101100011';

function standInElectron(dir) {
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, 'electron');
  writeFileSync(
    binary,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in Electron for the package check"\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, STOCK_WIRE.length]),
      Buffer.from(STOCK_WIRE),
    ]),
  );
  chmodSync(binary, 0o755);
  writeFileSync(join(dir, 'version'), require('electron/package.json').version);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
}

function standInNative(dir) {
  mkdirSync(dir, { recursive: true });
  copyFileSync(require.resolve('better-sqlite3/build/Release/better_sqlite3.node'), join(dir, 'better_sqlite3.node'));
}

/** Names of packages reachable from dependencies (a devDependency may legitimately also be one). */
function productionPackageNames() {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const names = new Set();
  for (const line of out.split('\n')) {
    const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)$/.exec(line.trim());
    if (m) names.add(m[1].replace(/\\/g, '/'));
  }
  return names;
}

/**
 * The main bundle is ESM and imports its dependencies by name at run time. Two ways that only
 * fails when the app starts: a CommonJS package whose export Node's ESM loader cannot see
 * (electron-updater's getter-defined autoUpdater), or a file the `files` filters dropped from the
 * package. So extract the package and load the bundle's exact import lines from inside it, under
 * Node, minus electron (natives load too: keytar is N-API, better-sqlite3 is the Node stand-in).
 */
function checkBundleImports(archive, work, fail) {
  const extracted = join(work, 'extracted');
  asar.extractAll(archive, extracted);
  const bundle = readFileSync(join(extracted, 'out/main/index.js'), 'utf8');
  const lines = bundle.match(/^import [^;]*? from "[^"]+";$/gm) ?? [];
  const external = lines.filter((l) => !/from "(electron|node:[^"]+)"/.test(l));
  const probe = join(extracted, 'out', 'main', 'import-probe.mjs');
  writeFileSync(probe, external.join('\n') + '\n');
  try {
    execFileSync(process.execPath, [probe], { cwd: extracted, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
  } catch (e) {
    const why =
      String(e.stderr ?? e.message)
        .split('\n')
        .find((l) => /Error/.test(l)) ?? String(e.message);
    fail(`the packaged main bundle's imports do not load: ${why.trim()}`);
  }
  return external.length;
}

/** Checks of the electron-builder configuration itself (no packing needed). */
export function configFailures(config) {
  return missingDebDefaults(config.deb?.depends);
}

export async function checkPackage({ log = console.log } = {}) {
  const failures = [];
  const fail = (msg) => failures.push(msg);
  for (const f of configFailures((await import('../electron-builder.js')).default)) fail(f);
  for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run \`npx electron-vite build\` first`);
  }
  const work = mkdtempSync(join(tmpdir(), 'front-desk-package-'));
  try {
    standInElectron(join(work, 'electron'));
    standInNative(join(work, 'native'));
    const started = Date.now();
    execFileSync(
      process.execPath,
      [
        require.resolve('electron-builder/cli.js'),
        '--linux',
        '--dir',
        '--publish',
        'never',
        `-c.directories.output=${join(work, 'release')}`,
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          FRONT_DESK_ELECTRON_DIST: join(work, 'electron'),
          FRONT_DESK_NATIVE_DIR: join(work, 'native'),
          ELECTRON_BUILDER_OFFLINE: '1',
        },
      },
    );
    const packSeconds = (Date.now() - started) / 1000;
    const appDir = join(work, 'release', 'linux-unpacked');
    const archive = join(appDir, 'resources', 'app.asar');
    const unpackedDir = `${archive}.unpacked`;
    if (!existsSync(archive)) throw new Error('electron-builder produced no app.asar');

    const entries = asar.listPackage(archive, { isPack: false }).map((p) => p.replace(/\\/g, '/'));
    const files = new Set(entries.map((p) => p.replace(/^\//, '')));
    const has = (p) => files.has(p);

    // 1. The build output and a package.json whose main resolves inside the archive.
    for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json'])
      if (!has(f)) fail(`app.asar lacks ${f}`);
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
    const main = posix.normalize(pkg.main ?? 'index.js').replace(/^\.\//, '');
    if (!has(main)) fail(`package.json main "${pkg.main}" does not resolve inside app.asar`);
    if (pkg.devDependencies) fail('the packaged package.json still lists devDependencies');

    // 2. Nothing from src/, test/, scripts/, no sources or source maps of ours.
    for (const p of files) {
      if (
        /^(src|test|scripts|resources|native\/(?!electron\/))\//.test(p) ||
        /^out\/.*\.map$/.test(p) ||
        /^[^/]+\.(ts|mts|cjs|mjs|md)$/.test(p) ||
        p === '.env.local'
      ) {
        fail(`app.asar holds ${p}`);
      }
    }

    // 3. No devDependencies (unless production code needs the same package).
    const prod = productionPackageNames();
    const devOnly = Object.keys(
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies ?? {},
    ).filter((n) => !prod.has(n));
    for (const name of devOnly) {
      if (has(`node_modules/${name}/package.json`) || existsSync(join(unpackedDir, 'node_modules', name)))
        fail(`devDependency ${name} is in the package`);
    }

    // 4. Every native module is unpacked, on disk next to the archive.
    const natives = [...files].filter((p) => p.endsWith('.node'));
    for (const p of natives) {
      const st = asar.statFile(archive, p, false);
      if (!st.unpacked || !existsSync(join(unpackedDir, p))) fail(`${p} is not in app.asar.unpacked`);
    }
    for (const needed of ['native/electron/better_sqlite3.node', 'node_modules/keytar/build/Release/keytar.node']) {
      if (!natives.includes(needed)) fail(`${needed} is missing from the package`);
    }
    // ...and built for the platform and CPU of this package, read from each file's header (afterPack
    // refuses a mismatch already; this also covers a hook that someone turned off).
    for (const f of nativeArchFailures(nativesUnder(unpackedDir), { platform: 'linux', arch: process.arch })) fail(f);
    // The photo pipeline's libvips (wasm) loads its module, workers and .wasm from real files.
    for (const needed of ['node_modules/wasm-vips/lib/vips-node.mjs', 'node_modules/wasm-vips/lib/vips.wasm']) {
      if (!existsSync(join(unpackedDir, needed))) fail(`${needed} is not in app.asar.unpacked`);
    }
    // Its licence and third-party notices travel with it (outside app.asar, in resources/licenses).
    for (const notice of ['THIRD-PARTY-NOTICES.md', 'LICENSE']) {
      if (!existsSync(join(appDir, 'resources', 'licenses', 'wasm-vips', notice))) fail(`wasm-vips' ${notice} is not in the package`);
    }
    for (const unused of ['vips-heif.wasm', 'vips-jxl.wasm', 'vips-resvg.wasm']) {
      if (existsSync(join(unpackedDir, 'node_modules/wasm-vips/lib', unused)) || has(`node_modules/wasm-vips/lib/${unused}`))
        fail(`node_modules/wasm-vips/lib/${unused} is packed but never loaded`);
    }

    // 5. Size budget.
    const asarBytes = statSync(archive).size;
    if (asarBytes > ASAR_BUDGET_BYTES)
      fail(
        `app.asar is ${(asarBytes / 1e6).toFixed(1)} MB, over the ${(ASAR_BUDGET_BYTES / 1e6).toFixed(1)} MB budget`,
      );

    // 6. Fuses flipped by the afterPack hook, read back from the packaged binary.
    const wire = await getCurrentFuseWire(join(appDir, 'front-desk'));
    for (const [key, want] of Object.entries(FUSES)) {
      if (key === 'version') continue;
      const got = wire[key];
      if (got !== (want ? 49 : 48))
        fail(`fuse ${FuseV1Options[key]} is ${String.fromCharCode(got)}, expected ${want ? 'on' : 'off'}`);
    }

    // 7. The bundle's named imports exist (ESM main importing CommonJS dependencies).
    const imports = checkBundleImports(archive, work, fail);
    log(`[package-check] ${imports} external imports of out/main/index.js load from inside the package (Node)`);

    log(`[package-check] packed in ${packSeconds.toFixed(1)} s with a stand-in Electron (offline, --dir)`);
    log(
      `[package-check] app.asar ${(asarBytes / 1e6).toFixed(2)} MB (budget ${(ASAR_BUDGET_BYTES / 1e6).toFixed(1)} MB), ${files.size} entries, ${natives.length} native modules unpacked`,
    );
    return { failures, asarBytes, packSeconds, natives };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Where electron-builder put the unpacked app for a platform: its resources folder and its binary. */
export function builtAppPaths(release, platform) {
  const dirs = existsSync(release) ? readdirSync(release) : [];
  if (platform === 'darwin') {
    const mac = dirs.find((d) => /^mac(-[\w]+)?$/.test(d) && existsSync(join(release, d, 'Front Desk.app')));
    if (!mac) return null;
    const app = join(release, mac, 'Front Desk.app');
    return { resources: join(app, 'Contents', 'Resources'), binary: app };
  }
  const pattern = platform === 'win32' ? /^win(-[\w]+)?-unpacked$/ : /^linux(-[\w]+)?-unpacked$/;
  const dir = dirs.find((d) => pattern.test(d));
  if (!dir) return null;
  return {
    resources: join(release, dir, 'resources'),
    binary: join(release, dir, platform === 'win32' ? 'Front Desk.exe' : 'front-desk'),
  };
}

/**
 * `--built`: checks the app `npm run dist` really built on this machine (CI runs it on each OS
 * after building the installers): every native module is for this OS and CPU, the required ones
 * and wasm-vips' notices are there, and the fuses are flipped in the real binary.
 */
export async function checkBuiltApp({ release = join(root, 'release'), platform = process.platform, arch = process.arch } = {}) {
  const failures = [];
  const paths = builtAppPaths(release, platform);
  if (!paths) return [`no unpacked ${platform} app under ${release}: run npm run dist first`];
  const unpacked = join(paths.resources, 'app.asar.unpacked');
  const natives = existsSync(unpacked) ? nativesUnder(unpacked) : [];
  failures.push(...nativeArchFailures(natives, { platform, arch }));
  for (const needed of ['native/electron/better_sqlite3.node', 'node_modules/keytar/build/Release/keytar.node'])
    if (!natives.some((n) => n.path === needed)) failures.push(`${needed} is missing from the package`);
  for (const notice of ['THIRD-PARTY-NOTICES.md', 'LICENSE'])
    if (!existsSync(join(paths.resources, 'licenses', 'wasm-vips', notice))) failures.push(`wasm-vips' ${notice} is not in the package`);
  try {
    const wire = await getCurrentFuseWire(paths.binary);
    for (const [key, want] of Object.entries(FUSES)) {
      if (key === 'version') continue;
      if (wire[key] !== (want ? 49 : 48)) failures.push(`fuse ${FuseV1Options[key]} is ${String.fromCharCode(wire[key])}, expected ${want ? 'on' : 'off'}`);
    }
  } catch (e) {
    failures.push(`the fuses cannot be read from ${paths.binary}: ${e.message}`);
  }
  return failures;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--built')) {
  const failures = await checkBuiltApp();
  for (const f of failures) console.error(`[package-check] FAIL ${f}`);
  if (failures.length) process.exit(1);
  console.log(`[package-check] the built ${process.platform} ${process.arch} app is ok`);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { failures } = await checkPackage();
  if (failures.length) {
    for (const f of failures) console.error(`[package-check] FAIL ${f}`);
    process.exit(1);
  }
  console.log('[package-check] ok');
}
