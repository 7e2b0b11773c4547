import type { LocationChanges, LocationFields, LocationItem } from '../../../shared/domain/location';
import { conflictingFields } from '../../../shared/domain/location';
import type { Db } from '../db';
import type { OutboxOwner } from './outbox-repo';

type State = LocationItem['state'];

interface Row {
  id: number;
  location_id: number;
  body: string;
  state: State;
  attempts: number;
  unconfirmed: number;
  last_error_code: string | null;
  last_error_message: string | null;
  created_at: number;
  user_env: string;
  user_id: number;
  user_name: string;
  base: string | null;
  theirs: string | null;
}

interface Body {
  changes: LocationChanges;
  phoneIssue?: { phone: string; reason: string } | null;
}

/** One claimed location edit. */
export interface LocationWork {
  id: number;
  locationId: number;
  changes: LocationChanges;
  base: LocationFields;
  attempts: number;
  /** An earlier PUT may have arrived: re-reading tells (PUT is idempotent, so sending again is safe too). */
  unconfirmed: boolean;
  owner: OutboxOwner;
}

const WAITING = `('pending', 'sending', 'failed', 'needs-manager', 'conflict')`;

function toItem(r: Row): LocationItem {
  const b = JSON.parse(r.body) as Body;
  const base = JSON.parse(r.base ?? 'null') as LocationFields;
  const theirs = r.theirs ? (JSON.parse(r.theirs) as LocationFields) : null;
  return {
    id: r.id,
    locationId: r.location_id,
    state: r.state,
    changes: b.changes,
    base,
    theirs,
    conflicts: theirs ? conflictingFields(base, b.changes, theirs) : [],
    queuedBy: r.user_name,
    lastError: r.last_error_code ? { code: r.last_error_code, message: r.last_error_message ?? '' } : null,
    phoneIssue: b.phoneIssue ?? null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/**
 * Edits of the location card ('update-location' rows of `outbox_catalog`, migration 018), with the
 * catalogue outbox's guarantees: committed before the request, 'sending' in one transaction (two
 * flushes never send one twice), owner-bound. `base` is Altegio's copy when the form opened;
 * `theirs` its copy when a conflict stopped the edit. One edit waits per location at a time.
 */
export class LocationOutboxRepo {
  constructor(private readonly db: Db) {}

  /** Null when another edit of this location is still waiting (it must be sent or cancelled first). */
  put(item: {
    locationId: number;
    apiId: string;
    title: string;
    changes: LocationChanges;
    base: LocationFields;
    owner: OutboxOwner;
    now: number;
  }): number | null {
    return this.db.transaction(() => {
      if (this.waiting(item.locationId)) return null;
      const row = this.db
        .prepare<unknown[], { id: number }>(
          `INSERT INTO outbox_catalog (kind, location_id, api_id, title, body, next_attempt_at, created_at,
             user_env, user_id, user_name, target_id, base)
           VALUES ('update-location', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(
          item.locationId,
          item.apiId,
          item.title,
          JSON.stringify({ changes: item.changes } satisfies Body),
          item.now,
          item.now,
          item.owner.env,
          item.owner.userId,
          item.owner.name,
          item.locationId,
          JSON.stringify(item.base),
        );
      return row!.id;
    })();
  }

  get(id: number): LocationItem | null {
    const r = this.db
      .prepare<[number], Row>(`SELECT * FROM outbox_catalog WHERE id = ? AND kind = 'update-location'`)
      .get(id);
    return r ? toItem(r) : null;
  }

  /** The edit still waiting at this location, if any. */
  waiting(locationId: number): LocationItem | null {
    const r = this.db
      .prepare<[number], Row>(
        `SELECT * FROM outbox_catalog WHERE kind = 'update-location' AND location_id = ? AND state IN ${WAITING}
         ORDER BY id DESC LIMIT 1`,
      )
      .get(locationId);
    return r ? toItem(r) : null;
  }

  /** The owner's due edits, marked 'sending' in one committed transaction. */
  claimDue(now: number, who: OutboxOwner, onlyId?: number): LocationWork[] {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare<[number, string, number, number | null, number | null], Row>(
          `SELECT * FROM outbox_catalog
           WHERE kind = 'update-location' AND state = 'pending' AND next_attempt_at <= ? AND user_env = ? AND user_id = ?
             AND (? IS NULL OR id = ?)
           ORDER BY id`,
        )
        .all(onlyId === undefined ? now : Number.MAX_SAFE_INTEGER, who.env, who.userId, onlyId ?? null, onlyId ?? null);
      const mark = this.db.prepare<[number]>(
        `UPDATE outbox_catalog SET state = 'sending', attempts = attempts + 1 WHERE id = ?`,
      );
      for (const r of rows) mark.run(r.id);
      return rows.map((r) => ({
        id: r.id,
        locationId: r.location_id,
        changes: (JSON.parse(r.body) as Body).changes,
        base: JSON.parse(r.base ?? 'null') as LocationFields,
        attempts: r.attempts + 1,
        unconfirmed: r.unconfirmed === 1,
        owner: { env: r.user_env, userId: r.user_id, name: r.user_name },
      }));
    })();
  }

  sent(id: number, now: number): void {
    this.db
      .prepare(
        `UPDATE outbox_catalog SET state = 'sent', remote_id = location_id, sent_at = ?, unconfirmed = 0,
           last_error_code = NULL, last_error_message = NULL, theirs = NULL
         WHERE id = ? AND state = 'sending'`,
      )
      .run(now, id);
  }

  retryLater(id: number, error: { code: string; message: string }, at: number, maybeDelivered: boolean): void {
    this.db
      .prepare(
        `UPDATE outbox_catalog SET state = 'pending', last_error_code = ?, last_error_message = ?, next_attempt_at = ?,
           unconfirmed = MAX(unconfirmed, ?)
         WHERE id = ? AND state = 'sending'`,
      )
      .run(error.code, error.message, at, maybeDelivered ? 1 : 0, id);
  }

  stop(
    id: number,
    state: 'failed' | 'needs-manager',
    error: { code: string; message: string },
    phoneIssue: Body['phoneIssue'] = null,
  ): void {
    this.db
      .prepare(
        `UPDATE outbox_catalog SET state = ?, last_error_code = ?, last_error_message = ?,
           body = json_set(body, '$.phoneIssue', json(?))
         WHERE id = ? AND state = 'sending'`,
      )
      .run(state, error.code, error.message, JSON.stringify(phoneIssue), id);
  }

  /** Altegio changed a field this edit changes too: kept, with Altegio's copy, for the manager to choose. */
  conflict(id: number, theirs: LocationFields): void {
    this.db
      .prepare(
        `UPDATE outbox_catalog SET state = 'conflict', theirs = ?, last_error_code = NULL, last_error_message = NULL
         WHERE id = ? AND state = 'sending'`,
      )
      .run(JSON.stringify(theirs), id);
  }

  /**
   * "Send mine" after a conflict, or "send again" after a refusal, by `owner` (who becomes its owner).
   * A conflict is re-based on Altegio's copy: the manager has now seen it.
   */
  requeue(id: number, owner: OutboxOwner, now: number, changes?: LocationChanges): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox_catalog SET state = 'pending', next_attempt_at = ?, attempts = 0,
             base = COALESCE(theirs, base), theirs = NULL,
             body = json_set(json_remove(body, '$.phoneIssue'), '$.changes', json(COALESCE(?, json_extract(body, '$.changes')))),
             user_env = ?, user_id = ?, user_name = ?
           WHERE id = ? AND kind = 'update-location' AND state IN ('pending', 'failed', 'needs-manager', 'conflict')`,
        )
        .run(now, changes ? JSON.stringify(changes) : null, owner.env, owner.userId, owner.name, id).changes > 0
    );
  }

  /** Cancels (or "keeps Altegio's" for) an edit not in flight. */
  remove(id: number): boolean {
    return (
      this.db
        .prepare(
          `DELETE FROM outbox_catalog WHERE id = ? AND kind = 'update-location'
             AND state IN ('pending', 'failed', 'needs-manager', 'conflict')`,
        )
        .run(id).changes > 0
    );
  }

  /** After a crash mid-send: back to pending; the next try reads Altegio's copy first (PUT is idempotent). */
  resetSending(now: number): void {
    this.db
      .prepare(
        `UPDATE outbox_catalog SET state = 'pending', next_attempt_at = ?, unconfirmed = 1
         WHERE kind = 'update-location' AND state = 'sending'`,
      )
      .run(now);
  }

  makeAllDue(now: number): void {
    this.db
      .prepare(`UPDATE outbox_catalog SET next_attempt_at = ? WHERE kind = 'update-location' AND state = 'pending'`)
      .run(now);
  }

  /** A sent edit is history once the card has been read again: the audit list keeps it. */
  dropSent(locationId: number): void {
    this.db
      .prepare(`DELETE FROM outbox_catalog WHERE kind = 'update-location' AND location_id = ? AND state = 'sent'`)
      .run(locationId);
  }
}
