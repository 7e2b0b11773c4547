import { createHash } from 'node:crypto';
import { docRange } from '../../../src/main/store/catalog';
import type { Db } from '../../../src/main/store/db';

/**
 * A digest of everything the cache holds for one location, across every catalogue table and the
 * FTS index (its rowids and what a set of probe queries match). Equal digests: byte-for-byte equal snapshot.
 */
export function locationChecksum(db: Db, locationId: number): string {
  const [lo, hi] = docRange(locationId);
  const parts: unknown[] = [
    db.prepare('SELECT * FROM locations WHERE id = ?').all(locationId),
    db.prepare('SELECT * FROM service_categories WHERE location_id = ? ORDER BY id').all(locationId),
    db.prepare('SELECT * FROM services WHERE location_id = ? ORDER BY doc').all(locationId),
    db.prepare('SELECT * FROM service_staff WHERE location_id = ? ORDER BY service_id, staff_id').all(locationId),
    db.prepare('SELECT * FROM staff WHERE location_id = ? ORDER BY id').all(locationId),
    db.prepare('SELECT rowid FROM catalog_fts WHERE rowid BETWEEN ? AND ? ORDER BY rowid').all(lo, hi),
    ...['"a"*', '"с"*', '"c"*', '"john"*', '"hair"*'].map((q) =>
      db
        .prepare('SELECT rowid FROM catalog_fts WHERE catalog_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid')
        .all(q, lo, hi),
    ),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
