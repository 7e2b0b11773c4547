import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { buildSnapshot } from '../../src/main/services/catalog/snapshot-builder';
import { serviceHit } from '../../src/main/services/catalog/views';
import { docRange, type LocationRecord, type LocationSnapshot, type ServiceHitRow } from '../../src/main/store/catalog';
import { inCatalogueOrder } from '../../src/main/store/catalog/catalog-order';
import { indexWords, queryWords } from '../../src/main/store/catalog/search/fold';
import { migrate } from '../../src/main/store/db';
import type { BigLocation } from './catalog-data';
import { elapsedMs } from './catalog-stats';

/** The baselines our catalogue is measured against, in the same run. */

export function snapshotsOf(data: readonly BigLocation[], syncedAt: string): LocationSnapshot[] {
  return data.map((l) =>
    buildSnapshot({
      company: l.company,
      categories: l.categories,
      services: l.services,
      staff: l.staff,
      fallbackLinks: new Map(),
      license: { ...l.license },
      avatars: new Map(),
      syncedAt,
    }),
  );
}

/** Rows a snapshot writes: location, categories, staff, services, links. */
export function rowCount(snaps: readonly LocationSnapshot[]): number {
  return snaps.reduce(
    (n, s) =>
      n +
      1 +
      s.categories.length +
      s.staff.length +
      s.services.length +
      s.services.reduce((k, sv) => k + sv.staff.length, 0),
    0,
  );
}

/**
 * The floor for a re-sync, like for like: the same file already holding the previous snapshot, the
 * same durability (synchronous=FULL, WAL), one transaction per location, each location's rows
 * deleted and inserted again through plain prepared statements, with the row preparation (catalogue
 * order, visible performers) inside the timer as it is in the writer. What the writer adds over
 * this (validation, duplicate guards, sync state, index invalidation) is the ratio.
 */
