import type { DayReport } from '../../../shared/domain/reports';
import type { Db } from '../db';

/** A report as fetched: everything but what depends on the moment it is shown. */
export type FetchedReport = Omit<DayReport, 'fetchedAt' | 'fromCache' | 'printedBy'>;

export interface CachedReport {
  report: FetchedReport;
  /** ISO timestamp of the fetch. */
  fetchedAt: string;
}

export interface ReportKey {
  locationId: number;
  /** YYYY-MM-DD */
  date: string;
  staffId: number | null;
}

/** Bump when FetchedReport changes shape: rows in an older shape are then ignored, not misread. */
export const REPORT_SCHEMA = 1;

interface Row {
  body: string;
  fetched_at: string;
}

/** The last fetched copy of each day-end report, for reprinting without a connection. */
export class ReportCache {
  private readonly getStmt;
  private readonly putStmt;
  private readonly pruneStmt;
  private readonly timezoneStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[number, string, number, number], Row>(
      'SELECT body, fetched_at FROM day_reports WHERE location_id = ? AND date = ? AND staff_id = ? AND schema = ?',
    );
    this.putStmt = db.prepare<[number, string, number, number, string, string]>(
      `INSERT INTO day_reports (location_id, date, staff_id, schema, body, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (location_id, date, staff_id)
       DO UPDATE SET schema = excluded.schema, body = excluded.body, fetched_at = excluded.fetched_at`,
    );
    this.pruneStmt = db.prepare<[string]>('DELETE FROM day_reports WHERE fetched_at < ?');
    this.timezoneStmt = db.prepare<[number, number], { tz: string | null }>(
      `SELECT json_extract(body, '$.timezoneName') AS tz FROM day_reports
       WHERE location_id = ? AND schema = ? ORDER BY fetched_at DESC LIMIT 1`,
    );
  }

  get(key: ReportKey): CachedReport | null {
    const row = this.getStmt.get(key.locationId, key.date, key.staffId ?? 0, REPORT_SCHEMA);
    if (!row) return null;
    try {
      return { report: JSON.parse(row.body) as FetchedReport, fetchedAt: row.fetched_at };
    } catch {
      return null; // a damaged row is as good as none: the next fetch overwrites it
    }
  }

  put(report: FetchedReport, fetchedAt: string): void {
    this.putStmt.run(
      report.locationId,
      report.date,
      report.staffId ?? 0,
      REPORT_SCHEMA,
      JSON.stringify(report),
      fetchedAt,
    );
  }

  /** Drops copies fetched before `cutoff` (ISO timestamp); returns how many went. */
  prune(cutoff: string): number {
    return this.pruneStmt.run(cutoff).changes;
  }

  /** The location's timezone as of its latest cached report: "today" offline when the catalogue lacks it. */
  lastTimezone(locationId: number): string | null {
    return this.timezoneStmt.get(locationId, REPORT_SCHEMA)?.tz ?? null;
  }
}
