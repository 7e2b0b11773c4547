import { en, type MessageKey } from './en';

/**
 * A pseudo-locale for layout checks: every English message accented and ~40 % longer, in brackets
 * ("[Ŝéàŕçĥ ŝéŕvîçéŝ ẋẋẋ ẋẋ]"), placeholders and plural bars kept. A clipped "]" or an unaccented
 * word on screen is a layout that will not fit Russian or Spanish, or text that skipped t().
 */
const ACCENTS: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'àƀçđéƒĝĥîĵķĺɱñöƥǫŕŝţûvŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖƤǪŔŜŢÛṼŴẊÝŽ'][i]!,
  ]),
);

function accent(text: string): string {
  // Outside {placeholders} only: "{count}" must stay a placeholder.
  return text.replace(
    /(\{[^}]*\})|([^{]+)/g,
    (_all, ph: string | undefined, plain: string | undefined) => ph ?? [...plain!].map((c) => ACCENTS[c] ?? c).join(''),
  );
}

function pad(form: string): string {
  // 40 % of the message as written, or as shown with a ~4-letter value, whichever is longer: a long
  // placeholder name ("{suggestion}") must not leave the pseudo text under 40 % longer than the English.
  const shown = form.replace(/\{[^}]*\}/g, 'xxxx').length;
  const extra = Math.max(2, Math.ceil(Math.max(form.length, shown) * 0.4));
  const filler = 'ẋẋẋ '
    .repeat(Math.ceil(extra / 4))
    .slice(0, extra)
    .trimEnd();
  return `[${accent(form)} ${filler}]`;
}

export const PSEUDO_LOCALE = 'en-XA';

export function pseudoMessages(): Record<MessageKey, string> {
  const out = {} as Record<MessageKey, string>;
  for (const key of Object.keys(en) as MessageKey[]) out[key] = en[key].split('|').map(pad).join('|');
  return out;
}
