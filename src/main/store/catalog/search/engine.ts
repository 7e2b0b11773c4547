import { boundedDistance, typoBudget } from './edit-distance';
import { fold, indexWords, queryWords } from './fold';
import { layoutVariants } from './layouts';
import { stemKeys } from './stems';
import { SALON, type Thesaurus } from './thesaurus';
import { isLatinWord, soundKeys } from './translit';

/** How a query word met a document, best first. A document's tier is its worst word's. */
export const Tier = { exact: 0, prefix: 1, form: 2, substring: 3, typo: 4 } as const;
const NONE = 255;

/**
 * Where a query word met a service, before how well (the tier): the title's own words, then the
 * category or team (a service of the query's own kind), then expansions — a thesaurus line or the
 * other script — in the title, then in the category. A word's code is class × 32 + tier × 4 + 1 for a
 * cross-script match (after a thesaurus one); lower is better, a service's code is its worst word's.
 */
const CLASS_WIDTH = 32;
const FIELD = 1;
const EXPANDED = 2;
const CROSS_SCRIPT = 1;
const tierOf = (code: number) => (code % CLASS_WIDTH) >> 2;
const classOf = (code: number) => Math.floor(code / CLASS_WIDTH);

/**
 * A joined pair of query words ("hair cut" → haircut) counts only when it meets a word as written
 * or as its beginning, and each part has this many letters ("брови и" must not stem to "бровей").
 */
const JOINED_MIN_PART = 2;

/**
 * Which tiers a word is tried on: all of them (a typed word); as written or as its beginning (two
 * typed words joined); as written or another form (a thesaurus target, which is a whole word: "pé"
 * must not find every "pe…").
 */
type Reach = 'typed' | 'joined' | 'target';

export interface IndexOptions {
  /** The salon thesaurus, or a location's own (with its "X means Y" lines); NO_THESAURUS switches it off. */
  thesaurus?: Thesaurus;
}

interface RankOptions {
  cross: boolean;
}

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

/** Rows looked at for the in-order phrase check (see phraseFirst). */
const PHRASE_WINDOW = 50;

