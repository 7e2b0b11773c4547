import { wallClock } from '../reports/zoned-time';

/** Calendar arithmetic on YYYY-MM-DD strings (whole days, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The location's own day and clock at `now`: "2026-03-18", "10:30". */
export function locationNow(timezone: string, now: Date): { date: string; clock: string } {
  const w = wallClock(timezone, now.getTime());
  return { date: `${w.year}-${w.month}-${w.day}`, clock: `${w.hour}:${w.minute}` };
}

export interface Periods {
  today: { from: string; to: string; compareFrom: string; compareTo: string };
  month: { from: string; to: string; compareFrom: string; compareTo: string };
  /** The 30 days the charts show, today included. */
  charts: { from: string; to: string };
}

/**
 * Today against the same weekday a week ago; the month so far against the same days of last month
 * (the 31st compares with the last day of a shorter month).
 */
export function periodsFor(today: string): Periods {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const monthStart = `${today.slice(0, 8)}01`;
  const prevStart = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10);
  const prevLastDay = new Date(Date.UTC(y, m - 1, 0)).getUTCDate();
  const prevEnd = `${prevStart.slice(0, 8)}${String(Math.min(d, prevLastDay)).padStart(2, '0')}`;
  const weekAgo = addDays(today, -7);
  return {
    today: { from: today, to: today, compareFrom: weekAgo, compareTo: weekAgo },
    month: { from: monthStart, to: today, compareFrom: prevStart, compareTo: prevEnd },
    charts: { from: addDays(today, -29), to: today },
  };
}
