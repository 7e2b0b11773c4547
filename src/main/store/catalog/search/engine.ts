import { boundedDistance, typoBudget } from './edit-distance';
import { fold, indexWords, queryWords } from './fold';
import { layoutVariants } from './layouts';
import { stemKeys } from './stems';
import { SYNONYM_MAP } from './synonyms';

/** How a query word met a document, best first. A document's tier is its worst word's. */
export const Tier = { exact: 0, prefix: 1, form: 2, substring: 3, typo: 4 } as const;
const NONE = 255;

/** One searchable service, in catalogue order (the position is its catalogue weight). */
export interface IndexDoc {
  title: string;
  category: string;
  staff: string;
}

/** Shorter queries are not tried on other layouts: one or two keys map to too many words. */
const MIN_LAYOUT = 3;

/** Letters two forms of a word are taken to share (see sameStem). */
const STEM_PREFIX = 3;

/** A substring must be at least this long to count ("ut" inside every other word says nothing). */
const MIN_SUBSTRING = 3;

interface Term {
  word: string;
  docs: Int32Array;
  /** Per entry of docs: 0 when the word is in the service's title, 1 when only in category or staff. */
  away: Uint8Array;
}

export interface Found {
  /** Catalogue positions, best first. */
  docs: number[];
  /** The closest indexed spelling of the query, when nothing matched. */
  suggestion: string | null;
}

/**
 * One location's catalogue in memory: the vocabulary (each folded word → the documents it occurs
 * in), sorted for prefix lookups; Snowball stems for word forms are computed on demand. A search scores every
 * query word against the vocabulary (a few hundred to a few thousand words) rather than the
 * documents, so typo and substring matching cost the same at 400 and 5,000 services.
 */
export class CatalogIndex {
  private readonly terms: Term[] = [];
  private readonly byWord = new Map<string, number>();
  private readonly sorted: string[];
  private readonly sortedIds: number[];

  constructor(docs: readonly IndexDoc[]) {
    this.size = docs.length;
    const n = docs.length;
    this.scratch = {
      tiers: new Uint8Array(n),
      worst: new Uint8Array(n),
      sum: new Uint16Array(n),
      keys: new Float64Array(n),
    };
    // One pass, no per-document sets: a term's last document tells whether it is already listed.
    const postings = new Map<string, { docs: number[]; away: number[] }>();
    const fieldWords = new Map<string, string[]>(); // categories and team names repeat on many services
    const add = (words: readonly string[], doc: number, away: number) => {
      for (const w of words) {
        let list = postings.get(w);
        if (!list) postings.set(w, (list = { docs: [], away: [] }));
        if (list.docs[list.docs.length - 1] !== doc) {
          list.docs.push(doc);
          list.away.push(away);
        }
      }
    };
    const wordsOf = (text: string) => {
      let words = fieldWords.get(text);
      if (!words) fieldWords.set(text, (words = indexWords(text)));
      return words;
    };
    docs.forEach((d, i) => {
      add(indexWords(d.title), i, 0);
      add(wordsOf(d.category), i, 1);
      add(wordsOf(d.staff), i, 1);
    });
    for (const [word, list] of postings) {
      const id = this.terms.length;
      this.terms.push({ word, docs: Int32Array.from(list.docs), away: Uint8Array.from(list.away) });
      this.byWord.set(word, id);
    }
    const order = this.terms.map((_, i) => i).sort((a, b) => cmp(this.terms[a]!.word, this.terms[b]!.word));
    this.sortedIds = order;
    this.sorted = order.map((i) => this.terms[i]!.word);
  }

  readonly size: number;
  private readonly scratch: { tiers: Uint8Array; worst: Uint8Array; sum: Uint16Array; keys: Float64Array };

  get vocabularySize(): number {
    return this.terms.length;
  }

  /**
   * Documents matching every word of the query (in any order, each word as exact, prefix, word
   * form, synonym, substring or typo), ranked by tier, then title matches before category and
   * performer matches, then catalogue order. When the query as typed
   * finds nothing better than typos, the same query on the other keyboard layouts is tried.
   */
  search(query: string, accept?: (doc: number) => boolean): Found {
    const words = queryWords(query);
    if (words.length === 0) return { docs: [], suggestion: null };
    let best = this.rank(words, accept);
    if (best.tier >= Tier.typo && [...query.trim()].length >= MIN_LAYOUT) {
      for (const variant of layoutVariants(query)) {
        const w = queryWords(variant);
        if (w.length === 0) continue;
        const r = this.rank(w, accept);
        if (r.docs.length > 0 && r.tier < best.tier) best = r;
      }
    }
    return { docs: best.docs, suggestion: best.docs.length === 0 ? this.suggest(query) : null };
  }

  /** The query with each unknown word replaced by the closest indexed word (null when none is close). */
  suggest(query: string): string | null {
    const variants = [...query.trim()].length >= MIN_LAYOUT ? layoutVariants(query) : [];
    for (const text of [query, ...variants]) {
      const words = queryWords(text);
      if (words.length === 0) continue;
      let changed = false;
      const out: string[] = [];
      for (const w of words) {
        if (this.matchesSomething(w)) {
          out.push(w);
          continue;
        }
        const near = this.closest(w);
        if (near === null) {
          out.length = 0;
          break;
        }
        out.push(near);
        changed = true;
      }
      if (changed && out.length === words.length) return out.join(' ');
    }
    return null;
  }

