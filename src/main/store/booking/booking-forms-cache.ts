import type { Bookform } from '../../altegio/bookforms-client';
import type { Db } from '../db';

/** Bump when the stored form list changes shape: older rows are then ignored (and refetched), not misread. */
export const BOOKING_FORMS_SCHEMA = 1;

export interface CachedBookforms {
  forms: Bookform[];
  /** ISO timestamp of the fetch. */
  fetchedAt: string;
}

interface Row {
  body: string;
  fetched_at: string;
}

/** The last fetched list of each location's online booking forms (migration 021). */
export class BookingFormsCache {
  private readonly getStmt;
  private readonly putStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[number, number], Row>(
      'SELECT body, fetched_at FROM booking_forms_cache WHERE location_id = ? AND schema = ?',
    );
    // An older answer never replaces a newer one: two refreshes may finish in either order.
    this.putStmt = db.prepare<[number, number, string, string]>(
      `INSERT INTO booking_forms_cache (location_id, schema, body, fetched_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (location_id) DO UPDATE SET schema = excluded.schema, body = excluded.body, fetched_at = excluded.fetched_at
       WHERE excluded.fetched_at >= booking_forms_cache.fetched_at OR booking_forms_cache.schema <> excluded.schema`,
    );
  }

  get(locationId: number): CachedBookforms | null {
    const row = this.getStmt.get(locationId, BOOKING_FORMS_SCHEMA);
    if (!row) return null;
    try {
      const forms = JSON.parse(row.body) as unknown;
      return Array.isArray(forms) ? { forms: forms as Bookform[], fetchedAt: row.fetched_at } : null;
    } catch {
      return null; // a damaged row is as good as none
    }
  }

  put(locationId: number, forms: Bookform[], fetchedAt: string): void {
    this.putStmt.run(locationId, BOOKING_FORMS_SCHEMA, JSON.stringify(forms), fetchedAt);
  }
}
