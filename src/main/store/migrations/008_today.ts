import type { Migration } from './types';

/**
 * The Today screen's last fetched copies, so the desk can show them offline with their age.
 * One row per (location, part, day, user): `part` is schedule, next-slot, numbers, charts or tips;
 * `day` is the location's YYYY-MM-DD the part is for ('' when it is not tied to a day).
 * `user_id` is 0 for parts every receptionist may see, else the user whose rights fetched it:
 * a manager's figures never show to a colleague without analytics rights at a shared desk.
 */
export const m008Today: Migration = {
  version: 8,
  name: 'today',
  up(db) {
    db.exec(`
      CREATE TABLE today_cache (
        location_id INTEGER NOT NULL,
        part        TEXT NOT NULL,
        day         TEXT NOT NULL DEFAULT '',
        user_id     INTEGER NOT NULL DEFAULT 0,
        schema      INTEGER NOT NULL,
        body        TEXT NOT NULL,
        fetched_at  TEXT NOT NULL,
        PRIMARY KEY (location_id, part, day, user_id)
      ) STRICT;
    `);
  },
};
