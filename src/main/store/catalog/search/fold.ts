/**
 * Text folding for the in-memory catalogue search: lower case, Latin accents and ё/ї-style marks
 * dropped, but й kept (a letter of its own in Russian and Ukrainian, not "и with an accent").
 * Apostrophes inside a word are removed so "Women's" and "womens" are the same word.
 */

const KEEP_SHORT_I = /[йЙ]/g;
const PLACEHOLDER = '\uE000';
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’ʼ`´]/g;
const WORD = /[\p{L}\p{N}]+/gu;

export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(KEEP_SHORT_I, PLACEHOLDER)
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC')
    .replaceAll(PLACEHOLDER, 'й');
}

/**
 * Words of a title as the index keeps them. Joined forms are added for apostrophes and hyphens
 * ("d’ongles" → dongles + d + ongles; "гель-лак" → гель + лак + гельлак) so both spellings match.
 */
export function indexWords(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.split(/\s+/)) {
    if (chunk === '') continue;
    let words = chunkWords.get(chunk);
    if (!words) {
      words = foldChunk(chunk);
      if (chunkWords.size >= CHUNK_MEMO_LIMIT) chunkWords.clear();
      chunkWords.set(chunk, words);
    }
    out.push(...words);
  }
  return out;
}

/** Menus repeat their words ("Haircut — short hair", "Haircut — long hair"): fold each chunk once. */
const chunkWords = new Map<string, string[]>();
const CHUNK_MEMO_LIMIT = 100_000;
const JOINABLE = /^[\p{L}\p{N}'’ʼ`´-]+$/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

function foldChunk(chunk: string): string[] {
  const folded = fold(chunk);
  const parts = folded.match(WORD) ?? [];
  if (parts.length > 1 && JOINABLE.test(folded.replace(EDGE_PUNCTUATION, ''))) return [...parts, parts.join('')];
  return parts;
}

/** Words of what the user typed: apostrophes dropped inside words ("women's" → womens). */
export function queryWords(text: string, max = 12): string[] {
  return (fold(text).replace(APOSTROPHES, '').match(WORD) ?? []).slice(0, max);
}

export function isCyrillic(word: string): boolean {
  return /[\u0400-\u04ff]/.test(word);
}
