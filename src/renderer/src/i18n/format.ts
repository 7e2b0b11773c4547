/**
 * Numbers, durations and times for the screens, in the desk's language (reactive: a template that
 * calls these re-renders on a language switch). Money is not here: it follows the location, see
 * moneyFormat in src/shared/format.
 */
import { formatDuration } from '../../../shared/format/duration';
import {
  deskTimeZone,
  formatDateTime,
  formatRecent,
  formatTime,
  formatWallTime,
} from '../../../shared/format/datetime';
import { language } from './index';

const numbers = new Map<string, Intl.NumberFormat>();

/** "20,000" / "20 000". */
export function formatCount(n: number): string {
  const lang = language.value;
  let f = numbers.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang);
    numbers.set(lang, f);
  }
  return f.format(n);
}

/** "1 hr, 15 min" / "1 ч 15 мин". */
export function duration(sec: number): string {
  return formatDuration(sec, language.value);
}

/** A visit's wall-clock time at the location (zone named when the desk is elsewhere), as on paper. */
export function visitTime(iso: string, timeZone: string): string {
  return formatWallTime(iso, { lang: language.value, timeZone });
}

/** An instant on the location's clock, "14:00" / "2:00 PM" (zone named when the desk is elsewhere). */
export function locationTime(iso: string, timeZone: string): string {
  return formatTime(iso, { lang: language.value, timeZone });
}

/** "14:00" today or "21 нояб., 14:00" on the location's clock (zone named when the desk is elsewhere). */
export function recentAt(iso: string, timeZone: string | null | undefined, now?: Date): string {
  return formatRecent(iso, { lang: language.value, timeZone: timeZone || deskTimeZone() }, now);
}

/** A time on this desk's own clock (things the desk itself schedules, like the next upload try). */
export function deskTime(iso: string): string {
  return formatTime(iso, { lang: language.value, timeZone: deskTimeZone() });
}

/** A date and time on this desk's own clock ("7 дек. 2026 г., 16:54"): things that happened at this desk. */
export function deskDateTime(iso: string): string {
  return formatDateTime(iso, { lang: language.value, timeZone: deskTimeZone() });
}
