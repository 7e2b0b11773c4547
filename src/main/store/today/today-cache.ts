import type { Db } from '../db';

export type TodayPart = 'schedule' | 'next-slot' | 'numbers' | 'charts' | 'tips';

export interface TodayKey {
  locationId: number;
  part: TodayPart;
  /** YYYY-MM-DD, or '' for parts not tied to a day. */
  day: string;
  /** 0 for parts any user of the desk may see. */
  userId: number;
}

export interface CachedPart<T> {
  body: T;
  /** ISO timestamp of the fetch. */
  fetchedAt: string;
}

/** Bump when a cached body changes shape: older rows are then ignored (and refetched), not misread. */
export const TODAY_SCHEMA = 1;

interface Row {
  body: string;
  fetched_at: string;
}

/** The last fetched copy of each part of the Today screen. */
export class TodayCache {
  private readonly getStmt;
  private readonly putStmt;
  private readonly pruneStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[number, string, string, number, number], Row>(
      `SELECT body, fetched_at FROM today_cache
       WHERE location_id = ? AND part = ? AND day = ? AND user_id = ? AND schema = ?`,
    );
    this.putStmt = db.prepare<[number, string, string, number, number, string, string]>(
      `INSERT INTO today_cache (location_id, part, day, user_id, schema, body, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (location_id, part, day, user_id)
       DO UPDATE SET schema = excluded.schema, body = excluded.body, fetched_at = excluded.fetched_at`,
    );
    this.pruneStmt = db.prepare<[string]>('DELETE FROM today_cache WHERE fetched_at < ?');
  }

  get<T>(key: TodayKey): CachedPart<T> | null {
    const row = this.getStmt.get(key.locationId, key.part, key.day, key.userId, TODAY_SCHEMA);
    if (!row) return null;
    try {
      return { body: JSON.parse(row.body) as T, fetchedAt: row.fetched_at };
    } catch {
      return null; // a damaged row is as good as none
    }
  }

  put<T>(key: TodayKey, body: T, fetchedAt: string): void {
    this.putStmt.run(key.locationId, key.part, key.day, key.userId, TODAY_SCHEMA, JSON.stringify(body), fetchedAt);
  }

  /** Drops copies fetched before `cutoff` (ISO); returns how many went. */
  prune(cutoff: string): number {
    return this.pruneStmt.run(cutoff).changes;
  }
}
