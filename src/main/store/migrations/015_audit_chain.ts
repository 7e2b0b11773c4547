import { rowHash, type ChainedRow } from '../desk/audit-chain';
import type { Migration } from './types';

/** How long the audit list keeps a row; the trigger refuses to prune anything younger. */
export const AUDIT_KEEP_DAYS = 400;

/**
 * The audit list becomes append-only and tamper-evident (issue 21): rows are chained by hash (existing
 * rows are chained here, in id order), kept by age rather than by count, and SQLite itself refuses
 * any change except two:
 * - the newest row, a wrong PIN, may count one more wrong PIN (repeated wrong PINs are one row);
 * - the oldest row may be pruned once it is older than AUDIT_KEEP_DAYS; its hash is kept in
 *   `audit_pruned` so the chain still verifies from the first kept row.
 * INSERT OR REPLACE is refused too: REPLACE deletes without firing delete triggers.
 */
export const m015AuditChain: Migration = {
  version: 15,
  name: 'audit chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1);
      ALTER TABLE audit_log ADD COLUMN last_at INTEGER;
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
      CREATE TABLE audit_pruned (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        last_id   INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_by_env ON audit_log (environment, id DESC);
    `);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as ChainedRow[];
    const seal = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    let prev: string | null = null;
    for (const r of rows) {
      const hash = rowHash({ ...r, prev_hash: prev });
      seal.run(prev, hash, r.id);
      prev = hash;
    }
    db.exec(`
      CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
      WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
      BEGIN SELECT RAISE(ABORT, 'the audit list is append-only'); END;

      CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
      WHEN NEW.hash IS NULL OR NEW.prev_hash IS NOT COALESCE(
        (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
        (SELECT last_hash FROM audit_pruned WHERE id = 1))
      BEGIN SELECT RAISE(ABORT, 'an audit row must follow the last one'); END;

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      WHEN NOT (
        OLD.id = (SELECT max(id) FROM audit_log) AND OLD.action = 'pin-wrong'
        AND NEW.id = OLD.id AND NEW.count = OLD.count + 1 AND NEW.last_at >= OLD.at
        AND NEW.at = OLD.at AND NEW.environment = OLD.environment AND NEW.user_id IS OLD.user_id
        AND NEW.user_name IS OLD.user_name AND NEW.action = OLD.action AND NEW.detail IS OLD.detail
        AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS NOT NULL)
      BEGIN SELECT RAISE(ABORT, 'the audit list is append-only'); END;

      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      WHEN OLD.id <> (SELECT min(id) FROM audit_log)
        OR OLD.at >= (CAST(strftime('%s', 'now', '-${AUDIT_KEEP_DAYS} days') AS INTEGER) * 1000)
      BEGIN SELECT RAISE(ABORT, 'only audit rows older than ${AUDIT_KEEP_DAYS} days are pruned, oldest first'); END;

      CREATE TRIGGER audit_log_pruned AFTER DELETE ON audit_log
      BEGIN
        UPDATE audit_pruned SET last_id = OLD.id, last_hash = OLD.hash WHERE id = 1;
        INSERT INTO audit_pruned (id, last_id, last_hash)
          SELECT 1, OLD.id, COALESCE(OLD.hash, '') WHERE NOT EXISTS (SELECT 1 FROM audit_pruned);
      END;

      CREATE TRIGGER audit_pruned_forward BEFORE UPDATE ON audit_pruned
      WHEN NEW.id <> OLD.id OR NEW.last_id <= OLD.last_id
      BEGIN SELECT RAISE(ABORT, 'the audit list is append-only'); END;

      CREATE TRIGGER audit_pruned_once BEFORE INSERT ON audit_pruned
      WHEN EXISTS (SELECT 1 FROM audit_pruned)
      BEGIN SELECT RAISE(ABORT, 'the audit list is append-only'); END;

      CREATE TRIGGER audit_pruned_kept BEFORE DELETE ON audit_pruned
      BEGIN SELECT RAISE(ABORT, 'the audit list is append-only'); END;
    `);
  },
};
