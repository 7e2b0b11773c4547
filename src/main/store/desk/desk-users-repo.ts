import type { Db } from '../db';

export interface DeskUserRow {
  environment: string;
  userId: number;
  name: string;
  /** The Altegio login typed at sign-in, to fill the form when this user must sign in again (not a secret). */
  login: string | null;
  avatar: string | null;
  pinHash: string | null;
  pinFailures: number;
  lastFailureAt: number | null;
  lockedOut: boolean;
  addedAt: number;
  lastActiveAt: number;
}

export interface PinAttempt {
  failures: number;
  lastFailureAt: number | null;
  lockedOut: boolean;
}

interface Raw {
  environment: string;
  user_id: number;
  name: string;
  login: string | null;
  avatar: string | null;
  pin_hash: string | null;
  pin_failures: number;
  last_failure_at: number | null;
  locked_out: number;
  added_at: number;
  last_active_at: number;
}

const toRow = (r: Raw): DeskUserRow => ({
  environment: r.environment,
  userId: r.user_id,
  name: r.name,
  login: r.login,
  avatar: r.avatar,
  pinHash: r.pin_hash,
  pinFailures: r.pin_failures,
  lastFailureAt: r.last_failure_at,
  lockedOut: r.locked_out === 1,
  addedAt: r.added_at,
  lastActiveAt: r.last_active_at,
});

/** The receptionists held on this desk, per Altegio environment. */
export class DeskUsersRepo {
  constructor(private readonly db: Db) {}

  list(environment: string): DeskUserRow[] {
    return this.db
      .prepare<[string], Raw>('SELECT * FROM desk_users WHERE environment = ? ORDER BY last_active_at DESC, name')
      .all(environment)
      .map(toRow);
  }

  get(environment: string, userId: number): DeskUserRow | null {
    const raw = this.db
      .prepare<[string, number], Raw>('SELECT * FROM desk_users WHERE environment = ? AND user_id = ?')
      .get(environment, userId);
    return raw ? toRow(raw) : null;
  }

  /** Signing in with the password adds the user, or refreshes their name and clears a PIN lockout. */
  upsertSignedIn(environment: string, u: { userId: number; name: string; login: string; avatar: string | null }, now: number): void {
    this.db
      .prepare(
        `INSERT INTO desk_users (environment, user_id, name, login, avatar, added_at, last_active_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(environment, user_id) DO UPDATE SET
           name = excluded.name, login = excluded.login, avatar = excluded.avatar, last_active_at = excluded.last_active_at,
           pin_failures = 0, last_failure_at = NULL, locked_out = 0`,
      )
      .run(environment, u.userId, u.name, u.login, u.avatar, now, now);
  }

  setPinHash(environment: string, userId: number, hash: string | null): void {
    this.db
      .prepare(
        'UPDATE desk_users SET pin_hash = ?, pin_failures = 0, last_failure_at = NULL, locked_out = 0 WHERE environment = ? AND user_id = ?',
      )
      .run(hash, environment, userId);
  }

  recordAttempt(environment: string, userId: number, a: PinAttempt): void {
    this.db
      .prepare('UPDATE desk_users SET pin_failures = ?, last_failure_at = ?, locked_out = ? WHERE environment = ? AND user_id = ?')
      .run(a.failures, a.lastFailureAt, a.lockedOut ? 1 : 0, environment, userId);
  }

  /**
   * Counts a PIN try before the PIN is checked, in one transaction: the gate sees the count every earlier
   * try left, however many run at once, and a try that crashes mid-check still counts.
   */
  beginAttempt<G extends { ok: boolean }>(
    environment: string,
    userId: number,
    gate: (a: PinAttempt) => G,
    counted: (a: PinAttempt) => PinAttempt,
  ): { row: DeskUserRow; gate: G; counted: PinAttempt | null } | null {
    return this.db.transaction(() => {
      const row = this.get(environment, userId);
      if (!row) return null;
      const before = { failures: row.pinFailures, lastFailureAt: row.lastFailureAt, lockedOut: row.lockedOut };
      const verdict = gate(before);
      if (!verdict.ok || row.pinHash === null) return { row, gate: verdict, counted: null };
      const next = counted(before);
      this.recordAttempt(environment, userId, next);
      return { row, gate: verdict, counted: next };
    }).immediate();
  }

  touch(environment: string, userId: number, now: number): void {
    this.db.prepare('UPDATE desk_users SET last_active_at = ? WHERE environment = ? AND user_id = ?').run(now, environment, userId);
  }

  remove(environment: string, userId: number): boolean {
    return this.db.prepare('DELETE FROM desk_users WHERE environment = ? AND user_id = ?').run(environment, userId).changes > 0;
  }
}
