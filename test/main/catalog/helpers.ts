import { createHash } from 'node:crypto';
import type { Db } from '../../../src/main/store/db';

/**
 * A digest of everything the cache holds for one location, across every catalogue table. Equal
 * digests: byte-for-byte equal snapshot.
 */
export function locationChecksum(db: Db, locationId: number): string {
  const parts: unknown[] = [
    db.prepare('SELECT * FROM locations WHERE id = ?').all(locationId),
    db.prepare('SELECT * FROM service_categories WHERE location_id = ? ORDER BY id').all(locationId),
    db.prepare('SELECT * FROM services WHERE location_id = ? ORDER BY doc').all(locationId),
    db.prepare('SELECT * FROM service_staff WHERE location_id = ? ORDER BY service_id, staff_id').all(locationId),
    db.prepare('SELECT * FROM staff WHERE location_id = ? ORDER BY id').all(locationId),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
