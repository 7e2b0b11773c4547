import { createHash } from 'node:crypto';
import { ftsLocations, ftsTable } from '../../../src/main/store/catalog';
import type { Db } from '../../../src/main/store/db';

/**
 * A digest of everything the cache holds for one location, across every catalogue table and the
 * location's FTS index (its raw shadow tables, and what a set of probe queries match). Equal digests: byte-for-byte equal snapshot.
 */
export function locationChecksum(db: Db, locationId: number): string {
  const fts = ftsLocations(db).includes(locationId) ? ftsTable(locationId) : null;
  const parts: unknown[] = [
    db.prepare('SELECT * FROM locations WHERE id = ?').all(locationId),
    db.prepare('SELECT * FROM service_categories WHERE location_id = ? ORDER BY id').all(locationId),
    db.prepare('SELECT * FROM services WHERE location_id = ? ORDER BY doc').all(locationId),
    db.prepare('SELECT * FROM service_staff WHERE location_id = ? ORDER BY service_id, staff_id').all(locationId),
    db.prepare('SELECT * FROM staff WHERE location_id = ? ORDER BY id').all(locationId),
    ...(fts
      ? ['data', 'idx', 'docsize', 'config'].map((shadow) => db.prepare(`SELECT * FROM ${fts}_${shadow}`).all())
      : []),
    ...['"a"*', '"с"*', '"c"*', '"john"*', '"hair"*'].map((q) =>
      fts ? db.prepare(`SELECT rowid, rank FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid`).all(q) : null,
    ),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
