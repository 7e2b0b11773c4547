import type { Milli } from '../../../../shared/domain/cashup';
import { fromMilli } from '../../../../shared/domain/cashup-math';
import { moneyFormat, signedMoney, visibleMoney } from '../../../../shared/format/money';
import { t } from '../../i18n';

/**
 * Milli on screen, through the app's one money formatter: the location's currency and number
 * conventions (its time zone names its country), exactly as the printed cash-up reads.
 */
export function money(m: Milli, currency: string, timeZone: string | null): string {
  return moneyFormat(currency, timeZone)(fromMilli(m));
}

/** "+$20.00" paid in, "−$5.00" paid out; a zero has no sign ("$0.00", never "−$0.00"). */
export function signed(m: Milli, sign: '+' | '−', currency: string, timeZone: string | null): string {
  return signedMoney(moneyFormat(currency, timeZone), fromMilli(m), sign);
}

export type VarianceTone = 'over' | 'short' | 'balanced' | 'missing';

/** "+$12.00 over", "−500 ₸ short", "balanced": the sign and the word, never colour alone. */
export function variance(
  m: Milli | null,
  currency: string,
  timeZone: string | null,
): { text: string; tone: VarianceTone } {
  if (m === null) return { text: t('cashup.notCounted'), tone: 'missing' };
  if (m === 0) return { text: t('cashup.balanced'), tone: 'balanced' };
  // A difference below the currency's usual digits is shown to the thousandth, never as "−$0.00".
  const amount = visibleMoney(moneyFormat(currency, timeZone), fromMilli(Math.abs(m)));
  return m > 0 ? { text: t('cashup.over', { amount }), tone: 'over' } : { text: t('cashup.short', { amount }), tone: 'short' };
}

/** A typed amount back as text for its input: plain digits, a dot, no grouping. */
export function amountText(m: Milli | null): string {
  if (m === null) return '';
  return String(fromMilli(m));
}
