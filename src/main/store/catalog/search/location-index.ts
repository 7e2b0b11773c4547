import type { Db } from '../../db';
import type { ServiceHitRow } from '../types';
import { CatalogIndex } from './engine';

/** What a text hit shows (the same row the SQL listing returns), kept beside the index so a page needs no further SQL. */
export type IndexedService = ServiceHitRow;

interface ServiceRow extends IndexedService {
  names: string | null;
}

export interface LocationIndex {
  version: string;
  index: CatalogIndex;
  services: IndexedService[];
  /** Per catalogue position: the members linked to the service (for the team-member filter). */
  staffIds: Set<number>[];
}

/**
 * Builds a location's in-memory search index from SQLite (services in catalogue order, category
 * titles, visible performers' names). Built at the first text search of a location and rebuilt
 * when its snapshot changes (the version is the snapshot's synced_at, and the writer also drops it).
 */
export class LocationIndexes {
  private readonly cache = new Map<number, LocationIndex>();
  private readonly pending = new Set<number>();
  private readonly s;

  constructor(db: Db) {
    this.s = {
      version: db.prepare<[number], { v: string }>('SELECT synced_at AS v FROM locations WHERE id = ?'),
      services: db.prepare<[number], ServiceRow>(
        `SELECT s.id, s.title, s.category_id AS categoryId, c.title AS categoryTitle, s.price_min AS priceMin,
           s.price_max AS priceMax, s.duration AS durationSec, s.staff_count AS staffCount,
           (SELECT group_concat(m.name, ' ') FROM service_staff f
              JOIN staff m ON m.location_id = f.location_id AND m.id = f.staff_id
             WHERE f.location_id = s.location_id AND f.service_id = s.id AND m.hidden = 0 AND m.fired = 0) AS names
         FROM services s LEFT JOIN service_categories c ON c.location_id = s.location_id AND c.id = s.category_id
         WHERE s.location_id = ? ORDER BY s.doc`,
      ),
      links: db.prepare<[number], { serviceId: number; staffId: number }>(
        'SELECT service_id AS serviceId, staff_id AS staffId FROM service_staff WHERE location_id = ?',
      ),
    };
  }

  /** The location's index, or null when the location is not in the cache. */
  get(locationId: number): LocationIndex | null {
    const version = this.s.version.get(locationId)?.v;
    if (version === undefined) {
      this.cache.delete(locationId);
      return null;
    }
    const cached = this.cache.get(locationId);
    if (cached && cached.version === version) return cached;
    const built = this.build(locationId, version);
    this.cache.set(locationId, built);
    return built;
  }

  invalidate(locationId: number): void {
    this.cache.delete(locationId);
  }

  /**
   * Builds the index soon, off the current call: the catalogue's first page is shown before anyone
   * types, so the first keystroke finds the index ready instead of paying its build (tens of ms
   * while the code is still cold).
   */
  prefetch(locationId: number): void {
    if (this.cache.has(locationId) || this.pending.has(locationId)) return;
    this.pending.add(locationId);
    setImmediate(() => {
      this.pending.delete(locationId);
      try {
        this.get(locationId);
      } catch {
        // The database closed meanwhile (sign-out, shutdown): the next search builds it.
      }
    }).unref();
  }

  private build(locationId: number, version: string): LocationIndex {
    const rows = this.s.services.all(locationId);
    const position = new Map(rows.map((r, i) => [r.id, i]));
    const staffIds = rows.map(() => new Set<number>());
    for (const l of this.s.links.all(locationId)) {
      const i = position.get(l.serviceId);
      if (i !== undefined) staffIds[i]!.add(l.staffId);
    }
    const index = new CatalogIndex(
      rows.map((r) => ({ title: r.title, category: r.categoryTitle ?? '', staff: r.names ?? '' })),
    );
    const services = rows.map(({ names: _names, ...rest }) => rest);
    return { version, index, services, staffIds };
  }
}
