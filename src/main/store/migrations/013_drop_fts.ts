import type { Migration } from './types';

/**
 * The catalogue's FTS5 tables (one per location, `catalog_fts_<id>`) go: search has been an
 * in-memory index built from the catalogue tables (store/catalog/search/) and nothing reads them,
 * while every sync still paid for writing them and the file carried them. Dropping the virtual table
 * drops its shadow tables too.
 */
export const m013DropFts: Migration = {
  version: 13,
  name: 'drop catalogue FTS tables',
  up(db) {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'catalog_fts_[0-9]*' AND sql LIKE 'CREATE VIRTUAL TABLE%'",
      )
      .all();
    for (const { name } of tables) db.exec(`DROP TABLE IF EXISTS "${name.replace(/"/g, '""')}"`);
  },
};
