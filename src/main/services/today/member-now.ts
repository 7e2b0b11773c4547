import type { ClockRange, MemberNow } from '../../../shared/domain/today';

/**
 * A day's intervals as minutes from the day's midnight. A shift that ends at or before it starts
 * runs past midnight (22:00–02:00 ends at 26:00), and so does any time earlier than the day's
 * first start on such a day (a 00:30 booking on a night shift): plain "HH:mm" comparisons would
 * call the member finished at 23:00 (issue 19 §3.13).
 */
interface Span {
  from: number;
  to: number;
}

const DAY = 24 * 60;
const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number): string => {
  const d = ((m % DAY) + DAY) % DAY;
  return `${String(Math.floor(d / 60)).padStart(2, '0')}:${String(d % 60).padStart(2, '0')}`;
};

function onDay(hours: ClockRange[]): { shifts: Span[]; at: (t: string) => number } {
  const starts = hours.map((h) => minutes(h.from));
  const dayStart = starts.length ? Math.min(...starts) : 0;
  const wraps = hours.some((h) => minutes(h.to) <= minutes(h.from));
  const at = (t: string) => (wraps && minutes(t) < dayStart ? minutes(t) + DAY : minutes(t));
  const shifts = hours
    .map((h) => {
      const from = at(h.from);
      let to = at(h.to);
      if (to <= from) to += DAY;
      return { from, to };
    })
    .sort((a, b) => a.from - b.from);
  return { shifts, at };
}

const spanOf = (r: ClockRange, at: (t: string) => number): Span => {
  const from = at(r.from);
  let to = at(r.to);
  if (to <= from) to += DAY;
  return { from, to };
};

/** The gaps between working intervals: the breaks (also across midnight). */
export function breaksOf(hours: ClockRange[]): ClockRange[] {
  const { shifts } = onDay(hours);
  const out: ClockRange[] = [];
  for (let i = 1; i < shifts.length; i++) {
    if (shifts[i - 1]!.to < shifts[i]!.from) out.push({ from: hhmm(shifts[i - 1]!.to), to: hhmm(shifts[i]!.from) });
  }
  return out;
}

/** Back-to-back bookings read as one: "with a client until 12:00", not until 11:00 and again. */
function busyUntil(busy: Span[], now: number): number | null {
  const sorted = [...busy].sort((a, b) => a.from - b.from);
  const current = sorted.find((b) => b.from <= now && now < b.to);
  if (!current) return null;
  let until = current.to;
  for (const b of sorted) if (b.from <= until && b.to > until) until = b.to;
  return until;
}

/**
 * Where a member is at `clock` (HH:mm in the location's time zone — never the desk PC's):
 * before the day starts, with a client, free, on a break, or done.
 */
export function memberNow(hours: ClockRange[], busy: ClockRange[], clock: string): MemberNow {
  const { shifts, at } = onDay(hours);
  if (shifts.length === 0) return { kind: 'after' };
  const now = minutes(clock);
  if (now < shifts[0]!.from) return { kind: 'before', at: hhmm(shifts[0]!.from) };
  if (now >= shifts.at(-1)!.to) return { kind: 'after' };
  const slot = shifts.find((s) => s.from <= now && now < s.to);
  if (!slot) return { kind: 'break', until: hhmm(shifts.find((s) => s.from > now)!.from) };
  const booked = busy.map((b) => spanOf(b, at));
  const until = busyUntil(booked, now);
  if (until !== null) return { kind: 'busy', until: hhmm(until) };
  const next = booked
    .map((b) => b.from)
    .filter((f) => f > now)
    .sort((a, b) => a - b)[0];
  if (next !== undefined && next <= slot.to) return { kind: 'free', until: hhmm(next) };
  return { kind: 'free', until: slot === shifts.at(-1) ? null : hhmm(slot.to) };
}
