import type { Migration } from './types';

/**
 * Outbox items remember who queued them (sent only under that Altegio user, issue 10.10) and what
 * the member's photo was at that moment, so an upload whose answer was lost can be confirmed
 * against Altegio instead of being sent twice (issue 16.4).
 */
export const m005OutboxOwner: Migration = {
  version: 5,
  name: 'outbox-owner',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN user_env TEXT;
      ALTER TABLE outbox ADD COLUMN user_id INTEGER;
      ALTER TABLE outbox ADD COLUMN user_name TEXT;
      -- The member's image group on Altegio when the item was queued (NULL: no photo then).
      ALTER TABLE outbox ADD COLUMN before_image_group_id INTEGER;
      -- 1 once a request may have reached Altegio without us seeing the answer (lost response, crash).
      ALTER TABLE outbox ADD COLUMN unconfirmed INTEGER NOT NULL DEFAULT 0 CHECK (unconfirmed IN (0, 1));
    `);
  },
};
