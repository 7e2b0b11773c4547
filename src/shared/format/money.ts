/**
 * The one money formatter: the catalogue (main), every screen and the printed report use it, so an
 * amount reads the same everywhere. Intl.NumberFormat with the location's ISO currency, the minor
 * units that currency really has (Intl's currency digits: "$65.00", "696,40 €", "1 500 Ft"; none shown for
 * currencies whose coins are out of circulation: "257 500 ₸", but two when there is a fraction: "1 234 567,50 ₸"),
 * and the LOCATION's number conventions (see location-locale.ts), never the desk language's.
 *
 * Altegio names a currency as an ISO code ("USD"), or as a symbol ("₸", "$", "руб.").
 */
import { locationLocale, regionOf } from './location-locale';

/** Symbols that name exactly one currency. "$", "kr" or "¥" are ambiguous: the location's country decides. */
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
  R$: 'BRL',
};

/** The currency of a country, to read an ambiguous symbol ("$" in the US is USD, in Mexico MXN). */
const REGION_CURRENCY: Readonly<Record<string, string>> = {
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  MX: 'MXN',
  AR: 'ARS',
  CL: 'CLP',
  CO: 'COP',
  BR: 'BRL',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  JP: 'JPY',
  CN: 'CNY',
  HK: 'HKD',
  SG: 'SGD',
  AE: 'AED',
  IN: 'INR',
  GB: 'GBP',
};

export interface MoneyRange {
  min: number;
  max: number;
}

/**
 * ISO 4217 code for what Altegio sent, or null: an ISO code as is; an unambiguous symbol; an
 * ambiguous one ("$") when the location's country (from `locale`) uses a currency with that symbol.
 */
export function currencyCode(currency: string | null | undefined, locale?: string): string | null {
  const c = (currency ?? '').trim();
  if (/^[A-Za-z]{3}$/.test(c)) return c.toUpperCase();
  const known = SYMBOL_TO_ISO[c];
  if (known) return known;
  const region = locale ? regionOf(locale) : null;
  const iso = region ? REGION_CURRENCY[region] : undefined;
  if (!iso || !c) return null;
  return narrowSymbol(iso, locale!) === c ? iso : null;
}

function narrowSymbol(iso: string, locale: string): string | null {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: iso, currencyDisplay: 'narrowSymbol' });
    return parts.formatToParts(1).find((p) => p.type === 'currency')?.value ?? null;
  } catch {
    return null;
  }
}

/** The money conventions of one location: its number locale and its currency. */
export interface MoneyFormat {
  (amount: number | MoneyRange): string;
  locale: string;
  iso: string | null;
}

const NBSP = '\u00a0';
const formatters = new Map<string, MoneyFormat>();

/**
 * The formatter for a location: `currency` as Altegio sent it, `timeZone` the location's zone
 * (names its country), `iso` when Altegio gave an ISO code separately (analytics' currency.iso).
 */
