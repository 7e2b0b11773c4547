// After `npm install`: also build the Electron copy of better-sqlite3, unless Electron itself was
// not downloaded (CI, or machines that only run the tests). Never fails the install: `npm start`
// retries and explains (see ensure-electron-binding.mjs).
import { buildElectronBinding } from './build-electron-binding.mjs';

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('[native] ELECTRON_SKIP_BINARY_DOWNLOAD is set: skipping the Electron build of better-sqlite3 (tests use the Node build).');
} else {
  try {
    console.log(`[native] built ${buildElectronBinding()}`);
  } catch (e) {
    console.warn(`[native] could not build better-sqlite3 for Electron now (${e.message}); npm start will try again.`);
  }
}