export function rawReplaceMs(
  file: string,
  previous: readonly LocationSnapshot[],
  snaps: readonly LocationSnapshot[],
): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const ins = {
    loc: db.prepare(
      'INSERT INTO locations (id, title, address, city, phones, email, site, timezone_name, currency, schedule, license, synced_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
    ),
    cat: db.prepare('INSERT INTO service_categories (location_id, id, title, weight) VALUES (?,?,?,?)'),
    svc: db.prepare(
      'INSERT INTO services (doc, location_id, id, category_id, title, price_min, price_max, duration, weight, active, comment, staff_count) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
    ),
    link: db.prepare(
      'INSERT INTO service_staff (location_id, service_id, staff_id, duration, price) VALUES (?,?,?,?,?)',
    ),
    staff: db.prepare(
      'INSERT INTO staff (location_id, id, name, position, specialization, avatar_remote, avatar_media, image_group_id, weight, hidden, fired) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
    ),
    delLinks: db.prepare('DELETE FROM service_staff WHERE location_id = ?'),
    delServices: db.prepare('DELETE FROM services WHERE location_id = ?'),
    delLocation: db.prepare('DELETE FROM locations WHERE id = ?'),
  };
  const replace = db.transaction((s: LocationSnapshot) => {
    const l = s.location;
    ins.delLinks.run(l.id);
    ins.delServices.run(l.id);
    ins.delLocation.run(l.id);
    ins.loc.run(
      l.id,
      l.title,
      l.address,
      l.city,
      JSON.stringify(l.phones),
      l.email,
      l.site,
      l.timezoneName,
      l.currency,
      l.schedule,
      JSON.stringify(l.license),
      s.syncedAt,
    );
    for (const c of s.categories) ins.cat.run(l.id, c.id, c.title, c.weight);
    const visible = new Set<number>();
    for (const m of s.staff) {
      if (!m.hidden && !m.fired) visible.add(m.id);
      ins.staff.run(
        l.id,
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
    let doc = docRange(l.id)[0];
    for (const sv of inCatalogueOrder(s.services, s.categories)) {
      ins.svc.run(
        doc,
        l.id,
        sv.id,
        sv.categoryId,
        sv.title,
        sv.priceMin,
        sv.priceMax,
        sv.durationSec,
        sv.weight,
        sv.active ? 1 : 0,
        sv.comment,
        sv.staff.filter((k) => visible.has(k.staffId)).length,
      );
      for (const k of sv.staff) ins.link.run(l.id, sv.id, k.staffId, k.durationSec, k.price);
      doc++;
    }
  });
  for (const s of previous) replace(s);
  const t0 = process.hrtime.bigint();
  for (const s of snaps) replace(s);
  const elapsed = elapsedMs(t0);
  db.close();
  return elapsed;
}

/** What our search reads from SQLite for a hit, kept in memory for the MiniSearch baseline. */
function inMemoryHits(l: BigLocation): Map<number, ServiceHitRow> {
  const cat = new Map(l.categories.map((c) => [c.id, c.title]));
  const visible = new Set(l.staff.filter((m) => !m.hidden && !m.fired).map((m) => m.id));
  return new Map(
    l.services.map((s) => [
      s.id,
      {
        id: s.id,
        title: s.title,
        categoryId: s.categoryId,
        categoryTitle: cat.get(s.categoryId) ?? null,
        priceMin: s.priceMin,
        priceMax: s.priceMax,
        durationSec: s.durationSec,
        staffCount: new Set((s.staff ?? []).map((k) => k.staffId).filter((id) => visible.has(id))).size,
      },
    ]),
  );
}

export interface MiniSearchBaseline {
  /** The index lookup alone: ids of the top 50. */
  index(locationId: number, query: string): unknown;
  /** Every hit's service id, best first (for recall). */
  ids(locationId: number, query: string): number[];
  /** The same display page as ours: top 50 as ServiceHit (formatted price and duration) and the total. */
  page(locationId: number, query: string): unknown;
  buildMs: number;
}

/**
 * One MiniSearch index per location (the fairest setup for it), prefix and fuzzy (MiniSearch's
 * usual 0.2: one edit per five letters) search on every word, all words required. It gets our own
 * folding and word splitting (accents, ё, apostrophes, joined hyphen/apostrophe forms) and the same
 * fields (title, category, team), boosted title first. What it cannot do: another keyboard layout,
 * word forms, the other script, the thesaurus, a substring inside a word.
 */
export function miniSearchBaseline(
  data: readonly BigLocation[],
  locations: readonly LocationRecord[],
): MiniSearchBaseline {
  const t0 = process.hrtime.bigint();
  const indexes = new Map<number, MiniSearch>();
  for (const l of data) {
    const cat = new Map(l.categories.map((c) => [c.id, c.title]));
    const names = new Map(l.staff.filter((m) => !m.hidden && !m.fired).map((m) => [m.id, m.name]));
    const index = new MiniSearch({
      fields: ['title', 'category', 'staff'],
      tokenize: indexWords,
      processTerm: (t) => t,
      searchOptions: { tokenize: (q) => queryWords(q), processTerm: (t) => t },
    });
    index.addAll(
      l.services.map((s) => ({
        id: s.id,
        title: s.title,
        category: cat.get(s.categoryId) ?? '',
        staff: (s.staff ?? []).flatMap((k) => names.get(k.staffId) ?? []).join(' '),
      })),
    );
    indexes.set(l.company.id, index);
  }
  const buildMs = elapsedMs(t0);
  const options = { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { title: 10, category: 3 } } as const;
  const records = new Map(data.map((l) => [l.company.id, inMemoryHits(l)]));
  const byId = new Map(locations.map((l) => [l.id, l]));
  const view = { locale: 'en', mediaUrl: (p: string) => p, now: () => new Date() };
  return {
    buildMs,
    index: (locationId, query) => indexes.get(locationId)!.search(query, options).slice(0, 50),
    ids: (locationId, query) =>
      indexes
        .get(locationId)!
        .search(query, options)
        .map((r) => r.id as number),
    page: (locationId, query) => {
      const found = indexes.get(locationId)!.search(query, options);
      const rows = records.get(locationId)!;
      const l = byId.get(locationId)!;
      return {
        items: found.slice(0, 50).map((r) => serviceHit(rows.get(r.id as number)!, l, view)),
        total: found.length,
      };
    },
  };
}

/** The naive SQL: a LIKE '%q%' scan of the location's titles. */
export function likeBaseline(db: Database.Database): (locationId: number, query: string) => unknown {
  const stmt = db.prepare(
    "SELECT s.id, s.title, s.price_min, s.price_max, s.duration FROM services s WHERE s.location_id = ? AND s.title LIKE ? ESCAPE '\\' ORDER BY s.weight DESC, s.title LIMIT 50",
  );
  return (locationId, query) => stmt.all(locationId, `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
