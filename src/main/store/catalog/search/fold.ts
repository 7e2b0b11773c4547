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
  for (const chunk of fold(text).split(/\s+/)) {
    const parts = chunk.match(WORD) ?? [];
    out.push(...parts);
    if (parts.length > 1 && /^[\p{L}\p{N}'’ʼ`´-]+$/u.test(chunk.replace(/^\W+|\W+$/gu, ''))) out.push(parts.join(''));
  }
  return out;
}

/** Words of what the user typed: apostrophes dropped inside words ("women's" → womens). */
export function queryWords(text: string, max = 12): string[] {
  return (fold(text).replace(APOSTROPHES, '').match(WORD) ?? []).slice(0, max);
}

export function isCyrillic(word: string): boolean {
  return /[\u0400-\u04ff]/.test(word);
}
