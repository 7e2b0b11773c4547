import { invalid, ok, type DemoResponse } from '../responses';
import { locationOf, queryNumber, type DemoRequest, type DemoState } from '../state';
import type { DemoLocation, DemoOperation, DemoVisit } from '../types';
import { addDays } from '../zoned';

const MAX_DAYS = 366;
const round = (v: number) => Math.round(v * 100) / 100;

/** dd.mm.yyyy (what Altegio's own client sends) or YYYY-MM-DD (older apps) → YYYY-MM-DD. */
export function reportDate(raw: string | null): string | null {
  if (!raw) return null;
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw.trim());
  const iso = dotted ? `${dotted[3]}-${dotted[2]}-${dotted[1]}` : raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const t = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === iso ? iso : null;
}

const opWire = (o: DemoOperation) => ({
  item_title: o.title,
  first_cost: o.firstCost,
  discount: o.discount,
  result_cost: o.resultCost,
  transactions: o.payments.map((p) => ({ accounts_amount: p.amount, loyalty_amount: p.loyalty, payment_type: p.type })),
});

/** The Z-report body for a set of visits, totals computed from them. */
export function zReportWire(l: DemoLocation, visits: DemoVisit[]) {
  const names = new Map(l.staff.map((m) => [m.id, m.name]));
  const ops = visits.flatMap((v) => v.masters);
  const services = ops.flatMap((m) => m.services);
  const goods = ops.flatMap((m) => m.goods);
  const all = [...services, ...goods, ...ops.flatMap((m) => (m.others ? [m.others] : []))];
  const payments = all.flatMap((o) => o.payments);
  const accounts = l.accounts.map((title) => ({
    title,
    amount: round(payments.filter((p) => p.type === title).reduce((s, p) => s + p.amount, 0)),
  }));
  const discount = [
    { title: 'Discounts', amount: round(all.reduce((s, o) => s + o.discount, 0)) },
    { title: 'Written off bonuses', amount: round(payments.reduce((s, p) => s + p.loyalty, 0)) },
  ].filter((d) => d.amount > 0);
  const paid = (list: DemoOperation[]) => round(list.reduce((s, o) => s + o.resultCost, 0));
  const clients = new Set(visits.map((v) => (v.client.id === 0 ? `walk-in-${v.at}` : String(v.client.id)))).size;
  const total = paid(all);
  const zData: Record<string, unknown[]> = {};
  for (const v of visits) {
    (zData[String(v.at)] ??= []).push({
      client_id: v.client.id,
      client_name: v.client.name,
      client_phone: v.client.phone,
      client_email: v.client.email,
      masters: v.masters.map((m) => ({
        master_id: m.masterId,
        master_name: names.get(m.masterId) ?? '',
        service: m.services.map(opWire),
        good: m.goods.map(opWire),
        others: m.others ? opWire(m.others) : [],
      })),
    });
  }
  return {
    stats: {
      clients,
      clients_average: clients ? round(total / clients) : 0,
      records: visits.length,
      records_average: visits.length ? round(total / visits.length) : 0,
      visit_records: visits.length,
      visit_records_average: visits.length ? round(total / visits.length) : 0,
      non_visit_records: 0,
      non_visit_records_average: 0,
      targets: services.length,
      targets_paid: paid(services),
      goods: goods.length,
      goods_paid: paid(goods),
      certificates: 0,
      certificates_paid: 0,
      abonement: 0,
      abonement_paid: 0,
    },
    paids: {
      accounts,
      discount,
      total: {
        accounts: round(accounts.reduce((s, a) => s + a.amount, 0)),
        discount: round(discount.reduce((s, d) => s + d.amount, 0)),
      },
    },
    // A day without sales is an empty ARRAY, as on the live API.
    z_data: visits.length === 0 ? [] : zData,
    currency: l.company.reportCurrency,
  };
}

/** GET /reports/z_report/{id}?start_date=&end_date=&master_id= */
export function getZReport(req: DemoRequest, state: DemoState): DemoResponse {
  const l = locationOf(req, state, req.params[0]);
  const start = reportDate(req.url.searchParams.get('start_date'));
  const endRaw = req.url.searchParams.get('end_date');
  const end = endRaw ? reportDate(endRaw) : start;
  if (!start || !end || end < start) {
    return invalid('An error has occurred.', {
      start_date: ['The start date must be a date in the format dd.mm.yyyy.'],
    });
  }
  const masterId = queryNumber(req, 'master_id', 'team_member_id');
  const visits: DemoVisit[] = [];
  for (let d = start, n = 0; d <= end && n < MAX_DAYS; d = addDays(d, 1), n++) visits.push(...(l.days[d] ?? []));
  const selected =
    masterId === undefined
      ? visits
      : visits.flatMap((v) => {
          const masters = v.masters.filter((m) => m.masterId === masterId);
          return masters.length > 0 ? [{ ...v, masters }] : [];
        });
  return ok(zReportWire(l, selected));
}
