const counts = new Map<string, Intl.NumberFormat>();
const percents = new Map<string, Intl.NumberFormat>();

/** "1,234" / "1 234" in the desk's language (printed pages; the screens use the renderer's formatCount). */
export function formatCount(n: number, lang: string): string {
  let f = counts.get(lang);
  if (!f) counts.set(lang, (f = new Intl.NumberFormat(lang)));
  return f.format(n);
}

/** 62.5 → "62.5%" / "62,5 %": one decimal at most, the language's own way. */
export function formatPercent(value: number, lang: string): string {
  let f = percents.get(lang);
  if (!f) percents.set(lang, (f = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 })));
  return f.format(value / 100);
}
