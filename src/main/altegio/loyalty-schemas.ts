import { z } from 'zod';
import { toIsoDate } from './dates';
import { id, num, numOr, numOrNull, text } from './lenient';
import type { ClientCounts, LoyaltyProgram, LoyaltyStaffRow, LoyaltyVisits } from './loyalty-types';

/**
 * Bodies of the loyalty analytics. The official description lists `client_stats` for visits but shows
 * `visits_stats_by_day` only in its example: both are read, and a day is read in either date form the
 * API uses (YYYY-MM-DD, dd.mm.yyyy). Counts may come as numeric strings. A 2xx whose `data` is missing
 * or not the documented shape fails here and becomes UPSTREAM, never an empty panel.
 */

/** A list that PHP may send keyed by index; unlike `listOf`, a missing list is not an empty one. */
const arrayOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.values(v) : v), z.array(item));

const anyDay = z.string().transform((v, ctx) => {
  const iso = toIsoDate(v.trim());
  if (iso) return iso;
  ctx.addIssue({ code: 'custom', message: 'expected a date' });
  return z.NEVER;
});

const counts = z
  .object({
    all_count: numOr(0),
    lost_count: numOr(0),
    returned_count: numOr(0),
    returned_percent: numOrNull,
  })
  .transform((c): ClientCounts => ({
    all: c.all_count,
    returned: c.returned_count,
    lost: c.lost_count,
    returnedPercent: c.returned_percent,
  }));

const emptyCounts: ClientCounts = { all: 0, returned: 0, lost: 0, returnedPercent: null };

export const loyaltyVisitsSchema = z
  .object({
    client_stats: z.object({ new: counts.optional(), old: counts.optional(), total: counts.optional() }),
    visits_stats_by_day: arrayOf(
      z.object({ date: anyDay, new_count: numOr(0), old_count: numOr(0) }).loose(),
    ).optional(),
  })
  .transform((d): LoyaltyVisits => ({
    newClients: d.client_stats.new ?? emptyCounts,
    oldClients: d.client_stats.old ?? emptyCounts,
    total: d.client_stats.total ?? emptyCounts,
    days: (d.visits_stats_by_day ?? [])
      .map((v) => ({ date: v.date, newCount: v.new_count, oldCount: v.old_count }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  }));

export const loyaltyStaffSchema = arrayOf(
  z
    .object({ client_stats: counts, staff: z.object({ id, name: text }) })
    .transform((r): LoyaltyStaffRow => ({ staffId: r.staff.id, name: r.staff.name ?? '', clients: r.client_stats })),
);

export const loyaltyProgramsSchema = arrayOf(
  z
    .object({ id: num.pipe(z.number().int().positive()), title: text, type: text })
    .transform((p): LoyaltyProgram => ({ id: p.id, title: p.title ?? `#${p.id}`, type: p.type })),
);
