/** Whole minutes since `iso` (0 for the future or junk), for "updated 4 min ago". */
export function minutesSince(iso: string, now: Date = new Date()): number {
  const ms = now.getTime() - new Date(iso).getTime();
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 60_000) : 0;
}
