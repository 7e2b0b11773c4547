import type { Migration } from './types';

/**
 * "Who comes back": the last fetched loyalty analytics, so the panel works offline and says how old it is.
 * Cache data only (refetched from Altegio when lost). One row per (location, part, period, promotions, user):
 * `part` is programmes, visits or staff; `period` is "from|to" ('' for programmes); `programs` the sorted
 * promotion ids asked for ('' = all). Per user, as analytics rights differ between desk users.
 */
export const m016Loyalty: Migration = {
  version: 16,
  name: 'loyalty',
  up(db) {
    db.exec(`
      CREATE TABLE loyalty_cache (
        location_id INTEGER NOT NULL,
        part        TEXT NOT NULL,
        period      TEXT NOT NULL DEFAULT '',
        programs    TEXT NOT NULL DEFAULT '',
        user_id     INTEGER NOT NULL,
        schema      INTEGER NOT NULL,
        body        TEXT NOT NULL,
        fetched_at  TEXT NOT NULL,
        PRIMARY KEY (location_id, part, period, programs, user_id)
      ) STRICT;
    `);
  },
};
