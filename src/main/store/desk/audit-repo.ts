import type { Db } from '../db';

export const AUDIT_KEEP = 200;

export interface AuditEntry {
  id: number;
  at: number;
  environment: string;
  userId: number | null;
  userName: string | null;
  action: string;
  detail: string | null;
}

/** A short local list of who did what at this desk; only the newest AUDIT_KEEP entries are kept. */
export class AuditRepo {
  constructor(private readonly db: Db) {}

  add(e: Omit<AuditEntry, 'id'>): void {
    const insert = this.db.prepare(
      'INSERT INTO audit_log (at, environment, user_id, user_name, action, detail) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const trim = this.db.prepare(
      'DELETE FROM audit_log WHERE id <= (SELECT id FROM audit_log ORDER BY id DESC LIMIT 1 OFFSET ?)',
    );
    this.db.transaction(() => {
      insert.run(e.at, e.environment, e.userId, e.userName, e.action, e.detail);
      trim.run(AUDIT_KEEP);
    })();
  }

  recent(limit = AUDIT_KEEP): AuditEntry[] {
    return this.db
      .prepare<[number], { id: number; at: number; environment: string; user_id: number | null; user_name: string | null; action: string; detail: string | null }>(
        'SELECT * FROM audit_log ORDER BY id DESC LIMIT ?',
      )
      .all(Math.min(limit, AUDIT_KEEP))
      .map((r) => ({ id: r.id, at: r.at, environment: r.environment, userId: r.user_id, userName: r.user_name, action: r.action, detail: r.detail }));
  }
}
