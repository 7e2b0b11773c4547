import Database from 'better-sqlite3';
import type { Logger } from '../core/logger';

/** What became of one table when a damaged file was replaced. */
export interface TableSalvage {
  table: string;
  /** Rows copied into the fresh file. */
  saved: number;
  /**
   * Every row the damaged table held was copied: one full scan got to the end and every row fitted.
   * False when a damaged page ended both scans, the table could not be read at all, or a row was refused.
   */
  complete: boolean;
}

/** The cache keeps its cached day reports through a rebuild (offline reprints); the rest comes back with a sync. */
export const CACHE_SALVAGED_TABLES = ['day_reports'] as const;

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name);
}

/** The tables of a schema, in creation order (a table created later may refer to an earlier one). */
export function userTables(db: Database.Database): string[] {
  return db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY rowid`)
    .pluck()
    .all() as string[];
}

/**
 * Rows of `table` that can still be read. A damaged page ends a scan, so the table is read from
 * both ends; whatever lies between two damaged pages is lost. `whole` says one scan reached the end.
 */
function readable(old: Database.Database, table: string, cols: string[]): { rows: unknown[][]; whole: boolean } {
  const list = cols.map((c) => `"${c}"`).join(', ');
  const rows = new Map<string, unknown[]>();
  const sql = old.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table);
  // A WITHOUT ROWID table has no rowid to meet in the middle: read it in key order, from one end only.
  const key = /WITHOUT\s+ROWID/i.test(String(sql)) ? `json_array(${list})` : 'rowid';
  let whole = false;
  for (const order of key === 'rowid' ? ['ASC', 'DESC'] : ['']) {
    try {
      const stmt = old.prepare(`SELECT ${key} AS __r, ${list} FROM "${table}" ${order ? `ORDER BY rowid ${order}` : ''}`).raw(true);
      for (const row of stmt.iterate() as Iterable<unknown[]>) rows.set(String(row[0]), row.slice(1));
      whole = true;
      break; // one scan got through: the other direction has nothing more
    } catch {
      // Stop at the damage; the other direction may reach further.
    }
  }
  return { rows: [...rows.values()], whole };
}

/**
 * Copies what can still be read of `tables` from `source` into `fresh`, table by table, and says per
 * table what was saved and whether anything was lost. Only columns both schemas share are copied, so
 * an older or newer schema on either side still works. A table the source never had is complete with 0.
 */
export function copyTables(
  fresh: Database.Database,
  source: Database.Database,
  tables: readonly string[],
  log: Logger,
): TableSalvage[] {
  let present: Set<string> | null;
  try {
    present = new Set(source.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
  } catch (e) {
    log.warn({ err: e }, 'the damaged file lists no tables; nothing can be salvaged');
    present = null;
  }
  return tables.map((table) => {
    if (present === null) return { table, saved: 0, complete: false };
    if (!present.has(table)) return { table, saved: 0, complete: true };
    let saved = 0;
    let complete = false;
    try {
      const have = new Set(columns(fresh, table));
      const cols = columns(source, table).filter((c) => have.has(c));
      if (cols.length === 0) return { table, saved: 0, complete: false };
      const { rows, whole } = readable(source, table, cols);
      complete = whole;
      const insert = fresh.prepare(
        `INSERT OR IGNORE INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      fresh.transaction(() => {
        for (const row of rows) {
          try {
            saved += insert.run(...row).changes;
          } catch {
            // A row that no longer fits the schema (damaged value): skip it, keep the rest, and say so.
            complete = false;
          }
        }
      })();
    } catch (e) {
      log.warn({ err: e, table }, 'table not salvaged from the damaged file');
      complete = false;
    }
    return { table, saved, complete };
  });
}

/** Opens the damaged file (moved aside) read-only and copies `tables` (every table of `fresh` when absent). */
export function salvage(
  fresh: Database.Database,
  damagedFile: string,
  log: Logger,
  tables: readonly string[] = userTables(fresh),
): TableSalvage[] {
  let old: Database.Database;
  try {
    old = new Database(damagedFile, { readonly: true, fileMustExist: true });
  } catch (e) {
    log.warn({ err: e }, 'damaged file cannot be opened for salvage');
    return tables.map((table) => ({ table, saved: 0, complete: false }));
  }
  try {
    return copyTables(fresh, old, tables, log);
  } finally {
    old.close();
  }
}
