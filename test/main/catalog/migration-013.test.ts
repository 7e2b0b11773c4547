import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/db';
import { MIGRATIONS } from '../../../src/main/store/migrations';

const ftsTables = (db: Database.Database) =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE name GLOB 'catalog_fts_*' ORDER BY name")
    .all()
    .map((r) => r.name);

describe('migration 013: the FTS5 index tables go', () => {
  it('drops every per-location FTS table (and its shadow tables) a version-12 file still has, keeping the catalogue', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 12),
    );
    db.prepare(
      "INSERT INTO locations (id, title, timezone_name, currency, synced_at) VALUES (7, 'Soho', 'Europe/London', 'GBP', '2026-01-01T00:00:00Z')",
    ).run();
    for (const id of [7, 42]) {
      db.exec(`CREATE VIRTUAL TABLE catalog_fts_${id} USING fts5 (title, category, staff, content = '')`);
      db.prepare(`INSERT INTO catalog_fts_${id} (rowid, title, category, staff) VALUES (1, 'Balayage', '', '')`).run();
    }
    expect(ftsTables(db).length).toBeGreaterThan(2);
    migrate(db);
    expect(ftsTables(db)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(13);
    expect(db.prepare('SELECT title FROM locations WHERE id = 7').get()).toEqual({ title: 'Soho' });
    db.close();
  });
});
