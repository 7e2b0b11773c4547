import type { OutboxItem, OutboxKind, PhotoSubject } from '../../../shared/domain/photos';
import type { Db } from '../db';

/** The Altegio user an item belongs to: ids are per environment, so both are kept. */
export interface OutboxOwner {
  env: string;
  userId: number;
  name: string;
}

interface Row {
  id: number;
  kind: OutboxKind;
  location_id: number;
  subject: PhotoSubject;
  subject_id: number;
  subject_name: string | null;
  file_name: string | null;
  image_group_id: number | null;
  state: OutboxItem['state'];
  attempts: number;
  last_error_code: string | null;
  last_error_message: string | null;
  next_attempt_at: number;
  created_at: number;
  user_env: string | null;
  user_id: number | null;
  user_name: string | null;
}

export interface OutboxWork {
  id: number;
  kind: OutboxKind;
  locationId: number;
  subject: PhotoSubject;
  subjectId: number;
  subjectName: string | null;
  payload: Buffer | null;
  fileName: string | null;
  imageGroupId: number | null;
  attempts: number;
  /** The subject's image group when queued: if Altegio shows another one, our upload arrived. */
  beforeImageGroupId: number | null;
  /** An earlier request may have reached Altegio: confirm before sending again. */
  unconfirmed: boolean;
  /** Queued before the photo it replaced was recorded (an older version's row): cannot be confirmed. */
  confirmable: boolean;
}

const COLUMNS = `id, kind, location_id, subject, subject_id, subject_name, file_name, image_group_id, state, attempts,
  last_error_code, last_error_message, next_attempt_at, created_at, user_env, user_id, user_name`;

const isOwner = (r: Pick<Row, 'user_env' | 'user_id'>, who: OutboxOwner | null) =>
  r.user_id === null || (who !== null && r.user_env === who.env && r.user_id === who.userId);

