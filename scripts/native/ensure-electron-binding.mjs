// `npm start` runs this first: the Electron copy of better-sqlite3 must exist (see README, "Native modules").
import { existsSync } from 'node:fs';
import { buildElectronBinding, TARGET } from './build-electron-binding.mjs';

if (!existsSync(TARGET)) {
  try {
    console.log('[native] building better-sqlite3 for Electron (once)…');
    buildElectronBinding();
  } catch (e) {
    console.error(`[native] better-sqlite3 could not be built for Electron: ${e.message}`);
    console.error('[native] It needs internet access once (Electron headers or a prebuilt binary) and a C++ toolchain.');
    process.exit(1);
  }
}
