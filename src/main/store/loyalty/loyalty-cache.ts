import type { Db } from '../db';

export type LoyaltyPart = 'programmes' | 'visits' | 'staff';

export interface LoyaltyKey {
  locationId: number;
  part: LoyaltyPart;
  /** "from|to", or '' for the programme list. */
  period: string;
  /** Sorted promotion ids joined by commas; '' = all. */
  programs: string;
  userId: number;
}

export interface CachedLoyalty<T> {
  body: T;
  fetchedAt: string;
}

/** Bump when a cached body changes shape: older rows are then ignored (and refetched), not misread. */
export const LOYALTY_SCHEMA = 1;

interface Row {
  body: string;
  fetched_at: string;
}

/** The last fetched copy of each loyalty answer (migration 016; cache data, safe to lose). */
export class LoyaltyCache {
  private readonly getStmt;
  private readonly putStmt;
  private readonly pruneStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[number, string, string, string, number, number], Row>(
      `SELECT body, fetched_at FROM loyalty_cache
       WHERE location_id = ? AND part = ? AND period = ? AND programs = ? AND user_id = ? AND schema = ?`,
    );
    this.putStmt = db.prepare<[number, string, string, string, number, number, string, string]>(
      `INSERT INTO loyalty_cache (location_id, part, period, programs, user_id, schema, body, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (location_id, part, period, programs, user_id)
       DO UPDATE SET schema = excluded.schema, body = excluded.body, fetched_at = excluded.fetched_at`,
    );
    this.pruneStmt = db.prepare<[string]>('DELETE FROM loyalty_cache WHERE fetched_at < ?');
  }

  get<T>(k: LoyaltyKey): CachedLoyalty<T> | null {
    const row = this.getStmt.get(k.locationId, k.part, k.period, k.programs, k.userId, LOYALTY_SCHEMA);
    if (!row) return null;
    try {
      return { body: JSON.parse(row.body) as T, fetchedAt: row.fetched_at };
    } catch {
      return null; // a damaged row is as good as none
    }
  }

  put<T>(k: LoyaltyKey, body: T, fetchedAt: string): void {
    this.putStmt.run(
      k.locationId,
      k.part,
      k.period,
      k.programs,
      k.userId,
      LOYALTY_SCHEMA,
      JSON.stringify(body),
      fetchedAt,
    );
  }

  prune(cutoff: string): number {
    return this.pruneStmt.run(cutoff).changes;
  }
}
