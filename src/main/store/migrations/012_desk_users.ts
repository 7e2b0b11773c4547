import type { Migration } from './types';

/**
 * Receptionists who share this desk, and what each did. Tokens stay in the keychain; a PIN is only its
 * scrypt hash. The audit list is local and short (the last 200 actions), for "who printed this?".
 */
export const m012DeskUsers: Migration = {
  version: 12,
  name: 'desk users',
  up(db) {
    db.exec(`
      CREATE TABLE desk_users (
        environment     TEXT NOT NULL,
        user_id         INTEGER NOT NULL,
        name            TEXT NOT NULL,
        login           TEXT,
        avatar          TEXT,
        pin_hash        TEXT,
        pin_failures    INTEGER NOT NULL DEFAULT 0,
        last_failure_at INTEGER,
        locked_out      INTEGER NOT NULL DEFAULT 0 CHECK (locked_out IN (0, 1)),
        added_at        INTEGER NOT NULL,
        last_active_at  INTEGER NOT NULL,
        PRIMARY KEY (environment, user_id)
      ) STRICT;
      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        at          INTEGER NOT NULL,
        environment TEXT NOT NULL,
        user_id     INTEGER,
        user_name   TEXT,
        action      TEXT NOT NULL,
        detail      TEXT
      ) STRICT;
    `);
  },
};
