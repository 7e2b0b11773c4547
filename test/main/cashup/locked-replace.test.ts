import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/db';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function fresh(): Database.Database {
  const db = new Database(':memory:');
  open.push(db);
  migrate(db);
  return db;
}

const row = `(location_id, date, version, status, input, z, expected, created_at, updated_at, locked_at)`;
function lockedV1(db: Database.Database): void {
  db.prepare(`INSERT INTO cashups ${row} VALUES (1, '2026-03-23', 1, 'locked', '{"note":"printed"}', '{}', 0, 'n', 'n', 'n')`).run();
}
const printedNote = (db: Database.Database) =>
  db.prepare(`SELECT status, input FROM cashups WHERE location_id = 1 AND date = '2026-03-23' AND version = 1`).get();

describe('a locked cash-up version survives REPLACE (REPLACE deletes without DELETE triggers)', () => {
  it('INSERT OR REPLACE over a locked version is refused and the printed row stays', () => {
    const db = fresh();
    lockedV1(db);
    expect(db.pragma('recursive_triggers', { simple: true })).toBe(0);
    expect(() =>
      db
        .prepare(`INSERT OR REPLACE INTO cashups ${row} VALUES (1, '2026-03-23', 1, 'draft', '{"note":"forged"}', '{}', 0, 'n', 'n', NULL)`)
        .run(),
    ).toThrow(/locked/);
    expect(() =>
      db.prepare(`REPLACE INTO cashups ${row} VALUES (1, '2026-03-23', 1, 'locked', '{"note":"forged"}', '{}', 0, 'n', 'n', 'n')`).run(),
    ).toThrow(/locked/);
    expect(printedNote(db)).toEqual({ status: 'locked', input: '{"note":"printed"}' });
  });

  it('UPDATE OR REPLACE of a draft onto a locked version is refused', () => {
    const db = fresh();
    lockedV1(db);
    db.prepare(`INSERT INTO cashups ${row} VALUES (1, '2026-03-23', 2, 'draft', '{"note":"draft"}', '{}', 0, 'n', 'n', NULL)`).run();
    expect(() => db.prepare(`UPDATE OR REPLACE cashups SET version = 1 WHERE version = 2`).run()).toThrow(/locked/);
    expect(printedNote(db)).toEqual({ status: 'locked', input: '{"note":"printed"}' });
  });

  it('drafts are still replaced and saved as before', () => {
    const db = fresh();
    db.prepare(`INSERT INTO cashups ${row} VALUES (1, '2026-03-23', 1, 'draft', '{"note":"a"}', '{}', 0, 'n', 'n', NULL)`).run();
    db.prepare(`INSERT OR REPLACE INTO cashups ${row} VALUES (1, '2026-03-23', 1, 'draft', '{"note":"b"}', '{}', 0, 'n', 'n', NULL)`).run();
    db.prepare(`UPDATE cashups SET version = 1, input = '{"note":"c"}' WHERE version = 1`).run();
    expect(printedNote(db)).toEqual({ status: 'draft', input: '{"note":"c"}' });
  });
});
