import { visitsOutsideDay } from '../../../shared/domain/day-figures';
import type { ReportMasterLine, ReportOperation, ReportVisit } from '../../../shared/domain/reports';
import type { ZMaster, ZOperation, ZReport } from '../../altegio/types';
import type { FetchedReport } from '../../store/reports';
import { sumAmounts } from '../../../shared/format/amounts';
import { phoneCountry } from '../../../shared/format/phone';
import { isoInZone } from './zoned-time';

/** What the report needs to know about its location (from the catalogue, or from Altegio when not synced). */
export interface ReportLocation {
  id: number;
  title: string;
  address: string | null;
  timezoneName: string;
  /** The location's currency, used only when the report itself names none. */
  currency: string;
  /** The location's own numbers: they tell which country client phones are written for. */
  phones?: readonly string[];
}

/** Reads a stat under Altegio's snake_case name or its camelCase form, whichever the client kept. */
function stat(stats: Record<string, number>, snake: string): number {
  const camel = snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  const v = stats[snake] ?? stats[camel];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function operation(kind: ReportOperation['kind'], op: ZOperation): ReportOperation {
  return {
    kind,
    title: op.title,
    firstCost: op.firstCost,
    discount: op.discount,
    resultCost: op.resultCost,
    payments: op.transactions.map((t) => ({
      accountsAmount: t.accountsAmount,
      loyaltyAmount: t.loyaltyAmount,
      paymentType: t.paymentType,
    })),
  };
}

/** Altegio sends an "Other operations" object for every master; an all-zero one carries nothing. */
function isEmpty(op: ZOperation): boolean {
  return op.firstCost === 0 && op.resultCost === 0 && op.discount === 0 && op.transactions.length === 0;
}

function masterLine(m: ZMaster): ReportMasterLine {
  const operations = [...m.services.map((o) => operation('service', o)), ...m.goods.map((o) => operation('good', o))];
  if (m.others && !isEmpty(m.others)) operations.push(operation('other', m.others));
  return { masterId: m.masterId, masterName: m.masterName, operations };
}

/** Exact sums (see sumAmounts): rounding a float sum to cents would drop the 3rd digit of fils or millimes. */
function visitSums(masters: ReportMasterLine[]): Pick<ReportVisit, 'total' | 'discount' | 'paid'> {
  const ops = masters.flatMap((m) => m.operations);
  return {
    total: sumAmounts(ops.map((o) => o.resultCost)),
    discount: sumAmounts(ops.map((o) => o.discount)),
    paid: sumAmounts(ops.flatMap((o) => o.payments.flatMap((p) => [p.accountsAmount, p.loyaltyAmount]))),
  };
}

/** Altegio's Z report (already normalised by the client) → the model the desk shows and prints. */
export function toDayReport(
  z: ZReport,
  location: ReportLocation,
  query: { date: string; staffId: number | null },
): FetchedReport {
  const visits: ReportVisit[] = [...z.entries]
    .sort((a, b) => a.timestamp - b.timestamp)
    .map((e) => {
      const masters = e.masters.map(masterLine);
      return {
        at: isoInZone(location.timezoneName, e.timestamp * 1000),
        clientId: e.clientId,
        clientName: e.clientName,
        clientPhone: e.clientPhone || null,
        masters,
        ...visitSums(masters),
      };
    });
  const staffName =
    query.staffId === null
      ? null
      : (z.entries.flatMap((e) => e.masters).find((m) => m.masterId === query.staffId)?.masterName ?? null);
  const s = z.stats;
  return {
    locationId: location.id,
    locationTitle: location.title,
    locationAddress: location.address,
    timezoneName: location.timezoneName,
    date: query.date,
    staffId: query.staffId,
    staffName,
    currency: z.currency.trim() || location.currency,
    stats: {
      clients: stat(s, 'clients'),
      records: stat(s, 'records'),
      visitRecords: stat(s, 'visit_records'),
      nonVisitRecords: stat(s, 'non_visit_records'),
      services: stat(s, 'targets'),
      servicesPaid: stat(s, 'targets_paid'),
      goods: stat(s, 'goods'),
      goodsPaid: stat(s, 'goods_paid'),
      certificates: stat(s, 'certificates'),
      certificatesPaid: stat(s, 'certificates_paid'),
      memberships: stat(s, 'abonement'),
      membershipsPaid: stat(s, 'abonement_paid'),
    },
    accounts: z.accounts.map((a) => ({ title: a.title, amount: a.amount })),
    discounts: z.discounts.map((d) => ({ title: d.title, amount: d.amount })),
    totals: { accounts: z.totals.accounts, discount: z.totals.discount },
    visits,
    outsideDay: visitsOutsideDay({ date: query.date, visits }),
    unreadableVisits: z.unreadable ?? 0,
    phoneCountry: phoneCountry(location.phones ?? []),
  };
}
