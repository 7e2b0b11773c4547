import type { Migration } from './types';

/**
 * Each service's technical break (issue 22 §2), as Altegio's service list gives it, so a manager can change
 * the break from the edit form offline too. `technical_break` NULL is Altegio's "the location's default";
 * `technical_break_known` 0 says the list did not carry it (rows from before this migration, or an answer
 * without the field): the form then keeps the break as it is. Cache data: the next sync fills it in.
 */
export const m023ServiceBreaks: Migration = {
  version: 23,
  name: 'service-breaks',
  up(db) {
    db.exec(`
      ALTER TABLE services ADD COLUMN technical_break INTEGER;
      ALTER TABLE services ADD COLUMN technical_break_known INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
