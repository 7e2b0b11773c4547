import Database from 'better-sqlite3';
import type { Logger } from '../core/logger';

/** What people would miss if a damaged cache were simply replaced; the catalogue comes back with the next sync. */
export const SALVAGED_TABLES = ['settings', 'outbox', 'day_reports'] as const;
export type SalvagedTable = (typeof SALVAGED_TABLES)[number];

export type SalvageCounts = Record<SalvagedTable, number>;

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name);
}

/**
 * Rows of `table` that can still be read. A damaged page ends a scan, so the table is read from
 * both ends; whatever lies between two damaged pages is lost.
 */
function readable(old: Database.Database, table: string, cols: string[]): unknown[][] {
  const list = cols.map((c) => `"${c}"`).join(', ');
  const rows = new Map<string, unknown[]>();
  for (const order of ['ASC', 'DESC']) {
    try {
      const stmt = old.prepare(`SELECT rowid AS __r, ${list} FROM "${table}" ORDER BY rowid ${order}`).raw(true);
      for (const row of stmt.iterate() as Iterable<unknown[]>) rows.set(String(row[0]), row.slice(1));
    } catch {
      // Stop at the damage; the other direction may reach further.
    }
  }
  return [...rows.values()];
}

/**
 * Copies what can still be read from a damaged database (moved aside) into the fresh one.
 * Only columns both schemas share are copied, so a newer or older schema on either side still works.
 */
export function salvage(fresh: Database.Database, damagedFile: string, log: Logger): SalvageCounts {
  const counts: SalvageCounts = { settings: 0, outbox: 0, day_reports: 0 };
  let old: Database.Database;
  try {
    old = new Database(damagedFile, { readonly: true, fileMustExist: true });
  } catch (e) {
    log.warn({ err: e }, 'damaged cache cannot be opened for salvage');
    return counts;
  }
  try {
    for (const table of SALVAGED_TABLES) {
      try {
        const have = new Set(columns(fresh, table));
        const cols = columns(old, table).filter((c) => have.has(c));
        if (cols.length === 0) continue;
        const rows = readable(old, table, cols);
        const insert = fresh.prepare(
          `INSERT OR IGNORE INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
        );
        fresh.transaction(() => {
          for (const row of rows) {
            try {
              counts[table] += insert.run(...row).changes;
            } catch {
              // A row that no longer fits the schema (damaged value): skip it, keep the rest.
            }
          }
        })();
      } catch (e) {
        log.warn({ err: e, table }, 'table not salvaged from the damaged cache');
      }
    }
  } finally {
    old.close();
  }
  return counts;
}
