import type { Db } from '../db';

/**
 * The search index is one contentless FTS5 table per location, `catalog_fts_<locationId>`, created
 * and dropped by the snapshot writer inside the snapshot transaction.
 *
 * Why not one table for all locations: a prefix query ("с"*, "ba"*) walks the doclists of every
 * location before the rowid range cuts them down, so a 50-location chain made each keystroke ~50
 * times dearer than its own 400 services (measured in test/bench/catalog.ts). A per-location table
 * also makes a snapshot replace a DROP + CREATE + bulk insert: no tombstones, no segment merges.
 *
 * unicode61 with remove_diacritics 2 folds case and Latin accents; ё is folded by foldText before
 * indexing (and in queries); й stays й. The rank is bm25 with title 10, category 3, staff 1.
 */
export function ftsTable(locationId: number): string {
  if (!Number.isSafeInteger(locationId) || locationId <= 0) throw new Error(`bad location id ${locationId}`);
  return `catalog_fts_${locationId}`;
}

export function createFtsTable(db: Db, locationId: number): void {
  const t = ftsTable(locationId);
  db.exec(`
    DROP TABLE IF EXISTS ${t};
    CREATE VIRTUAL TABLE ${t} USING fts5 (
      title, category, staff,
      content = '',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO ${t} (${t}, rank) VALUES ('rank', 'bm25(10.0, 3.0, 1.0)');
  `);
}

export function dropFtsTable(db: Db, locationId: number): void {
  db.exec(`DROP TABLE IF EXISTS ${ftsTable(locationId)}`);
}

/** Location ids that have an index table (for maintenance and tests). */
export function ftsLocations(db: Db): number[] {
  return db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'catalog_fts_[0-9]*' AND sql LIKE 'CREATE VIRTUAL TABLE%'",
    )
    .all()
    .map((r) => Number(r.name.slice('catalog_fts_'.length)));
}