/** A substring must be at least this long to count ("ut" inside every other word says nothing). */
const MIN_SUBSTRING = 3;

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
  /**
   * The vocabulary, sorted (a term's id is its position, so prefix and exact lookups are binary
   * searches), and its postings in two flat arrays: term t's documents are docs[start[t]..start[t+1]),
   * with away = 1 where the word is only in the category or team. Flat typed arrays instead of an
   * object and two arrays per term: about a third of the memory per service (bench: index_bytes_per_service).
   */
  private readonly words: string[];
  /** The titles as given (the caller's own strings, not copies), for the in-order phrase check. */
  private readonly titles: string[];
  private readonly start: Uint32Array;
  private readonly docs: Int32Array;
  private readonly away: Uint8Array;

  private readonly thesaurus: Thesaurus;
  /** Per term: sound keys (cross-script), computed at the first search that needs them. */
  private sounds: string[][] | null = null;
  private latin: Uint8Array | null = null;
  private readonly pool: Uint8Array[] = [];

  constructor(docs: readonly IndexDoc[], options: IndexOptions = {}) {
    this.thesaurus = options.thesaurus ?? SALON;
    this.size = docs.length;
    const n = docs.length;
    this.scratch = {
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
    this.titles = docs.map((d) => d.title);
    docs.forEach((d, i) => {
      add(indexWords(d.title), i, 0);
      add(wordsOf(d.category), i, 1);
      add(wordsOf(d.staff), i, 1);
    });
    this.words = [...postings.keys()].sort(cmp);
    this.start = new Uint32Array(this.words.length + 1);
    let total = 0;
    this.words.forEach((w, t) => {
      this.start[t] = total;
      total += postings.get(w)!.docs.length;
    });
    this.start[this.words.length] = total;
    this.docs = new Int32Array(total);
    this.away = new Uint8Array(total);
    this.words.forEach((w, t) => {
      const list = postings.get(w)!;
      this.docs.set(list.docs, this.start[t]!);
      this.away.set(list.away, this.start[t]!);
    });
  }

  /** The term id of w, or undefined. */
  private idOf(w: string): number | undefined {
    const i = this.lowerBound(w);
    return this.words[i] === w ? i : undefined;
  }

  private lowerBound(w: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[mid]! < w) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  readonly size: number;
  private readonly scratch: { worst: Uint8Array; sum: Uint16Array; keys: Float64Array };

  get vocabularySize(): number {
    return this.words.length;
  }

  /**
   * Documents matching every word of the query (in any order, each word as exact, prefix, word
   * form, substring or typo; in the title, category or team; or through the thesaurus or the
   * other script), ranked by where and how well the worst word met it, then all words, then
   * catalogue order. When the query as typed finds nothing better than typos or expansions, the
   * same query on the other keyboard layouts is tried.
   */
  search(query: string, accept?: (doc: number) => boolean): Found {
    const words = queryWords(query);
    if (words.length === 0) return { docs: [], suggestion: null };
    let best = this.rank(words, accept, { cross: true });
    if (
      (best.code === NONE || tierOf(best.code) >= Tier.typo || classOf(best.code) >= EXPANDED) &&
      [...query.trim()].length >= MIN_LAYOUT
    ) {
      for (const variant of layoutVariants(query)) {
        const w = queryWords(variant);
        if (w.length === 0) continue;
        // Another script on top of another layout is two guesses deep: not tried.
        const r = this.rank(w, accept, { cross: false });
        if (r.docs.length > 0 && r.code < best.code) best = r;
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

  private rank(
    words: string[],
    accept: ((doc: number) => boolean) | undefined,
    opts: RankOptions,
  ): { docs: number[]; code: number } {
    const n = this.size;
    let used = 0;
    // Per-word arrays come from a pool: at 5,000 services fresh ones per keystroke were most of the garbage.
    const take = () => {
      const b = this.pool[used] ?? (this.pool[used] = new Uint8Array(n));
      used++;
      return b.fill(NONE);
    };
    const direct = words.map((w) => this.wordTiers(w, take(), opts.cross));
    const spans = this.spans(words, direct, take);
    const { worst, sum } = this.scratch;
    worst.fill(0);
    sum.fill(0);
    for (const tiers of direct) {
      for (let d = 0; d < n; d++) {
        const t = tiers[d]!;
        if (t > worst[d]!) worst[d] = t;
        sum[d] = sum[d]! + t;
      }
    }
    // A span (a thesaurus phrase, a joined pair) stands for its words; the other words still count.
    for (const s of spans) {
      for (let d = 0; d < n; d++) {
        let w = s.tiers[d]!;
        let total = w;
        for (let i = 0; i < direct.length; i++) {
          if (i >= s.from && i < s.to) continue;
          const t = direct[i]![d]!;
          if (t > w) w = t;
          total += t;
        }
        if (w < worst[d]! || (w === worst[d]! && total < sum[d]!)) {
          worst[d] = w;
          sum[d] = total;
        }
      }
    }
    let count = 0;
    let code: number = NONE;
    const keys = this.scratch.keys;
    for (let d = 0; d < n; d++) {
      const c = worst[d]!;
      if (c === NONE || (accept && !accept(d))) continue;
      // One number per hit, sorted without a comparator: worst word, then all words, then catalogue
      // order. Services met only through their category or team keep the salon's own order among
      // themselves (a category asked for is listed as its page lists it), so all words count only
      // for title hits.
      const all = c < CLASS_WIDTH ? sum[d]! : 0;
      keys[count++] = c * 2 ** 40 + all * 2 ** 22 + d;
      if (c < code) code = c;
    }
    const sorted = keys.subarray(0, count).sort();
    const hits = new Array<number>(count);
    for (let i = 0; i < count; i++) hits[i] = sorted[i]! % 2 ** 22;
    if (words.length > 1) this.phraseFirst(words, hits, sorted);
    return { docs: hits, code };
  }

  /**
   * Among the first rows met equally well, a title holding the query's words side by side and in
   * its order comes first ("kids haircut" → "Kids' haircut (under 12)" before "Haircut — kids").
   * Only the first PHRASE_WINDOW rows are looked at: that is what a receptionist sees.
   */
  private phraseFirst(words: string[], hits: number[], keys: Float64Array): void {
    const phrase = ` ${words.join(' ')} `;
    const end = Math.min(hits.length, PHRASE_WINDOW);
    let from = 0;
    while (from < end) {
      const code = Math.floor(keys[from]! / 2 ** 40);
      let to = from;
      while (to < hits.length && Math.floor(keys[to]! / 2 ** 40) === code) to++;
      const group = hits.slice(from, Math.min(to, end));
      const inOrder = group.filter((d) => ` ${queryWords(this.titles[d]!, 64).join(' ')} `.includes(phrase));
      if (inOrder.length > 0 && inOrder.length < group.length) {
        const rest = group.filter((d) => !inOrder.includes(d));
        hits.splice(from, group.length, ...inOrder, ...rest);
      }
      from = to;
    }
  }

  /**
   * Groups of query words that mean something together: a thesaurus line ("hair removal" → wax;
   * one-word lines fold into that word's own codes) and two words written as one ("hair cut" →
   * haircut, ranked as the title's own word).
   */
  private spans(
    words: string[],
    direct: Uint8Array[],
    take: () => Uint8Array,
  ): { from: number; to: number; tiers: Uint8Array }[] {
    const out: { from: number; to: number; tiers: Uint8Array }[] = [];
    const n = this.size;
    if (this.thesaurus.size > 0) {
      const matching = words.map((w) => this.thesaurus.wordsMatching(w, this.idOf(w) === undefined));
      const found = new Map<string, Uint8Array>();
      for (const rule of this.thesaurus.rules) {
        const len = rule.phrase.length;
        for (let i = 0; i + len <= words.length; i++) {
          if (!rule.phrase.every((p, t) => matching[i + t]!.has(p))) continue;
          const key = `${i}:${i + len}`;
          let tiers = found.get(key);
          if (!tiers) found.set(key, (tiers = take()));
          for (const phrase of rule.means) this.expand(phrase, tiers, take);
        }
      }
      for (const [key, tiers] of found) {
        const [from, to] = key.split(':').map(Number) as [number, number];
        if (to - from === 1) {
          const own = direct[from]!;
          for (let d = 0; d < n; d++) if (tiers[d]! < own[d]!) own[d] = tiers[d]!;
        } else out.push({ from, to, tiers });
      }
    }
    for (let i = 0; i + 1 < words.length; i++) {
      if (words[i]!.length < JOINED_MIN_PART || words[i + 1]!.length < JOINED_MIN_PART) continue;
      const joined = words[i]! + words[i + 1]!;
      const tiers = this.wordTiers(joined, take(), false, 'joined');
      if (tiers.some((t) => t !== NONE)) out.push({ from: i, to: i + 2, tiers });
    }
    return out;
  }

  /** Marks, as an expansion, the documents a thesaurus phrase finds with its own words and their forms. */
  private expand(phrase: readonly string[], into: Uint8Array, take: () => Uint8Array): void {
    const n = this.size;
    const parts = phrase.map((w) => this.wordTiers(w, take(), false, 'target'));
    for (let d = 0; d < n; d++) {
      let w = 0;
      for (const p of parts) if (p[d]! > w) w = p[d]!;
      if (w === NONE) continue;
      const code = w + EXPANDED * CLASS_WIDTH;
      if (code < into[d]!) into[d] = code;
    }
  }

  /**
   * Per document, how this word meets it (NONE when it does not), as a code (see CLASS_WIDTH),
   * written into `tiers`; `cross` adds the other script.
   */
  private wordTiers(w: string, tiers: Uint8Array, cross: boolean, reach: Reach = 'typed'): Uint8Array {
    const mark = (termId: number, tier: number, cls = 0, sub = 0) => {
      const { docs, away } = this;
      const base = cls * CLASS_WIDTH + tier * 4 + sub;
      for (let i = this.start[termId]!, end = this.start[termId + 1]!; i < end; i++) {
        const code = base + away[i]! * FIELD * CLASS_WIDTH;
        if (code < tiers[docs[i]!]!) tiers[docs[i]!] = code;
      }
    };
    const exact = this.idOf(w);
    if (exact !== undefined) mark(exact, Tier.exact);
    if (reach !== 'target') for (const id of this.prefixed(w)) if (id !== exact) mark(id, Tier.prefix);
    if (reach !== 'joined') for (const id of this.sameStem(w)) mark(id, Tier.form);
    if (cross) this.crossScript(w, mark);
    if (reach !== 'typed') return tiers;
    const budget = typoBudget(w.length);
    const substring = w.length >= MIN_SUBSTRING;
    if (!substring && budget === 0) return tiers;
    for (let id = 0; id < this.words.length; id++) {
      const word = this.words[id]!;
      if (substring && word.length > w.length && word.includes(w)) mark(id, Tier.substring);
      else if (budget > 0 && word.length + budget >= w.length) {
        const d = boundedDistance(w, word, budget);
        if (d.whole <= budget || d.prefix <= budget) mark(id, Tier.typo);
      }
    }
    return tiers;
  }

  /**
   * The word's sound in the other script (translit.ts) against the vocabulary's: the same sound, a
   * prefix of one (typing in progress), within the word's typo budget (ranked as a substring), or
   * one edit more for the spelling gap between scripts (as a typo). Ranked as an expansion, after
   * anything in the word's own script.
   */
  private crossScript(w: string, mark: (id: number, tier: number, cls: number, sub: number) => void): void {
    const mine = soundKeys(w);
    if (mine.length === 0) return;
    const fromLatin = isLatinWord(w);
    if (!this.sounds || !this.latin) {
      this.sounds = this.words.map(soundKeys);
      this.latin = Uint8Array.from(this.words, (t) => (isLatinWord(t) ? 1 : 0));
    }
    for (let id = 0; id < this.words.length; id++) {
      if ((this.latin[id] === 1) === fromLatin) continue;
      let best: number = NONE;
      for (const theirs of this.sounds[id]!) {
        for (const key of mine) {
          const close = typoBudget(key.length);
          const budget = key.length >= 4 ? close + 1 : 0;
          if (theirs === key) best = Tier.exact;
          else if (theirs.startsWith(key)) best = Math.min(best, Tier.prefix);
          else if (budget > 0 && Math.abs(theirs.length - key.length) <= budget) {
            const d = boundedDistance(key, theirs, budget).whole;
            if (d <= budget) best = Math.min(best, d <= close ? Tier.substring : Tier.typo);
          }
        }
      }
      if (best !== NONE) mark(id, best, EXPANDED, CROSS_SCRIPT);
    }
  }

  /** Terms starting with w: a range of the sorted vocabulary. */
  private prefixed(w: string): number[] {
    const out: number[] = [];
    for (let i = this.lowerBound(w); i < this.words.length && this.words[i]!.startsWith(w); i++) out.push(i);
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
      const theirs = stemKeys(this.words[id]!);
      if (theirs.some((k) => keys.includes(k))) out.push(id);
    }
    return out;
  }

  private matchesSomething(w: string): boolean {
    if (this.prefixed(w).length > 0 || this.sameStem(w).length > 0 || this.thesaurus.wordsMatching(w).size > 0)
      return true;
    return w.length >= MIN_SUBSTRING && this.words.some((t) => t.includes(w));
  }

  /** The indexed word nearest to w: within a third of its length (at least 1, at most 3 edits). */
  private closest(w: string): string | null {
    if (w.length < 3) return null;
    const max = Math.min(3, Math.max(1, Math.floor(w.length / 3)));
    let best: string | null = null;
    let bestD = max + 1;
    let bestDocs = 0;
    this.words.forEach((word, t) => {
      if (Math.abs(word.length - w.length) > max) return;
      const d = boundedDistance(w, word, max).whole;
      if (d > max) return;
      const count = this.start[t + 1]! - this.start[t]!;
      if (d < bestD || (d === bestD && count > bestDocs)) {
        best = word;
        bestD = d;
        bestDocs = count;
      }
    });
    return best;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { fold };
