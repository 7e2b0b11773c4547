import { fail, invalid, ok, type DemoResponse } from '../responses';
import { locationOf, queryNumber, type DemoRequest, type DemoState } from '../state';
import { shiftsOn, visitsOf, VISIT_MINUTES } from '../today-model';
import type { DemoLocation, DemoVisit } from '../types';
import { addDays, localDate } from '../zoned';
import { reportDate, zReportWire } from './reports';

/**
 * The demo's analytics, computed from the same seeded sales as its Z-reports: a day's revenue here
 * is the Z-report's total taken (paids.total.accounts) for that day, to the cent. No-shows and
 * cancellations never reach the Z-report; the demo adds a few on fixed days.
 */

const MAX_DAYS = 400;
const round = (v: number) => Math.round(v * 100) / 100;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

type Source = 'admin' | 'online' | 'app';
const sourceOf = (v: DemoVisit): Source =>
  v.client.id === 0 ? 'admin' : (['admin', 'admin', 'online', 'online', 'app'] as const)[v.client.id % 5]!;

interface DayStats {
  date: string;
  income: number;
  services: number;
  goods: number;
  completed: number;
  pending: number;
  noShow: number;
  canceled: number;
  online: number;
  app: number;
  admin: number;
  workMinutes: number;
  busyMinutes: number;
  clients: string[];
}

function dayStats(l: DemoLocation, date: string, staffId: number | undefined, now: Date): DayStats {
  const tz = l.company.timezoneName;
  const today = localDate(now, tz);
  const nowSec = Math.floor(now.getTime() / 1000);
  const visits = visitsOf(l, date, staffId);
  const z = zReportWire(l, visits);
  const shifts = shiftsOn(l, date, today).filter((s) => staffId === undefined || s.staffId === staffId);
  const n = dayNumber(date);
  const past = date < today;
  const sources = visits.map(sourceOf);
  return {
    date,
    income: z.paids.total.accounts,
    services: z.stats.targets_paid,
    goods: z.stats.goods_paid,
    completed: visits.filter((v) => v.at <= nowSec).length,
    pending: visits.filter((v) => v.at > nowSec).length,
    noShow: staffId === undefined && past && visits.length > 0 && n % 4 === 0 ? 1 : 0,
    canceled: staffId === undefined && visits.length > 0 && n % 3 === 0 ? 1 : 0,
    online: sources.filter((s) => s === 'online').length,
    app: sources.filter((s) => s === 'app').length,
    admin: sources.filter((s) => s === 'admin').length,
    workMinutes: shifts.reduce((s, x) => s + x.slots.reduce((a, r) => a + r.to - r.from, 0), 0),
    busyMinutes: shifts.reduce((s, x) => s + x.busy.length * VISIT_MINUTES, 0),
    clients: visits.map((v) => (v.client.id === 0 ? `walk-in-${v.at}` : String(v.client.id))),
  };
}

function daysOf(l: DemoLocation, from: string, to: string, staffId: number | undefined, now: Date): DayStats[] {
  const out: DayStats[] = [];
  for (let d = from, i = 0; d <= to && i < MAX_DAYS; d = addDays(d, 1), i++) out.push(dayStats(l, d, staffId, now));
  return out;
}

/** The day each client first came, over every seeded day: "new" means first seen in the period. */
function firstVisits(l: DemoLocation): Map<string, string> {
  const first = new Map<string, string>();
  for (const date of Object.keys(l.days).sort()) {
    for (const v of l.days[date]!)
      if (v.client.id !== 0 && !first.has(String(v.client.id))) first.set(String(v.client.id), date);
  }
  return first;
}

function totals(days: DayStats[]) {
  const sum = (k: keyof Omit<DayStats, 'date' | 'clients'>) => days.reduce((s, d) => s + d[k], 0);
  const income = round(sum('income'));
  const records = sum('completed') + sum('pending');
  return {
    income,
    services: round(sum('services')),
    goods: round(sum('goods')),
    average: records > 0 ? round(income / records) : 0,
    fullness: sum('workMinutes') > 0 ? round((sum('busyMinutes') / sum('workMinutes')) * 100) : 0,
    completed: sum('completed'),
    pending: sum('pending'),
    canceled: sum('canceled'),
    total: records,
  };
}

// The description types these percentages as integers (int32), and its example has whole numbers.
const change = (cur: number, prev: number) => (prev === 0 ? 0 : Math.round(((cur - prev) / prev) * 100));
const pct = (part: number, all: number) => (all === 0 ? null : Math.round((part / all) * 100));

interface Period {
  l: DemoLocation;
  from: string;
  to: string;
  staffId: number | undefined;
}

/** Parses the common query and checks the user's rights; a response when it cannot go on. */
function period(req: DemoRequest, state: DemoState): Period | DemoResponse {
  const l = locationOf(req, state, req.params[0]);
  if (req.auth.user?.role === 'receptionist') return fail(403, 'No permission to view analytics');
  const from = reportDate(req.url.searchParams.get('date_from'));
  const to = reportDate(req.url.searchParams.get('date_to'));
  if (!from || !to || to < from) {
    return invalid('An error has occurred.', { date_from: ['The date from field is required.'] });
  }
  return { l, from, to, staffId: queryNumber(req, 'team_member_id', 'staff_id') };
}

