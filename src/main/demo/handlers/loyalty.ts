import { fail, invalid, ok, type DemoResponse } from '../responses';
import { locationOf, type DemoRequest, type DemoState } from '../state';
import type { DemoLocation } from '../types';
import { addDays, localDate } from '../zoned';
import { reportDate } from './reports';

/**
 * The demo's loyalty analytics, computed from the same seeded visits as its Z-reports and Today:
 * with every promotion chosen, new clients are Today's new clients, new + old are its active clients,
 * and the visits per day add up to its appointments. A client "returned" when they came again after
 * their first visit of the period (up to today); "lost" when they did not and their last visit is more
 * than LOST_AFTER_DAYS old. Bodies carry only the fields the official description lists.
 */

const MAX_DAYS = 400;
const LOST_AFTER_DAYS = 45;
const round = (v: number) => Math.round(v * 100) / 100;

interface DemoProgram {
  id: number;
  title: string;
  type: 'cashback_accumulative_paid' | 'discount_static';
  value_unit: 'percent' | 'amount';
  /** Which clients hold the card (walk-ins hold none). */
  holds: (clientId: number) => boolean;
}

/** Two promotions per location: the Gold Card the Z-reports already write bonuses off, and a welcome discount. */
export function demoPrograms(l: DemoLocation): DemoProgram[] {
  const base = l.company.id * 10;
  return [
    {
      id: base + 1,
      title: 'Gold Card',
      type: 'cashback_accumulative_paid',
      value_unit: 'percent',
      holds: (c) => c % 2 === 1,
    },
    { id: base + 2, title: 'Welcome 10%', type: 'discount_static', value_unit: 'percent', holds: (c) => c % 2 === 0 },
  ];
}

/** GET /company/{id}/loyalty/programs/search */
export function getLoyaltyPrograms(req: DemoRequest, state: DemoState): DemoResponse {
  const l = locationOf(req, state, req.params[0]);
  if (req.auth.user?.role === 'receptionist') return fail(403, 'No permission to view loyalty programs');
  const list = demoPrograms(l).map((p) => ({
    id: p.id,
    title: p.title,
    type: p.type,
    value_unit: p.value_unit,
    usage_limit: 0,
    visit_multiplicity: 1,
  }));
  return ok(list, { count: list.length });
}

interface Visit {
  date: string;
  client: string;
  clientId: number;
  staff: number[];
}

interface Query {
  l: DemoLocation;
  from: string;
  to: string;
  today: string;
  visits: Visit[];
}

/** Parses date_from/date_to (either form) and loyalty_program_id (comma-separated; empty is every client). */
function query(req: DemoRequest, state: DemoState): Query | DemoResponse {
  const l = locationOf(req, state, req.params[0]);
  if (req.auth.user?.role === 'receptionist') return fail(403, 'No permission to view analytics');
  const from = reportDate(req.url.searchParams.get('date_from'));
  const to = reportDate(req.url.searchParams.get('date_to'));
  if (!from || !to || to < from) {
    return invalid('An error has occurred.', { date_from: ['The date from field is required.'] });
  }
  const raw = req.url.searchParams.get('loyalty_program_id');
  if (raw === null) {
    return invalid('An error has occurred.', { loyalty_program_id: ['The loyalty program id field is required.'] });
  }
  const programs = demoPrograms(l);
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  const chosen = programs.filter((p) => ids.includes(p.id));
  if (chosen.length !== ids.length) return fail(404, 'Loyalty program not found');
  const everyone = chosen.length === 0 || chosen.length === programs.length;
  const today = localDate(state.now(), l.company.timezoneName);
  const visits: Visit[] = [];
  for (const date of Object.keys(l.days).sort()) {
    if (date > today) continue;
    for (const v of l.days[date]!) {
      if (!everyone && (v.client.id === 0 || !chosen.some((p) => p.holds(v.client.id)))) continue;
      visits.push({
        date,
        client: v.client.id === 0 ? `walk-in-${v.at}` : String(v.client.id),
        clientId: v.client.id,
        staff: v.masters.map((m) => m.masterId),
      });
    }
  }
  return { l, from, to, today, visits };
}

const isQuery = (q: Query | DemoResponse): q is Query => 'visits' in q;

/** Counts for the clients seen in the period among `visits` (already narrowed to a member if need be). */
function counts(q: Query, visits: Visit[], clients: Set<string>) {
  let returned = 0;
  let lost = 0;
  for (const c of clients) {
    const mine = visits.filter((v) => v.client === c);
    const firstIn = mine.find((v) => v.date >= q.from && v.date <= q.to)!;
    // `visits` are in time order, so any later entry is a later visit.
    const cameAgain = mine.indexOf(firstIn) < mine.length - 1;
    if (cameAgain) returned++;
    else if (addDays(mine.at(-1)!.date, LOST_AFTER_DAYS) < q.today) lost++;
  }
  return {
    all_count: clients.size,
    lost_count: lost,
    returned_count: returned,
    returned_percent: clients.size === 0 ? 0 : round((returned / clients.size) * 100),
  };
}

/** GET /company/{id}/analytics/loyalty_programs/visits */
export function getLoyaltyVisits(req: DemoRequest, state: DemoState): DemoResponse {
  const q = query(req, state);
  if (!isQuery(q)) return q;
  const first = new Map<string, string>();
  for (const v of q.visits) if (!first.has(v.client)) first.set(v.client, v.date);
  const inPeriod = q.visits.filter((v) => v.date >= q.from && v.date <= q.to);
  const isNew = (c: string) => first.get(c)! >= q.from;
  const seen = new Set(inPeriod.map((v) => v.client));
  const newClients = new Set([...seen].filter(isNew));
  const oldClients = new Set([...seen].filter((c) => !isNew(c)));
  const byDay: { date: string; new_count: number; old_count: number }[] = [];
  for (let d = q.from, i = 0; d <= q.to && i < MAX_DAYS; d = addDays(d, 1), i++) {
    const day = inPeriod.filter((v) => v.date === d);
    const n = day.filter((v) => isNew(v.client)).length;
    byDay.push({ date: d, new_count: n, old_count: day.length - n });
  }
  return ok({
    client_stats: {
      new: counts(q, q.visits, newClients),
      old: counts(q, q.visits, oldClients),
      total: counts(q, q.visits, seen),
    },
    visits_stats_by_day: byDay,
  });
}

/** GET /company/{id}/analytics/loyalty_programs/staff: members with clients in the period. */
export function getLoyaltyStaff(req: DemoRequest, state: DemoState): DemoResponse {
  const q = query(req, state);
  if (!isQuery(q)) return q;
  const rows = q.l.staff
    .filter((m) => !m.deleted)
    .map((m) => {
      const theirs = q.visits.filter((v) => v.staff.includes(m.id));
      const clients = new Set(theirs.filter((v) => v.date >= q.from && v.date <= q.to).map((v) => v.client));
      return { client_stats: counts(q, theirs, clients), staff: { id: m.id, name: m.name } };
    })
    .filter((r) => r.client_stats.all_count > 0);
  return ok(rows, { count: rows.length });
}
