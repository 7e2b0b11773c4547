/**
 * Money for display, shared by the catalogue (main), the report and the renderer.
 * Altegio gives a location's currency as a symbol ("$", "₸", "€"), sometimes as an ISO code.
 */

/** Symbols that name exactly one currency. "$", "kr" or "¥" are ambiguous and stay plain text. */
const SYMBOL_TO_ISO: Readonly<Record<string, string>> = {
  '€': 'EUR',
  '₸': 'KZT',
  '₽': 'RUB',
  руб: 'RUB',
  'руб.': 'RUB',
  'р.': 'RUB',
  '£': 'GBP',
  '₴': 'UAH',
  грн: 'UAH',
  'грн.': 'UAH',
  '₼': 'AZN',
  '₾': 'GEL',
  '֏': 'AMD',
  '₺': 'TRY',
  '₪': 'ILS',
  '₹': 'INR',
  '₩': 'KRW',
  zł: 'PLN',
  Kč: 'CZK',
  Ft: 'HUF',
  лв: 'BGN',
  lei: 'RON',
  сум: 'UZS',
  сом: 'KGS',
  Br: 'BYN',
  CHF: 'CHF',
};

export interface MoneyRange {
  min: number;
  max: number;
}

/** ISO 4217 code for what Altegio sent, or null when it is an ambiguous symbol or unknown. */
export function currencyCode(currency: string | null | undefined): string | null {
  const c = (currency ?? '').trim();
  if (/^[A-Za-z]{3}$/.test(c)) return c.toUpperCase();
  return SYMBOL_TO_ISO[c] ?? null;
}

const cache = new Map<string, Intl.NumberFormat>();

/** Intl.NumberFormat is costly to build; the catalogue formats thousands of prices per second. */
function formatter(locale: string, iso: string | null): Intl.NumberFormat {
  const key = `${locale}|${iso ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    const options: Intl.NumberFormatOptions = iso
      ? {
          style: 'currency',
          currency: iso,
          currencyDisplay: 'narrowSymbol',
          minimumFractionDigits: 0,
          maximumFractionDigits: 2,
        }
      : { minimumFractionDigits: 0, maximumFractionDigits: 2 };
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      // An unknown locale tag or a code Intl does not know: fall back rather than fail a whole page.
      f = new Intl.NumberFormat('en', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
    }
    cache.set(key, f);
  }
  return f;
}

/** The currency's text before or after the number for one formatter, e.g. "$", "CHF ", " ₸". */
const affixes = new WeakMap<Intl.NumberFormat, { prefix: string; suffix: string }>();

function affixOf(f: Intl.NumberFormat): { prefix: string; suffix: string } {
  let a = affixes.get(f);
  if (!a) {
    const parts = f.formatToParts(1);
    const number = parts.findIndex((p) => p.type === 'integer');
    const text = (ps: Intl.NumberFormatPart[]) => ps.map((p) => p.value).join('');
    const before = parts.slice(0, number);
    const after = parts.slice(number + 1);
    a = {
      prefix: before.some((p) => p.type === 'currency') ? text(before) : '',
      suffix: after.some((p) => p.type === 'currency') ? text(after) : '',
    };
    affixes.set(f, a);
  }
  return a;
}

/**
 * "$40–60", "2 500–4 000 ₸": the currency is written once, on the side it belongs to.
 * Not Intl's formatRange: V8 builds a new range formatter on every call (~50 µs), and a page of
 * search hits formats dozens of ranges per keystroke.
 */
function rangeText(f: Intl.NumberFormat, min: number, max: number): string {
  const { prefix, suffix } = affixOf(f);
  let start = f.format(min);
  let end = f.format(max);
  if (prefix && end.startsWith(prefix)) end = end.slice(prefix.length);
  else if (suffix && start.endsWith(suffix)) start = start.slice(0, -suffix.length);
  return `${start}–${end}`;
}

/** Display strings by locale, currency and amount: a catalogue page repeats the same prices a lot. */
const memo = new Map<string, string>();
const MEMO_SIZE = 10_000;

/**
 * "$40", "$40–60", "2 500–4 000 ₸", "40–60 $" (ambiguous symbol: plain number + symbol).
 * A range whose ends are equal is shown as one amount.
 */
export function formatMoney(amount: number | MoneyRange, currency: string | null | undefined, locale = 'en'): string {
  const range = typeof amount === 'number' ? { min: amount, max: amount } : amount;
  const key = `${locale}|${currency ?? ''}|${range.min}|${range.max}`;
  let text = memo.get(key);
  if (text === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    text = compose(range, currency, locale);
    memo.set(key, text);
  }
  return text;
}

function compose(range: MoneyRange, currency: string | null | undefined, locale: string): string {
  const iso = currencyCode(currency);
  const f = formatter(locale, iso);
  const text = range.min === range.max ? f.format(range.min) : rangeText(f, range.min, range.max);
  if (iso) return text;
  const symbol = (currency ?? '').trim();
  return symbol ? `${text} ${symbol}` : text;
}
