import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../core/logger';
import { bindingOptions, checkBinding, migrate, openDatabase, startupFailure, type Db } from './db';
import { CACHE_MIGRATIONS, RECORDS_MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { CACHE_SALVAGED_TABLES, copyTables, userTables, type TableSalvage } from './salvage';

/** What Altegio can give back: catalogue, Today, cached day reports. Also the name the single file had before. */
export const CACHE_FILE = 'front-desk.sqlite';
/** What exists nowhere else: settings, outbox, cash-ups, desk users, audit list. */
export const RECORDS_FILE = 'front-desk-records.sqlite';
/** The records schema name on the shared connection (`records.cashups`); unqualified names find it too. */
export const RECORDS_SCHEMA = 'records';

/** The records tables as they were in the single file (up to migration 12), moved out once. */
export const LEGACY_RECORDS_TABLES = ['settings', 'outbox', 'cashups', 'desk_users', 'audit_log'] as const;
/** The last migration a single-file install can have run. */
export const LEGACY_LAST_VERSION = 12;

export interface StoresOptions {
  /** The data folder (userData). */
  dir: string;
  log: Logger;
  nativeBinding?: string | undefined;
  now?: () => Date;
  busyTimeoutMs?: number;
  cacheMigrations?: readonly Migration[];
  recordsMigrations?: readonly Migration[];
  /** Test hook: called after each step of moving records out of a single-file install (throw to "crash" there). */
  onLegacyStep?: (step: 'built' | 'renamed' | 'dropped') => void;
}

/** What a start had to rebuild; told to the person once, and it locks the start while desk users exist. */
export interface StoresRebuilt {
  /** The cache was damaged and replaced (kept aside here); the catalogue and Today download again. */
  cache: { movedAside: string } | null;
  /** The records were damaged and salvaged table by table (kept aside here): what each table kept. */
  records: { movedAside: string; tables: TableSalvage[] } | null;
}

export interface Stores {
  /**
   * One connection to the cache with the records file attached as schema `records`. Table names are
   * unique across both files, so repositories use plain names; a test keeps the two schemas apart.
   */
  db: Db;
  rebuilt: StoresRebuilt | null;
  /**
   * True when either file was rebuilt on this start. The desk must not resume the last session
   * without a PIN then: a rebuild may have lost the desk users that would have asked for one.
   */
  startedAfterRebuild: boolean;
}

function fsyncPath(path: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; its rename is durable once it returns.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function tablesIn(db: Db): Set<string> {
  return new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
}

/**
 * A single-file install keeps its records in the cache file. They are copied once into a new records
 * file: built under a temporary name, made durable, then renamed into place, so a crash leaves either
 * no records file (the copy starts again from scratch) or a complete one (never copied twice). Only
 * then are the old tables dropped from the cache; a crash before that is finished on the next start.
 * Data is copied at the single file's schema version and the newer records migrations run on it
 * afterwards, exactly as they would have on the old file.
 */
function moveLegacyRecords(
  source: Db | null,
  recordsFile: string,
  migrations: readonly Migration[],
  opts: StoresOptions,
): TableSalvage[] | null {
  let present: Set<string> | null = null;
  let version = LEGACY_LAST_VERSION;
  try {
    if (!source) throw new Error('the damaged file cannot be opened');
    present = tablesIn(source);
    version = Math.min(source.pragma('user_version', { simple: true }) as number, LEGACY_LAST_VERSION);
  } catch {
    present = null; // a damaged single file that cannot even list its tables: everything in it is lost
  }
  if (present && !LEGACY_RECORDS_TABLES.some((t) => present.has(t))) return null;

  const tmp = `${recordsFile}.moving`;
  for (const f of [tmp, `${tmp}-journal`]) rmSync(f, { force: true });
  const fresh = new Database(tmp, bindingOptions(opts));
  let tables: TableSalvage[];
  try {
    fresh.pragma('synchronous = FULL');
    migrate(
      fresh,
      migrations.filter((m) => m.version <= version),
    );
    const wanted = userTables(fresh);
    tables = source
      ? copyTables(fresh, source, wanted, opts.log)
      : wanted.map((table) => ({ table, saved: 0, complete: false }));
  } finally {
    fresh.close();
  }
  fsyncPath(tmp);
  opts.onLegacyStep?.('built');
  renameSync(tmp, recordsFile);
  fsyncPath(dirname(recordsFile));
  opts.log.warn({ tables }, 'records moved out of the single data file');
  opts.onLegacyStep?.('renamed');
  return tables;
}

/** Drops the single file's records tables from the cache once the records file holds them. */
function dropLegacyRecords(cache: Db, opts: StoresOptions): void {
  const present = tablesIn(cache);
  const drop = LEGACY_RECORDS_TABLES.filter((t) => present.has(t));
  if (drop.length === 0) return;
  cache.transaction(() => {
    for (const t of drop) cache.exec(`DROP TABLE "${t}"`);
    if (present.has('sqlite_sequence')) {
      cache.prepare(`DELETE FROM sqlite_sequence WHERE name IN (${drop.map(() => '?').join(', ')})`).run(...drop);
    }
  })();
  opts.onLegacyStep?.('dropped');
}

/**
 * Opens the two stores. Damage to the cache never touches the records: a damaged cache is moved aside
 * and rebuilt (its cached day reports are salvaged; the rest comes back with the next sync). A damaged
 * records file is moved aside and every table is salvaged, with what could not be saved reported.
 * Binding, lock, read-only and full-disk failures throw StartupError and leave both files as they are.
 */
export function openStores(opts: StoresOptions): Stores {
  const cacheFile = join(opts.dir, CACHE_FILE);
  const recordsFile = join(opts.dir, RECORDS_FILE);
  const recordsMigrations = opts.recordsMigrations ?? RECORDS_MIGRATIONS;
  const common = {
    log: opts.log,
    nativeBinding: opts.nativeBinding,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.busyTimeoutMs !== undefined ? { busyTimeoutMs: opts.busyTimeoutMs } : {}),
  };
  checkBinding({ ...common, file: cacheFile });
  const cache = openDatabase({
    ...common,
    file: cacheFile,
    migrations: opts.cacheMigrations ?? CACHE_MIGRATIONS,
    salvageTables: CACHE_SALVAGED_TABLES,
    bindingChecked: true,
  });
  try {
    let fromLegacy: TableSalvage[] | null = null;
    if (!existsSync(recordsFile)) {
      const damaged = cache.movedAside;
      let source: Db | null = cache.db;
      if (damaged) {
        try {
          source = new Database(damaged, { ...bindingOptions(opts), readonly: true, fileMustExist: true });
        } catch {
          source = null;
        }
      }
      try {
        fromLegacy = moveLegacyRecords(source, recordsFile, recordsMigrations, opts);
      } catch (e) {
        throw startupFailure(e, recordsFile);
      } finally {
        if (source && source !== cache.db) source.close();
      }
    }
    if (existsSync(recordsFile)) {
      try {
        dropLegacyRecords(cache.db, opts);
      } catch (e) {
        throw startupFailure(e, cacheFile);
      }
    }
    const records = openDatabase({
      ...common,
      file: recordsFile,
      migrations: recordsMigrations,
      salvageTables: 'every',
      bindingChecked: true,
    });
    records.db.close();
    try {
      cache.db.prepare(`ATTACH DATABASE ? AS ${RECORDS_SCHEMA}`).run(recordsFile);
      cache.db.pragma(`${RECORDS_SCHEMA}.synchronous = FULL`);
    } catch (e) {
      throw startupFailure(e, recordsFile);
    }

    const recordsRebuilt = records.rebuilt
      ? { movedAside: records.rebuilt.movedAside, tables: records.rebuilt.tables }
      : fromLegacy && cache.movedAside
        ? { movedAside: cache.movedAside, tables: fromLegacy }
        : null;
    const rebuilt: StoresRebuilt | null =
      cache.rebuilt || recordsRebuilt
        ? { cache: cache.rebuilt ? { movedAside: cache.rebuilt.movedAside } : null, records: recordsRebuilt }
        : null;
    return { db: cache.db, rebuilt, startedAfterRebuild: rebuilt !== null };
  } catch (e) {
    cache.db.close();
    throw e;
  }
}
