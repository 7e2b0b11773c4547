import type { BigLocation } from './catalog-data';
import { QUERY_SET, type LabelledQuery, type MenuLang } from './search-query-set';

/**
 * Recall of a labelled query set (search-query-set.ts, search-query-set-vocab.ts): the share of
 * queries with an expected service among the first five results (recall@5) and in the first row
 * (hit@1, what Enter opens), per kind; and the share of must-find-nothing queries that found nothing.
 * The same scoring for our search and for MiniSearch.
 */

/** The chain's first location in each menu language (buildBigDataset cycles ru, en, fr, es, de). */
export function menusOf(data: readonly BigLocation[], pt: BigLocation): Record<MenuLang, BigLocation> {
  return { ru: data[0]!, en: data[1]!, fr: data[2]!, es: data[3]!, pt };
}

export interface RecallScore {
  recallAt5: number;
  hitAt1: number;
  noneCorrect: number;
  /** Queries that missed, for the log. */
  misses: string[];
  byKind: Record<string, number>;
  byKindAt1: Record<string, number>;
}

/** `search` answers with service ids, best first (at least the first five). */
export function scoreQuerySet(
  menus: Record<MenuLang, BigLocation>,
  search: (locationId: number, query: string) => number[],
  queries: readonly LabelledQuery[] = QUERY_SET,
  kindOf: (q: LabelledQuery) => string = (q) => q.kind,
): RecallScore {
  let found = 0;
  let top = 0;
  let expected = 0;
  let empty = 0;
  let nones = 0;
  const misses: string[] = [];
  const kinds = new Map<string, [number, number, number]>();
  for (const q of queries) {
    const loc = menus[q.lang];
    const ids = search(loc.company.id, q.query);
    if (q.kind === 'none') {
      nones++;
      if (ids.length === 0) empty++;
      else misses.push(`${q.lang} none "${q.query}" found ${ids.length}`);
      continue;
    }
    expected++;
    const ok = ids.slice(0, 5).some((id) => matches(loc, id, q));
    const first = ids.length > 0 && matches(loc, ids[0]!, q);
    if (ok) found++;
    if (first) top++;
    if (!ok) misses.push(`${q.lang} ${q.kind} "${q.query}" → no "${q.expect}" in top 5`);
    else if (!first) misses.push(`${q.lang} ${q.kind} "${q.query}" → "${q.expect}" found, not first`);
    const kind = kindOf(q);
    const k = kinds.get(kind) ?? [0, 0, 0];
    kinds.set(kind, [k[0] + (ok ? 1 : 0), k[1] + (first ? 1 : 0), k[2] + 1]);
  }
  const share = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    recallAt5: expected ? found / expected : 1,
    hitAt1: expected ? top / expected : 1,
    noneCorrect: nones ? empty / nones : 1,
    misses,
    byKind: Object.fromEntries([...kinds].map(([k, [f, , n]]) => [k, share(f, n)])),
    byKindAt1: Object.fromEntries([...kinds].map(([k, [, t, n]]) => [k, share(t, n)])),
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

const ORDINARY_KINDS = new Set(QUERY_SET.map((q) => q.kind));

/** Vocabulary-set kinds as reported: the new kinds by name, the Brazilian salon's ordinary ones together. */
export function vocabKind(q: LabelledQuery): string {
  return ORDINARY_KINDS.has(q.kind) && q.lang === 'pt' ? 'pt_salon' : q.kind;
}

/** Bench keys for a score: recall@5 and hit@1 per kind (`suffix` marks a baseline's or a variant's). */
export function kindFigures(score: RecallScore, suffix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [kind, v] of Object.entries(score.byKind)) {
    const k = kind.replaceAll('-', '_');
    out[`search_recall_at5_${k}${suffix}`] = v;
    out[`search_hit_at1_${k}${suffix}`] = score.byKindAt1[kind]!;
  }
  return out;
}