function toItem(r: Row, who: OutboxOwner | null): OutboxItem {
  return {
    id: r.id,
    kind: r.kind,
    locationId: r.location_id,
    subject: r.subject,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error_code ? { code: r.last_error_code, message: r.last_error_message ?? '' } : null,
    nextAttemptAt: r.state === 'pending' || r.state === 'sending' ? new Date(r.next_attempt_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    queuedBy: r.user_name,
    // Refused for its owner's role: it waits for a manager, not for its owner to sign in.
    waitingFor: isOwner(r, who) || r.state === 'needs-manager' ? null : (r.user_name ?? `#${r.user_id}`),
  };
}

/**
 * Photo work (a team member's or a service's) that could not be done at once. Kept in SQLite so it survives restarts; never dropped
 * silently. Exactly-once as far as Altegio allows: an item is marked 'sending' (committed) before
 * its request, and one whose answer never came is confirmed against Altegio before it is sent again.
 */
export class OutboxRepo {
  constructor(private readonly db: Db) {}

  /** Queues work for a subject, replacing whatever was queued for it (the newest intent wins). */
  put(item: {
    kind: OutboxKind;
    locationId: number;
    subject: PhotoSubject;
    subjectId: number;
    subjectName: string | null;
    payload: Buffer | null;
    fileName: string | null;
    imageGroupId: number | null;
    beforeImageGroupId: number | null;
    owner: OutboxOwner;
    now: number;
    /** When it may first be sent (default: now). */
    dueAt?: number;
  }): number {
    const row = this.db
      .prepare<unknown[], { id: number }>(
        `INSERT INTO outbox (kind, location_id, subject, subject_id, subject_name, payload, file_name, image_group_id,
           state, attempts, next_attempt_at, created_at, user_env, user_id, user_name, before_image_group_id, unconfirmed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?, ?, 0)
         ON CONFLICT (location_id, subject, subject_id) DO UPDATE SET
           kind = excluded.kind, subject_name = excluded.subject_name, payload = excluded.payload,
           file_name = excluded.file_name, image_group_id = excluded.image_group_id, state = 'pending',
           attempts = 0, last_error_code = NULL, last_error_message = NULL,
           next_attempt_at = excluded.next_attempt_at, created_at = excluded.created_at,
           user_env = excluded.user_env, user_id = excluded.user_id, user_name = excluded.user_name,
           before_image_group_id = excluded.before_image_group_id, unconfirmed = 0
         RETURNING id`,
      )
      .get(
        item.kind,
        item.locationId,
        item.subject,
        item.subjectId,
        item.subjectName,
        item.payload,
        item.fileName,
        item.imageGroupId,
        item.dueAt ?? item.now,
        item.now,
        item.owner.env,
        item.owner.userId,
        item.owner.name,
        item.beforeImageGroupId,
      );
    return row!.id;
  }

  /** Every item; `who` (the signed-in user) decides which ones say "waiting for … to sign in". */
  list(who: OutboxOwner | null): OutboxItem[] {
    return this.db
      .prepare<[], Row>(`SELECT ${COLUMNS} FROM outbox ORDER BY created_at, id`)
      .all()
      .map((r) => toItem(r, who));
  }

  /** Subject id → the queued change, for one location's members or services. */
  pendingFor(locationId: number, subject: PhotoSubject = 'staff'): Map<number, 'upload' | 'remove'> {
    const rows = this.db
      .prepare<[number, PhotoSubject], { subject_id: number; kind: OutboxKind }>(
        `SELECT subject_id, kind FROM outbox WHERE location_id = ? AND subject = ? AND state != 'failed'`,
      )
      .all(locationId, subject);
    return new Map(rows.map((r) => [r.subject_id, r.kind === 'upload-photo' ? 'upload' : 'remove']));
  }

  /**
   * Takes the due items of `who` (never another user's) and marks them 'sending' in one committed
   * transaction before any request goes out, so two flushes never send the same item and a crash
   * mid-send is known at the next start. `onlyId` claims one item whatever its due time.
   */
  claimDue(now: number, who: OutboxOwner, onlyId?: number): OutboxWork[] {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare<
          [number, string, number, number | null, number | null],
          Omit<
            Row,
            'state' | 'last_error_code' | 'last_error_message' | 'next_attempt_at' | 'created_at'
          > & {
            payload: Buffer | null;
            before_image_group_id: number | null;
            unconfirmed: number;
          }
        >(
          `SELECT id, kind, location_id, subject, subject_id, subject_name, payload, file_name, image_group_id, attempts, user_env, user_id,
                  user_name, before_image_group_id, unconfirmed
           FROM outbox
           WHERE state = 'pending' AND next_attempt_at <= ?
             AND (user_id IS NULL OR (user_env = ? AND user_id = ?))
             AND (? IS NULL OR id = ?)
           ORDER BY id`,
        )
        .all(onlyId === undefined ? now : Number.MAX_SAFE_INTEGER, who.env, who.userId, onlyId ?? null, onlyId ?? null);
      const mark = this.db.prepare<[number]>(
        `UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?`,
      );
      for (const r of rows) mark.run(r.id);
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        locationId: r.location_id,
        subject: r.subject,
        subjectId: r.subject_id,
        subjectName: r.subject_name,
        payload: r.payload,
        fileName: r.file_name,
        imageGroupId: r.image_group_id,
        attempts: r.attempts + 1,
        beforeImageGroupId: r.before_image_group_id,
        unconfirmed: r.unconfirmed === 1,
        confirmable: r.user_id !== null,
      }));
    })();
  }

  /** Done: gone from the outbox. Only if it is still the item that was sent (not replaced meanwhile). */
  complete(id: number, attemptsWhenSent: number): void {
    this.db.prepare(`DELETE FROM outbox WHERE id = ? AND state = 'sending' AND attempts = ?`).run(id, attemptsWhenSent);
  }

  /**
   * Back to pending. `maybeDelivered`: the request may have reached Altegio (no answer seen), so the
   * next attempt confirms first. Never cleared here: an earlier lost answer still needs confirming.
   */
  retryLater(
    id: number,
    error: { code: string; message: string },
    nextAttemptAt: number,
    maybeDelivered: boolean,
  ): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'pending', last_error_code = ?, last_error_message = ?, next_attempt_at = ?,
           unconfirmed = MAX(unconfirmed, ?)
         WHERE id = ? AND state = 'sending'`,
      )
      .run(error.code, error.message, nextAttemptAt, maybeDelivered ? 1 : 0, id);
  }

  /** Altegio was asked and still shows the old photo: the earlier request did not arrive. */
  markConfirmedUndelivered(id: number): void {
    this.db.prepare(`UPDATE outbox SET unconfirmed = 0 WHERE id = ?`).run(id);
  }

  /** Refused: 'needs-manager' (403) waits for someone with the rights; 'failed' for a person to look at it. */
  stop(id: number, state: 'failed' | 'needs-manager', error: { code: string; message: string }): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = ?, last_error_code = ?, last_error_message = ? WHERE id = ? AND state = 'sending'`,
      )
      .run(state, error.code, error.message, id);
  }

  /**
   * After a crash mid-send: 'sending' items go back to pending, flagged so that Altegio is asked
   * whether the upload arrived before it is sent again.
   */
  resetSending(now: number): void {
    this.db
      .prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = ?, unconfirmed = 1 WHERE state = 'sending'`)
      .run(now);
  }

  /**
   * Due now. An item held for a manager becomes `by`'s (the person with the rights sends it under their
   * token); any other item stays its owner's, who alone may send it.
   */
  requeue(id: number, now: number, by: OutboxOwner): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox SET next_attempt_at = ?, attempts = 0,
             user_env = CASE WHEN state = 'needs-manager' THEN ? ELSE user_env END,
             user_id = CASE WHEN state = 'needs-manager' THEN ? ELSE user_id END,
             user_name = CASE WHEN state = 'needs-manager' THEN ? ELSE user_name END,
             state = 'pending'
           WHERE id = ? AND state != 'sending'`,
        )
        .run(now, by.env, by.userId, by.name, id).changes > 0
    );
  }

  /** The item's state and owner, as the retry decides who it becomes. */
  get(id: number): OutboxItem | null {
    const r = this.db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM outbox WHERE id = ?`).get(id);
    return r ? toItem(r, null) : null;
  }

  /** Everything that waits only for the network or a sign-in: due now. */
  makeAllDue(now: number): void {
    this.db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending'`).run(now);
  }

  remove(id: number): boolean {
    return this.db.prepare(`DELETE FROM outbox WHERE id = ? AND state != 'sending'`).run(id).changes > 0;
  }

  /** Drops an item whatever its state (a direct upload that Altegio refused for good). */
  discard(id: number): void {
    this.db.prepare(`DELETE FROM outbox WHERE id = ?`).run(id);
  }

  /** How many changes one desk user still has queued (the warning before removing them from the desk). */
  countOwnedBy(env: string, userId: number): number {
    const row = this.db
      .prepare<[string, number], { n: number }>('SELECT count(*) AS n FROM outbox WHERE user_env = ? AND user_id = ?')
      .get(env, userId);
    return row?.n ?? 0;
  }

  /** A removed desk user's queued changes go with them: only their token could ever send them. */
  discardOwnedBy(env: string, userId: number): number {
    return this.db
      .prepare(`DELETE FROM outbox WHERE user_env = ? AND user_id = ? AND state != 'sending'`)
      .run(env, userId).changes;
  }

  exists(id: number): boolean {
    return !!this.db.prepare('SELECT 1 FROM outbox WHERE id = ?').get(id);
  }
}
