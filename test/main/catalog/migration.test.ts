import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { migrate, openDatabase, type Db } from '../../../src/main/store/db';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { m002Catalog } from '../../../src/main/store/migrations/002_catalog';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-migration-'));
  dirs.push(dir);
  const { db } = openDatabase({ file: join(dir, 'cache.sqlite'), log: silentLogger() });
  dbs.push(db);
  return db;
}

describe('migration 002_catalog', () => {
  it('is listed once, as version 2, after 001', () => {
    expect(MIGRATIONS.filter((m) => m === m002Catalog)).toHaveLength(1);
    expect(m002Catalog.version).toBe(2);
    expect(MIGRATIONS.map((m) => m.version)).toEqual([...MIGRATIONS.map((m) => m.version)].sort((a, b) => a - b));
  });

  it('brings a fresh database to the latest version with foreign keys on and WAL', () => {
    const db = open();
    expect(db.pragma('user_version', { simple: true })).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table'",
      )
      .all();
    for (const t of ['locations', 'service_categories', 'services', 'service_staff', 'staff', 'sync_state']) {
      expect(tables.find((x) => x.name === t)?.strict, t).toBe(1);
    }
    expect(migrate(db)).toBe(Math.max(...MIGRATIONS.map((m) => m.version))); // nothing left to run
  });

  it('cascades a location delete to its categories, services, links and staff only', () => {
    const db = open();
    for (const id of [1, 2]) {
      db.prepare(
        "INSERT INTO locations (id, title, timezone_name, currency, synced_at) VALUES (?, 'L', 'UTC', '$', 'x')",
      ).run(id);
      db.prepare("INSERT INTO service_categories (location_id, id, title) VALUES (?, 10, 'C')").run(id);
      db.prepare(
        "INSERT INTO services (doc, location_id, id, category_id, title, price_min, price_max, duration) VALUES (?, ?, 5, 10, 'S', 1, 1, 60)",
      ).run(id * 100, id);
      db.prepare("INSERT INTO staff (location_id, id, name) VALUES (?, 7, 'M')").run(id);
      db.prepare('INSERT INTO service_staff (location_id, service_id, staff_id, duration) VALUES (?, 5, 7, 60)').run(
        id,
      );
    }
    db.prepare('DELETE FROM locations WHERE id = 1').run();
    for (const t of ['service_categories', 'services', 'staff', 'service_staff']) {
      expect(db.prepare(`SELECT location_id AS l FROM ${t}`).all(), t).toEqual([{ l: 2 }]);
    }
  });

  it('rejects rows of the wrong type (STRICT) and links to unknown services (foreign key)', () => {
    const db = open();
    expect(() =>
      db
        .prepare(
          "INSERT INTO locations (id, title, timezone_name, currency, synced_at) VALUES ('x', 'L', 'UTC', '$', 'x')",
        )
        .run(),
    ).toThrow(/datatype|mismatch/i);
    expect(() =>
      db.prepare('INSERT INTO service_staff (location_id, service_id, staff_id, duration) VALUES (1, 1, 1, 60)').run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
