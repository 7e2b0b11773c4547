import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';
import { docRange } from './doc-range';
import { queryWords } from './search/fold';
import { LocationIndexes, type ThesaurusFor } from './search/location-index';
import type { ServiceHitRow } from './types';

export type { ServiceHitRow };

export interface SearchParams {
  locationId: number;
  query: string;
  categoryId?: number | undefined;
  staffId?: number | undefined;
  limit: number;
  offset: number;
}


interface Row extends ServiceHitRow {
  total: number;
}

export interface SearchResult {
  rows: ServiceHitRow[];
  total: number;
  /** "Did you mean …": the closest indexed spelling when a text query found nothing. */
  suggestion: string | null;
}

const BY_CATEGORY = 'AND s.category_id = @categoryId';
const BY_STAFF =
  'AND EXISTS (SELECT 1 FROM service_staff f WHERE f.location_id = s.location_id AND f.service_id = s.id AND f.staff_id = @staffId)';

const DISPLAY = `s.id, s.title, s.category_id AS categoryId, c.title AS categoryTitle, s.price_min AS priceMin,
  s.price_max AS priceMax, s.duration AS durationSec, s.staff_count AS staffCount`;
const CATEGORY = 'LEFT JOIN service_categories c ON c.location_id = s.location_id AND c.id = s.category_id';

/** The first catalogue page and filter-only views: services.doc is catalogue order already. */
function listSql(filters: string, page: string): string {
  const total = filters.trim() ? 'count(*) OVER ()' : '(SELECT count(*) FROM services WHERE doc BETWEEN @lo AND @hi)';
  return `SELECT ${DISPLAY}, ${total} AS total FROM services s ${CATEGORY}
    WHERE s.doc BETWEEN @lo AND @hi ${filters}
    ORDER BY s.doc ${page}`;
}

/** Prepared statements kept; paging through many offsets must not grow the cache without bound. */
const MAX_STATEMENTS = 400;

/**
 * Catalogue search. Text goes to the location's in-memory index (search/engine.ts: exact, prefix,
 * word form, synonym, substring, typo and keyboard-layout matching, which FTS5 cannot rank that way
 * in under a millisecond); the empty query and filter-only views read services in catalogue order
 * from SQLite, with the total from a window count in the same statement.
 *
 * LIMIT and OFFSET are written into the SQL as integer literals, not bound: with a bound LIMIT the
 * query planned worse. Statements are cached per filter combination and page.
 */
export class SearchQueries {
  private readonly cache = new Map<string, Statement<Record<string, unknown>, Row>>();
  private readonly exists;
  private readonly indexes: LocationIndexes;

  constructor(
    private readonly db: Db,
    thesaurusFor?: ThesaurusFor,
  ) {
    this.indexes = new LocationIndexes(db, thesaurusFor);
    this.exists = db.prepare<[number], { n: number }>('SELECT 1 AS n FROM locations WHERE id = ?');
  }

  /** The location's text index is dropped when its snapshot is replaced (the writer calls this). */
  invalidate(locationId: number): void {
    this.indexes.invalidate(locationId);
  }

  run(p: SearchParams): SearchResult {
    if (!Number.isSafeInteger(p.limit) || !Number.isSafeInteger(p.offset) || p.limit < 1 || p.offset < 0) {
      throw new RangeError('limit and offset must be whole numbers');
    }
    if (queryWords(p.query).length > 0) return this.text(p);
    if (!this.exists.get(p.locationId)) return { rows: [], total: 0, suggestion: null };
    this.indexes.prefetch(p.locationId);
    const params: Record<string, unknown> = {};
    [params['lo'], params['hi']] = docRange(p.locationId);
    if (p.categoryId !== undefined) params['categoryId'] = p.categoryId;
    if (p.staffId !== undefined) params['staffId'] = p.staffId;
    const shape = { category: p.categoryId !== undefined, staff: p.staffId !== undefined };
    const rows = this.statement(p.locationId, shape, p.limit, p.offset).all(params);
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && p.offset > 0) {
      // Past the end: the window count saw no rows, so ask for the count alone.
      total = this.statement(p.locationId, shape, 1, 0).all(params)[0]?.total ?? 0;
    }
    return { rows, total, suggestion: null }; // rows keep their `total` field: copying 50 objects to drop it costs more than it saves
  }

  /** Text search: the location's in-memory index (search/), filters applied to its positions. */
  private text(p: SearchParams): SearchResult {
    const loc = this.indexes.get(p.locationId);
    if (!loc) return { rows: [], total: 0, suggestion: null };
    const { categoryId, staffId } = p;
    const accept =
      categoryId === undefined && staffId === undefined
        ? undefined
        : (d: number) =>
            (categoryId === undefined || loc.services[d]!.categoryId === categoryId) &&
            (staffId === undefined || loc.performs(d, staffId));
    const found = loc.index.search(p.query, accept);
    const rows = found.docs.slice(p.offset, p.offset + p.limit).map((d) => loc.services[d]!);
    return { rows, total: found.docs.length, suggestion: found.suggestion };
  }

  private statement(
    _locationId: number,
    shape: { category: boolean; staff: boolean },
    limit: number,
    offset: number,
  ): Statement<Record<string, unknown>, Row> {
    const key = `list|${+shape.category}${+shape.staff}|${limit}|${offset}`;
    let stmt = this.cache.get(key);
    if (!stmt) {
      const filters = `${shape.category ? BY_CATEGORY : ''} ${shape.staff ? BY_STAFF : ''}`;
      const page = `LIMIT ${limit} OFFSET ${offset}`;
      const sql = listSql(filters, page);
      stmt = this.db.prepare<Record<string, unknown>, Row>(sql);
      if (this.cache.size >= MAX_STATEMENTS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, stmt);
    }
    return stmt;
  }
}
