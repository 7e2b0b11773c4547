import type { Migration } from './types';

/**
 * The location's online booking forms (GET /company/{id}?showBookforms=1) as last fetched, so the
 * booking poster prints offline and says how old its address is. Cache data: Altegio gives it back.
 * One row per location; `body` is the list of forms as JSON, `schema` its shape's version.
 * Not pruned by age: a poster printed offline a week later still needs the address.
 */
export const m021BookingForms: Migration = {
  version: 21,
  name: 'booking_forms',
  up(db) {
    db.exec(`
      CREATE TABLE booking_forms_cache (
        location_id INTEGER PRIMARY KEY,
        schema      INTEGER NOT NULL,
        body        TEXT NOT NULL,
        fetched_at  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
