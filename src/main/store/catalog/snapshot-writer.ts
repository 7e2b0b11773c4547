import type { Db } from '../db';
import { docRange, MAX_SERVICES_PER_LOCATION } from './doc-range';
import { inCatalogueOrder } from './catalog-order';
import type { LocationSnapshot } from './types';

/**
 * Replaces one location's catalogue in a single transaction: readers see the old complete snapshot
 * or the new complete one, never a mix. The location's search index is rebuilt in the same
 * transaction, and so is its sync_state success row.
 */
export class SnapshotWriter {
  private readonly stmts;
  private readonly tx;
  /** Told after a location's snapshot is replaced or removed (the search drops its in-memory index). */
  onReplace: (locationId: number) => void = () => {};

  constructor(private readonly db: Db) {
    this.stmts = {
      // Children first by key range: cheaper than letting the cascade find them row by row.
      deleteLinks: db.prepare('DELETE FROM service_staff WHERE location_id = ?'),
      deleteServices: db.prepare('DELETE FROM services WHERE location_id = ?'),
      deleteLocation: db.prepare('DELETE FROM locations WHERE id = ?'),
      location: db.prepare(
        `INSERT INTO locations (id, title, address, city, phones, email, site, timezone_name, currency, schedule, license, synced_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      category: db.prepare('INSERT INTO service_categories (location_id, id, title, weight) VALUES (?, ?, ?, ?)'),
      service: db.prepare(
        `INSERT INTO services (doc, location_id, id, category_id, title, price_min, price_max, duration, weight, active, comment,
           staff_count, image_remote, image_media, image_group_id, technical_break, technical_break_known)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      link: db.prepare(
        'INSERT INTO service_staff (location_id, service_id, staff_id, duration, price) VALUES (?, ?, ?, ?, ?)',
      ),
      staff: db.prepare(
        `INSERT INTO staff (location_id, id, name, position, specialization, avatar_remote, avatar_media, image_group_id, weight, hidden, fired)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      syncOk: db.prepare(
        `INSERT INTO sync_state (location_id, title, last_success_at, categories, services, staff)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (location_id) DO UPDATE SET title = excluded.title, last_success_at = excluded.last_success_at,
           last_error_at = NULL, last_error_code = NULL, last_error_message = NULL,
           categories = excluded.categories, services = excluded.services, staff = excluded.staff`,
      ),
    };
    this.tx = db.transaction((s: LocationSnapshot) => this.write(s));
  }

  replace(snapshot: LocationSnapshot): void {
    if (snapshot.services.length > MAX_SERVICES_PER_LOCATION) {
      throw new Error(`location ${snapshot.location.id} has more services than the cache can index`);
    }
    this.tx(snapshot);
    this.onReplace(snapshot.location.id);
  }

  /** Removes locations the user no longer has (and their sync state). */
  removeLocations(keep: readonly number[]): number[] {
    const known = this.db
      .prepare<[], { id: number }>('SELECT location_id AS id FROM sync_state UNION SELECT id FROM locations')
      .all();
    const gone = known.map((r) => r.id).filter((id) => !keep.includes(id));
    const drop = this.db.transaction((ids: number[]) => {
      for (const id of ids) {
        this.deleteLocation(id);
        this.db.prepare('DELETE FROM sync_state WHERE location_id = ?').run(id);
      }
    });
    drop(gone);
    for (const id of gone) this.onReplace(id);
    return gone;
  }

  private deleteLocation(id: number): void {
    const s = this.stmts;
    s.deleteLinks.run(id);
    s.deleteServices.run(id);
    s.deleteLocation.run(id); // cascades to categories and staff
  }

  private write(snap: LocationSnapshot): void {
    const s = this.stmts;
    const loc = snap.location;
    this.deleteLocation(loc.id);
    s.location.run(
      loc.id,
      loc.title,
      loc.address,
      loc.city,
      JSON.stringify(loc.phones),
      loc.email,
      loc.site,
      loc.timezoneName,
      loc.currency,
      loc.schedule,
      loc.license ? JSON.stringify(loc.license) : null,
      snap.syncedAt,
    );
    const categoryTitle = new Map<number, string>();
    for (const c of snap.categories) {
      if (categoryTitle.has(c.id)) continue;
      categoryTitle.set(c.id, c.title);
      s.category.run(loc.id, c.id, c.title, c.weight);
    }
    const visibleName = new Map<number, string>();
    const seenStaff = new Set<number>();
    for (const m of snap.staff) {
      if (seenStaff.has(m.id)) continue;
      seenStaff.add(m.id);
      if (!m.hidden && !m.fired) visibleName.set(m.id, m.name);
      s.staff.run(
        loc.id,
        m.id,
        m.name,
        m.position,
        m.specialization,
        m.avatarRemote,
        m.avatarMedia,
        m.imageGroupId,
        m.weight,
        m.hidden ? 1 : 0,
        m.fired ? 1 : 0,
      );
    }
    const [base] = docRange(loc.id);
    const seenServices = new Set<number>();
    let doc = base;
    for (const sv of inCatalogueOrder(snap.services, snap.categories)) {
      if (seenServices.has(sv.id)) continue;
      seenServices.add(sv.id);
      const links = new Map(sv.staff.map((l) => [l.staffId, l]));
      const names = [...links.keys()].flatMap((id) => visibleName.get(id) ?? []);
      s.service.run(
        doc,
        loc.id,
        sv.id,
        sv.categoryId,
        sv.title,
        sv.priceMin,
        sv.priceMax,
        sv.durationSec,
        sv.weight,
        sv.active ? 1 : 0,
        sv.comment,
        names.length,
        sv.image?.remote ?? null,
        sv.image?.media ?? null,
        sv.image?.imageGroupId ?? null,
        sv.technicalBreakSec ?? null,
        sv.technicalBreakSec === undefined ? 0 : 1,
      );
      for (const l of links.values()) s.link.run(loc.id, sv.id, l.staffId, l.durationSec, l.price);
      doc++;
    }
    s.syncOk.run(loc.id, loc.title, snap.syncedAt, categoryTitle.size, seenServices.size, visibleName.size);
  }
}
