import { locationLocale, regionOf } from '../../../shared/format/location-locale';
import { signInPhoneCountry } from '../../../shared/phone';

const KEY = 'front-desk.lastLocationCountry';

/**
 * Sign-in happens before any location is known. The desk remembers the country of the location it
 * last worked at (not personal: the salon's country), read from the location's time zone.
 */
export function rememberLocationCountry(timezoneName: string | null | undefined): void {
  const region = timezoneName ? regionOf(locationLocale(timezoneName)) : null;
  try {
    if (region) localStorage.setItem(KEY, region);
  } catch {
    // Storage unavailable (private mode): the desk language's region is the fallback.
  }
}

export function signInCountry(deskLanguage: string): string | null {
  let last: string | null = null;
  try {
    last = localStorage.getItem(KEY);
  } catch {
    last = null;
  }
  return signInPhoneCountry(last, deskLanguage);
}
