/**
 * Cross-script keys: a word in Cyrillic or Latin letters → one or two Latin "sound" keys, so
 * "шеллак" and "shellac", "балаяж" and "balayage", "педікюр" and "pedicure" meet.
 *
 * Cyrillic → Latin follows the official schemes: Russian as in passports since 2013 (ICAO Doc 9303),
 * Ukrainian as the Cabinet of Ministers' 2010 table (г → h, ґ → g, и → y, і → i). A word without a
 * letter only one language has gets both readings ("гель" is gel in Russian, hel in Ukrainian).
 * The sound key then folds the spellings people actually type for English and French brand words
 * (c/k/s, ph/f, x/ks, doubled letters, silent final e, zh/j/g before e, i, y).
 *
 * No library: the npm transliterators checked (iuliia: Russian schemes only; cyrillic-to-translit-js:
 * one table per language, no sound folding) would cover the 40-letter tables below and none of the
 * folding, which is what makes the keys meet.
 */

const COMMON: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
};
const RU: Record<string, string> = { ...COMMON, г: 'g', и: 'i', ы: 'y', э: 'e', ъ: '', ё: 'e' };
const UK: Record<string, string> = { ...COMMON, г: 'h', ґ: 'g', и: 'y', і: 'i', ї: 'i', є: 'ie' };
/** Loanwords keep г as g in speech ("шугарінг", "гель"): a Ukrainian word is read both ways. */
const UK_LOAN: Record<string, string> = { ...UK, г: 'g' };

const ONLY_UK = /[ґіїє]/;
const ONLY_RU = /[ыэъё]/;

function translit(word: string, table: Record<string, string>): string {
  let out = '';
  for (const c of word) out += table[c] ?? (/[a-z0-9]/.test(c) ? c : '');
  return out;
}

/** Rules applied in order to a lower-case Latin spelling; both sides of a comparison get them. */
const SOUND: ReadonlyArray<[RegExp, string]> = [
  [/shch|sch/g, 'sh'],
  [/tch/g, 'ch'],
  [/dzh|dj|zh/g, 'j'],
  [/kh/g, 'h'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ck/g, 'k'],
  [/qu/g, 'kv'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/gn/g, 'ni'],
  [/c(?=[eiy])/g, 's'],
  [/c(?!h)/g, 'k'],
  [/g(?=[eiy])/g, 'j'],
  [/q/g, 'k'],
  [/y/g, 'i'],
  [/ee|ea/g, 'i'],
  [/oo|ou/g, 'u'],
  [/([a-z])\1+/g, '$1'],
  [/i([aeu])/g, '$1'],
];

function sound(latin: string): string {
  let s = latin;
  for (const [re, to] of SOUND) s = s.replace(re, to);
  if (s.length > 3 && s.endsWith('e')) s = s.slice(0, -1);
  return s;
}

export function isLatinWord(word: string): boolean {
  return /^[a-z0-9]+$/.test(word);
}

/** Sound keys of a folded word (empty when the word is neither Latin nor Cyrillic, or says too little). */
export function soundKeys(word: string): string[] {
  let spellings: string[];
  if (isLatinWord(word)) spellings = [word];
  else if (/^[\u0400-\u04ff0-9]+$/.test(word)) {
    if (ONLY_UK.test(word)) spellings = [translit(word, UK), translit(word, UK_LOAN)];
    else if (ONLY_RU.test(word)) spellings = [translit(word, RU)];
    else spellings = [translit(word, RU), translit(word, UK)];
  } else return [];
  const keys = [...new Set(spellings.map(sound))].filter((k) => k.length >= MIN_KEY);
  return keys;
}

/** Keys shorter than this match too much in the other script. */
export const MIN_KEY = 3;
