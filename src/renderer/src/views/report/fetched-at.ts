import { recentAt } from '../../i18n/format';

/**
 * "18:02", or "22 нояб., 18:02" when it was not today, on the location's own clock: the same clock
 * the printed report uses for "figures from Altegio as of", so the badge and the page agree; the
 * zone is named when the desk's PC is set to another one.
 */
export function fetchedAtText(iso: string, timeZone: string, now: Date = new Date()): string {
  return recentAt(iso, timeZone, now);
}
