import Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import type { Logger } from '../core/logger';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export interface OpenOptions {
  file: string;
  log: Logger;
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[];
  now?: () => Date;
}

export interface Opened {
  db: Db;
  /** Where a corrupt file was moved, when that happened on this start. */
  movedAside: string | null;
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 3000');
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

function openAndCheck(opts: OpenOptions): Db {
  const db = new Database(opts.file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    applyPragmas(db);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
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

/**
 * Opens the cache. A file that is not a database, fails its integrity check or cannot be migrated
 * is kept (renamed with a timestamp) and replaced by an empty one; the next sync refills it.
 */
export function openDatabase(opts: OpenOptions): Opened {
  try {
    return { db: openAndCheck(opts), movedAside: null };
  } catch (first) {
    if (!existsSync(opts.file)) {
      throw new AppError('STORAGE', `The local cache cannot be created: ${(first as Error).message}`);
    }
    const movedAside = moveAside(opts.file, (opts.now ?? (() => new Date()))());
    opts.log.error({ err: first, movedAside }, 'cache database unreadable; moved aside, starting fresh');
    try {
      return { db: openAndCheck(opts), movedAside };
    } catch (second) {
      throw new AppError('STORAGE', `The local cache cannot be created: ${(second as Error).message}`);
    }
  }
}
