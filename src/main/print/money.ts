/**
 * Money on the printed report: the same formatter as every screen (src/shared/format/money), so the
 * page a manager signs reads exactly like the catalogue and the day report on screen, in the
 * location's conventions with the currency's minor units ("$1,088.50", "257 500 ₸", "696,40 €").
 */
import { moneyFormat as sharedMoneyFormat } from '../../shared/format/money';
import { escapeHtml } from './escape';

export type MoneyFormat = (amount: number) => string;

/** HTML-safe: Intl's parts are digits and CLDR symbols; Altegio's own symbol is escaped here. */
export function moneyFormat(currency: string, timeZone: string | null): MoneyFormat {
  const f = sharedMoneyFormat(currency, timeZone);
  return (n) => escapeHtml(f(n));
}
