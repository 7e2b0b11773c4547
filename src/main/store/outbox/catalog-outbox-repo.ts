import { ManageItem, ServiceEdit } from '../../../shared/domain/manage-item';
import { changedFields, rebase, type ServiceFields } from '../../../shared/domain/service-edit';
import type { Db } from '../db';
import type { OutboxOwner } from './outbox-repo';

type Kind = ManageItem['kind'];
type State = ManageItem['state'];
/**
 * Location card edits live in the same table (migration 018) with their own repo and flow
 * (location-outbox-repo.ts): every statement here leaves them alone, so manager mode can never list,
 * send, reset, cancel or resend one by its id.
 */
const MINE = `kind != 'update-location'`;

interface Row {
  id: number;
  kind: Kind;
  location_id: number;
  api_id: string;
  title: string;
  body: string;
  state: State;
  attempts: number;
  unconfirmed: number;
  remote_id: number | null;
  last_error_code: string | null;
  last_error_message: string | null;
  created_at: number;
  user_env: string;
  user_id: number;
  user_name: string;
  target_id: number | null;
  base: string | null;
  theirs: string | null;
}

/** One claimed change: the stored body (the desk's own JSON) and what is needed to confirm it. */
export interface CatalogWork {
  id: number;
  kind: Kind;
  locationId: number;
  apiId: string;
  body: unknown;
  attempts: number;
  /** An earlier request may have reached Altegio: look its api_id up before sending again. */
  unconfirmed: boolean;
  owner: OutboxOwner;
  targetId: number | null;
  /** An edit: Altegio's copy when the form was opened. */
  base: ServiceFields | null;
}

function editOf(r: Row): ServiceEdit | null {
  if (r.kind !== 'update-service' || r.base === null) return null;
  const base = JSON.parse(r.base) as ServiceFields;
  const mine = JSON.parse(r.body) as ServiceFields;
  const theirs = r.theirs === null ? null : (JSON.parse(r.theirs) as ServiceFields);
  return {
    base,
    mine,
    theirs,
    fields: changedFields(base, mine),
    conflicts: theirs ? rebase(base, mine, theirs).conflicts : [],
  };
}

