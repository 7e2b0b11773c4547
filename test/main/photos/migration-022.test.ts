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

const COLUMNS = `id, kind, location_id, subject, subject_id, subject_name, hex(payload) AS payload, file_name, image_group_id,
  state, attempts, last_error_code, last_error_message, next_attempt_at, created_at, user_env, user_id, user_name,
  before_image_group_id, unconfirmed`;

describe('migration 022_outbox_photo_needs_manager (records)', () => {
  it('a records file at 21 with queued staff and service photos keeps every row; the outbox then takes "needs-manager"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'photo-migration-22-'));
    dirs.push(dir);
    openStores({ dir, log: silentLogger(), now: () => new Date() }).db.close();
    const recordsFile = join(dir, 'front-desk-records.sqlite');
    rmSync(recordsFile);
    const old = new Database(recordsFile);
    for (const m of RECORDS_MIGRATIONS.filter((x) => x.version <= 21)) m.up(old);
    old.pragma('user_version = 21');
    const put = old.prepare(
      `INSERT INTO outbox (kind, location_id, subject, subject_id, subject_name, payload, file_name, image_group_id, state,
         attempts, last_error_code, last_error_message, next_attempt_at, created_at, user_env, user_id, user_name,
         before_image_group_id, unconfirmed)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 10, 5, 'demo', 2, 'Olga', ?, ?)`,
    );
    put.run('upload-photo', 'staff', 7, 'Anna', Buffer.from([0xff, 0xd8]), 'a.jpg', null, 'sending', 1, null, null, 700, 1);
    put.run('upload-photo', 'service', 7, 'Balayage', Buffer.from([0xff]), 'b.jpg', null, 'pending', 2, 'OFFLINE', 'x', null, 0);
    put.run('remove-photo', 'staff', 8, 'Boris', null, null, 701, 'failed', 3, 'FORBIDDEN', 'No', 701, 0);
    // A sent item's id (here the last one) must not be handed out again.
    put.run('remove-photo', 'service', 9, 'Cut', null, null, 702, 'pending', 0, null, null, 702, 0);
    old.prepare('DELETE FROM outbox WHERE subject_id = 9').run();
    const before = old.prepare(`SELECT ${COLUMNS} FROM outbox ORDER BY id`).all();
    expect(before).toHaveLength(3);
    old.close();

    const { db } = openStores({ dir, log: silentLogger(), now: () => new Date() });
    expect(db.prepare('PRAGMA records.user_version').get()).toEqual({
      user_version: Math.max(...RECORDS_MIGRATIONS.map((m) => m.version)),
    });
    expect(db.prepare(`SELECT ${COLUMNS} FROM outbox ORDER BY id`).all()).toEqual(before);
    const insert = db.prepare(
      `INSERT INTO outbox (kind, location_id, subject, subject_id, state, next_attempt_at, created_at)
       VALUES ('upload-photo', 1, 'service', ?, ?, 0, 0) RETURNING id`,
    );
    expect(insert.get(20, 'needs-manager')).toEqual({ id: 5 });
    expect(() => insert.run(21, 'lost')).toThrow(/CHECK/);
    expect(() => insert.run(20, 'pending')).toThrow(/UNIQUE/);
    db.close();
  });
});
