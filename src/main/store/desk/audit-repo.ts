import type { Db } from '../db';
import { AUDIT_KEEP_DAYS } from '../migrations/015_audit_chain';
import { chainHead, checkChain, rowHash, type ChainCheck, type ChainedRow } from './audit-chain';

/** What the desk's audit screen shows at most; the list itself keeps every row for AUDIT_KEEP_DAYS. */
export const AUDIT_SHOWN = 200;
export { AUDIT_KEEP_DAYS };

const DAY_MS = 86_400_000;

export interface AuditEntry {
  id: number;
  at: number;
  environment: string;
  userId: number | null;
  userName: string | null;
  action: string;
  detail: string | null;
  /** Repeated wrong PINs by one person are one row: how many, and when the last one was. */
  count: number;
  lastAt: number | null;
}

/** Wrong PINs come in bursts; one row per burst keeps the list readable and small. */
const COALESCED = 'pin-wrong';

const toEntry = (r: ChainedRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  environment: r.environment,
  userId: r.user_id,
  userName: r.user_name,
  action: r.action,
  detail: r.detail,
  count: r.count,
  lastAt: r.last_at,
});

/**
 * Who did what at this desk: append-only, hash-chained, kept for AUDIT_KEEP_DAYS (migration 015).
 * Each write runs in one immediate transaction so the chain's head cannot move between reading it and
 * appending to it.
 */
export class AuditRepo {
  constructor(private readonly db: Db) {}

  add(e: Omit<AuditEntry, 'id' | 'count' | 'lastAt'>): void {
    this.db
      .transaction(() => {
        if (e.action === COALESCED && this.bumpLast(e)) return;
        const prev = chainHead(this.db);
        const row = { ...e, count: 1, lastAt: null };
        const fields = {
          prev_hash: prev,
          at: row.at,
          environment: row.environment,
          user_id: row.userId,
          user_name: row.userName,
          action: row.action,
          detail: row.detail,
          count: 1,
          last_at: null,
        };
        this.db
          .prepare(
            `INSERT INTO audit_log (at, environment, user_id, user_name, action, detail, count, last_at, prev_hash, hash)
             VALUES (@at, @environment, @user_id, @user_name, @action, @detail, @count, @last_at, @prev_hash, @hash)`,
          )
          .run({ ...fields, hash: rowHash(fields) });
      })
      .immediate();
  }

  /** The newest row is this person's wrong PIN: count one more instead of adding a row. */
  private bumpLast(e: Omit<AuditEntry, 'id' | 'count' | 'lastAt'>): boolean {
    const last = this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as ChainedRow | undefined;
    if (!last || last.action !== COALESCED || last.environment !== e.environment || last.user_id !== e.userId) {
      return false;
    }
    const next = { ...last, count: last.count + 1, last_at: Math.max(e.at, last.at) };
    this.db
      .prepare('UPDATE audit_log SET count = ?, last_at = ?, hash = ? WHERE id = ?')
      .run(next.count, next.last_at, rowHash(next), last.id);
    return true;
  }

  /** Drops rows older than AUDIT_KEEP_DAYS, oldest first (the only deletion the triggers allow). */
  prune(nowMs: number): number {
    const cutoff = nowMs - AUDIT_KEEP_DAYS * DAY_MS;
    const drop = this.db.prepare('DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log) AND at < ?');
    return this.db
      .transaction(() => {
        let n = 0;
        while (drop.run(cutoff).changes > 0) n++;
        return n;
      })
      .immediate();
  }

  /** The newest rows of one environment, for the desk's audit screen. */
  recent(environment: string, limit = AUDIT_SHOWN): AuditEntry[] {
    return (
      this.db
        .prepare('SELECT * FROM audit_log WHERE environment = ? ORDER BY id DESC LIMIT ?')
        .all(environment, Math.min(limit, AUDIT_SHOWN)) as ChainedRow[]
    ).map(toEntry);
  }

  check(): ChainCheck {
    return checkChain(this.db);
  }
}
