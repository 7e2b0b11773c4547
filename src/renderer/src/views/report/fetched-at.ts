/**
 * "18:02", or "21 Nov, 18:02" when it was not today, in the location's own timezone: the same
 * clock the printed report uses for "figures from Altegio as of", so the badge and the page agree
 * even when the desk's PC is set to another zone.
 */
export function fetchedAtText(iso: string, timeZone: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  let zone: string | undefined = timeZone;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    zone = undefined; // an unknown zone name: the PC's clock is better than nothing
  }
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: zone });
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: zone });
  return ymd.format(at) === ymd.format(now) ? clock.format(at) : `${day.format(at)}, ${clock.format(at)}`;
}
