import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/db';
import { MIGRATIONS } from '../../../src/main/store/migrations';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function insert(db: Database.Database, version: number, status: 'draft' | 'locked'): void {
  db.prepare(
    `INSERT INTO cashups (location_id, date, version, status, input, z, expected, created_at, updated_at, locked_at)
     VALUES (1, '2026-03-23', ?, ?, '{}', '{}', 0, 'now', 'now', ?)`,
  ).run(version, status, status === 'locked' ? 'now' : null);
}

describe('migration 007 (cash-ups)', () => {
  it('brings a database from the day before it to the latest version and keeps its cached reports', () => {
    const db = new Database(':memory:');
    open.push(db);
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 4),
    );
    db.prepare(
      `INSERT INTO day_reports (location_id, date, staff_id, schema, body, fetched_at) VALUES (1, '2026-03-23', 0, 1, '{}', 'x')`,
    ).run();
    // Later migrations follow 007 in the same run: the database ends at the newest version there is.
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    expect(latest).toBeGreaterThanOrEqual(7);
    expect(migrate(db)).toBe(latest);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'cashups'").get()).toEqual({
      name: 'cashups',
    });
    expect(db.prepare('SELECT COUNT(*) AS n FROM day_reports').get()).toEqual({ n: 1 });
  });

  it('allows one draft per day, and a locked row is for ever', () => {
    const db = new Database(':memory:');
    open.push(db);
    migrate(db);
    insert(db, 1, 'locked');
    insert(db, 2, 'draft');
    expect(() => insert(db, 3, 'draft')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE cashups SET status = 'draft', locked_at = NULL WHERE version = 1").run()).toThrow(
      /locked/,
    );
    expect(() => db.prepare('DELETE FROM cashups WHERE version = 1').run()).toThrow(/locked/);
    // A draft may still change; locked without a time may not exist.
    db.prepare('UPDATE cashups SET input = \'{"a":1}\' WHERE version = 2').run();
    expect(() => db.prepare("UPDATE cashups SET status = 'locked' WHERE version = 2").run()).toThrow(/CHECK/);
  });
});
