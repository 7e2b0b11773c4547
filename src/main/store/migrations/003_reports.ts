import type { Migration } from './types';

/**
 * Fetched day-end reports, kept so the desk can reprint them offline.
 * One row per (location, day, team member or 0 for the whole location); a newer fetch replaces it.
 * body is the report as JSON in the shape `schema` names, so a later change of that shape can
 * ignore (and refetch) old rows instead of misreading them.
 */
export const m003Reports: Migration = {
  version: 3,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE day_reports (
        location_id INTEGER NOT NULL,
        date        TEXT NOT NULL,
        staff_id    INTEGER NOT NULL DEFAULT 0,
        schema      INTEGER NOT NULL,
        body        TEXT NOT NULL,
        fetched_at  TEXT NOT NULL,
        PRIMARY KEY (location_id, date, staff_id)
      ) STRICT;
    `);
  },
};
