import type { Migration } from './types';

/**
 * Manager mode, second part (issue 22): edits of a service, retiring a service and edits of the
 * location card wait in the same outbox as the creates. SQLite cannot widen a CHECK, so the table
 * is rebuilt with every row kept.
 * - `target_id`: the Altegio id the change is about (a service, the location); NULL for a create.
 * - `base`: Altegio's copy as the form saw it when it was opened (JSON). Before sending, Altegio's
 *   copy is read again; if a field the person changed was changed there too since `base`, the item
 *   stops in 'conflict' and `theirs` keeps Altegio's copy so both versions can be shown.
 * - `api_id` stays the idempotency key for creates and a unique random key for edits.
 */
export const m018OutboxCatalogEdits: Migration = {
  version: 18,
  name: 'outbox-catalog-edits',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_catalog_next (
        id                 INTEGER PRIMARY KEY AUTOINCREMENT,
        kind               TEXT NOT NULL CHECK (kind IN ('create-category', 'create-service',
                             'update-service', 'retire-service', 'update-location')),
        location_id        INTEGER NOT NULL,
        api_id             TEXT NOT NULL UNIQUE,
        title              TEXT NOT NULL,
        body               TEXT NOT NULL,
        state              TEXT NOT NULL DEFAULT 'pending'
                           CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'needs-manager', 'conflict')),
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
        user_name          TEXT NOT NULL,
        target_id          INTEGER,
        base               TEXT,
        theirs             TEXT
      ) STRICT;
      INSERT INTO outbox_catalog_next (id, kind, location_id, api_id, title, body, state, attempts, unconfirmed,
        remote_id, last_error_code, last_error_message, next_attempt_at, created_at, sent_at, user_env, user_id, user_name)
      SELECT id, kind, location_id, api_id, title, body, state, attempts, unconfirmed,
        remote_id, last_error_code, last_error_message, next_attempt_at, created_at, sent_at, user_env, user_id, user_name
      FROM outbox_catalog;
      DROP TABLE outbox_catalog;
      ALTER TABLE outbox_catalog_next RENAME TO outbox_catalog;
      CREATE INDEX outbox_catalog_location ON outbox_catalog (location_id, state);
    `);
  },
};
