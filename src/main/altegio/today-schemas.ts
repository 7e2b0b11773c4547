import { z } from 'zod';
import { toIsoDate } from './dates';
import { flag, id, listOf, num, numOr, numOrNull, objectOrEmpty, picture, text } from './lenient';
import type { AmountStat, AnalyticsOverall, ChartSeries, ChartSlice, ScheduleDay, TimeRange } from './today-types';
import type { TipsSetting } from './types';

/**
 * Bodies of the Today screen's endpoints. The chart endpoints answer a bare array (no envelope),
 * money in analytics/overall comes as strings, and the schedule's documented example says
 * `team_member_id` where its schema says `staff_id`: both are read.
 */

const HHMM = /^(\d{1,2}):(\d{2})(?::\d{2})?$/;
const clock = z
  .string()
  .regex(HHMM)
  .transform((v) => {
    const m = HHMM.exec(v)!;
    return `${m[1]!.padStart(2, '0')}:${m[2]}`;
  });
const range = z.object({ from: clock, to: clock }).transform((r): TimeRange => ({ from: r.from, to: r.to }));
const isoDay = z.string().transform((v, ctx) => {
  const iso = toIsoDate(v.trim());
  if (iso) return iso;
  ctx.addIssue({ code: 'custom', message: 'expected a date' });
  return z.NEVER;
});

export const scheduleDaySchema = z
  .object({
    staff_id: id.optional(),
    team_member_id: id.optional(),
    date: isoDay,
    slots: listOf(range),
    busy_intervals: listOf(range).optional(),
    off_day_type: numOrNull,
  })
  .transform((d, ctx): ScheduleDay => {
    const staffId = d.staff_id ?? d.team_member_id;
    if (staffId === undefined) {
      ctx.addIssue({ code: 'custom', message: 'staff_id is missing', path: ['staff_id'] });
      return z.NEVER;
    }
    return { staffId, date: d.date, slots: d.slots, busy: d.busy_intervals ?? [], offDayType: d.off_day_type };
  });

export const scheduleSchema = listOf(scheduleDaySchema);

/** GET /company/{id}?forBooking=1: only `next_slot` matters here; it is absent without forBooking. */
export const nextSlotSchema = z
  .object({ next_slot: text })
  .transform((c) => (c.next_slot && !Number.isNaN(Date.parse(c.next_slot)) ? c.next_slot : null));

const currencySchema = objectOrEmpty(z.object({ iso: text, symbol: text }).loose());

const sumStat = z
  .object({
    current_sum: numOr(0),
    previous_sum: numOr(0),
    change_percent: numOrNull,
    currency: currencySchema.optional(),
  })
  .optional()
  .transform((s): AmountStat & { currency: string | null } => ({
    current: s?.current_sum ?? 0,
    previous: s?.previous_sum ?? 0,
    changePercent: s?.change_percent ?? null,
    currency: s?.currency?.iso ?? s?.currency?.symbol ?? null,
  }));

export const analyticsOverallSchema = z
  .object({
    income_total_stats: sumStat,
    income_services_stats: sumStat,
    income_goods_stats: sumStat,
    income_average_stats: sumStat,
    fullness_stats: z
      .object({ current_percent: numOr(0), previous_percent: numOr(0), change_percent: numOrNull })
      .optional(),
    record_stats: z
      .object({
        current_completed_count: numOr(0),
        current_pending_count: numOr(0),
        current_canceled_count: numOr(0),
        current_total_count: numOr(0),
        previous_total_count: numOr(0),
        change_percent: numOrNull,
      })
      .optional(),
    client_stats: z
      .object({
        total_count: numOr(0),
        new_count: numOr(0),
        return_count: numOr(0),
        active_count: numOr(0),
        lost_count: numOr(0),
      })
      .optional(),
  })
  .transform((d): AnalyticsOverall => {
    const strip = ({ currency: _c, ...s }: AmountStat & { currency: string | null }): AmountStat => s;
    const f = d.fullness_stats;
    const r = d.record_stats;
    const c = d.client_stats;
    return {
      currency: d.income_total_stats.currency ?? d.income_average_stats.currency,
      income: strip(d.income_total_stats),
      incomeServices: strip(d.income_services_stats),
      incomeGoods: strip(d.income_goods_stats),
      average: strip(d.income_average_stats),
      fullness: {
        current: f?.current_percent ?? 0,
        previous: f?.previous_percent ?? 0,
        changePercent: f?.change_percent ?? null,
      },
      records: {
        completed: r?.current_completed_count ?? 0,
        pending: r?.current_pending_count ?? 0,
        canceled: r?.current_canceled_count ?? 0,
        total: r?.current_total_count ?? 0,
        previousTotal: r?.previous_total_count ?? 0,
        changePercent: r?.change_percent ?? null,
      },
      clients: {
        total: c?.total_count ?? 0,
        new: c?.new_count ?? 0,
        returning: c?.return_count ?? 0,
        active: c?.active_count ?? 0,
        lost: c?.lost_count ?? 0,
      },
    };
  });

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})T/;

/**
 * A chart point's day. Live Altegio sends epoch ms at UTC midnight; the official description's
 * example sends an ISO date-time with the location's offset ("2026-09-21T23:00:00.000-05:00"),
 * whose day is the one written in it, on the location's own clock.
 */
const pointDay = z.union([
  num.transform((ms, ctx) => {
    const d = new Date(ms);
    if (!Number.isNaN(d.getTime())) return d.toISOString().slice(0, 10);
    ctx.addIssue({ code: 'custom', message: 'expected a time' });
    return z.NEVER;
  }),
  z.string().transform((v, ctx) => {
    const m = ISO_DAY.exec(v.trim());
    if (m && !Number.isNaN(Date.parse(v))) return m[1]!;
    ctx.addIssue({ code: 'custom', message: 'expected a date-time' });
    return z.NEVER;
  }),
]);

/** [day, value] → the calendar day it names. */
const point = z.tuple([pointDay, numOr(0)]).transform(([date, value]) => ({ date, value }));

export const dailyChartSchema = z.array(
  z
    .object({ label: z.string(), slug: text, data: listOf(point) })
    .transform((s): ChartSeries => ({ label: s.label, slug: s.slug, points: s.data })),
);

export const shareChartSchema = z.array(
  z.object({ label: z.string(), data: numOr(0) }).transform((s): ChartSlice => ({ label: s.label, value: s.data })),
);

/** Tip settings with the links and the staff block the Today screen and the tip cards need. */
export const tipsSettingFullSchema = z
  .object({
    id: id,
    staff_id: id,
    is_enabled: flag(false),
    status: numOrNull,
    status_title: text,
    landing_external: text,
    master_tips_form_link: text,
    staff: objectOrEmpty(z.object({ name: text, avatar: picture }).loose()).optional(),
  })
  .transform((t): TipsSetting => ({
    id: t.id,
    staffId: t.staff_id,
    isEnabled: t.is_enabled,
    statusTitle: t.status_title,
    status: t.status,
    link: t.landing_external ?? t.master_tips_form_link,
    staffName: t.staff?.name ?? null,
    staffAvatar: t.staff?.avatar ?? null,
  }));

export const tipsSettingsFullSchema = listOf(tipsSettingFullSchema);
