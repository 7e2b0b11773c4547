import type { OutboxItem, OutboxKind } from '../../../shared/domain/photos';
import type { Db } from '../db';

interface Row {
  id: number;
  kind: OutboxKind;
  location_id: number;
  staff_id: number;
  staff_name: string | null;
  file_name: string | null;
  image_group_id: number | null;
  state: OutboxItem['state'];
  attempts: number;
  last_error_code: string | null;
  last_error_message: string | null;
  next_attempt_at: number;
  created_at: number;
}

export interface OutboxWork {
  id: number;
  kind: OutboxKind;
  locationId: number;
  staffId: number;
  payload: Buffer | null;
  fileName: string | null;
  imageGroupId: number | null;
  attempts: number;
}

const COLUMNS = `id, kind, location_id, staff_id, staff_name, file_name, image_group_id, state, attempts,
  last_error_code, last_error_message, next_attempt_at, created_at`;

function toItem(r: Row): OutboxItem {
  return {
    id: r.id,
    kind: r.kind,
    locationId: r.location_id,
    staffId: r.staff_id,
    staffName: r.staff_name,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error_code ? { code: r.last_error_code, message: r.last_error_message ?? '' } : null,
    nextAttemptAt: r.state === 'failed' ? null : new Date(r.next_attempt_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Photo work that could not be done at once. Kept in SQLite so it survives restarts; never dropped silently. */
export class OutboxRepo {
  constructor(private readonly db: Db) {}

  /** Queues work for a member, replacing whatever was queued for them (the newest intent wins). */
  put(item: {
    kind: OutboxKind;
    locationId: number;
    staffId: number;
    staffName: string | null;
    payload: Buffer | null;
    fileName: string | null;
    imageGroupId: number | null;
    now: number;
  }): number {
    const row = this.db
      .prepare<unknown[], { id: number }>(
        `INSERT INTO outbox (kind, location_id, staff_id, staff_name, payload, file_name, image_group_id, state, attempts, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)
         ON CONFLICT (location_id, staff_id) DO UPDATE SET
           kind = excluded.kind, staff_name = excluded.staff_name, payload = excluded.payload,
           file_name = excluded.file_name, image_group_id = excluded.image_group_id, state = 'pending',
           attempts = 0, last_error_code = NULL, last_error_message = NULL,
           next_attempt_at = excluded.next_attempt_at, created_at = excluded.created_at
         RETURNING id`,
      )
      .get(
        item.kind,
        item.locationId,
        item.staffId,
        item.staffName,
        item.payload,
        item.fileName,
        item.imageGroupId,
        item.now,
        item.now,
      );
    return row!.id;
  }

  list(): OutboxItem[] {
    return this.db.prepare<[], Row>(`SELECT ${COLUMNS} FROM outbox ORDER BY created_at, id`).all().map(toItem);
  }

  pendingFor(locationId: number): Map<number, 'upload' | 'remove'> {
    const rows = this.db
      .prepare<[number], { staff_id: number; kind: OutboxKind }>(
        `SELECT staff_id, kind FROM outbox WHERE location_id = ? AND state != 'failed'`,
      )
      .all(locationId);
    return new Map(rows.map((r) => [r.staff_id, r.kind === 'upload-photo' ? 'upload' : 'remove']));
  }

  /**
   * Takes the due items and marks them 'sending' in one transaction, so two flushes never send
   * the same item twice.
   */
  claimDue(now: number): OutboxWork[] {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare<
          [number],
          {
            id: number;
            kind: OutboxKind;
            location_id: number;
            staff_id: number;
            payload: Buffer | null;
            file_name: string | null;
            image_group_id: number | null;
            attempts: number;
          }
        >(
          `SELECT id, kind, location_id, staff_id, payload, file_name, image_group_id, attempts
           FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id`,
        )
        .all(now);
      const mark = this.db.prepare<[number]>(
        `UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?`,
      );
      for (const r of rows) mark.run(r.id);
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        locationId: r.location_id,
        staffId: r.staff_id,
        payload: r.payload,
        fileName: r.file_name,
        imageGroupId: r.image_group_id,
        attempts: r.attempts + 1,
      }));
    })();
  }

  /** Done: gone from the outbox. Only if it is still the item that was sent (not replaced meanwhile). */
  complete(id: number, attemptsWhenSent: number): void {
    this.db.prepare(`DELETE FROM outbox WHERE id = ? AND state = 'sending' AND attempts = ?`).run(id, attemptsWhenSent);
  }

  retryLater(id: number, error: { code: string; message: string }, nextAttemptAt: number): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'pending', last_error_code = ?, last_error_message = ?, next_attempt_at = ?
         WHERE id = ? AND state = 'sending'`,
      )
      .run(error.code, error.message, nextAttemptAt, id);
  }

  fail(id: number, error: { code: string; message: string }): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'failed', last_error_code = ?, last_error_message = ? WHERE id = ? AND state = 'sending'`,
      )
      .run(error.code, error.message, id);
  }

  /** After a crash mid-send: 'sending' items go back to pending (uploads are replay-safe: same bytes, same member). */
  resetSending(now: number): void {
    this.db.prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE state = 'sending'`).run(now);
  }

  requeue(id: number, now: number): boolean {
    return (
      this.db
        .prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = ?, attempts = 0 WHERE id = ?`)
        .run(now, id).changes > 0
    );
  }

  /** Everything that waits only for the network or a sign-in: due now. */
  makeAllDue(now: number): void {
    this.db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending'`).run(now);
  }

  remove(id: number): boolean {
    return this.db.prepare(`DELETE FROM outbox WHERE id = ? AND state != 'sending'`).run(id).changes > 0;
  }

  exists(id: number): boolean {
    return !!this.db.prepare('SELECT 1 FROM outbox WHERE id = ?').get(id);
  }
}
