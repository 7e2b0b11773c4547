import { AsYouType, parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js';

/**
 * Why a typed phone is wrong, in words a receptionist can act on (each is a `phone.reason.*` sentence).
 * - `empty`: nothing typed where a number is needed.
 * - `notANumber`: letters or signs a phone cannot have.
 * - `invalidCountryCode`: "+999…": no country dials with that code.
 * - `addCountryCode`: no country is known to read a local number by (sign-in on a new desk): type it with +.
 * - `tooShort` / `tooLong`: digits missing or one too many for that country.
 * - `notForCountry`: the right length but no number of that country's plan (a US "(212) 055-…").
 */
export type PhoneReason =
  'empty' | 'notANumber' | 'invalidCountryCode' | 'addCountryCode' | 'tooShort' | 'tooLong' | 'notForCountry';

export interface PhoneCheck {
  valid: boolean;
  reason: PhoneReason | null;
  /** As people write it there: national format for the country's own numbers, international otherwise. */
  formatted: string;
  /** "+77011234567"; null when the text is not a number at all. */
  e164: string | null;
  /** The country the number belongs to, when libphonenumber can tell. */
  country: string | null;
}

const asCountry = (c: string | null | undefined): CountryCode | undefined =>
  c && /^[A-Z]{2}$/.test(c) ? (c as CountryCode) : undefined;

/** Only what a phone may hold: digits, one leading + and the usual separators. */
const PHONE_CHARS = /^\+?[\d\s().\-/]+$/;

/**
 * A sign-in login that should be read as a phone: phone characters only and at least five digits
 * ("desk@salon.com" or "maria" stay logins; "+7 701…" and "8 (701)…" are phones).
 */
export function looksLikePhone(text: string): boolean {
  const t = text.trim();
  return PHONE_CHARS.test(t) && (t.match(/\d/g)?.length ?? 0) >= 5;
}

/** The number as typed so far, grouped the country's way ("8 (701) 123 4567", "(212) 555-0175"). */
export function formatAsTyped(text: string, country: string | null): string {
  if (!PHONE_CHARS.test(text.trim())) return text;
  return new AsYouType(asCountry(country)).input(text);
}

/**
 * INVALID_LENGTH means "no length of that country's plan": more digits than a number there has when
 * dropping some from the end reaches a possible length, else fewer.
 */
function lengthReason(text: string, country: CountryCode | undefined): 'tooShort' | 'tooLong' {
  let t = text.trim();
  while (/\d\D*$/.test(t) && (t.match(/\d/g)?.length ?? 0) > 3) {
    t = t.replace(/\d\D*$/, '');
    const r = validatePhoneNumberLength(t, country);
    if (r === undefined) return 'tooLong';
    if (r === 'TOO_SHORT') return 'tooLong';
  }
  return 'tooShort';
}

/** The whole check, the same on the desk's screen and in main before a change is queued or sent. */
export function checkPhone(text: string, locationCountry: string | null): PhoneCheck {
  const t = text.trim();
  const country = asCountry(locationCountry);
  const bad = (reason: PhoneReason, e164: string | null = null, c: string | null = null): PhoneCheck => ({
    valid: false,
    reason,
    formatted: t ? formatAsTyped(t, locationCountry) : '',
    e164,
    country: c,
  });
  if (!t) return bad('empty');
  if (!PHONE_CHARS.test(t)) return bad('notANumber');
  // "79161234567" with no +: Altegio's own examples write numbers that way; read it as international
  // when the country's national plan cannot.
  const national = parsePhoneNumberFromString(t, country);
  const intl = t.startsWith('+') ? null : parsePhoneNumberFromString(`+${t}`);
  const n = national?.isValid() ? national : intl?.isValid() ? intl : national;
  const input = n === intl ? `+${t}` : t;
  const length = validatePhoneNumberLength(input, country);
  if (length === 'INVALID_COUNTRY')
    return bad(t.startsWith('+') ? 'invalidCountryCode' : !country ? 'addCountryCode' : 'notANumber');
  if (length === 'NOT_A_NUMBER') return bad('notANumber');
  if (length === 'TOO_SHORT') return bad('tooShort', n?.number ?? null, n?.country ?? null);
  if (length === 'TOO_LONG') return bad('tooLong', n?.number ?? null, n?.country ?? null);
  if (length === 'INVALID_LENGTH') return bad(lengthReason(input, country), n?.number ?? null, n?.country ?? null);
  if (!n || !n.isValid()) return bad('notForCountry', n?.number ?? null, n?.country ?? null);
  return {
    valid: true,
    reason: null,
    formatted: country && n.country === country ? n.formatNational() : n.formatInternational(),
    e164: n.number,
    country: n.country ?? null,
  };
}
