// `npm start` runs this first: the Electron copy of better-sqlite3 must exist and be built for the
// installed Electron (see README, "Native modules"). After an Electron upgrade it is rebuilt.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bindingAbiProblem } from './binding-abi.mjs';
import { buildElectronBinding, electronVersion, TARGET } from './build-electron-binding.mjs';

/** Why the binding must be (re)built, or null when the one in place fits. */
export function rebuildReason({ exists = existsSync, read = readFileSync, version = electronVersion(), problem = bindingAbiProblem } = {}) {
  if (!exists(TARGET)) return 'it is missing';
  if (!version) return null; // no Electron installed: nothing to match (and nothing to start)
  return problem(read(TARGET), version);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reason = rebuildReason();
  if (reason) {
    try {
      console.log(`[native] building better-sqlite3 for Electron (${reason})…`);
      buildElectronBinding();
    } catch (e) {
      console.error(`[native] better-sqlite3 could not be built for Electron: ${e.message}`);
      console.error('[native] It needs internet access once (Electron headers or a prebuilt binary) and a C++ toolchain.');
      process.exit(1);
    }
  }
}
