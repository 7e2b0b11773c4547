/**
 * A location's number conventions ("257 500 ₸", "696,40 €", "$1,088.50"). Money follows the
 * LOCATION, not the desk's language: a Paris salon's till reads "696,40 €" whatever language the
 * receptionist picked, and the screen must match the printed Z report and the salon's own receipts.
 *
 * Altegio's location object carries no locale; its time zone names the country well enough for
 * numbers (the zone list below covers Altegio's markets), the currency is the fallback.
 */

const ZONE_LOCALE: Readonly<Record<string, string>> = {
  'Europe/Moscow': 'ru-RU',
  'Europe/Kaliningrad': 'ru-RU',
  'Europe/Samara': 'ru-RU',
  'Europe/Volgograd': 'ru-RU',
  'Asia/Yekaterinburg': 'ru-RU',
  'Asia/Omsk': 'ru-RU',
  'Asia/Novosibirsk': 'ru-RU',
  'Asia/Krasnoyarsk': 'ru-RU',
  'Asia/Irkutsk': 'ru-RU',
  'Asia/Yakutsk': 'ru-RU',
  'Asia/Vladivostok': 'ru-RU',
  'Asia/Magadan': 'ru-RU',
  'Asia/Kamchatka': 'ru-RU',
  'Asia/Almaty': 'ru-KZ',
  'Asia/Qostanay': 'ru-KZ',
  'Asia/Aqtobe': 'ru-KZ',
  'Asia/Aqtau': 'ru-KZ',
  'Asia/Atyrau': 'ru-KZ',
  'Asia/Oral': 'ru-KZ',
  'Asia/Qyzylorda': 'ru-KZ',
  'Europe/Kyiv': 'uk-UA',
  'Europe/Kiev': 'uk-UA',
  'Europe/Zaporozhye': 'uk-UA',
  'Europe/Uzhgorod': 'uk-UA',
  'Europe/Minsk': 'ru-BY',
  'Asia/Bishkek': 'ru-KG',
  'Asia/Tashkent': 'uz-UZ',
  'Asia/Samarkand': 'uz-UZ',
  'Asia/Baku': 'az-AZ',
  'Asia/Tbilisi': 'ka-GE',
  'Asia/Yerevan': 'hy-AM',
  'Europe/Chisinau': 'ro-MD',
  'Europe/Riga': 'lv-LV',
  'Europe/Vilnius': 'lt-LT',
  'Europe/Tallinn': 'et-EE',
  'Europe/Paris': 'fr-FR',
  'Europe/Berlin': 'de-DE',
  'Europe/Madrid': 'es-ES',
  'Atlantic/Canary': 'es-ES',
  'Europe/Lisbon': 'pt-PT',
  'Europe/Rome': 'it-IT',
  'Europe/London': 'en-GB',
  'Europe/Dublin': 'en-IE',
  'Europe/Amsterdam': 'nl-NL',
  'Europe/Brussels': 'fr-BE',
  'Europe/Vienna': 'de-AT',
  'Europe/Zurich': 'de-CH',
  'Europe/Warsaw': 'pl-PL',
  'Europe/Prague': 'cs-CZ',
  'Europe/Bratislava': 'sk-SK',
  'Europe/Budapest': 'hu-HU',
  'Europe/Bucharest': 'ro-RO',
  'Europe/Sofia': 'bg-BG',
  'Europe/Athens': 'el-GR',
  'Europe/Istanbul': 'tr-TR',
  'Europe/Belgrade': 'sr-RS',
  'Europe/Helsinki': 'fi-FI',
  'Europe/Stockholm': 'sv-SE',
  'Europe/Oslo': 'nb-NO',
  'Europe/Copenhagen': 'da-DK',
  'Asia/Jerusalem': 'he-IL',
  'Asia/Dubai': 'en-AE',
  'Asia/Kolkata': 'en-IN',
  'America/New_York': 'en-US',
  'America/Chicago': 'en-US',
  'America/Denver': 'en-US',
  'America/Phoenix': 'en-US',
  'America/Los_Angeles': 'en-US',
  'America/Anchorage': 'en-US',
  'Pacific/Honolulu': 'en-US',
  'America/Detroit': 'en-US',
  'America/Toronto': 'en-CA',
  'America/Vancouver': 'en-CA',
  'America/Edmonton': 'en-CA',
  'America/Winnipeg': 'en-CA',
  'America/Mexico_City': 'es-MX',
  'America/Bogota': 'es-CO',
  'America/Lima': 'es-PE',
  'America/Santiago': 'es-CL',
  'America/Argentina/Buenos_Aires': 'es-AR',
  'America/Buenos_Aires': 'es-AR',
  'America/Sao_Paulo': 'pt-BR',
  'America/Fortaleza': 'pt-BR',
  'America/Recife': 'pt-BR',
  'America/Bahia': 'pt-BR',
  'America/Manaus': 'pt-BR',
  'America/Belem': 'pt-BR',
  'Australia/Sydney': 'en-AU',
  'Australia/Melbourne': 'en-AU',
  'Australia/Brisbane': 'en-AU',
  'Australia/Perth': 'en-AU',
  'Pacific/Auckland': 'en-NZ',
};

/** Where the zone is not listed: the country whose conventions a currency most likely means. */
const CURRENCY_LOCALE: Readonly<Record<string, string>> = {
  RUB: 'ru-RU',
  KZT: 'ru-KZ',
  UAH: 'uk-UA',
  BYN: 'ru-BY',
  KGS: 'ru-KG',
  UZS: 'uz-UZ',
  AZN: 'az-AZ',
  GEL: 'ka-GE',
  AMD: 'hy-AM',
  USD: 'en-US',
  CAD: 'en-CA',
  GBP: 'en-GB',
  BRL: 'pt-BR',
  MXN: 'es-MX',
  PLN: 'pl-PL',
  CZK: 'cs-CZ',
  HUF: 'hu-HU',
  RON: 'ro-RO',
  BGN: 'bg-BG',
  TRY: 'tr-TR',
  ILS: 'he-IL',
  AED: 'en-AE',
  INR: 'en-IN',
  AUD: 'en-AU',
  CHF: 'de-CH',
  SEK: 'sv-SE',
  NOK: 'nb-NO',
  DKK: 'da-DK',
};

/** BCP 47 tag for a location's numbers, e.g. "fr-FR" for Europe/Paris, "ru-KZ" for Asia/Almaty or ₸. */
export function locationLocale(timeZone: string | null | undefined, currencyIso?: string | null): string {
  return ZONE_LOCALE[(timeZone ?? '').trim()] ?? (currencyIso ? CURRENCY_LOCALE[currencyIso] : undefined) ?? 'en';
}

/** "US" from "en-US"; null when the tag names no region. */
export function regionOf(locale: string): string | null {
  try {
    return new Intl.Locale(locale).region ?? null;
  } catch {
    return null;
  }
}
