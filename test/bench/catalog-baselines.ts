import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { buildSnapshot } from '../../src/main/services/catalog/snapshot-builder';
import { serviceHit } from '../../src/main/services/catalog/views';
import {
  docRange,
  foldText,
  ftsTable,
  type LocationRecord,
  type LocationSnapshot,
  type ServiceHitRow,
} from '../../src/main/store/catalog';
import { inCatalogueOrder } from '../../src/main/store/catalog/catalog-order';
import { createFtsTable } from '../../src/main/store/catalog/fts-table';
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

/** Rows a snapshot writes: location, categories, staff, services, links, and one index row per service. */
export function rowCount(snaps: readonly LocationSnapshot[]): number {
  return snaps.reduce(
    (n, s) =>
      n +
      1 +
      s.categories.length +
      s.staff.length +
      s.services.length * 2 +
      s.services.reduce((k, sv) => k + sv.staff.length, 0),
    0,
  );
}

/** The floor: the same rows through plain prepared inserts in one transaction into empty tables. */
export function rawIngestMs(file: string, snaps: readonly LocationSnapshot[]): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
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
  };
  // Schema (the per-location index tables) and the index text are prepared before the clock starts.
  const fts = snaps.map((s) => {
    createFtsTable(db, s.location.id);
    const t = ftsTable(s.location.id);
    return db.prepare(`INSERT INTO ${t} (rowid, title, category, staff) VALUES (?,?,?,?)`);
  });
  const prepared = snaps.map((s) => {
    const cat = new Map(s.categories.map((c) => [c.id, c.title]));
    const names = new Map(s.staff.filter((m) => !m.hidden && !m.fired).map((m) => [m.id, m.name]));
    return inCatalogueOrder(s.services, s.categories).map((sv) => {
      const performers = sv.staff.flatMap((l) => names.get(l.staffId) ?? []);
      return {
        sv,
        performers: performers.length,
        text: [foldText(sv.title), foldText(cat.get(sv.categoryId) ?? ''), foldText(performers.join(' '))],
      };
    });
  });
  const t0 = process.hrtime.bigint();
  db.transaction(() => {
    for (const [i, s] of snaps.entries()) {
      const l = s.location;
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
      for (const m of s.staff) {
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
      for (const { sv, performers, text } of prepared[i]!) {
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
          performers,
        );
        for (const k of sv.staff) ins.link.run(l.id, sv.id, k.staffId, k.durationSec, k.price);
        fts[i]!.run(doc, text[0], text[1], text[2]);
        doc++;
      }
    }
  })();
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
