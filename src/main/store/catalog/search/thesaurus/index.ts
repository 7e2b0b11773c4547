import { boundedDistance, typoBudget } from '../edit-distance';
import { queryWords } from '../fold';
import { stemKeys } from '../stems';
import { soundKeys } from '../translit';
import { SALON_THESAURUS, THESAURUS_VERSION, type ThesaurusEntry } from './salon-thesaurus';

export { SALON_THESAURUS, THESAURUS_VERSION, type ThesaurusEntry } from './salon-thesaurus';

/** One compiled line: typing `phrase` (folded words) also finds what any of `means` finds. */
export interface Rule {
  phrase: readonly string[];
  means: readonly (readonly string[])[];
}

/** A location's own line, typed by a manager in Settings: "X means Y". */
export interface LocalSynonym {
  words: string;
  means: string;
}

/**
 * The thesaurus compiled for lookups: rules by their words, each word's forms and sound keys
 * prepared once, so matching a typed word against every line costs microseconds.
 */
export class Thesaurus {
  readonly rules: readonly Rule[];
  private readonly words: string[];
  /** Each word's forms and sound keys, prepared at the first lookup (not at start-up: stemming costs). */
  private prepared: { stems: string[][]; sounds: string[][] } | null = null;

  constructor(entries: readonly ThesaurusEntry[], local: readonly LocalSynonym[] = []) {
    const rules: Rule[] = [];
    const phrase = (p: string) => queryWords(p);
    const add = (from: string, to: readonly string[]) => {
      const words = phrase(from);
      const means = to.map(phrase).filter((m) => m.length > 0 && m.join(' ') !== words.join(' '));
      if (words.length > 0 && means.length > 0) rules.push({ phrase: words, means });
    };
    for (const e of entries) {
      for (const w of e.words) add(w, e.means);
      if (e.same) for (const m of e.means) add(m, [...e.words, ...e.means.filter((x) => x !== m)]);
    }
    for (const l of local) add(l.words, [l.means]);
    this.rules = rules;
    this.words = [...new Set(rules.flatMap((r) => r.phrase))];
  }

  get size(): number {
    return this.rules.length;
  }

  /**
   * The thesaurus words a typed word stands for: the same word, another form of it, the same word
   * with a typo (five letters and up, unless the menu knows the word as typed), or the same sound
   * in the other script ("шеллак" → shellac).
   */
  wordsMatching(typed: string, typos = true): Set<string> {
    const out = new Set<string>();
    const stems = stemKeys(typed);
    const sounds = soundKeys(typed);
    const budget = typos ? typoBudget(typed.length) : 0;
    this.prepared ??= { stems: this.words.map(stemKeys), sounds: this.words.map(soundKeys) };
    const { stems: theirStems, sounds: theirSounds } = this.prepared;
    this.words.forEach((w, i) => {
      if (
        w === typed ||
        (stems.length > 0 && theirStems[i]!.some((k) => stems.includes(k))) ||
        (budget > 0 &&
          Math.abs(w.length - typed.length) <= budget &&
          boundedDistance(typed, w, budget).whole <= budget) ||
        (sounds.length > 0 && theirSounds[i]!.some((k) => sounds.includes(k)))
      ) {
        out.add(w);
      }
    });
    return out;
  }
}

export const SALON: Thesaurus = new Thesaurus(SALON_THESAURUS);
export const NO_THESAURUS: Thesaurus = new Thesaurus([]);
export const SALON_VERSION = THESAURUS_VERSION;
