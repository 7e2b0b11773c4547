import {
  MILLI_PER_UNIT,
  type CashupFigures,
  type CashupInput,
  type CashupLine,
  type CashupZ,
  type Milli,
} from './cashup';
import { cashRoundingStep, denominationsOf, pieceKey, roundCash, zCurrencyIso } from './cashup-denominations';
import { dayTakings } from './day-figures';

/**
 * A Z report amount (a JSON number with up to three decimals) in milli. Rounds away float noise
 * such as 0.1 + 0.2; refuses what cannot be held exactly.
 */
export function toMilli(amount: number): Milli {
  const m = Math.round(amount * MILLI_PER_UNIT);
  if (!Number.isSafeInteger(m)) throw new RangeError(`amount out of range: ${amount}`);
  return m === 0 ? 0 : m; // no -0
}

/** Milli as a plain number of currency units, for display only (never for arithmetic). */
export function fromMilli(m: Milli): number {
  return m / MILLI_PER_UNIT;
}

/**
 * What a typed amount means, in milli: "1 234,50", "1,234.50", "1234.5", "-20". Null for empty or
 * not a number. A single separator followed by exactly three digits is a thousands separator
 * ("1,500" = 1500), since a drawer is never counted in thousandths.
 */
export function parseAmount(text: string): Milli | null {
  let s = text.replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return null;
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s)) return null;
  const seps = [...s.matchAll(/[.,]/g)].map((m) => m.index);
  let whole = s;
  let fraction = '';
  if (seps.length > 0) {
    const last = seps[seps.length - 1]!;
    const tail = s.slice(last + 1);
    const single = seps.length === 1 || s[seps[0]!] !== s[last];
    const head = s.slice(0, last);
    const thousands = seps.length === 1 && tail.length === 3 && head !== '' && head !== '0';
    if (single && !thousands) {
      whole = head;
      fraction = tail;
    }
    whole = whole.replace(/[.,]/g, '');
  }
  if (whole === '' && fraction === '') return null;
  if (fraction.length > 3 || !/^\d*$/.test(whole)) return null;
  const m = Number(whole || '0') * MILLI_PER_UNIT + Number((fraction + '000').slice(0, 3));
  if (!Number.isSafeInteger(m)) return null;
  return negative ? -m : m;
}

function sum(values: readonly Milli[]): Milli {
  let s = 0;
  for (const v of values) s += v;
  if (!Number.isSafeInteger(s)) throw new RangeError('sum out of range');
  return s;
}

/** The drawer total from the pieces counted, or the typed total when the currency has no table. */
export function drawerCount(input: CashupInput): Milli | null {
  const table = denominationsOf(input.countCurrency);
  if (table.length === 0) return input.cashTyped;
  let any = false;
  const parts = table.map((d) => {
    const n = input.pieces[pieceKey(d)];
    if (n === undefined) return 0;
    any = true;
    return d.value * n;
  });
  return any ? sum(parts) : null;
}

/**
 * The day's one takings total, in milli, by the same rule as the Day report (dayTakings): the sum of
 * the account rows, with Altegio's own `paids.total.accounts` and the difference kept for words
 * (issue 19 §3.10).
 */
export function cashupTakings(z: Pick<CashupZ, 'accounts' | 'totals'>): {
  total: Milli;
  altegioTotal: Milli;
  difference: Milli;
} {
  const k = dayTakings({
    accounts: z.accounts.map((a) => ({ title: a.title, amount: fromMilli(a.amount) })),
    totals: { accounts: fromMilli(z.totals.accounts), discount: fromMilli(z.totals.discount) },
  });
  return { total: toMilli(k.total), altegioTotal: z.totals.accounts, difference: toMilli(k.difference) };
}

/**
 * Expected against counted, per account and in total. The cash line's counted takings are the
 * drawer less its opening float and paid-in money, plus what was paid out of it.
 */
