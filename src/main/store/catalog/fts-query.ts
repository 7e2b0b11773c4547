/**
 * Text folding and query building for the catalogue's FTS5 index.
 *
 * unicode61 with remove_diacritics 2 already folds case and Latin accents ("Coloración" ≈
 * "coloracion"), but treats ё and е as different letters while people type е for both, so both
 * the indexed text and the query go through foldText. й stays distinct: it is its own letter.
 */

const YO = /[ёЁ]/g;

export function foldText(text: string): string {
  return text.normalize('NFC').replace(YO, (c) => (c === 'ё' ? 'е' : 'Е'));
}

/** Words as unicode61 sees them: letters and digits (marks kept so NFD input survives). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const HAS_BASE = /[\p{L}\p{N}]/u;
const MAX_TOKENS = 12;

/**
 * Turns what the user typed into an FTS5 MATCH expression where every word is a quoted prefix:
 * `colo rub` → `"colo"* "rub"*` (all must match, in any column). User text never reaches FTS5's
 * query syntax unquoted, so quotes, *, -, parentheses, NEAR, AND/OR/NOT are plain text.
 * Returns null when nothing searchable is left (an empty or punctuation-only query).
 */
export function toFtsQuery(input: string): string | null {
  const words = (foldText(input).match(WORD) ?? []).filter((w) => HAS_BASE.test(w)).slice(0, MAX_TOKENS);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}
