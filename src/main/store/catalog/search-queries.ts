import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';
import { docRange } from './doc-range';
import { ftsTable } from './fts-table';
import { toFtsQuery } from './fts-query';

export interface SearchParams {
  locationId: number;
  query: string;
  categoryId?: number | undefined;
  staffId?: number | undefined;
  limit: number;
  offset: number;
}

export interface ServiceHitRow {
  id: number;
  title: string;
  categoryId: number;
  categoryTitle: string | null;
  priceMin: number;
  priceMax: number;
  durationSec: number;
  staffCount: number;
}

interface Row extends ServiceHitRow {
  total: number;
}

const BY_CATEGORY = 'AND s.category_id = @categoryId';
const BY_STAFF =
  'AND EXISTS (SELECT 1 FROM service_staff f WHERE f.location_id = s.location_id AND f.service_id = s.id AND f.staff_id = @staffId)';

const DISPLAY = `s.id, s.title, s.category_id AS categoryId, c.title AS categoryTitle, s.price_min AS priceMin,
  s.price_max AS priceMax, s.duration AS durationSec, s.staff_count AS staffCount`;
const CATEGORY = 'LEFT JOIN service_categories c ON c.location_id = s.location_id AND c.id = s.category_id';

/**
 * Text search: bm25 rank (title 10, category 3, staff 1), ties in catalogue order (services.doc).
 * The page is picked from the index alone (rowid, rank); only its rows are joined for display.
 */
function matchSql(table: string, filters: string, page: string): string {
  const inner = filters.trim()
    ? `SELECT x.rowid AS doc, x.rank AS rank, count(*) OVER () AS total
       FROM ${table} x JOIN services s ON s.doc = x.rowid
       WHERE ${table} MATCH @match ${filters}
       ORDER BY x.rank, x.rowid ${page}`
    : `SELECT rowid AS doc, rank, count(*) OVER () AS total FROM ${table}
       WHERE ${table} MATCH @match ORDER BY rank, rowid ${page}`;
  return `SELECT ${DISPLAY}, h.total FROM (${inner}) h JOIN services s ON s.doc = h.doc ${CATEGORY}
    ORDER BY h.rank, h.doc`;
}

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
 * Catalogue search over the location's FTS5 table (see fts-table.ts). The total comes from a window
 * count in the same statement.
 *
 * LIMIT and OFFSET are written into the SQL as integer literals, not bound: with a bound LIMIT the
 * ranked query measured twice as slow (the top-N sort cannot be planned). Statements are cached per
 * location, filter combination and page.
 */
export class SearchQueries {
  private readonly cache = new Map<string, Statement<Record<string, unknown>, Row>>();
  private readonly exists;

  constructor(private readonly db: Db) {
    this.exists = db.prepare<[number], { n: number }>('SELECT 1 AS n FROM locations WHERE id = ?');
  }

  run(p: SearchParams): { rows: ServiceHitRow[]; total: number } {
    if (!Number.isSafeInteger(p.limit) || !Number.isSafeInteger(p.offset) || p.limit < 1 || p.offset < 0) {
      throw new RangeError('limit and offset must be whole numbers');
    }
    if (!this.exists.get(p.locationId)) return { rows: [], total: 0 };
    const match = toFtsQuery(p.query);
    const params: Record<string, unknown> = {};
    if (match !== null) params['match'] = match;
    else [params['lo'], params['hi']] = docRange(p.locationId);
    if (p.categoryId !== undefined) params['categoryId'] = p.categoryId;
    if (p.staffId !== undefined) params['staffId'] = p.staffId;
    const shape = { text: match !== null, category: p.categoryId !== undefined, staff: p.staffId !== undefined };
    const rows = this.statement(p.locationId, shape, p.limit, p.offset).all(params);
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && p.offset > 0) {
      // Past the end: the window count saw no rows, so ask for the count alone.
      total = this.statement(p.locationId, shape, 1, 0).all(params)[0]?.total ?? 0;
    }
    return { rows, total }; // rows keep their `total` field: copying 50 objects to drop it costs more than it saves
  }

  private statement(
    locationId: number,
    shape: { text: boolean; category: boolean; staff: boolean },
    limit: number,
    offset: number,
  ): Statement<Record<string, unknown>, Row> {
    const key = `${shape.text ? locationId : 'list'}|${+shape.category}${+shape.staff}|${limit}|${offset}`;
    let stmt = this.cache.get(key);
    if (!stmt) {
      const filters = `${shape.category ? BY_CATEGORY : ''} ${shape.staff ? BY_STAFF : ''}`;
      const page = `LIMIT ${limit} OFFSET ${offset}`;
      const sql = shape.text ? matchSql(ftsTable(locationId), filters, page) : listSql(filters, page);
      stmt = this.db.prepare<Record<string, unknown>, Row>(sql);
      if (this.cache.size >= MAX_STATEMENTS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, stmt);
    }
    return stmt;
  }
}
