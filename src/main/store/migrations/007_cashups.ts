import type { Migration } from './types';

/**
 * Cash-ups: one row per version of a (location, day). A version is a draft until it is printed or
 * saved as PDF, then locked for good: the triggers make a locked row impossible to change or
 * delete, whatever code runs. A correction is a new version with a reason. At most one draft per
 * day (the partial unique index), and it is always the newest version (the repo checks).
 * input and z are JSON (CashupInput, CashupZ); the totals are copied out for history and CSV.
 */
export const m007Cashups: Migration = {
  version: 7,
  name: 'cashups',
  up(db) {
    db.exec(`
      CREATE TABLE cashups (
        location_id INTEGER NOT NULL,
        date        TEXT NOT NULL,
        version     INTEGER NOT NULL CHECK (version >= 1),
        status      TEXT NOT NULL CHECK (status IN ('draft', 'locked')),
        input       TEXT NOT NULL,
        z           TEXT NOT NULL,
        counted_by  TEXT,
        reason      TEXT,
        expected    INTEGER NOT NULL,
        counted     INTEGER,
        variance    INTEGER,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        locked_at   TEXT,
        locked_how  TEXT CHECK (locked_how IN ('print', 'pdf')),
        PRIMARY KEY (location_id, date, version),
        CHECK ((status = 'locked') = (locked_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX cashups_one_draft ON cashups (location_id, date) WHERE status = 'draft';
      CREATE INDEX cashups_by_day ON cashups (location_id, date DESC, version DESC);
      CREATE TRIGGER cashups_locked_no_update BEFORE UPDATE ON cashups WHEN OLD.status = 'locked'
      BEGIN SELECT RAISE(ABORT, 'cash-up version is locked'); END;
      CREATE TRIGGER cashups_locked_no_delete BEFORE DELETE ON cashups WHEN OLD.status = 'locked'
      BEGIN SELECT RAISE(ABORT, 'cash-up version is locked'); END;
    `);
  },
};
