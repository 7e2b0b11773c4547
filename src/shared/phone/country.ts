import { phoneCountry } from '../format/phone';
import { locationLocale, regionOf } from '../format/location-locale';

/**
 * The country a location's phones are typed for. Altegio's `country_id` is an Altegio-internal number
 * and `country` a display name in the account's language ("United States", "Россия"), neither an ISO
 * code; the location's own numbers name their country exactly (libphonenumber), and its time zone —
 * the same one money formatting reads — is the fallback for a location with no number yet.
 */
export function locationPhoneCountry(l: { phones?: readonly string[]; timezoneName?: string | null }): string | null {
  const fromPhones = phoneCountry(l.phones ?? []);
  if (fromPhones) return fromPhones;
  const zone = (l.timezoneName ?? '').trim();
  return zone ? regionOf(locationLocale(zone)) : null;
}

/**
 * Sign-in has no location yet. The last location this desk worked at says where the desk is; the
 * desk language's region is only a guess ("es" is Spain and Mexico alike), so it comes second, and
 * a language without a region gives none: the number must then start with +.
 */
export function signInPhoneCountry(lastLocationCountry: string | null, deskLanguage: string): string | null {
  if (lastLocationCountry) return lastLocationCountry;
  return regionOf(deskLanguage);
}
