import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from './startup-error';

/**
 * better-sqlite3 is built against one V8 ABI. `npm install` builds it for Node (tests, the browser
 * bridge, benchmarks) in its usual place; scripts/native builds a second copy for Electron into
 * `native/electron/`. This picks the one that matches the running runtime.
 * Returns undefined to let better-sqlite3 use its default lookup (Node).
 */
export function betterSqliteBinding(opts: {
  electronVersion: string | undefined;
  appRoot: string;
  resourcesPath?: string | undefined;
  exists?: (p: string) => boolean;
}): string | undefined {
  if (!opts.electronVersion) return undefined;
  const exists = opts.exists ?? existsSync;
  const candidates = [
    // Packaged app: electron-builder unpacks *.node next to app.asar.
    ...(opts.resourcesPath ? [join(opts.resourcesPath, 'app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node')] : []),
    join(opts.appRoot, 'native', 'electron', 'better_sqlite3.node'),
  ];
  const found = candidates.find(exists);
  if (!found) {
    throw new StartupError(
      'native-binding',
      candidates[candidates.length - 1]!,
      undefined,
      'The SQLite module for Electron is missing. Run `npm run native:electron` (it needs internet once) and start again. Your data was not touched.',
    );
  }
  return found;
}
