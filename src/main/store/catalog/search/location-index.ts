import type { Db } from '../../db';
import type { ServiceHitRow } from '../types';
import { CatalogIndex } from './engine';
import { SALON, type Thesaurus } from './thesaurus';

/** The thesaurus a location's index is built with (the salon one, plus the location's own lines). */
export type ThesaurusFor = (locationId: number) => Thesaurus;

/** What a text hit shows (the same row the SQL listing returns), kept beside the index so a page needs no further SQL. */
export type IndexedService = ServiceHitRow;

interface ServiceRow extends IndexedService {
  names: string | null;
}

export interface LocationIndex {
  version: string;
  index: CatalogIndex;
  services: IndexedService[];
  /** Whether the member is linked to the service at this catalogue position (the team-member filter). */
  performs(position: number, staffId: number): boolean;
}

/**
 * Indexes are held only for locations in use: one is built at a location's first use and dropped
 * when it has not been searched for IDLE_MS, or when the indexes held would pass MAX_HELD_SERVICES
 * (least recently used first). A desk works in one or two locations; a chain's other fifty cost
 * nothing until someone opens them.
 */
export const IDLE_MS = 30 * 60_000;
export const MAX_HELD_SERVICES = 25_000;

interface Held {
  loc: LocationIndex;
  usedAt: number;
}

/**
 * Builds a location's in-memory search index from SQLite (services in catalogue order, category
 * titles, visible performers' names). Built at the first text search of a location and rebuilt
 * when its snapshot changes (the version is the snapshot's synced_at, and the writer also drops it).
 */
export class LocationIndexes {
  /** In order of last use (a Map keeps insertion order; a use re-inserts). */
  private readonly cache = new Map<number, Held>();
  private held = 0;
  private readonly pending = new Set<number>();
  private readonly s;

  constructor(
    db: Db,
    private readonly thesaurusFor: ThesaurusFor = () => SALON,
    private readonly now: () => number = Date.now,
    private readonly maxHeldServices = MAX_HELD_SERVICES,
  ) {
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
    const now = this.now();
    this.dropIdle(now);
    const version = this.s.version.get(locationId)?.v;
    if (version === undefined) {
      this.invalidate(locationId);
      return null;
    }
    const cached = this.cache.get(locationId);
    this.invalidate(locationId);
    const loc = cached && cached.loc.version === version ? cached.loc : this.build(locationId, version);
    this.cache.set(locationId, { loc, usedAt: now });
    this.held += loc.services.length;
    for (const id of this.cache.keys()) {
      if (this.held <= this.maxHeldServices || id === locationId) break;
      this.invalidate(id);
    }
    return loc;
  }

  invalidate(locationId: number): void {
    const h = this.cache.get(locationId);
    if (!h) return;
    this.cache.delete(locationId);
    this.held -= h.loc.services.length;
  }

  /** Locations whose index is held, least recently used first (for tests and the bench). */
  heldLocations(): number[] {
    return [...this.cache.keys()];
  }

  private dropIdle(now: number): void {
    for (const [id, h] of this.cache) if (now - h.usedAt >= IDLE_MS) this.invalidate(id);
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
    // Links as one flat list per position (start[i]..start[i+1]), not a Set per service.
    const pairs: [number, number][] = [];
    for (const l of this.s.links.all(locationId)) {
      const i = position.get(l.serviceId);
      if (i !== undefined) pairs.push([i, l.staffId]);
    }
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const start = new Uint32Array(rows.length + 1);
    const staff = Int32Array.from(pairs, (p) => p[1]);
    for (const [i] of pairs) start[i + 1]!++;
    for (let i = 0; i < rows.length; i++) start[i + 1]! += start[i]!;
    const performs = (p: number, staffId: number) => {
      for (let k = start[p]!; k < start[p + 1]!; k++) if (staff[k] === staffId) return true;
      return false;
    };
    const index = new CatalogIndex(
      rows.map((r) => ({ title: r.title, category: r.categoryTitle ?? '', staff: r.names ?? '' })),
      { thesaurus: this.thesaurusFor(locationId) },
    );
    const services = rows.map(({ names: _names, ...rest }) => rest);
    return { version, index, services, performs };
  }
}
