import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * The country a location dials from, read from its own phone numbers (+7 727… → KZ, +1 917… → US).
 * libphonenumber knows the number plans; null when none of the numbers says.
 */
export function phoneCountry(phones: readonly string[]): string | null {
  for (const p of phones) {
    const n = parsePhoneNumberFromString(p.trim().startsWith('+') ? p : `+${p.replace(/^\s*00/, '')}`);
    if (n?.country) return n.country;
  }
  return null;
}

/**
 * A client's phone as people write it at that location: a local number in national format
 * ("(917) 555-1074"), a foreign one in international format ("+33 1 42 68 53 00"). Anything the
 * library cannot read is shown as Altegio sent it.
 */
export function formatPhone(raw: string, country: string | null): string {
  const text = raw.trim();
  if (!text) return text;
  const home = (country ?? undefined) as CountryCode | undefined;
  const n = parsePhoneNumberFromString(text, home) ?? parsePhoneNumberFromString(`+${text.replace(/^\+/, '')}`);
  if (!n || !n.isPossible()) return text;
  return home && n.country === home ? n.formatNational() : n.formatInternational();
}