export function moneyFormat(
  currency: string | null | undefined,
  timeZone?: string | null,
  iso?: string | null,
): MoneyFormat {
  const key = `${currency ?? ''}|${timeZone ?? ''}|${iso ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    const locale = locationLocale(timeZone, iso ?? currencyCode(currency));
    f = build(locale, iso ?? currencyCode(currency, locale), (currency ?? '').trim());
    formatters.set(key, f);
  }
  return f;
}

function build(locale: string, iso: string | null, symbol: string): MoneyFormat {
  const whole = intl(locale, iso);
  // Where the coins do not circulate, whole amounts have no decimals, and an amount with a fraction
  // gets both digits ("1 234 567,50 ₸", never "…,5 ₸"): issue 19 §3.14.
  const cents = iso && NO_MINOR_IN_PRACTICE.has(iso) ? intl(locale, iso, 2) : whole;
  const fraction = (n: number) => Math.abs(Math.round(n * 100) % 100) !== 0;
  const memo = new Map<string, string>();
  const fmt = ((amount: number | MoneyRange) => {
    const range = typeof amount === 'number' ? { min: amount, max: amount } : amount;
    const key = `${range.min}|${range.max}`;
    let text = memo.get(key);
    if (text === undefined) {
      if (memo.size >= 5_000) memo.clear();
      const number = fraction(range.min) || fraction(range.max) ? cents : whole;
      text = range.min === range.max ? number.format(range.min) : rangeText(number, range.min, range.max);
      // No ISO code: the number in the location's conventions, the symbol as Altegio printed it, after it.
      if (!iso && symbol) text = `${text}${NBSP}${symbol}`;
      memo.set(key, text);
    }
    return text;
  }) as MoneyFormat;
  fmt.locale = locale;
  fmt.iso = iso;
  return fmt;
}

/**
 * Currencies whose minor unit exists on paper but not at the till (no tiyn, tiyin, luma or tyiyn coins
 * circulate): prices read "257 500 ₸", as salons there write them, and a fraction Altegio does send (a
 * discount of 12 345,68 ₸) is still shown rather than rounded away.
 */
const NO_MINOR_IN_PRACTICE = new Set(['KZT', 'UZS', 'AMD', 'KGS']);

function intl(locale: string, iso: string | null, digits?: number): Intl.NumberFormat {
  // Intl's currency digits (2 for USD and EUR, 0 for JPY), the same on every screen.
  // signDisplay 'negative': a minus only for an amount that is still below zero once rounded, so no
  // "-$0.00" or "-0 ₸" from -0 or from -0.001 (issue 25 item 8).
  const options: Intl.NumberFormatOptions = iso
    ? {
        style: 'currency',
        currency: iso,
        currencyDisplay: 'narrowSymbol',
        signDisplay: 'negative',
        ...(NO_MINOR_IN_PRACTICE.has(iso)
          ? { minimumFractionDigits: digits ?? 0, maximumFractionDigits: digits ?? 0 }
          : {}),
      }
    : { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative' };
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    // An unknown locale tag or a code Intl does not know: English numbers rather than a failed page.
    return new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative' });
  }
}

/** The currency's text before or after the number, e.g. "$", "CHF ", " ₸". */
function affixOf(f: Intl.NumberFormat): { prefix: string; suffix: string } {
  const parts = f.formatToParts(1);
  const number = parts.findIndex((p) => p.type === 'integer');
  const text = (ps: Intl.NumberFormatPart[]) => ps.map((p) => p.value).join('');
  const before = parts.slice(0, number);
  const after = parts.slice(parts.findLastIndex((p) => p.type === 'integer' || p.type === 'fraction') + 1);
  return {
    prefix: before.some((p) => p.type === 'currency') ? text(before) : '',
    suffix: after.some((p) => p.type === 'currency') ? text(after) : '',
  };
}

/**
 * "$40.00–60.00", "2 500–4 000 ₸": the currency is written once, on the side it belongs to.
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

/** One amount or range in a location's money conventions (see moneyFormat). */
export function formatMoney(
  amount: number | MoneyRange,
  currency: string | null | undefined,
  timeZone?: string | null,
): string {
  return moneyFormat(currency, timeZone)(amount);
}

/**
 * An amount with the sign a cash-up line means ("+$20.00" paid in, "−500 ₸" paid out), and no sign
 * at all when what is shown is zero: never "−$0.00". `amount` is the size, its sign is ignored.
 */
export function signedMoney(format: (amount: number) => string, amount: number, sign: '+' | '−'): string {
  const text = format(Math.abs(amount));
  return text === format(0) ? text : `${sign}${text}`;
}

const exactFormatters = new Map<string, Intl.NumberFormat>();

/**
 * `format(amount)`, unless that reads as zero while the amount is not (a difference of $0.004 against
 * a Z report's three-decimal figure): then to the thousandth, "$0.004", so a difference is never shown
 * as a signed or worded zero ("−$0.00 short").
 */
export function visibleMoney(format: MoneyFormat, amount: number): string {
  const text = format(amount);
  if (amount === 0 || text !== format(0)) return text;
  const key = `${format.locale}|${format.iso ?? ''}`;
  let exact = exactFormatters.get(key);
  if (!exact) {
    try {
      exact = new Intl.NumberFormat(format.locale, {
        ...(format.iso ? { style: 'currency', currency: format.iso, currencyDisplay: 'narrowSymbol' } : {}),
        minimumFractionDigits: 3,
        maximumFractionDigits: 3,
        signDisplay: 'negative',
      });
    } catch {
      exact = new Intl.NumberFormat('en', {
        minimumFractionDigits: 3,
        maximumFractionDigits: 3,
        signDisplay: 'negative',
      });
    }
    exactFormatters.set(key, exact);
  }
  const n = exact.format(amount);
  // No ISO code: the symbol as the everyday formatter writes it (after the number).
  return format.iso ? n : text.replace(/^[^\s\u00a0]*/, n);
}
