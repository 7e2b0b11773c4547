/**
 * Dates and times: the desk's LANGUAGE (month names, 12/24-hour clock) and the LOCATION's time zone,
 * the same on screen and on paper. When the desk's own zone differs from the location's, a time
 * carries the zone's name ("14:00 GMT+5") so nobody reads the salon's clock as the PC's, or back.
 */

let desk: { env: string | undefined; zone: string } | null = null;

/**
 * The zone this process runs in (the desk PC's clock). Building a DateTimeFormat costs ~0.3 ms, so
 * the answer is kept, and asked again only when Node's TZ changes (tests move the desk that way).
 */
export function deskTimeZone(): string {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.['TZ'];
  if (!desk || desk.env !== env) desk = { env, zone: new Intl.DateTimeFormat().resolvedOptions().timeZone };
  return desk.zone;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function make(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat | null {
  try {
    return new Intl.DateTimeFormat(lang, options);
  } catch {
    return null;
  }
}

function dtf(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // An unknown language tag: English. An unknown zone name: the PC's own zone, still in the desk's
  // language; not cached, because the PC's zone is read afresh (tests move the desk by TZ).
  const f = make(lang, options) ?? make('en', options);
  if (f) {
    cache.set(key, f);
    return f;
  }
  const onDesk = { ...options, timeZone: deskTimeZone() };
  return make(lang, onDesk) ?? new Intl.DateTimeFormat('en', onDesk);
}

/** Offsets only change on the hour (DST, law), and Intl's zone names are slow (~0.2 ms): memo per hour. */
const offsets = new Map<string, string | undefined>();

function offsetAt(zone: string, at: Date): string | undefined {
  const key = `${zone}|${Math.floor(at.getTime() / 3_600_000)}`;
  if (offsets.has(key)) return offsets.get(key);
  if (offsets.size >= 10_000) offsets.clear();
  let name: string | undefined;
  try {
    name = dtf('en', { timeZone: zone, timeZoneName: 'longOffset', hour: 'numeric' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    name = undefined;
  }
  offsets.set(key, name);
  return name;
}

function sameOffset(a: string, b: string, at: Date): boolean {
  return a === b || offsetAt(a, at) === offsetAt(b, at);
}

export interface ClockOptions {
  /** The desk's language, e.g. "ru". */
  lang: string;
  /** The location's IANA zone. */
  timeZone: string;
  /** The desk PC's zone; deskTimeZone() when absent. */
  deskZone?: string;
}

/** "14:00" / "2:00 PM" at the location, plus the zone ("14:00 GMT+5") when the desk is elsewhere. */
export function formatTime(at: Date | string, o: ClockOptions): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const marked = !sameOffset(o.timeZone, o.deskZone ?? deskTimeZone(), d);
  return dtf(o.lang, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: o.timeZone,
    ...(marked ? { timeZoneName: 'short' } : {}),
  }).format(d);
}

const zoneNames = new Map<string, string>();

/** The zone's short name at that instant in the desk language ("GMT+5", "EST"), or "" (memo per hour). */
function zoneName(d: Date, o: ClockOptions): string {
  const key = `${o.lang}|${o.timeZone}|${Math.floor(d.getTime() / 3_600_000)}`;
  let name = zoneNames.get(key);
  if (name === undefined) {
    if (zoneNames.size >= 10_000) zoneNames.clear();
    name =
      dtf(o.lang, { hour: 'numeric', timeZone: o.timeZone, timeZoneName: 'short' })
        .formatToParts(d)
        .find((p) => p.type === 'timeZoneName')?.value ?? '';
    zoneNames.set(key, name);
  }
  return name;
}

/**
 * A visit's time from its ISO wall-clock at the location ("2026-03-23T14:00:00+05:00"): "14:00" /
 * "2:00 PM" as written (no zone can shift it), plus the location's zone when the desk is elsewhere.
 */
export function formatWallTime(iso: string, o: ClockOptions): string {
  const h = Number(iso.slice(11, 13));
  const m = Number(iso.slice(14, 16));
  if (!Number.isInteger(h) || !Number.isInteger(m)) return iso;
  const text = dtf(o.lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 1, h, m));
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || sameOffset(o.timeZone, o.deskZone ?? deskTimeZone(), d)) return text;
  const zone = zoneName(d, o);
  return zone ? `${text} ${zone}` : text;
}

/** "23 мар. 2026 г., 21:05" at the location, with the zone when the desk is elsewhere. */
export function formatDateTime(at: Date | string, o: ClockOptions): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const marked = !sameOffset(o.timeZone, o.deskZone ?? deskTimeZone(), d);
  return dtf(o.lang, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: o.timeZone,
    ...(marked ? { timeZoneName: 'short' } : {}),
  }).format(d);
}

/** "14:00" when `at` is today at the location, else "21 нояб., 14:00" (zone named when the desk is elsewhere). */
export function formatRecent(at: Date | string, o: ClockOptions, now: Date = new Date()): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const ymd = dtf('en-CA', { timeZone: o.timeZone });
  const marked = !sameOffset(o.timeZone, o.deskZone ?? deskTimeZone(), d);
  const options: Intl.DateTimeFormatOptions = {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: o.timeZone,
    ...(ymd.format(d) === ymd.format(now) ? {} : { day: 'numeric', month: 'short' }),
    ...(marked ? { timeZoneName: 'short' } : {}),
  };
  return dtf(o.lang, options).format(d);
}

/** "понедельник, 23 марта 2026 г." for a calendar day (YYYY-MM-DD): no zone can shift it. */
export function formatLongDate(ymd: string, lang: string): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return dtf(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** "December 2026" / "декабрь 2026 г." for the month of a calendar day (YYYY-MM-DD): no zone can shift it. */
export function formatMonthYear(ymd: string, lang: string): string {
  const [y, m] = ymd.split('-').map(Number) as [number, number];
  return dtf(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}
