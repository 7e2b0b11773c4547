import type { Migration } from './types';

/**
 * The photo outbox serves services as well as team members (issue 22 §5). One logical item per
 * subject: `UNIQUE (location_id, staff_id)` becomes `UNIQUE (location_id, subject, subject_id)`, so
 * a service and a member with the same id never replace each other's photo. SQLite cannot change a
 * UNIQUE constraint in place, so the table is rebuilt with every row kept; the old rows were all
 * team members' photos.
 */
export const m019OutboxPhotoSubject: Migration = {
  version: 19,
  name: 'outbox-photo-subject',
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
        state                 TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'failed')),
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
      SELECT id, kind, location_id, 'staff', staff_id, staff_name, payload, file_name,
        image_group_id, state, attempts, last_error_code, last_error_message, next_attempt_at, created_at,
        user_env, user_id, user_name, before_image_group_id, unconfirmed
      FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_next RENAME TO outbox;
    `);
  },
};
