import type { CategoryRecord, ServiceRecord } from './types';

/** Plain code-point order, the same as SQLite's BINARY collation, so SQL and JS agree. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order of the catalogue's first page: categories by weight (heaviest first) and title, services
 * without a known category last; inside a category, services by weight (heaviest first), title, id.
 * The snapshot writer numbers services in this order (services.doc).
 */
export function inCatalogueOrder(
  services: readonly ServiceRecord[],
  categories: readonly CategoryRecord[],
): ServiceRecord[] {
  const cats = new Map(categories.map((c) => [c.id, c]));
  return [...services].sort((a, b) => {
    const ca = cats.get(a.categoryId);
    const cb = cats.get(b.categoryId);
    if (!ca !== !cb) return ca ? -1 : 1;
    if (ca && cb && ca !== cb) return cb.weight - ca.weight || byText(ca.title, cb.title) || ca.id - cb.id;
    return a.categoryId - b.categoryId || b.weight - a.weight || byText(a.title, b.title) || a.id - b.id;
  });
}
