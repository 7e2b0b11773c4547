/**
 * The desk's languages and their messages, shared by the renderer (vue-i18n) and main (the printed
 * report). One file per language; English is the source and the fallback for a missing key.
 */
import { en, type MessageKey, type Translation } from './en';
import { es } from './es';
import { ptBR } from './pt-BR';
import { ru } from './ru';
import { uk } from './uk';

export { en, type MessageKey, type Translation } from './en';

export const LANGUAGES = ['en', 'ru', 'uk', 'es', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself: a picker must be readable by someone who cannot read the current language. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  ru: 'Русский',
  uk: 'Українська',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
};

export const MESSAGES: Readonly<Record<Language, Translation>> = { en, ru, uk, es, 'pt-BR': ptBR };

/**
 * The CLDR plural categories a language's "a|b|c" messages list, in order. Russian and Ukrainian
 * write three forms (1 услуга, 2 услуги, 5 услуг); their CLDR "other" (fractions: 1,5 услуги)
 * takes the "few" form.
 */
export const PLURAL_FORMS: Readonly<Record<Language, readonly Intl.LDMLPluralRule[]>> = {
  en: ['one', 'other'],
  ru: ['one', 'few', 'many'],
  uk: ['one', 'few', 'many'],
  es: ['one', 'other'],
  'pt-BR': ['one', 'other'],
};
const PLURAL_FALLBACK: Partial<Record<Intl.LDMLPluralRule, Intl.LDMLPluralRule>> = {
  other: 'few',
  zero: 'many',
  two: 'few',
};

const pluralRules = new Map<Language, Intl.PluralRules>();

/** Which of a message's `choices` forms fits `count` in `lang` (vue-i18n's pluralRules contract). */
export function pluralIndex(lang: Language, count: number, choices: number): number {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  const forms = PLURAL_FORMS[lang];
  const category = rules.select(Math.abs(count));
  let i = forms.indexOf(category);
  if (i < 0) i = forms.indexOf(PLURAL_FALLBACK[category] ?? 'other');
  if (i < 0) i = forms.length - 1;
  return Math.min(i, choices - 1);
}

export function isLanguage(tag: unknown): tag is Language {
  return typeof tag === 'string' && (LANGUAGES as readonly string[]).includes(tag);
}

/**
 * The first supported language among BCP 47 tags in preference order ("pt-PT" → pt-BR, "ru-KZ" →
 * ru, "uk-UA" → uk, "es-419" → es), or null. Only Brazilian Portuguese is written, so any "pt" takes it.
 */
export function matchLanguage(tags: readonly (string | null | undefined)[]): Language | null {
  for (const tag of tags) {
    if (!tag) continue;
    const base = tag.trim().replace('_', '-').split('-')[0]!.toLowerCase();
    if (base === 'pt') return 'pt-BR';
    if (isLanguage(base)) return base;
  }
  return null;
}

/**
 * The desk's language: the one chosen in Settings, else the signed-in Altegio user's, else the OS's
 * preferred languages, else English.
 */
export function resolveLanguage(
  chosen: string | null | undefined,
  userLanguage: string | null | undefined,
  systemLanguages: readonly string[],
): Language {
  if (isLanguage(chosen)) return chosen;
  return matchLanguage([userLanguage]) ?? matchLanguage(systemLanguages) ?? 'en';
}

/** One message in `lang`, English when that language lacks it. For main, whose labels take no params. */
export function message(lang: Language, key: MessageKey): string {
  return MESSAGES[lang][key] ?? en[key];
}