  private rank(words: string[], accept?: (doc: number) => boolean): { docs: number[]; tier: number } {
    const n = this.size;
    // Scratch arrays are reused: at 5,000 services fresh ones per keystroke were most of the garbage.
    const { worst, sum } = this.scratch;
    worst.fill(0);
    sum.fill(0);
    for (const w of words) {
      const tiers = this.wordTiers(w);
      for (let d = 0; d < n; d++) {
        const t = tiers[d]!;
        if (t > worst[d]!) worst[d] = t;
        sum[d] = sum[d]! + t;
      }
    }
    let count = 0;
    let code: number = NONE;
    const keys = this.scratch.keys;
    for (let d = 0; d < n; d++) {
      const c = worst[d]!;
      if (c === NONE || (accept && !accept(d))) continue;
      // One number per hit, sorted without a comparator: worst word, then all words, then catalogue order.
      keys[count++] = c * 2 ** 40 + sum[d]! * 2 ** 22 + d;
      if (c < code) code = c;
    }
    const sorted = keys.subarray(0, count).sort();
    const hits = new Array<number>(count);
    for (let i = 0; i < count; i++) hits[i] = sorted[i]! % 2 ** 22;
    return { docs: hits, tier: code === NONE ? NONE : code >> 2 };
  }

  /**
   * Per document, how well this word meets it (NONE when it does not): tier × 4, plus 2 for a
   * synonym (after the typed word's own forms), plus 1 when the match is not in the title. Lower is
   * better; the largest over a query's words is the document's.
   */
  private wordTiers(w: string): Uint8Array {
    const tiers = this.scratch.tiers.fill(NONE);
    // weak: a synonym ranks with the word forms, but after the typed word's own forms.
    const mark = (termId: number, tier: number, weak = false) => {
      const { docs, away } = this.terms[termId]!;
      const base = tier * 4 + (weak ? 2 : 0);
      for (let i = 0; i < docs.length; i++) {
        const code = base + away[i]!;
        if (code < tiers[docs[i]!]!) tiers[docs[i]!] = code;
      }
    };
    const exact = this.byWord.get(w);
    if (exact !== undefined) mark(exact, Tier.exact);
    for (const id of this.prefixed(w)) if (id !== exact) mark(id, Tier.prefix);
    for (const id of this.sameStem(w)) mark(id, Tier.form);
    for (const id of this.synonyms(w)) mark(id, Tier.form, true);
    const budget = typoBudget(w.length);
    const substring = w.length >= MIN_SUBSTRING;
    if (!substring && budget === 0) return tiers;
    for (let id = 0; id < this.terms.length; id++) {
      const word = this.terms[id]!.word;
      if (substring && word.length > w.length && word.includes(w)) mark(id, Tier.substring);
      else if (budget > 0 && word.length + budget >= w.length) {
        const d = boundedDistance(w, word, budget);
        if (d.whole <= budget || d.prefix <= budget) mark(id, Tier.typo);
      }
    }
    return tiers;
  }

  /** Terms starting with w: a range of the sorted vocabulary. */
  private prefixed(w: string): number[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < w) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i]!.startsWith(w); i++) out.push(this.sortedIds[i]!);
    return out;
  }

  /**
   * Terms that are a synonym of w (reviewed list) or one's word form. Not a synonym's prefixes:
   * "brow" must not bring in every "Brown" on the team.
   */
  private synonyms(w: string): number[] {
    const out: number[] = [];
    for (const a of SYNONYM_MAP.get(w) ?? []) {
      const id = this.byWord.get(a);
      if (id !== undefined) out.push(id);
      out.push(...this.sameStem(a));
    }
    return out;
  }

  /**
   * Terms with a stem key in common with w. Snowball strips endings, so two forms of a word share
   * their first letters: only the vocabulary's range starting with w's first three letters is
   * stemmed (memoised), which keeps the index build free of stemming (it was most of a cold start).
   */
  private sameStem(w: string): number[] {
    const keys = stemKeys(w);
    if (keys.length === 0) return [];
    const out: number[] = [];
    for (const id of this.prefixed(w.slice(0, STEM_PREFIX))) {
      const theirs = stemKeys(this.terms[id]!.word);
      if (theirs.some((k) => keys.includes(k))) out.push(id);
    }
    return out;
  }

  private matchesSomething(w: string): boolean {
    if (this.prefixed(w).length > 0 || this.sameStem(w).length > 0 || this.synonyms(w).length > 0) return true;
    return w.length >= MIN_SUBSTRING && this.terms.some((t) => t.word.includes(w));
  }

  /** The indexed word nearest to w: within a third of its length (at least 1, at most 3 edits). */
  private closest(w: string): string | null {
    if (w.length < 3) return null;
    const max = Math.min(3, Math.max(1, Math.floor(w.length / 3)));
    let best: string | null = null;
    let bestD = max + 1;
    let bestDocs = 0;
    for (const t of this.terms) {
      if (Math.abs(t.word.length - w.length) > max) continue;
      const d = boundedDistance(w, t.word, max).whole;
      if (d > max) continue;
      if (d < bestD || (d === bestD && t.docs.length > bestDocs)) {
        best = t.word;
        bestD = d;
        bestDocs = t.docs.length;
      }
    }
    return best;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { fold };
