import type { CashupHistoryRow, CashupInput, CashupVersion, CashupZ, Milli } from '../../../shared/domain/cashup';
import type { Db } from '../db';

interface Row {
  location_id: number;
  date: string;
  version: number;
  status: 'draft' | 'locked';
  input: string;
  z: string;
  counted_by: string | null;
  reason: string | null;
  expected: number;
  counted: number | null;
  variance: number | null;
  created_at: string;
  updated_at: string;
  locked_at: string | null;
  locked_how: 'print' | 'pdf' | null;
}

/** The totals copied out of a version for the history list and CSV (the JSON stays the truth). */
export interface Totals {
  expected: Milli;
  counted: Milli | null;
  variance: Milli | null;
}

export interface DayKey {
  locationId: number;
  date: string;
}

function toVersion(r: Row): CashupVersion {
  return {
    locationId: r.location_id,
    date: r.date,
    version: r.version,
    status: r.status,
    input: JSON.parse(r.input) as CashupInput,
    z: JSON.parse(r.z) as CashupZ,
    countedBy: r.counted_by,
    reason: r.reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lockedAt: r.locked_at,
    lockedHow: r.locked_how,
  };
}

function toHistory(r: Row): CashupHistoryRow {
  return {
    date: r.date,
    version: r.version,
    status: r.status,
    expected: r.expected,
    counted: r.counted,
    variance: r.variance,
    countedBy: r.counted_by,
    lockedAt: r.locked_at,
  };
}

/** Cash-up versions in SQLite. Knows rows and transactions; the rules of when live in the service. */
export class CashupRepo {
  private readonly latestStmt;
  private readonly allStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly lockStmt;
  private readonly historyStmt;
  private readonly rangeStmt;

  constructor(private readonly db: Db) {
    this.latestStmt = db.prepare<[number, string], Row>(
      'SELECT * FROM cashups WHERE location_id = ? AND date = ? ORDER BY version DESC LIMIT 1',
    );
    this.allStmt = db.prepare<[number, string], Row>(
      'SELECT * FROM cashups WHERE location_id = ? AND date = ? ORDER BY version',
    );
    this.insertStmt = db.prepare(
      `INSERT INTO cashups (location_id, date, version, status, input, z, counted_by, reason, expected, counted, variance, created_at, updated_at)
       VALUES (@locationId, @date, @version, 'draft', @input, @z, @countedBy, @reason, @expected, @counted, @variance, @now, @now)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE cashups SET input = @input, z = @z, counted_by = @countedBy, expected = @expected, counted = @counted,
         variance = @variance, updated_at = @now
       WHERE location_id = @locationId AND date = @date AND version = @version AND status = 'draft'`,
    );
    this.lockStmt = db.prepare(
      `UPDATE cashups SET status = 'locked', locked_at = @at, locked_how = @how
       WHERE location_id = @locationId AND date = @date AND version = @version AND status = 'draft' AND updated_at = @updatedAt`,
    );
    // The newest version of each day; a day's versions are few, so the correlated MAX is cheap.
    this.historyStmt = db.prepare<[number, string, number], Row>(
      `SELECT * FROM cashups c WHERE location_id = ? AND date <= ?
         AND version = (SELECT MAX(version) FROM cashups WHERE location_id = c.location_id AND date = c.date)
       ORDER BY date DESC LIMIT ?`,
    );
    this.rangeStmt = db.prepare<[number, string, string], Row>(
      'SELECT * FROM cashups WHERE location_id = ? AND date BETWEEN ? AND ? ORDER BY date, version',
    );
  }

  latest(key: DayKey): CashupVersion | null {
    const r = this.latestStmt.get(key.locationId, key.date);
    return r ? toVersion(r) : null;
  }

  versions(key: DayKey): { version: CashupVersion; totals: Totals }[] {
    return this.allStmt.all(key.locationId, key.date).map((r) => ({
      version: toVersion(r),
      totals: { expected: r.expected, counted: r.counted, variance: r.variance },
    }));
  }

  /** A new draft: version 1 of a day, or the version after the newest (which must be locked). */
  insertDraft(
    key: DayKey,
    v: { input: CashupInput; z: CashupZ; countedBy: string | null; reason: string | null; totals: Totals; now: string },
  ): CashupVersion {
    return this.db.transaction(() => {
      const last = this.latestStmt.get(key.locationId, key.date);
      if (last && last.status === 'draft') return toVersion(last); // two windows racing to start the day
      this.insertStmt.run({
        ...key,
        version: (last?.version ?? 0) + 1,
        input: JSON.stringify(v.input),
        z: JSON.stringify(v.z),
        countedBy: v.countedBy,
        reason: v.reason,
        ...v.totals,
        now: v.now,
      });
      return toVersion(this.latestStmt.get(key.locationId, key.date)!);
    })();
  }

  /** Saves a draft's count; false when that version is no longer a draft (or does not exist). */
  updateDraft(
    key: DayKey & { version: number },
    v: { input: CashupInput; z: CashupZ; countedBy: string | null; totals: Totals; now: string },
  ): boolean {
    const changes = this.updateStmt.run({
      ...key,
      input: JSON.stringify(v.input),
      z: JSON.stringify(v.z),
      countedBy: v.countedBy,
      ...v.totals,
      now: v.now,
    }).changes;
    return changes === 1;
  }

  /**
   * Locks the draft exactly as it was when printed: false when it changed in between (updatedAt
   * differs) or is already locked.
   */
  lock(key: DayKey & { version: number; updatedAt: string }, at: string, how: 'print' | 'pdf'): boolean {
    return this.lockStmt.run({ ...key, at, how }).changes === 1;
  }

  /** The newest version of each day up to `until` (inclusive), newest day first. */
  history(locationId: number, limit: number, until = '9999-12-31'): CashupHistoryRow[] {
    return this.historyStmt.all(locationId, until, limit).map(toHistory);
  }

  range(locationId: number, from: string, to: string): CashupVersion[] {
    return this.rangeStmt.all(locationId, from, to).map(toVersion);
  }
}
