import type { LoyaltyPeriod, LoyaltyPeriodKind } from '../../../shared/domain/loyalty';
import { AppError } from '../../../shared/errors';
import { addDays, locationNow } from '../today/calendar';

/**
 * Period arithmetic for "who comes back", on whole location days (YYYY-MM-DD strings): the location's
 * "today" comes from its own clock once, then nothing depends on a time zone, so DST cannot move a day.
 */

/** Altegio analytics answer at most a year per request. */
export const MAX_PERIOD_DAYS = 366;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

function monthStart(date: string, back = 0): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 10);
}

function monthEnd(start: string): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The same number of days right before [from, to]. */
function before(from: string, to: string): { compareFrom: string; compareTo: string } {
  const length = daysBetween(from, to);
  return { compareFrom: addDays(from, -length), compareTo: addDays(from, -1) };
}

/**
 * The period of `kind` on the location's day `today`, with the period it is compared with:
 * - month: the 1st to today, against the same days of last month (the 31st against a shorter month's last day);
 * - lastMonth: the whole previous month, against the whole month before it;
 * - days30 / days90: the last 30 / 90 days with today, against the 30 / 90 days before;
 * - custom: the days given (not after today), against as many days right before.
 */
export function loyaltyPeriod(
  kind: LoyaltyPeriodKind,
  today: string,
  custom?: { from: string; to: string },
): LoyaltyPeriod {
  switch (kind) {
    case 'month': {
      const from = monthStart(today);
      const compareFrom = monthStart(today, 1);
      const lastOfPrev = monthEnd(compareFrom);
      const day = Math.min(Number(today.slice(8, 10)), Number(lastOfPrev.slice(8, 10)));
      return {
        kind,
        from,
        to: today,
        compareFrom,
        compareTo: `${compareFrom.slice(0, 8)}${String(day).padStart(2, '0')}`,
      };
    }
    case 'lastMonth': {
      const from = monthStart(today, 1);
      const compareFrom = monthStart(today, 2);
      return { kind, from, to: monthEnd(from), compareFrom, compareTo: monthEnd(compareFrom) };
    }
    case 'days30':
    case 'days90': {
      const from = addDays(today, -(kind === 'days30' ? 29 : 89));
      return { kind, from, to: today, ...before(from, today) };
    }
    case 'custom': {
      if (!custom) throw new AppError('INVALID_INPUT', 'Choose the first and the last day of the period.');
      const { from, to } = custom;
      if (to < from) throw new AppError('INVALID_INPUT', 'The last day comes before the first day.');
      if (to > today) throw new AppError('INVALID_INPUT', 'The period cannot end after today.');
      if (daysBetween(from, to) > MAX_PERIOD_DAYS)
        throw new AppError('INVALID_INPUT', 'Choose a period of at most a year.');
      return { kind, from, to, ...before(from, to) };
    }
  }
}

/** The period on the location's own clock at `now`. */
export function loyaltyPeriodAt(
  kind: LoyaltyPeriodKind,
  timezone: string,
  now: Date,
  custom?: { from: string; to: string },
): LoyaltyPeriod {
  return loyaltyPeriod(kind, locationNow(timezone, now).date, custom);
}

/** The calendar month `back` months before today's (0: this month so far, ending today). */
export function loyaltyMonth(today: string, back: number): { from: string; to: string } {
  const from = monthStart(today, back);
  return { from, to: back === 0 ? today : monthEnd(from) };
}

export { daysBetween };
