import type { Migration } from './types';

/**
 * A photo change Altegio refused with 403 stays in the outbox as 'needs-manager' (issue 22 "Rights"), as
 * catalogue changes do, instead of 'failed' with Altegio's message: a person with the rights sends it with
 * Retry. SQLite cannot widen a CHECK in place, so the table is rebuilt with every row and id kept.
 */
export const m022OutboxPhotoNeedsManager: Migration = {
  version: 22,
  name: 'outbox-photo-needs-manager',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_next (
        id                    INTEGER PRIMARY KEY AUTOINCREMENT,
        kind                  TEXT NOT NULL CHECK (kind IN ('upload-photo', 'remove-photo')),
        location_id           INTEGER NOT NULL,
        subject               TEXT NOT NULL DEFAULT 'staff' CHECK (subject IN ('staff', 'service')),
        subject_id            INTEGER NOT NULL,
        subject_name          TEXT,
        payload               BLOB,
        file_name             TEXT,
        image_group_id        INTEGER,
        state                 TEXT NOT NULL DEFAULT 'pending'
                                CHECK (state IN ('pending', 'sending', 'failed', 'needs-manager')),
        attempts              INTEGER NOT NULL DEFAULT 0,
        last_error_code       TEXT,
        last_error_message    TEXT,
        next_attempt_at       INTEGER NOT NULL,
        created_at            INTEGER NOT NULL,
        user_env              TEXT,
        user_id               INTEGER,
        user_name             TEXT,
        before_image_group_id INTEGER,
        unconfirmed           INTEGER NOT NULL DEFAULT 0 CHECK (unconfirmed IN (0, 1)),
        UNIQUE (location_id, subject, subject_id)
      ) STRICT;
      INSERT INTO outbox_next (id, kind, location_id, subject, subject_id, subject_name, payload, file_name,
        image_group_id, state, attempts, last_error_code, last_error_message, next_attempt_at, created_at,
        user_env, user_id, user_name, before_image_group_id, unconfirmed)
      SELECT id, kind, location_id, subject, subject_id, subject_name, payload, file_name,
        image_group_id, state, attempts, last_error_code, last_error_message, next_attempt_at, created_at,
        user_env, user_id, user_name, before_image_group_id, unconfirmed
      FROM outbox;
      -- Ids of sent items are never handed out again (the renderer may still hold one).
      UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0))
        WHERE name = 'outbox_next';
      INSERT INTO sqlite_sequence (name, seq)
        SELECT 'outbox_next', seq FROM sqlite_sequence WHERE name = 'outbox'
          AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'outbox_next');
      DROP TABLE outbox;
      ALTER TABLE outbox_next RENAME TO outbox;
    `);
  },
};