function toItem(r: Row): ManageItem {
  const b = JSON.parse(r.body) as { categoryId?: number; pendingCategoryId?: number };
  return {
    id: r.id,
    kind: r.kind,
    locationId: r.location_id,
    title: r.title,
    categoryId: b.categoryId ?? null,
    pendingCategoryId: b.pendingCategoryId ?? null,
    state: r.state,
    remoteId: r.remote_id,
    queuedBy: r.user_name,
    targetId: r.target_id,
    edit: editOf(r),
    lastError: r.last_error_code ? { code: r.last_error_code, message: r.last_error_message ?? '' } : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/**
 * Queued catalogue creates (migration 017), with the photo outbox's guarantees: a row is committed as
 * 'sending' before its request, only its owner's session claims it, and one whose answer never came is
 * looked up on Altegio by its api_id before it is sent again. Sent rows stay (with Altegio's id) until a
 * sync brings the new item into the catalogue.
 */
export class CatalogOutboxRepo {
  // Location card edits share the table but not this repo: they are LocationOutboxRepo's (services/location).
  constructor(private readonly db: Db) {}

  put(item: {
    kind: Kind;
    locationId: number;
    apiId: string;
    title: string;
    body: unknown;
    owner: OutboxOwner;
    now: number;
    targetId?: number;
    base?: ServiceFields;
  }): number {
    const row = this.db
      .prepare<unknown[], { id: number }>(
        `INSERT INTO outbox_catalog (kind, location_id, api_id, title, body, next_attempt_at, created_at, user_env, user_id,
           user_name, target_id, base)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(
        item.kind,
        item.locationId,
        item.apiId,
        item.title,
        JSON.stringify(item.body),
        item.now,
        item.now,
        item.owner.env,
        item.owner.userId,
        item.owner.name,
        item.targetId ?? null,
        item.base === undefined ? null : JSON.stringify(item.base),
      );
    return row!.id;
  }

  get(id: number): ManageItem | null {
    const r = this.db.prepare<[number], Row>(`SELECT * FROM outbox_catalog WHERE id = ? AND ${MINE}`).get(id);
    return r ? toItem(r) : null;
  }

  list(locationId: number): ManageItem[] {
    return this.db
      .prepare<[number], Row>(`SELECT * FROM outbox_catalog WHERE location_id = ? AND ${MINE} ORDER BY id`)
      .all(locationId)
      .map(toItem);
  }

  /** Marks the owner's due items 'sending' in one committed transaction: two flushes never send one twice. */
  claimDue(now: number, who: OutboxOwner, onlyId?: number): CatalogWork[] {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare<[number, string, number, number | null, number | null], Row>(
          `SELECT * FROM outbox_catalog
           WHERE state = 'pending' AND next_attempt_at <= ? AND user_env = ? AND user_id = ?
             AND ${MINE}
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
        kind: r.kind,
        locationId: r.location_id,
        apiId: r.api_id,
        body: JSON.parse(r.body) as unknown,
        attempts: r.attempts + 1,
        unconfirmed: r.unconfirmed === 1,
        owner: { env: r.user_env, userId: r.user_id, name: r.user_name },
        targetId: r.target_id,
        base: r.base === null ? null : (JSON.parse(r.base) as ServiceFields),
      }));
    })();
  }

  sent(id: number, remoteId: number, now: number): void {
    this.db.transaction(() => {
      this.markSent(id, remoteId, now);
      // Services waiting for this new category now name its Altegio id: the category's row may go with the
      // next sync, before they are sent.
      this.db
        .prepare(
          `UPDATE outbox_catalog
             SET body = json_set(json_remove(body, '$.pendingCategoryId'), '$.categoryId', ?)
           WHERE kind = 'create-service' AND state != 'sent' AND json_extract(body, '$.pendingCategoryId') = ?`,
        )
        .run(remoteId, id);
    })();
  }

  private markSent(id: number, remoteId: number, now: number): void {
    this.db
      .prepare(
        `UPDATE outbox_catalog SET state = 'sent', remote_id = ?, sent_at = ?, unconfirmed = 0,
           last_error_code = NULL, last_error_message = NULL
         WHERE id = ? AND state = 'sending'`,
      )
      .run(remoteId, now, id);
  }

  /** The earlier request may have arrived (no answer seen): the next try looks it up first. */
  retryLater(id: number, error: { code: string; message: string }, at: number, maybeDelivered: boolean): void {
    this.db
      .prepare(
        `UPDATE outbox_catalog SET state = 'pending', last_error_code = ?, last_error_message = ?, next_attempt_at = ?,
           unconfirmed = MAX(unconfirmed, ?)
         WHERE id = ? AND state = 'sending'`,
      )
      .run(error.code, error.message, at, maybeDelivered ? 1 : 0, id);
  }

  markConfirmedUndelivered(id: number): void {
    this.db.prepare('UPDATE outbox_catalog SET unconfirmed = 0 WHERE id = ?').run(id);
  }

  /** Refused: 'needs-manager' (403) waits for someone with the rights; 'failed' for a correction. */
  stop(id: number, state: 'failed' | 'needs-manager', error: { code: string; message: string }): void {
    this.db
      .prepare(
        `UPDATE outbox_catalog SET state = ?, last_error_code = ?, last_error_message = ? WHERE id = ? AND state = 'sending'`,
      )
      .run(state, error.code, error.message, id);
  }

  /** Altegio changed a field the person changed too: nothing is sent until they choose. */
  conflict(id: number, theirs: ServiceFields): void {
    this.db
      .prepare(
        `UPDATE outbox_catalog SET state = 'conflict', theirs = ?, unconfirmed = 0, last_error_code = NULL,
           last_error_message = NULL
         WHERE id = ? AND state = 'sending'`,
      )
      .run(JSON.stringify(theirs), id);
  }

  /**
   * "Send mine": Altegio's copy at the conflict becomes the base and `mine` is the person's changed fields laid
   * over it, so their other changes are kept (sent by `owner`). Only a row still in conflict: a second click
   * does nothing.
   */
  rebaseOnTheirs(id: number, mine: ServiceFields, owner: OutboxOwner, now: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox_catalog SET state = 'pending', base = theirs, theirs = NULL, body = ?, next_attempt_at = ?,
             attempts = 0, user_env = ?, user_id = ?, user_name = ?
           WHERE id = ? AND state = 'conflict' AND theirs IS NOT NULL`,
        )
        .run(JSON.stringify(mine), now, owner.env, owner.userId, owner.name, id).changes > 0
    );
  }

  /** After a crash mid-send: back to pending, to be looked up on Altegio before it goes again. */
  resetSending(now: number): void {
    this.db
      .prepare(
        `UPDATE outbox_catalog SET state = 'pending', next_attempt_at = ?, unconfirmed = 1 WHERE state = 'sending' AND ${MINE}`,
      )
      .run(now);
  }

  /** Sent again by `owner` (a manager taking over a receptionist's change after a 403 is the new owner). */
  requeue(id: number, owner: OutboxOwner, now: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox_catalog SET state = 'pending', next_attempt_at = ?, attempts = 0,
             user_env = ?, user_id = ?, user_name = ?
           WHERE id = ? AND state IN ('pending', 'failed', 'needs-manager') AND ${MINE}`,
        )
        .run(now, owner.env, owner.userId, owner.name, id).changes > 0
    );
  }

  makeAllDue(now: number): void {
    this.db.prepare(`UPDATE outbox_catalog SET next_attempt_at = ? WHERE state = 'pending' AND ${MINE}`).run(now);
  }

  /** Cancels a change not sent yet (never one in flight or already on Altegio). */
  remove(id: number): boolean {
    return (
      this.db
        .prepare(
          `DELETE FROM outbox_catalog WHERE id = ? AND state IN ('pending', 'failed', 'needs-manager', 'conflict') AND ${MINE}`,
        )
        .run(id).changes > 0
    );
  }

  /** Whether the id is a location card edit: manager mode says where to handle it instead of "not found". */
  isLocationEdit(id: number): boolean {
    return (
      this.db.prepare<[number]>(`SELECT 1 FROM outbox_catalog WHERE id = ? AND kind = 'update-location'`).get(id) !==
      undefined
    );
  }

  /** The Altegio id of a category created through the outbox, once it is there. */
  remoteIdOf(id: number): { state: State; remoteId: number | null } | null {
    const r = this.db
      .prepare<[number], { state: State; remote_id: number | null }>(
        `SELECT state, remote_id FROM outbox_catalog WHERE id = ? AND ${MINE}`,
      )
      .get(id);
    return r ? { state: r.state, remoteId: r.remote_id } : null;
  }

  /** Sent items that a sync has brought into the catalogue are no longer the outbox's to show. */
  dropSynced(ids: { categories: Set<number>; services: Set<number> }, locationId: number): number {
    const rows = this.db
      .prepare<[number], { id: number; kind: Kind; remote_id: number }>(
        `SELECT id, kind, remote_id FROM outbox_catalog
         WHERE location_id = ? AND state = 'sent' AND ${MINE}`,
      )
      .all(locationId);
    const del = this.db.prepare<[number]>('DELETE FROM outbox_catalog WHERE id = ?');
    let n = 0;
    for (const r of rows) {
      const known = r.kind === 'create-category' ? ids.categories : ids.services;
      // An edit is shown by any sync after it was sent; a removal once the service is gone from the list.
      const shown = r.kind === 'retire-service' ? !known.has(r.remote_id) : known.has(r.remote_id);
      if (shown) n += del.run(r.id).changes;
    }
    return n;
  }
}
