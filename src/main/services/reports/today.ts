import { wallClock } from './zoned-time';

/**
 * The calendar day (YYYY-MM-DD) it is at `now` in `timezone` — the location's own day, which at
 * 23:30 in Almaty is already tomorrow on a PC set to Berlin, and still yesterday on one in New York.
 */
export function todayIn(timezone: string, now: Date): string {
  const w = wallClock(timezone, now.getTime());
  return `${w.year}-${w.month}-${w.day}`;
}
