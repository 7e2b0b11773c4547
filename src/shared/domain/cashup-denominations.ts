import { currencyCode } from '../format/money';
import { locationLocale } from '../format/location-locale';
import { MILLI_PER_UNIT, type Denomination } from './cashup';

const notes = (...units: number[]): Denomination[] =>
  units.map((u) => ({ value: Math.round(u * MILLI_PER_UNIT), kind: 'note' }));
const coins = (...units: number[]): Denomination[] =>
  units.map((u) => ({ value: Math.round(u * MILLI_PER_UNIT), kind: 'coin' }));

/**
 * Notes and coins in circulation, largest first. Rare ones a salon drawer never holds (USD $500,
 * RUB kopecks, UAH 1–5 kopiyok) are left out so the counting grid stays short. A currency that is
 * not here is counted by typing the drawer total.
 */
const TABLE: Readonly<Record<string, readonly Denomination[]>> = {
  USD: [...notes(100, 50, 20, 10, 5, 2, 1), ...coins(1, 0.5, 0.25, 0.1, 0.05, 0.01)],
  EUR: [...notes(500, 200, 100, 50, 20, 10, 5), ...coins(2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01)],
  GBP: [...notes(50, 20, 10, 5), ...coins(2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01)],
  RUB: [...notes(5000, 2000, 1000, 500, 200, 100, 50, 10), ...coins(10, 5, 2, 1)],
  UAH: [...notes(1000, 500, 200, 100, 50, 20), ...coins(10, 5, 2, 1, 0.5, 0.1)],
  KZT: [...notes(20000, 10000, 5000, 2000, 1000, 500), ...coins(200, 100, 50, 20, 10, 5, 2, 1)],
  BRL: [...notes(200, 100, 50, 20, 10, 5, 2), ...coins(1, 0.5, 0.25, 0.1, 0.05)],
  MXN: [...notes(1000, 500, 200, 100, 50, 20), ...coins(20, 10, 5, 2, 1, 0.5)],
};

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
  const iso = currencyCode(zCurrency, locationLocale(timeZone, currencyCode(zCurrency)));
  if (iso) return COUNTED_CURRENCIES.includes(iso) ? [iso] : [];
  return COUNTED_CURRENCIES;
}
