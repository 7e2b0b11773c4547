import { createHash } from 'node:crypto';
import type { Db } from '../db';

/**
 * The audit list is a hash chain: each row carries the hash of the row before it and its own hash over
 * everything it says. Changing, removing or slipping in a row breaks the chain at that row. Pruning old
 * rows keeps the last pruned row's hash (`audit_pruned`), so the oldest kept row still proves its place.
 * This detects edits by anything that does not recompute the whole chain; it is not a signature.
 */
export interface ChainedRow {
  id: number;
  at: number;
  environment: string;
  user_id: number | null;
  user_name: string | null;
  action: string;
  detail: string | null;
  count: number;
  last_at: number | null;
  prev_hash: string | null;
  hash: string | null;
}

export function rowHash(r: Omit<ChainedRow, 'id' | 'hash'>): string {
  const body = JSON.stringify([
    r.prev_hash,
    r.at,
    r.environment,
    r.user_id,
    r.user_name,
    r.action,
    r.detail,
    r.count,
    r.last_at,
  ]);
  return createHash('sha256').update(body).digest('hex');
}

export type ChainCheck =
  { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: 'edited' | 'missing-or-moved' };

/** The hash the next row must name as its predecessor's (null for the very first row ever). */
export function chainHead(db: Db): string | null {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as
    string | null | undefined;
  if (last !== undefined) return last;
  return (db.prepare('SELECT last_hash FROM audit_pruned WHERE id = 1').pluck().get() as string | undefined) ?? null;
}

/** Walks the whole list in order; the first row that does not follow from the one before is reported. */
export function checkChain(db: Db): ChainCheck {
  let expected =
    (db.prepare('SELECT last_hash FROM audit_pruned WHERE id = 1').pluck().get() as string | undefined) ?? null;
  let rows = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as Iterable<ChainedRow>) {
    rows++;
    if (r.prev_hash !== expected) return { ok: false, rows, brokenAt: r.id, reason: 'missing-or-moved' };
    if (r.hash !== rowHash(r)) return { ok: false, rows, brokenAt: r.id, reason: 'edited' };
    expected = r.hash;
  }
  return { ok: true, rows };
}
