import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';
import { docRange } from './doc-range';
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

const COLUMNS = `s.id, s.title, s.category_id AS categoryId, c.title AS categoryTitle,
  s.price_min AS priceMin, s.price_max AS priceMax, s.duration AS durationSec,
  (SELECT count(*) FROM service_staff ss JOIN staff m ON m.location_id = ss.location_id AND m.id = ss.staff_id
     WHERE ss.location_id = s.location_id AND ss.service_id = s.id AND m.hidden = 0 AND m.fired = 0) AS staffCount,
  count(*) OVER () AS total`;

const CATEGORY_JOIN = 'LEFT JOIN service_categories c ON c.location_id = s.location_id AND c.id = s.category_id';
const BY_CATEGORY = 'AND s.category_id = @categoryId';
const BY_STAFF =
  'AND EXISTS (SELECT 1 FROM service_staff f WHERE f.location_id = s.location_id AND f.service_id = s.id AND f.staff_id = @staffId)';

/** The first catalogue page and every filter-only view: categories in their order, then services. */
const LIST_ORDER = '(c.id IS NULL), c.weight DESC, c.title, s.category_id, s.weight DESC, s.title, s.id';
/** FTS rank is bm25 with column weights title 10, category 3, staff 1 (set in the migration). */
const MATCH_ORDER = 'x.rank, s.weight DESC, s.title, s.id';

/**
 * Catalogue search over FTS5. Scoped to one location by its doc range, which FTS5 applies while
 * reading its index. The total comes from a window count in the same statement.
 */
export class SearchQueries {
  private readonly cache = new Map<string, Statement<Record<string, unknown>, Row>>();

  constructor(private readonly db: Db) {}

  run(p: SearchParams): { rows: ServiceHitRow[]; total: number } {
    const match = toFtsQuery(p.query);
    const [lo, hi] = docRange(p.locationId);
    const params: Record<string, unknown> = { lo, hi, limit: p.limit, offset: p.offset };
    if (match !== null) params['match'] = match;
    if (p.categoryId !== undefined) params['categoryId'] = p.categoryId;
    if (p.staffId !== undefined) params['staffId'] = p.staffId;
    const stmt = this.statement(match !== null, p.categoryId !== undefined, p.staffId !== undefined);
    const rows = stmt.all(params);
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && p.offset > 0) {
      // Past the end: the window count saw no rows, so ask for the count alone.
      const first = stmt.all({ ...params, limit: 1, offset: 0 });
      total = first[0]?.total ?? 0;
    }
    return { rows: rows.map(({ total: _total, ...hit }) => hit), total };
  }

  private statement(text: boolean, category: boolean, staff: boolean) {
    const key = `${+text}${+category}${+staff}`;
    let stmt = this.cache.get(key);
    if (!stmt) {
      const filters = `${category ? BY_CATEGORY : ''} ${staff ? BY_STAFF : ''}`;
      const sql = text
        ? `SELECT ${COLUMNS} FROM catalog_fts x JOIN services s ON s.doc = x.rowid ${CATEGORY_JOIN}
           WHERE catalog_fts MATCH @match AND x.rowid BETWEEN @lo AND @hi ${filters}
           ORDER BY ${MATCH_ORDER} LIMIT @limit OFFSET @offset`
        : `SELECT ${COLUMNS} FROM services s ${CATEGORY_JOIN}
           WHERE s.doc BETWEEN @lo AND @hi ${filters}
           ORDER BY ${LIST_ORDER} LIMIT @limit OFFSET @offset`;
      stmt = this.db.prepare<Record<string, unknown>, Row>(sql);
      this.cache.set(key, stmt);
    }
    return stmt;
  }
}
