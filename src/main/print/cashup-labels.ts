import { message, type Language, type MessageKey } from '../../shared/i18n';

/**
 * Every word the printed cash-up uses, in the desk's language. The words live with the screens'
 * messages (src/shared/i18n, keys "print.cashup.*"), so a translation is written once and the
 * message tests check every language has them.
 */
export interface CashupLabels {
  title: string;
  version: string;
  draft: string;
  locked: string;
  /** "Correction of version {previous}. Reason": the reason follows after a colon. */
  correction: string;
  countedBy: string;
  printedAt: string;
  checkedAgainst: string;
  offline: string;
  accounts: string;
  account: string;
  expected: string;
  /** On a receipt, under the heading that already says the figures are the Z report's. */
  expectedShort: string;
  counted: string;
  variance: string;
  total: string;
  over: string;
  short: string;
  balanced: string;
  notCounted: string;
  drawer: string;
  float: string;
  cashTakings: string;
  cashRounding: string;
  paidIn: string;
  paidOut: string;
  expectedInDrawer: string;
  countedInDrawer: string;
  count: string;
  typedTotal: string;
  movements: string;
  zReport: string;
  discounts: string;
  totalTakings: string;
  totalDiscounts: string;
  note: string;
  signCounted: string;
  signManager: string;
  page: string;
  of: string;
}

const KEYS = [
  'title',
  'version',
  'draft',
  'locked',
  'correction',
  'countedBy',
  'printedAt',
  'checkedAgainst',
  'offline',
  'accounts',
  'account',
  'expected',
  'expectedShort',
  'counted',
  'variance',
  'total',
  'over',
  'short',
  'balanced',
  'notCounted',
  'drawer',
  'float',
  'cashTakings',
  'cashRounding',
  'paidIn',
  'paidOut',
  'expectedInDrawer',
  'countedInDrawer',
  'count',
  'typedTotal',
  'movements',
  'zReport',
  'discounts',
  'totalTakings',
  'totalDiscounts',
  'note',
  'signCounted',
  'signManager',
] as const satisfies readonly Exclude<keyof CashupLabels, 'page' | 'of'>[];

const cache = new Map<Language, CashupLabels>();

export function cashupLabels(lang: Language): CashupLabels {
  let labels = cache.get(lang);
  if (!labels) {
    const m = (key: string) => message(lang, key as MessageKey);
    labels = {
      ...(Object.fromEntries(KEYS.map((k) => [k, m(`print.cashup.${k}`)])) as Omit<CashupLabels, 'page' | 'of'>),
      // The page footer reads as the day report's does.
      page: m('print.page'),
      of: m('print.of'),
    };
    cache.set(lang, labels);
  }
  return labels;
}

/** English labels, for callers that have no desk language (tests, tools). */
export const CASHUP_LABELS_EN: CashupLabels = cashupLabels('en');
