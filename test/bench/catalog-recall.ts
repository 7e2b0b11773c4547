import type { BigLocation } from './catalog-data';
import { QUERY_SET, type LabelledQuery, type MenuLang } from './search-query-set';

/**
 * Recall of the labelled query set (search-query-set.ts): the share of queries with an expected
 * service among the first five results, and the share of must-find-nothing queries that found
 * nothing. The same scoring for our search and for MiniSearch.
 */

/** The chain's first location in each menu language (buildBigDataset cycles ru, en, fr, es, de). */
const LANG_INDEX: Record<MenuLang, number> = { ru: 0, en: 1, fr: 2, es: 3 };

export interface RecallScore {
  recallAt5: number;
  noneCorrect: number;
  /** Queries that missed, for the log. */
  misses: string[];
  byKind: Record<string, number>;
}

/** `search` answers with service ids, best first (at least the first five). */
export function scoreQuerySet(
  data: readonly BigLocation[],
  search: (locationId: number, query: string) => number[],
  queries: readonly LabelledQuery[] = QUERY_SET,
): RecallScore {
  let found = 0;
  let expected = 0;
  let empty = 0;
  let nones = 0;
  const misses: string[] = [];
  const kinds = new Map<string, [number, number]>();
  for (const q of queries) {
    const loc = data[LANG_INDEX[q.lang]]!;
    const ids = search(loc.company.id, q.query);
    if (q.kind === 'none') {
      nones++;
      if (ids.length === 0) empty++;
      else misses.push(`${q.lang} none "${q.query}" found ${ids.length}`);
      continue;
    }
    expected++;
    const ok = ids.slice(0, 5).some((id) => matches(loc, id, q));
    if (ok) found++;
    else misses.push(`${q.lang} ${q.kind} "${q.query}" → no "${q.expect}" in top 5`);
    const k = kinds.get(q.kind) ?? [0, 0];
    kinds.set(q.kind, [k[0] + (ok ? 1 : 0), k[1] + 1]);
  }
  return {
    recallAt5: found / expected,
    noneCorrect: empty / nones,
    misses,
    byKind: Object.fromEntries([...kinds].map(([k, [f, n]]) => [k, Math.round((f / n) * 100) / 100])),
  };
}

function matches(loc: BigLocation, serviceId: number, q: LabelledQuery): boolean {
  const s = loc.services.find((x) => x.id === serviceId);
  if (!s) return false;
  const want = q.expect.toLowerCase();
  if (s.title.toLowerCase().includes(want)) return true;
  if (q.kind !== 'staff') return false;
  const names = new Map(loc.staff.map((m) => [m.id, m.name.toLowerCase()]));
  return (s.staff ?? []).some((k) => names.get(k.staffId)?.includes(want));
}