export function cashupFigures(z: CashupZ, input: CashupInput, threshold: Milli): CashupFigures {
  const paidIn = sum(input.movements.filter((m) => m.kind === 'in').map((m) => m.amount));
  const paidOut = sum(input.movements.filter((m) => m.kind === 'out').map((m) => m.amount));
  const cashZ = z.accounts.find((a) => a.title === input.cashAccount);
  // Where a law rounds cash totals (UAH to 0.50), the drawer holds the rounded takings: the rounding
  // is shown as its own figure, and the cash line expects the rounded amount.
  const step = cashRoundingStep(zCurrencyIso(z.currency, z.timezoneName) ?? input.countCurrency);
  const zTakings = cashZ?.amount ?? 0;
  const takings = step ? roundCash(zTakings, step) : zTakings;
  const expectedDrawer = input.openingFloat + takings + paidIn - paidOut;
  const counted = drawerCount(input);
  const drawerVariance = counted === null ? null : counted - expectedDrawer;

  const lines: CashupLine[] = z.accounts.map((a) => {
    if (a === cashZ) {
      const net = counted === null ? null : counted - input.openingFloat - paidIn + paidOut;
      return { title: a.title, cash: true, expected: takings, counted: net, variance: drawerVariance };
    }
    const c = input.typed[a.title] ?? null;
    return { title: a.title, cash: false, expected: a.amount, counted: c, variance: c === null ? null : c - a.amount };
  });
  if (!cashZ) {
    // No cash sales in the Z report, but there is still a drawer to count.
    const net = counted === null ? null : counted - input.openingFloat - paidIn + paidOut;
    lines.unshift({ title: '', cash: true, expected: 0, counted: net, variance: drawerVariance });
  }

  const missing = lines.filter((l) => l.counted === null).map((l) => l.title);
  // The day's takings as the Day report shows them, plus what a cash-rounding law adds to the drawer.
  const expected = cashupTakings(z).total + (takings - zTakings);
  const allCounted = missing.length === 0;
  const totalCounted = allCounted ? sum(lines.map((l) => l.counted!)) : null;
  const variance = allCounted ? sum(lines.map((l) => l.variance!)) : null;
  const over = (v: Milli | null) => v !== null && Math.abs(v) > threshold;
  const noteRequired = (over(variance) || lines.some((l) => over(l.variance))) && input.note.trim() === '';

  return {
    lines,
    drawer: {
      float: input.openingFloat,
      takings,
      rounding: takings - zTakings,
      roundedTo: step,
      paidIn,
      paidOut,
      expected: expectedDrawer,
      counted,
      variance: drawerVariance,
    },
    total: { expected, counted: totalCounted, variance },
    missing,
    noteRequired,
  };
}

/** An empty count for a new day: the desk's usual float and currency, the cash account guessed from its title. */
export function emptyInput(
  z: CashupZ,
  defaults: { countCurrency: string | null; openingFloat: Milli; cashAccount?: string | null | undefined },
): CashupInput {
  return {
    countCurrency: defaults.countCurrency,
    cashAccount: defaults.cashAccount ?? guessCashAccount(z.accounts.map((a) => a.title)),
    openingFloat: defaults.openingFloat,
    pieces: {},
    cashTyped: null,
    typed: {},
    movements: [],
    note: '',
  };
}

/**
 * What a cash account is called in the desk's five languages and its neighbours: "Cash", "Наличные",
 * "Основная касса", "Каса", "Готівка", "Efectivo", "Caja", "Caixa", "Dinheiro", "Numerário", "Espèces",
 * "Bargeld", "Contanti", "Gotówka", "Hotovost", "Қолма-қол".
 */
const CASH =
  /cash|налич|касс|(?:^|\P{L})каса|готів|efectivo|\bcaja\b|caixa|dinheiro|numer[aá]rio|esp[eè]ces|bargeld|contanti|got[oó]wk|hotovost|қолма/iu;
/** Titles that name a card or transfer account even though they contain a cash word ("Безналичные", "Касса терминал"). */
const NOT_CASH =
  /безнал|безготів|card|карт|термин|термінал|terminal|tarjeta|cart[aã]o|transfer|перевод|переказ|online|онлайн|pix|qr|bank|банк/iu;

/** The Z account that is the drawer's cash, from its title; null when no title says so (the desk is asked). */
export function guessCashAccount(titles: readonly string[]): string | null {
  return titles.find((t) => CASH.test(t) && !NOT_CASH.test(t)) ?? null;
}
