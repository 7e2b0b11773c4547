import {
  MAX_DRAWER_MILLI,
  type CashupInput,
  type CashupZ,
  type Milli,
} from '../../../shared/domain/cashup';
import { denominationsOf, pieceKey } from '../../../shared/domain/cashup-denominations';
import { drawerCount } from '../../../shared/domain/cashup-math';
import { AppError } from '../../../shared/errors';

const invalid = (message: string, details?: Record<string, unknown>) => new AppError('INVALID_INPUT', message, details);

function bounded(m: Milli | null | undefined, what: string): void {
  if (m === null || m === undefined) return;
  if (!Number.isSafeInteger(m) || Math.abs(m) > MAX_DRAWER_MILLI) {
    throw invalid(`${what} is more than a cash drawer can hold; check the amount.`, { field: what });
  }
}

/**
 * What a count may say, before any sum is made: every amount and every sum within what a drawer can
 * hold (so no sum ever leaves the exact integers), only the chosen currency's notes and coins, and only
 * accounts of this day's Z report. `currencies` are the count currencies this day allows.
 */
export function checkInput(z: CashupZ, input: CashupInput, currencies: readonly string[]): void {
  if (input.countCurrency !== null && !currencies.includes(input.countCurrency)) {
    throw invalid(
      currencies.length > 0
        ? `This day's Z report is in ${currencies.join(', ')}: count its notes and coins, or type the drawer total.`
        : `Notes and coins of ${input.countCurrency} are not known here; type the drawer total instead.`,
    );
  }
  if (input.cashAccount !== null && !z.accounts.some((a) => a.title === input.cashAccount)) {
    throw invalid(`"${input.cashAccount}" is not a payment account in this day's Z report.`);
  }
  const allowed = new Set(denominationsOf(input.countCurrency).map(pieceKey));
  const foreign = Object.keys(input.pieces).filter((k) => !allowed.has(k));
  if (foreign.length > 0) {
    throw invalid(
      input.countCurrency
        ? `Only ${input.countCurrency} notes and coins can be counted here.`
        : 'Notes and coins are counted only when a currency is chosen; type the drawer total instead.',
      { pieces: foreign.slice(0, 5) },
    );
  }
  const titles = new Set(z.accounts.map((a) => a.title));
  const unknown = Object.keys(input.typed).filter((k) => !titles.has(k));
  if (unknown.length > 0) {
    throw invalid(`"${unknown[0]}" is not a payment account in this day's Z report.`);
  }

  bounded(input.openingFloat, 'The opening float');
  bounded(input.cashTyped, 'The drawer total');
  for (const [title, m] of Object.entries(input.typed)) bounded(m, `The amount for "${title}"`);
  for (const m of input.movements) bounded(m.amount, m.kind === 'in' ? 'A paid-in line' : 'A paid-out line');
  // Each is at most 10^13 and there are at most 200 lines: these sums are exact before they are checked.
  const paidIn = input.movements.reduce((s, m) => (m.kind === 'in' ? s + m.amount : s), 0);
  const paidOut = input.movements.reduce((s, m) => (m.kind === 'out' ? s + m.amount : s), 0);
  bounded(paidIn, 'Money paid in');
  bounded(paidOut, 'Money paid out');
  bounded(input.openingFloat + paidIn, 'The float and money paid in');
  bounded(drawerCount(input), 'The counted drawer');
}
