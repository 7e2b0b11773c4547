import type { Db } from '../db';
import type { SyncStateRecord } from './types';

interface Row {
  locationId: number;
  title: string;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  code: string | null;
  message: string | null;
  categories: number;
  services: number;
  staff: number;
}

/** Per-location sync bookkeeping. Successes are written by SnapshotWriter inside the snapshot transaction. */
export class SyncStateRepo {
  private readonly listStmt;
  private readonly errorStmt;

  constructor(db: Db) {
    this.listStmt = db.prepare<[], Row>(
      `SELECT location_id AS locationId, title, last_success_at AS lastSuccessAt, last_error_at AS lastErrorAt,
              last_error_code AS code, last_error_message AS message, categories, services, staff
       FROM sync_state ORDER BY title, location_id`,
    );
    this.errorStmt = db.prepare(
      `INSERT INTO sync_state (location_id, title, last_error_at, last_error_code, last_error_message)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (location_id) DO UPDATE SET title = excluded.title, last_error_at = excluded.last_error_at,
         last_error_code = excluded.last_error_code, last_error_message = excluded.last_error_message`,
    );
  }

  list(): SyncStateRecord[] {
    return this.listStmt.all().map((r) => ({
      locationId: r.locationId,
      title: r.title,
      lastSuccessAt: r.lastSuccessAt,
      lastErrorAt: r.lastErrorAt,
      lastError: r.code === null ? null : { code: r.code, message: r.message ?? '' },
      counts: { categories: r.categories, services: r.services, staff: r.staff },
    }));
  }

  get(locationId: number): SyncStateRecord | null {
    return this.list().find((s) => s.locationId === locationId) ?? null;
  }

  recordError(locationId: number, title: string, at: string, code: string, message: string): void {
    this.errorStmt.run(locationId, title, at, code, message);
  }
}
