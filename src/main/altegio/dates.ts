const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED = /^(\d{2})\.(\d{2})\.(\d{4})$/;

function valid(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** YYYY-MM-DD → dd.mm.yyyy (the Z-report's wire format); throws on anything else. */
export function isoToDotted(date: string): string {
  const m = ISO.exec(date);
  if (!m || !valid(+m[1]!, +m[2]!, +m[3]!)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** dd.mm.yyyy (or already YYYY-MM-DD) → YYYY-MM-DD; null when it is neither or not a real day. */
export function toIsoDate(date: string): string | null {
  const iso = ISO.exec(date);
  if (iso) return valid(+iso[1]!, +iso[2]!, +iso[3]!) ? date : null;
  const dotted = DOTTED.exec(date);
  if (dotted && valid(+dotted[3]!, +dotted[2]!, +dotted[1]!)) return `${dotted[3]}-${dotted[2]}-${dotted[1]}`;
  return null;
}
