import type { DemoLocation, DemoVisit } from './types';
import { addDays, localDate, zonedUnix } from './zoned';

/**
 * The demo salon's schedule and bookings, derived from its seeded sales so that every Today
 * figure agrees with the day report: whoever had a paid visit that day was at work, covering it.
 * Minutes are after local midnight.
 */

export interface DemoInterval {
  from: number;
  to: number;
}

export interface DemoShift {
  staffId: number;
  date: string;
  slots: DemoInterval[];
  busy: DemoInterval[];
}

/** A visit is booked for an hour in the demo (the Z-report carries no durations). */
export const VISIT_MINUTES = 60;

const SHIFTS: DemoInterval[][] = [
  [
    { from: 9 * 60, to: 13 * 60 },
    { from: 14 * 60, to: 18 * 60 },
  ],
  [
    { from: 10 * 60, to: 14 * 60 },
    { from: 14 * 60 + 30, to: 19 * 60 },
  ],
  [
    { from: 11 * 60, to: 15 * 60 },
    { from: 15 * 60 + 30, to: 20 * 60 },
  ],
];

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

function minutesOf(at: number, timeZone: string, date: string): number {
  return Math.round((at - zonedUnix(date, 0, timeZone)) / 60);
}

/** The first seeded day: before it nothing is known, from it on a day without sales was a closed day. */
function firstSeeded(l: DemoLocation): string | null {
  const days = Object.keys(l.days).sort();
  return days[0] ?? null;
}

export function visitsOf(l: DemoLocation, date: string, staffId?: number): DemoVisit[] {
  const visits = l.days[date] ?? [];
  if (staffId === undefined) return visits;
  return visits.flatMap((v) => {
    const masters = v.masters.filter((m) => m.masterId === staffId);
    return masters.length > 0 ? [{ ...v, masters }] : [];
  });
}

/** Who works on `date` and when; `today` is the location's current day (days after it follow the rota). */
export function shiftsOn(l: DemoLocation, date: string, today: string): DemoShift[] {
  const first = firstSeeded(l);
  const closed = first !== null && date >= first && date <= today && !(date in l.days);
  if (closed) return [];
  const tz = l.company.timezoneName;
  const n = dayNumber(date);
  const out: DemoShift[] = [];
  for (const m of l.staff) {
    if (m.fired || m.deleted || m.hidden) continue; // hidden members take no bookings
    const busy = visitsOf(l, date, m.id)
      .map((v) => minutesOf(v.at, tz, date))
      .map((from) => ({ from, to: from + VISIT_MINUTES }));
    const rotaOff = (m.id + n) % 7 === 0;
    if (busy.length === 0 && rotaOff) continue;
    let slots = SHIFTS[(m.id + n) % SHIFTS.length]!.map((s) => ({ ...s }));
    // Stretch the day over every booked visit; a visit during the break removes the break.
    const start = Math.min(slots[0]!.from, ...busy.map((b) => b.from));
    const end = Math.max(slots.at(-1)!.to, ...busy.map((b) => b.to));
    slots[0]!.from = start;
    slots.at(-1)!.to = end;
    const gap = { from: slots[0]!.to, to: slots[1]!.from };
    if (busy.some((b) => b.from < gap.to && b.to > gap.from)) slots = [{ from: start, to: end }];
    out.push({ staffId: m.id, date, slots, busy });
  }
  return out;
}

/** The first quarter hour from `now` when someone is at work and free for an hour, within a week. */
export function nextFreeSlot(l: DemoLocation, now: Date): { date: string; minutes: number } | null {
  const tz = l.company.timezoneName;
  const today = localDate(now, tz);
  for (let d = 0; d < 7; d++) {
    const date = addDays(today, d);
    const nowMin = d === 0 ? Math.ceil(minutesOf(Math.floor(now.getTime() / 1000), tz, date) / 15) * 15 : 0;
    const shifts = shiftsOn(l, date, today);
    for (let t = nowMin; t < 24 * 60; t += 15) {
      const free = shifts.some(
        (s) =>
          s.slots.some((x) => x.from <= t && t + VISIT_MINUTES <= x.to) &&
          !s.busy.some((b) => b.from < t + VISIT_MINUTES && b.to > t),
      );
      if (free) return { date, minutes: t };
    }
  }
  return null;
}

export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** "2026-03-23T10:15:00-05:00": a local wall-clock time with the zone's offset then. */
export function zonedIso(date: string, minutes: number, timeZone: string): string {
  const at = zonedUnix(date, minutes, timeZone);
  const offsetMin = Math.round((Date.parse(`${date}T${hhmm(minutes)}:00Z`) / 1000 - at) / 60);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${date}T${hhmm(minutes)}:00${sign}${hhmm(abs)}`;
}
