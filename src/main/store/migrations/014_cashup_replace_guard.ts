import type { Migration } from './types';

/**
 * A locked cash-up version must also survive REPLACE. `INSERT OR REPLACE` (and `REPLACE`, and
 * `UPDATE OR REPLACE` moving a draft onto a locked version's key) deletes the conflicting row
 * without firing its DELETE trigger while `recursive_triggers` is off (SQLite's default, and ours),
 * so migration 007's `cashups_locked_no_delete` never sees it. These triggers look for the row
 * that would be replaced before the write and refuse when it is locked. A plain INSERT onto an
 * existing key already fails on the primary key; the trigger only makes the sentence say why.
 */
export const m014CashupReplaceGuard: Migration = {
  version: 14,
  name: 'cashup replace guard',
  up(db) {
    db.exec(`
      CREATE TRIGGER cashups_locked_no_replace BEFORE INSERT ON cashups
      WHEN EXISTS (SELECT 1 FROM cashups WHERE location_id = NEW.location_id AND date = NEW.date
                   AND version = NEW.version AND status = 'locked')
      BEGIN SELECT RAISE(ABORT, 'cash-up version is locked'); END;
      CREATE TRIGGER cashups_locked_no_replace_by_update BEFORE UPDATE OF location_id, date, version ON cashups
      WHEN EXISTS (SELECT 1 FROM cashups WHERE location_id = NEW.location_id AND date = NEW.date
                   AND version = NEW.version AND status = 'locked' AND rowid <> OLD.rowid)
      BEGIN SELECT RAISE(ABORT, 'cash-up version is locked'); END;
    `);
  },
};
