import { message, type Language, type MessageKey } from '../../shared/i18n';

/**
 * Every word the printed report uses, in the desk's language. The words themselves live with the
 * screens' messages (src/shared/i18n, keys "print.*"), so a translation is written once.
 */
export interface ReportLabels {
  title: string;
  subtitle: string;
  teamMember: string;
  printedBy: string;
  printedAt: string;
  fetchedAt: string;
  offlineCopy: string;
  takings: string;
  account: string;
  amount: string;
  totalTakings: string;
  discounts: string;
  totalDiscounts: string;
  noDiscounts: string;
  summary: string;
  count: string;
  paid: string;
  clients: string;
  records: string;
  visitRecords: string;
  nonVisitRecords: string;
  services: string;
  goods: string;
  certificates: string;
  memberships: string;
  visits: string;
  item: string;
  price: string;
  discount: string;
  cost: string;
  howPaid: string;
  kind: { service: string; good: string; other: string };
  loyalty: string;
  unpaid: string;
  walkIn: string;
  /** Stands in for a client's name when the desk prints no client details. */
  client: string;
  visitTotal: string;
  noSales: string;
  noSalesHint: string;
  managerSignature: string;
  name: string;
  page: string;
  of: string;
}

const cache = new Map<Language, ReportLabels>();

export function reportLabels(lang: Language): ReportLabels {
  let labels = cache.get(lang);
  if (!labels) {
    const m = (key: string) => message(lang, `print.${key}` as MessageKey);
    const plain = [
      'title', 'subtitle', 'teamMember', 'printedBy', 'printedAt', 'fetchedAt', 'offlineCopy', 'takings', 'account',
      'amount', 'totalTakings', 'discounts', 'totalDiscounts', 'noDiscounts', 'summary', 'count', 'paid', 'clients',
      'records', 'visitRecords', 'nonVisitRecords', 'services', 'goods', 'certificates', 'memberships', 'visits',
      'item', 'price', 'discount', 'cost', 'howPaid', 'loyalty', 'unpaid', 'walkIn', 'client', 'visitTotal', 'noSales',
      'noSalesHint', 'managerSignature', 'name', 'page', 'of',
    ] as const;
    labels = {
      ...(Object.fromEntries(plain.map((k) => [k, m(k)])) as Omit<ReportLabels, 'kind'>),
      kind: { service: m('kind.service'), good: m('kind.good'), other: m('kind.other') },
    };
    cache.set(lang, labels);
  }
  return labels;
}

/** English labels, for callers that have no desk language (tests, tools). */
export const REPORT_LABELS_EN: ReportLabels = reportLabels('en');
