import { sumAmounts } from '../format/amounts';
import type { DayReport } from './reports';

/**
 * The day's figures every screen reads the same way: the Day report, its printout and the cash-up
 * call these, never their own sums (issue 19 §3.10–11).
 */

export interface DayTakings {
  /** The one takings total: the sum of the account rows, which is what the cash-up checks per account. */
  total: number;
  /** Altegio's own `paids.total.accounts`. */
  altegioTotal: number;
  /** total − altegioTotal; 0 when they agree (to the cent). */
  difference: number;
}

export function dayTakings(r: Pick<DayReport, 'accounts' | 'totals'>): DayTakings {
  const total = sumAmounts(r.accounts.map((a) => a.amount));
  const difference = sumAmounts([total, -r.totals.accounts]);
  return { total, altegioTotal: r.totals.accounts, difference: Math.abs(difference) < 0.005 ? 0 : difference };
}

/**
 * Visits whose time is on another day than the one asked for. Without the right to see past days,
 * Altegio answers with today's figures whatever day was asked; a report like that names the wrong day.
 * `at` is the visit's wall clock at the location, so its first ten characters are the location's day.
 */
export function visitsOutsideDay(r: Pick<DayReport, 'date' | 'visits'>): number {
  return r.visits.filter((v) => v.at.slice(0, 10) !== r.date).length;
}

/** A report whose visits lie outside its day cannot be the basis of that day's cash-up. */
export function usableForCashup(r: Pick<DayReport, 'date' | 'visits' | 'outsideDay'>): boolean {
  return (r.outsideDay ?? visitsOutsideDay(r)) === 0;
}
