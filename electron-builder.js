// electron-builder configuration: `npm run dist` (installers for this OS), `npm run pack` (an
// unpacked app in release/), `npm run package:check` (the offline package check).
// https://www.electron.build/configuration
import { readFileSync } from 'node:fs';
import { loadEnv } from 'vite';
import { defaultDebDepends } from './scripts/packaging/deb-depends.mjs';

const electronVersion = JSON.parse(
  readFileSync(new URL('./node_modules/electron/package.json', import.meta.url), 'utf8'),
).version;

/** Folder holding the Electron build of better-sqlite3 (scripts/native); the package check points it elsewhere. */
const nativeDir = process.env.FRONT_DESK_NATIVE_DIR || 'native/electron';
/** The Mac arch this run builds: the host's, or FRONT_DESK_MAC_ARCH when its natives were built for that one. */
const macArch = process.env.FRONT_DESK_MAC_ARCH || (process.arch === 'arm64' ? 'arm64' : 'x64');
/** Generic update feed, the same one main reads at build time (MAIN_VITE_UPDATE_URL). */
// Read like electron-vite does (process env, then .env.local / .env), so one setting serves both.
const updateUrl = loadEnv('production', import.meta.dirname ?? process.cwd(), 'MAIN_VITE_').MAIN_VITE_UPDATE_URL || '';

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'app.frontdesk.desktop',
  productName: 'Front Desk',
  executableName: 'front-desk',
  copyright: 'Front Desk',
  directories: { output: 'release', buildResources: 'resources' },
  icon: 'resources/icon.png',
  // Only the build output and package.json; production node_modules are added by electron-builder
  // (never devDependencies). No src/, test/, scripts, configs or maps.
  files: [
    'out/**',
    '!out/**/*.map',
    'package.json',
    { from: nativeDir, to: 'native/electron', filter: ['better_sqlite3.node'] },
    // better-sqlite3's own Node-ABI build and its C sources: main always loads native/electron/.
    '!node_modules/better-sqlite3/{build,deps,src}/**',
    '!node_modules/**/{test,tests,__tests__,docs,example,examples}/**',
    '!node_modules/**/*.{md,markdown,ts,map,c,cc,cpp,h,hpp,gyp,gypi}',
    '!node_modules/**/{binding.gyp,Makefile,.github}',
    // libvips' HEIF/JXL/SVG side modules (7 MB): photos never load them (src/main/services/photos/vips.ts).
    '!node_modules/wasm-vips/lib/vips-{heif,jxl,resvg}.wasm',
  ],
  // Licences the `*.md` filter above drops from node_modules: wasm-vips bundles libvips and its
  // codecs (libjpeg-turbo, libpng, libwebp, …) whose notices must ship with the binary.
  extraResources: [
    { from: 'node_modules/wasm-vips/THIRD-PARTY-NOTICES.md', to: 'licenses/wasm-vips/THIRD-PARTY-NOTICES.md' },
    { from: 'node_modules/wasm-vips/LICENSE', to: 'licenses/wasm-vips/LICENSE' },
  ],
  asar: true,
  // Native modules cannot be loaded from inside an archive. wasm-vips reads vips.wasm and starts its
  // pthread workers from real files, so it is unpacked too (vips.ts imports the app.asar.unpacked copy).
  asarUnpack: ['**/*.node', '**/node_modules/wasm-vips/**'],
  // better-sqlite3 for Electron comes from scripts/native (prebuilt or node-gyp into native/electron);
  // rebuilding node_modules in place would leave the tests (Node) with an Electron-ABI binary.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  afterPack: async (context) => (await import('./scripts/packaging/fuses.mjs')).afterPack(context),
  ...(updateUrl ? { publish: [{ provider: 'generic', url: updateUrl }] } : {}),
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    // One-click and per-user: installs into %LOCALAPPDATA%\Programs with no administrator rights and no
    // questions. (An assisted installer with perMachine: false would offer "for all users" too.)
    oneClick: true,
    perMachine: false,
    allowElevation: false,
    createDesktopShortcut: true,
    shortcutName: 'Front Desk',
    // Receptionists' data (database, photos, logs) survives an uninstall unless removed by hand.
    deleteAppDataOnUninstall: false,
  },
  mac: {
    // One arch per run, the machine's own: better_sqlite3.node and keytar.node are built for the host
    // CPU and npmRebuild is off, so a dmg for the other arch would ship binaries that cannot load.
    // Apple silicon and Intel installers come from two runs (CI: macos-14 and macos-13); afterPack
    // refuses a package whose natives do not match (scripts/packaging/native-arch.mjs).
    target: [
      { target: 'dmg', arch: [macArch] },
      { target: 'zip', arch: [macArch] },
    ],
    category: 'public.app-category.business',
    hardenedRuntime: true,
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Office',
    maintainer: 'Front Desk <support@frontdesk.app>',
    synopsis: 'Reception desk for Altegio salons',
  },
  deb: {
    // `depends` replaces electron-builder's list, so start from it (xdg-utils for shell.openExternal,
    // libnotify4, libxtst6, libatspi2.0-0, libuuid1, libsecret-1-0 for keytar…) and add ours.
    depends: [...defaultDebDepends(), 'libasound2 | libasound2t64'],
  },
  // Used by the package check only: a stand-in Electron folder instead of a download.
  ...(process.env.FRONT_DESK_ELECTRON_DIST ? { electronDist: process.env.FRONT_DESK_ELECTRON_DIST } : {}),
  electronVersion,
};
