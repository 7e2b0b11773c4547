import Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../core/logger';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { salvage, type TableSalvage } from './salvage';
import { CorruptionDetected, folderFault, storageFault } from './sqlite-errors';
import { StartupError } from './startup-error';

export type Db = Database.Database;

export interface OpenOptions {
  file: string;
  log: Logger;
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[];
  now?: () => Date;
  /** How long to wait for another process's lock before giving up (ms). */
  busyTimeoutMs?: number;
  /** What to copy from a damaged file into its fresh replacement: these tables, or every table (default). */
  salvageTables?: readonly string[] | 'every';
}

/** Told to the user once after start when a damaged file had to be replaced. */
export interface Rebuilt {
  /** Where the damaged file was kept. */
  movedAside: string;
  /** Per table: rows copied over from the damaged file, and whether any were lost. */
  tables: TableSalvage[];
}

export interface Opened {
  db: Db;
  /** Where a corrupt file was moved, when that happened on this start. */
  movedAside: string | null;
  rebuilt: Rebuilt | null;
}

/**
 * synchronous=FULL: in WAL mode every commit fsyncs the WAL, so a commit the app reported (a
 * queued photo, the printer choice) survives a power cut. NORMAL could lose the last commits.
 */
export function applyPragmas(db: Db, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return current;
  const run = db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  run();
  return pending[pending.length - 1]!.version;
}

export function bindingOptions(opts: Pick<OpenOptions, 'nativeBinding'>): Database.Options {
  return opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
}

/**
 * Loads the native module on its own, against an in-memory database, so a missing or mismatched
 * build is reported as such and never mistaken for a damaged data file.
 */
export function checkBinding(opts: Pick<OpenOptions, 'nativeBinding' | 'log' | 'file'>): void {
  try {
    new Database(':memory:', bindingOptions(opts)).close();
  } catch (e) {
    opts.log.error({ err: e }, 'the SQLite native module failed to load');
    throw new StartupError('native-binding', opts.file, e);
  }
}

function openAndCheck(opts: OpenOptions): Db {
  const busy = opts.busyTimeoutMs ?? 5000;
  const db = new Database(opts.file, { ...bindingOptions(opts), timeout: busy });
  try {
    applyPragmas(db, busy);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new CorruptionDetected(String(check));
    migrate(db, opts.migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function moveAside(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.corrupt-${stamp}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

export function startupFailure(e: unknown, file: string): StartupError {
  if (e instanceof StartupError) return e;
  const fault = storageFault(e);
  if (fault === 'locked' || fault === 'read-only' || fault === 'disk-full') return new StartupError(fault, file, e);
  // SQLite reports a full disk while creating the WAL index as a plain I/O error: ask the folder.
  return new StartupError(folderFault(dirname(file)) ?? 'unavailable', file, e);
}

/**
 * Opens one SQLite file and brings it to its newest migration. Only a file SQLite calls damaged
 * (SQLITE_CORRUPT, SQLITE_NOTADB, a failed quick_check) is moved aside; what can still be read of
 * `salvageTables` is copied into the fresh one, table by table. Any other failure (binding, lock,
 * read-only, full disk) throws a StartupError and leaves the file exactly as it was.
 * The app opens two of these (see stores.ts); tests may open one file with every migration.
 */
export function openDatabase(opts: OpenOptions & { bindingChecked?: boolean }): Opened {
  if (!opts.bindingChecked) checkBinding(opts);
  try {
    return { db: openAndCheck(opts), movedAside: null, rebuilt: null };
  } catch (first) {
    if (storageFault(first) !== 'corrupt' || !existsSync(opts.file)) {
      opts.log.error({ err: first, file: opts.file }, 'database cannot be opened; file left as it is');
      throw startupFailure(first, opts.file);
    }
    let movedAside: string;
    try {
      movedAside = moveAside(opts.file, (opts.now ?? (() => new Date()))());
    } catch (e) {
      throw startupFailure(e, opts.file);
    }
    opts.log.error({ err: first, movedAside }, 'database damaged; moved aside, salvaging what can be read');
    let db: Db;
    try {
      db = openAndCheck(opts);
    } catch (second) {
      throw startupFailure(second, opts.file);
    }
    const only = opts.salvageTables ?? 'every';
    const tables = salvage(db, movedAside, opts.log, only === 'every' ? undefined : only);
    opts.log.warn({ movedAside, tables }, 'database rebuilt');
    return { db, movedAside, rebuilt: { movedAside, tables } };
  }
}
