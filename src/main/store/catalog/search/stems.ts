import { stemmer as en } from '@orama/stemmers/english';
import { stemmer as es } from '@orama/stemmers/spanish';
import { stemmer as fr } from '@orama/stemmers/french';
import { stemmer as pt } from '@orama/stemmers/portuguese';
import { stemmer as ru } from '@orama/stemmers/russian';
import { stemmer as uk } from '@orama/stemmers/ukrainian';
import { isCyrillic } from './fold';

/**
 * Word forms: Snowball stems per language. The menu's language is not known per word, so a word
 * gets the stems of every language of its script, each keyed by language ("ru:стрижк"), and two
 * words are forms of one another when they share a key. French is here because the demo salon has
 * a French menu. German is left out: its stemmer costs as much as the other four together (measured
 * at index build) and no customer menu is German yet.
 * Stems are memoised per word: the same words recur across a chain's locations.
 */
const LATIN: ReadonlyArray<[string, (w: string) => string]> = [
  ['en', en],
  ['es', es],
  ['pt', pt],
  ['fr', fr],
];
const CYRILLIC: ReadonlyArray<[string, (w: string) => string]> = [
  ['ru', ru],
  ['uk', uk],
];

/** Stems shorter than this say too little ("на", "с") to call two words forms of one another. */
const MIN_STEM = 3;

const memo = new Map<string, string[]>();
const MEMO_LIMIT = 50_000;

export function stemKeys(word: string): string[] {
  if (word.length < 4 || /^\d+$/.test(word)) return [];
  const known = memo.get(word);
  if (known) return known;
  const out: string[] = [];
  for (const [lang, stem] of isCyrillic(word) ? CYRILLIC : LATIN) {
    const s = stem(word);
    if (s.length >= MIN_STEM) out.push(`${lang}:${s}`);
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, out);
  return out;
}
