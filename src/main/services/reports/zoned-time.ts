/**
 * Wall-clock time in a named IANA timezone, with Intl only (no date library needed for this).
 * An unknown zone name falls back to the PC's own zone: a desk usually sits in its location.
 */

interface Wall {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  /** "+03:00", "-04:00", "+00:00". */
  offset: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    };
    try {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: timezone });
    } catch {
      f = new Intl.DateTimeFormat('en-US', options);
    }
    formatters.set(timezone, f);
  }
  return f;
}

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

export function wallClock(timezone: string, epochMs: number): Wall {
  const wall: Wall = { year: '', month: '', day: '', hour: '', minute: '', second: '', offset: '+00:00' };
  for (const p of formatterFor(timezone).formatToParts(epochMs)) {
    switch (p.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        wall[p.type] = p.value;
        break;
      case 'timeZoneName': {
        // "GMT+03:00", "GMT-04:00"; some ICU versions write a zero offset as bare "GMT"
        const off = p.value.replace(/^GMT/, '');
        wall.offset = off === '' ? '+00:00' : off;
        break;
      }
    }
  }
  return wall;
}

/** "2016-12-07T12:00:00+03:00": the instant as the location's clock showed it. */
export function isoInZone(timezone: string, epochMs: number): string {
  const w = wallClock(timezone, epochMs);
  return `${w.year}-${w.month}-${w.day}T${w.hour}:${w.minute}:${w.second}${w.offset}`;
}
