import { currencyCode } from '../format/money';
import { locationLocale } from '../format/location-locale';
import { MILLI_PER_UNIT, type Denomination, type Milli } from './cashup';

const notes = (...units: number[]): Denomination[] =>
  units.map((u) => ({ value: Math.round(u * MILLI_PER_UNIT), kind: 'note' }));
const coins = (...units: number[]): Denomination[] =>
  units.map((u) => ({ value: Math.round(u * MILLI_PER_UNIT), kind: 'coin' }));

/**
 * Every note and coin that is legal tender in 2026, largest first, as each central bank lists it. A
 * Z report in roubles or reais has kopecks or centavos, so a table that leaves a legal coin out makes
 * such a day impossible to balance (issue 19 item 15): rare coins stay in. A currency that is not
 * here is counted by typing the drawer total.
 *
 * Sources (checked December 2026; where the bank's own page could not be reached from here, the
 * press reports quoting it are named and the reasoning given):
 * - USD: Federal Reserve, "U.S. Currency" (uscurrency.gov/denominations): $1, 2, 5, 10, 20, 50, 100 in
 *   circulation ($500+ withdrawn 1969); U.S. Mint coins 1¢–$1. The Mint struck its last circulating
 *   penny on 12 Nov 2025 (Treasury, as reported by AP); the penny stays legal tender, so 1¢ stays.
 * - EUR: ECB, "Banknotes" and "Coins" (ecb.europa.eu/euro): €5–€500 (the €500 is no longer issued
 *   since 2019 but "remains legal tender"); coins 1 cent–€2.
 * - GBP: Bank of England, "Current banknotes" (bankofengland.co.uk/banknotes): polymer £5, £10, £20,
 *   £50 (paper ones stopped being legal tender on 30 Sep 2022); Royal Mint: 1p–£2.
 * - RUB: Bank of Russia, "Банкноты и монеты" (cbr.ru/cash_circulation): notes 5, 10, 50, 100, 200,
 *   500, 1000, 2000, 5000 ₽ (the 5 and 10 ₽ notes were printed again from 2022, per the Bank to
 *   Reuters, July 2023); coins 1, 5, 10, 50 kopecks and 1, 2, 5, 10 ₽. The 1 and 5 kopeck coins are
 *   no longer minted (2012) but stay legal tender, as do the 10 and 50 kopecks (minted until 2018).
 * - UAH: National Bank of Ukraine (bank.gov.ua/ua/banknotes-coins): notes 1–1000 ₴ (the 1, 2, 5 and
 *   10 ₴ notes remain legal tender beside the coins that replace them); coins 10 and 50 kopiyok and 1,
 *   2, 5, 10 ₴. From 1 Oct 2025 the 10-kopiyka coin is being withdrawn (still legal tender) and a
 *   cash total is rounded to 0.50 ₴ (NBU press release of 17 Sep 2025): see CASH_ROUNDING.
 * - KZT: National Bank of Kazakhstan (nationalbank.kz, "Банкноты и монеты"): notes 200 (legal tender,
 *   withdrawn as it wears out since the 200 ₸ coin of 2020), 500, 1000, 2000, 5000, 10 000, 20 000 ₸;
 *   coins 1, 2, 5, 10, 20, 50, 100, 200 ₸ (2019–2020 series).
 * - BRL: Banco Central do Brasil ("Cédulas e moedas", bcb.gov.br): notes 2–200 R$ (the R$1 note of
 *   1994 is still legal but not issued since 2005: left out, like a $500 bill); coins 1 centavo–R$1
 *   (the 1 centavo is not minted since 2004 but was never withdrawn).
 * - MXN: Banco de México ("Billetes y monedas en circulación", banxico.org.mx): notes 20–1000 $
 *   (families F and G); coins 5, 10, 20, 50 centavos and 1, 2, 5, 10, 20 $. The 5, 10 and 20 centavo
 *   coins are no longer minted but keep their "poder liberatorio" (Banxico, 2021–2024 statements).
 *   The 100 $ coins are commemorative and left out.
 */
const TABLE: Readonly<Record<string, readonly Denomination[]>> = {
  USD: [...notes(100, 50, 20, 10, 5, 2, 1), ...coins(1, 0.5, 0.25, 0.1, 0.05, 0.01)],
  EUR: [...notes(500, 200, 100, 50, 20, 10, 5), ...coins(2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01)],
  GBP: [...notes(50, 20, 10, 5), ...coins(2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01)],
  RUB: [...notes(5000, 2000, 1000, 500, 200, 100, 50, 10, 5), ...coins(10, 5, 2, 1, 0.5, 0.1, 0.05, 0.01)],
  UAH: [...notes(1000, 500, 200, 100, 50, 20, 10, 5, 2, 1), ...coins(10, 5, 2, 1, 0.5, 0.1)],
  KZT: [...notes(20000, 10000, 5000, 2000, 1000, 500, 200), ...coins(200, 100, 50, 20, 10, 5, 2, 1)],
  BRL: [...notes(200, 100, 50, 20, 10, 5, 2), ...coins(1, 0.5, 0.25, 0.1, 0.05, 0.01)],
  MXN: [...notes(1000, 500, 200, 100, 50, 20), ...coins(20, 10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05)],
};

/**
 * Cash totals a law rounds, in milli: Ukraine rounds a cash total to the nearest 0.50 ₴ since 1 Oct
 * 2025 (1–24 kopiyok down, 25–49 up to 50, 51–74 down to 50, 75–99 up), NBU press release of 17 Sep
 * 2025. Card payments are not rounded, so only the drawer's cash takings are.
 */
const CASH_ROUNDING: Readonly<Record<string, number>> = { UAH: 500 };

/** The step a currency's cash totals are rounded to by law, in milli; null when they are not rounded. */
export function cashRoundingStep(currency: string | null | undefined): number | null {
  return (currency && CASH_ROUNDING[currency.toUpperCase()]) || null;
}

/** `m` rounded to `step`, halves up (0.25 → 0.50, 0.75 → 1.00), the same way either side of zero. */
export function roundCash(m: Milli, step: number): Milli {
  const r = Math.sign(m) * Math.floor((Math.abs(m) + step / 2) / step) * step;
  return r === 0 ? 0 : r;
}

export const COUNTED_CURRENCIES: readonly string[] = Object.keys(TABLE);

/** The notes and coins of an ISO currency, largest first; empty when the desk types the total. */
export function denominationsOf(currency: string | null | undefined): readonly Denomination[] {
  return (currency && TABLE[currency.toUpperCase()]) || [];
}

/** Denomination keys as stored in CashupInput.pieces; coins and notes of equal value share one (USD $1). */
export function pieceKey(d: Denomination): string {
  return `${d.kind}:${d.value}`;
}

/**
 * The currencies a day's drawer may be counted in: the Z report's own (its symbol read with the
 * location's country, so "$" is USD in New York and MXN in Mexico City), or none when the desk has
 * no table for it (the total is typed). Only when the symbol names no currency may the desk say
 * which one it is. A count is never in another currency than the figures it is checked against.
 */
export function countCurrenciesFor(zCurrency: string, timeZone: string | null): readonly string[] {
  const iso = zCurrencyIso(zCurrency, timeZone);
  if (iso) return COUNTED_CURRENCIES.includes(iso) ? [iso] : [];
  return COUNTED_CURRENCIES;
}

/** The ISO code of a Z report's currency, its symbol read with the location's country; null when unclear. */
export function zCurrencyIso(zCurrency: string, timeZone: string | null): string | null {
  return currencyCode(zCurrency, locationLocale(timeZone, currencyCode(zCurrency)));
}