const isPeriod = (p: Period | DemoResponse): p is Period => 'l' in p;

/** GET /company/{id}/analytics/overall */
export function getAnalyticsOverall(req: DemoRequest, state: DemoState): DemoResponse {
  const p = period(req, state);
  if (!isPeriod(p)) return p;
  const now = state.now();
  const length = dayNumber(p.to) - dayNumber(p.from) + 1;
  const cur = daysOf(p.l, p.from, p.to, p.staffId, now);
  const prevDays = daysOf(p.l, addDays(p.from, -length), addDays(p.from, -1), p.staffId, now);
  const c = totals(cur);
  const pr = totals(prevDays);
  const currency = {
    id: 0,
    iso: p.l.company.reportCurrency,
    name: '',
    symbol: p.l.company.currencyShortTitle,
    is_symbol_after_amount: false,
  };
  const money = (a: number, b: number) => ({
    current_sum: String(a),
    previous_sum: String(b),
    change_percent: change(a, b),
    currency,
  });
  const first = firstVisits(p.l);
  const clients = [...new Set(cur.flatMap((d) => d.clients))];
  const isNew = (id: string) => id.startsWith('walk-in') || (first.get(id) ?? p.from) >= p.from;
  const newCount = clients.filter(isNew).length;
  return ok({
    income_total_stats: money(c.income, pr.income),
    income_services_stats: money(c.services, pr.services),
    income_goods_stats: money(c.goods, pr.goods),
    income_average_stats: money(c.average, pr.average),
    income_average_services_stats: money(c.average, pr.average),
    fullness_stats: {
      current_percent: c.fullness,
      previous_percent: pr.fullness,
      change_percent: change(c.fullness, pr.fullness),
    },
    record_stats: {
      current_completed_count: c.completed,
      current_completed_percent: pct(c.completed, c.total),
      current_pending_count: c.pending,
      current_pending_percent: pct(c.pending, c.total),
      current_canceled_count: c.canceled,
      current_canceled_percent: pct(c.canceled, c.total),
      current_total_count: c.total,
      previous_total_count: pr.total,
      change_percent: change(c.total, pr.total),
    },
    client_stats: {
      total_count: first.size,
      new_count: newCount,
      new_percent: pct(newCount, clients.length) ?? 0,
      return_count: clients.length - newCount,
      return_percent: pct(clients.length - newCount, clients.length) ?? 0,
      active_count: clients.length,
      lost_count: 0,
      lost_percent: 0,
    },
  });
}

const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** GET /company/{id}/analytics/overall/charts/{chart}: bare arrays, like the live API. */
export function getAnalyticsChart(req: DemoRequest, state: DemoState): DemoResponse {
  const p = period(req, state);
  if (!isPeriod(p)) return p;
  const days = daysOf(p.l, p.from, p.to, p.staffId, state.now());
  // The description's rows are {label, data} only: no slug (the app finds a series by position).
  const series = (label: string, value: (d: DayStats) => number) => ({
    label,
    data: days.map((d) => [utcMidnight(d.date), round(value(d))]),
  });
  const bare = (body: unknown): DemoResponse => ({ status: 200, json: body });
  const all = totals(days);
  switch (req.params[1]) {
    case 'income_daily':
      return bare([
        series('Earnings', (d) => d.income),
        series('Services', (d) => d.services),
        series('Products', (d) => d.goods),
      ]);
    case 'records_daily': {
      const first = firstVisits(p.l);
      return bare([
        series('Number of appointments', (d) => d.completed + d.pending),
        series('Number of online bookings', (d) => d.online + d.app),
        series(
          'Number of appointments from new clients',
          (d) => d.clients.filter((c) => c.startsWith('walk-in') || first.get(c) === d.date).length,
        ),
      ]);
    }
    case 'fullness_daily':
      return bare([
        series('Workday occupancy, %', (d) => (d.workMinutes ? (d.busyMinutes / d.workMinutes) * 100 : 0)),
        series('No-shows, %', (d) => (d.workMinutes ? ((d.noShow * VISIT_MINUTES) / d.workMinutes) * 100 : 0)),
      ]);
    case 'record_source': {
      const sum = (k: 'admin' | 'online' | 'app') => days.reduce((s, d) => s + d[k], 0);
      return bare([
        { label: 'Administrator', data: sum('admin') },
        { label: 'Online booking form "Main site"', data: sum('online') },
        { label: 'Client mobile app', data: sum('app') },
      ]);
    }
    case 'record_status':
      return bare([
        { label: 'Came', data: all.completed },
        { label: 'Expectation', data: all.pending },
        { label: 'Did not come', data: days.reduce((s, d) => s + d.noShow, 0) },
        { label: 'Deleted', data: all.canceled },
      ]);
    default:
      return fail(404, 'Not found');
  }
}
