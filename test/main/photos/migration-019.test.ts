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

describe('migration 019_outbox_photo_subject (records)', () => {
  it('a records file at 18 with queued staff photos keeps them, as team members’; a service with the same id is its own item', () => {
    const dir = mkdtempSync(join(tmpdir(), 'photo-migration-19-'));
    dirs.push(dir);
    openStores({ dir, log: silentLogger(), now: () => new Date() }).db.close();
    const recordsFile = join(dir, 'front-desk-records.sqlite');
    rmSync(recordsFile);
    const old = new Database(recordsFile);
    for (const m of RECORDS_MIGRATIONS.filter((x) => x.version <= 18)) m.up(old);
    old.pragma('user_version = 18');
    const put = old.prepare(
      `INSERT INTO outbox (kind, location_id, staff_id, staff_name, payload, file_name, image_group_id, state, attempts,
         next_attempt_at, created_at, user_env, user_id, user_name, before_image_group_id, unconfirmed)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, 10, 5, 'demo', 2, 'Olga', ?, ?)`,
    );
    put.run('upload-photo', 7, 'Anna', Buffer.from([0xff, 0xd8, 0xff]), 'anna.jpg', null, 'sending', 1, 700, 1);
    put.run('remove-photo', 8, 'Boris', null, null, 701, 'failed', 3, 701, 0);
    old.close();

    const { db } = openStores({ dir, log: silentLogger(), now: () => new Date() });
    // Migrated to the newest records version (later migrations run too).
    expect(db.prepare('PRAGMA records.user_version').get()).toEqual({
      user_version: Math.max(...RECORDS_MIGRATIONS.map((m) => m.version)),
    });
    expect(
      db
        .prepare(
          `SELECT kind, subject, subject_id, subject_name, hex(payload) AS payload, file_name, image_group_id, state,
             attempts, user_name, before_image_group_id, unconfirmed FROM outbox ORDER BY id`,
        )
        .all(),
    ).toEqual([
      {
        kind: 'upload-photo',
        subject: 'staff',
        subject_id: 7,
        subject_name: 'Anna',
        payload: 'FFD8FF',
        file_name: 'anna.jpg',
        image_group_id: null,
        state: 'sending',
        attempts: 1,
        user_name: 'Olga',
        before_image_group_id: 700,
        unconfirmed: 1,
      },
      {
        kind: 'remove-photo',
        subject: 'staff',
        subject_id: 8,
        subject_name: 'Boris',
        payload: '',
        file_name: null,
        image_group_id: 701,
        state: 'failed',
        attempts: 3,
        user_name: 'Olga',
        before_image_group_id: 701,
        unconfirmed: 0,
      },
    ]);
    const insert = db.prepare(
      `INSERT INTO outbox (kind, location_id, subject, subject_id, next_attempt_at, created_at) VALUES ('upload-photo', 1, ?, 7, 0, 0)`,
    );
    insert.run('service');
    expect(() => insert.run('service')).toThrow(/UNIQUE/);
    expect(() => insert.run('client')).toThrow(/CHECK/);
    db.close();
  });
});
