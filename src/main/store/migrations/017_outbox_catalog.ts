import type { Migration } from './types';

/**
 * Manager mode's queued catalogue changes (issue 22): a new category or service, kept until Altegio
 * confirms it. Records data: the form exists nowhere else until it is sent. Its own table, because the
 * photo outbox is one item per team member (UNIQUE location_id, staff_id) and a create is not.
 * `api_id` is the desk's external id sent with the create: after a lost answer or a crash the item is
 * looked up by it on Altegio instead of being created twice.
 */
export const m017OutboxCatalog: Migration = {
  version: 17,
  name: 'outbox-catalog',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_catalog (
        id                 INTEGER PRIMARY KEY AUTOINCREMENT,
        kind               TEXT NOT NULL CHECK (kind IN ('create-category', 'create-service')),
        location_id        INTEGER NOT NULL,
        api_id             TEXT NOT NULL UNIQUE,
        title              TEXT NOT NULL,
        body               TEXT NOT NULL,
        -- needs-manager: Altegio answered 403; kept until a person with the rights sends it or it is cancelled.
        state              TEXT NOT NULL DEFAULT 'pending'
                           CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'needs-manager')),
        attempts           INTEGER NOT NULL DEFAULT 0,
        unconfirmed        INTEGER NOT NULL DEFAULT 0 CHECK (unconfirmed IN (0, 1)),
        remote_id          INTEGER,
        last_error_code    TEXT,
        last_error_message TEXT,
        next_attempt_at    INTEGER NOT NULL,
        created_at         INTEGER NOT NULL,
        sent_at            INTEGER,
        user_env           TEXT NOT NULL,
        user_id            INTEGER NOT NULL,
        user_name          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outbox_catalog_location ON outbox_catalog (location_id, state);
    `);
  },
};
