import type { StaffMember } from '../../../shared/domain/catalog';
import type {
  ChartName,
  PeriodNumbers,
  SourceKind,
  StatusKind,
  TipInfo,
  TodayCharts,
  TodayTeam,
} from '../../../shared/domain/today';
import type { AnalyticsOverall, ChartSeries, ChartSlice, ScheduleDay } from '../../altegio/today-types';
import type { TipsSetting } from '../../altegio/types';
import { addDays } from './calendar';
import { breaksOf, memberNow } from './member-now';

/** Altegio's answers → what the Today screen shows. Pure functions; the service caches their inputs. */

export function periodNumbers(
  range: { from: string; to: string; compareFrom: string; compareTo: string },
  cur: AnalyticsOverall,
  prev: AnalyticsOverall | null,
): PeriodNumbers {
  const m = (pick: (o: AnalyticsOverall) => number) => ({ current: pick(cur), previous: prev ? pick(prev) : null });
  return {
    ...range,
    revenue: m((o) => o.income.current),
    averageCheck: m((o) => o.average.current),
    // Completed appointments: `current_total_count` also counts pending and cancelled ones (issue 19 §3.8).
    visits: m((o) => o.records.completed),
    occupancy: m((o) => o.fullness.current),
    newClients: m((o) => o.clients.new),
    returningClients: m((o) => o.clients.returning),
  };
}

/** A daily series by slug, else by position (records_daily sends no slugs). */
function series(all: ChartSeries[], slug: string, index = 0): Map<string, number> {
  const s = all.find((x) => x.slug === slug) ?? all[index];
  return new Map((s?.points ?? []).map((p) => [p.date, p.value]));
}

const SOURCE_RULES: [RegExp, SourceKind][] = [
  [/admin/i, 'admin'],
  [/mobile|app\b/i, 'app'],
  [/\bapi\b/i, 'api'],
  [/online|widget|form|site/i, 'online'],
];
const STATUS_RULES: [RegExp, StatusKind][] = [
  [/did not come|no.?show/i, 'noShow'],
  [/^came|arrived|visited/i, 'came'],
  [/delet|cancel/i, 'cancelled'],
  [/confirm|expect|pending|wait/i, 'pending'],
];
const kindOf = <K extends string>(rules: [RegExp, K][], label: string, other: K): K =>
  rules.find(([re]) => re.test(label))?.[1] ?? other;

export function charts(
  range: { from: string; to: string },
  income: ChartSeries[],
  records: ChartSeries[],
  fullness: ChartSeries[],
  sources: ChartSlice[],
  statuses: ChartSlice[],
  missing: ChartName[] = [],
): TodayCharts {
  const revenue = series(income, 'income_total');
  const visits = series(records, 'records_total');
  const occupancy = series(fullness, 'fullness_spent');
  const dates = [...new Set([...revenue.keys(), ...visits.keys(), ...occupancy.keys()])]
    .filter((d) => d >= range.from && d <= range.to)
    .sort();
  return {
    ...range,
    missing,
    days: dates.map((date) => ({
      date,
      revenue: revenue.get(date) ?? 0,
      visits: visits.get(date) ?? 0,
      occupancy: Math.round((occupancy.get(date) ?? 0) * 10) / 10,
    })),
    sources: sources.map((s) => ({ kind: kindOf(SOURCE_RULES, s.label, 'other'), label: s.label, value: s.value })),
    statuses: statuses.map((s) => ({ kind: kindOf(STATUS_RULES, s.label, 'other'), label: s.label, value: s.value })),
  };
}

export function tips(settings: TipsSetting[], members: StaffMember[]): TipInfo[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  return settings.map((t) => {
    const m = byId.get(t.staffId);
    return {
      staffId: t.staffId,
      settingsId: t.id,
      name: m?.name ?? t.staffName ?? `#${t.staffId}`,
      avatarUrl: m?.avatarUrl ?? null,
      enabled: t.isEnabled,
      ready: t.status === null || t.status === 4,
      status: t.status,
      statusTitle: t.statusTitle,
      link: t.link,
      // Before the first sync there is no team to compare with.
      inTeam: members.length === 0 || m !== undefined,
    };
  });
}

/**
 * Yesterday's night shifts that run past midnight (22:00–02:00) still hold people after midnight:
 * their part after 00:00 joins today's day, with the bookings in it.
 */
function carriedOver(days: ScheduleDay[], date: string): ScheduleDay[] {
  const yesterday = addDays(date, -1);
  return days
    .filter((d) => d.date === yesterday)
    .map((d) => {
      const tails = d.slots.filter((s) => s.to <= s.from && s.to > '00:00').map((s) => ({ from: '00:00', to: s.to }));
      const start = d.slots.reduce((m, s) => (s.from < m ? s.from : m), '24:00');
      // After midnight: a booking that crosses it, or one written earlier than the shift's start.
      const busy = d.busy
        .filter((b) => b.to <= b.from || b.from < start)
        .map((b) => ({ from: b.to <= b.from ? '00:00' : b.from, to: b.to }));
      return { ...d, date, slots: tails, busy };
    })
    .filter((d) => d.slots.length > 0);
}

/** Who works today and where they are at `clock`; catalogue members without a schedule are off. */
export function team(date: string, days: ScheduleDay[], members: StaffMember[], clock: string): TodayTeam {
  const merged = new Map<number, ScheduleDay>();
  for (const d of [...carriedOver(days, date), ...days.filter((x) => x.date === date)]) {
    const had = merged.get(d.staffId);
    merged.set(d.staffId, had ? { ...d, slots: [...had.slots, ...d.slots], busy: [...had.busy, ...d.busy] } : d);
  }
  const today = [...merged.values()].filter((d) => d.slots.length > 0);
  const byId = new Map(members.map((m) => [m.id, m]));
  const working = today
    .map((d) => {
      const m = byId.get(d.staffId);
      return {
        id: d.staffId,
        name: m?.name ?? `#${d.staffId}`,
        position: m?.position ?? null,
        avatarUrl: m?.avatarUrl ?? null,
        hours: d.slots,
        breaks: breaksOf(d.slots),
        busy: d.busy,
        now: memberNow(d.slots, d.busy, clock),
      };
    })
    .sort((a, b) => a.hours[0]!.from.localeCompare(b.hours[0]!.from) || a.name.localeCompare(b.name));
  const on = new Set(working.map((w) => w.id));
  const off = members
    .filter((m) => !on.has(m.id))
    .map((m) => ({ id: m.id, name: m.name, position: m.position, avatarUrl: m.avatarUrl }));
  return { date, working, off };
}
