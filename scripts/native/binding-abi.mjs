// Which V8 ABI (NODE_MODULE_VERSION) a non-N-API addon such as better-sqlite3 was built for: its
// registration symbol is named `node_register_module_v<ABI>` in every format (ELF .dynstr, Mach-O
// symbol table, PE export names), so the bytes say it. An Electron upgrade changes the ABI; a copy
// that merely exists is not enough (issue 20, item 13).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The ABI in the binary, or null when it carries no registration symbol (e.g. N-API only). */
export function abiOf(bytes) {
  const m = /node_register_module_v(\d+)/.exec(bytes.toString('latin1'));
  return m ? Number(m[1]) : null;
}

/** Electron's ABI for a version, from node-abi (the table prebuild-install and node-gyp use). */
export function electronAbi(version) {
  return Number(require('node-abi').getAbi(version, 'electron'));
}

/** A sentence when the binary cannot load in this Electron; null when it can. */
export function bindingAbiProblem(bytes, version, abiFor = electronAbi) {
  const have = abiOf(bytes);
  const want = abiFor(version);
  if (have === null) return `the Electron copy of better-sqlite3 carries no ABI mark (expected ${want} for Electron ${version})`;
  if (have !== want) return `the Electron copy of better-sqlite3 was built for ABI ${have}, but Electron ${version} needs ABI ${want}`;
  return null;
}
