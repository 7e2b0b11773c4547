import type { ClockRange, MemberNow } from '../../../shared/domain/today';

/** The gaps between working intervals: the breaks. Intervals are sorted first. */
export function breaksOf(hours: ClockRange[]): ClockRange[] {
  const sorted = [...hours].sort((a, b) => a.from.localeCompare(b.from));
  const out: ClockRange[] = [];
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i - 1]!.to < sorted[i]!.from) out.push({ from: sorted[i - 1]!.to, to: sorted[i]!.from });
  }
  return out;
}

/** Back-to-back bookings read as one: "with a client until 12:00", not until 11:00 and again. */
function busyUntil(busy: ClockRange[], clock: string): string | null {
  const sorted = [...busy].sort((a, b) => a.from.localeCompare(b.from));
  const current = sorted.find((b) => b.from <= clock && clock < b.to);
  if (!current) return null;
  let until = current.to;
  for (const b of sorted) if (b.from <= until && b.to > until) until = b.to;
  return until;
}

/**
 * Where a member is at `clock` (HH:mm in the location's time zone — never the desk PC's):
 * before the day starts, with a client, free, on a break, or done. HH:mm strings compare in order.
 */
export function memberNow(hours: ClockRange[], busy: ClockRange[], clock: string): MemberNow {
  const sorted = [...hours].sort((a, b) => a.from.localeCompare(b.from));
  if (sorted.length === 0) return { kind: 'after' };
  if (clock < sorted[0]!.from) return { kind: 'before', at: sorted[0]!.from };
  if (clock >= sorted.at(-1)!.to) return { kind: 'after' };
  const slot = sorted.find((s) => s.from <= clock && clock < s.to);
  if (!slot) return { kind: 'break', until: sorted.find((s) => s.from > clock)!.from };
  const until = busyUntil(busy, clock);
  if (until) return { kind: 'busy', until };
  const next = busy
    .filter((b) => b.from > clock)
    .map((b) => b.from)
    .sort()[0];
  if (next && next <= slot.to) return { kind: 'free', until: next };
  return { kind: 'free', until: slot === sorted.at(-1) ? null : slot.to };
}
