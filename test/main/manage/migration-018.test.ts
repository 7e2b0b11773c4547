import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { RECORDS_MIGRATIONS } from '../../../src/main/store/migrations';
import { openStores } from '../../../src/main/store/stores';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migration 018_outbox_catalog_edits (records)', () => {
  it('a records file at 17 with a queued service keeps it; edits, retirements and conflicts can be stored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manage-migration-18-'));
    dirs.push(dir);
    openStores({ dir, log: silentLogger(), now: () => new Date() }).db.close();
    const recordsFile = join(dir, 'front-desk-records.sqlite');
    rmSync(recordsFile);
    const old = new Database(recordsFile);
    for (const m of RECORDS_MIGRATIONS.filter((x) => x.version <= 17)) m.up(old);
    old.pragma('user_version = 17');
    old
      .prepare(
        `INSERT INTO outbox_catalog (kind, location_id, api_id, title, body, state, next_attempt_at, created_at, user_env, user_id, user_name)
         VALUES ('create-service', 1, 'fd-7', 'Brow tint', '{"title":"Brow tint"}', 'needs-manager', 0, 5, 'demo', 2, 'Olga')`,
      )
      .run();
    old.close();

    const { db } = openStores({ dir, log: silentLogger(), now: () => new Date() });
    // Migrated to the newest records version (later migrations run too).
    expect(db.prepare('PRAGMA records.user_version').get()).toEqual({
      user_version: Math.max(...RECORDS_MIGRATIONS.map((m) => m.version)),
    });
    expect(db.prepare('SELECT api_id, state, user_name, target_id, base FROM outbox_catalog').all()).toEqual([
      { api_id: 'fd-7', state: 'needs-manager', user_name: 'Olga', target_id: null, base: null },
    ]);
    const insert = db.prepare(
      `INSERT INTO outbox_catalog (kind, location_id, api_id, title, body, state, next_attempt_at, created_at, user_env, user_id, user_name, target_id, base, theirs)
       VALUES (?, 1, ?, 't', '{}', ?, 0, 0, 'demo', 2, 'Olga', 9, '{}', '{}')`,
    );
    for (const [i, kind] of ['update-service', 'retire-service', 'update-location'].entries())
      insert.run(kind, `k-${i}`, 'conflict');
    expect(() => insert.run('delete-location', 'k-x', 'pending')).toThrow(/CHECK/);
    expect(() => insert.run('update-service', 'fd-7', 'pending')).toThrow(/UNIQUE/);
    db.close();
  });
});
