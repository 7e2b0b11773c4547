import type { Migration } from './types';

export const m004Outbox: Migration = {
  version: 4,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id                 INTEGER PRIMARY KEY AUTOINCREMENT,
        kind               TEXT NOT NULL CHECK (kind IN ('upload-photo', 'remove-photo')),
        location_id        INTEGER NOT NULL,
        staff_id           INTEGER NOT NULL,
        staff_name         TEXT,
        payload            BLOB,
        file_name          TEXT,
        image_group_id     INTEGER,
        state              TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'failed')),
        attempts           INTEGER NOT NULL DEFAULT 0,
        last_error_code    TEXT,
        last_error_message TEXT,
        next_attempt_at    INTEGER NOT NULL,
        created_at         INTEGER NOT NULL,
        -- One logical item per team member: a newer photo or a removal replaces a queued one.
        UNIQUE (location_id, staff_id)
      ) STRICT;
    `);
  },
};
