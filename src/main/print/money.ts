/**
 * Money on the printed report. Unlike the catalogue's formatMoney (src/shared/format), which drops
 * ".00" for prices, a report a manager signs shows every amount with the currency's minor units so
 * columns line up and cents are never hidden.
 *
 * An ISO code ("USD") → Intl currency style ("$1,234.50"); a symbol as Altegio's live servers send
 * it ("₸") → the number with two decimals and the symbol after it ("1,234.50 ₸").
 */
export type MoneyFormat = (amount: number) => string;

const NBSP = '\u00a0';

export function moneyFormat(currency: string, locale: string): MoneyFormat {
  const c = currency.trim();
  if (/^[A-Za-z]{3}$/.test(c)) {
    const f = numberFormat(locale, { style: 'currency', currency: c.toUpperCase(), currencyDisplay: 'narrowSymbol' });
    if (f) return (n) => f.format(n);
  }
  const f = numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })!;
  // A no-break space keeps "1,234.50 ₸" on one line in a narrow receipt column.
  return c ? (n) => f.format(n) + NBSP + c : (n) => f.format(n);
}

/** A formatter for the locale, falling back to English for a tag Intl does not know. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat | null {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    try {
      return new Intl.NumberFormat('en', options);
    } catch {
      return null; // a currency code Intl rejects: the caller prints the plain number and the code
    }
  }
}
