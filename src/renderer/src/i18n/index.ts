import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import {
  LANGUAGES,
  LANGUAGE_NAMES,
  MESSAGES,
  pluralIndex,
  type Language,
  type MessageKey,
} from '../../../shared/i18n';

import { PSEUDO_LOCALE, pseudoMessages } from '../../../shared/i18n/pseudo';

export type { MessageKey, Language } from '../../../shared/i18n';

/**
 * `?pseudo` in the page's address shows the pseudo-locale (accented, 40 % longer) whatever the
 * desk's language: the e2e layout pass uses it. Nothing in the app links to it.
 */
const PSEUDO = typeof location !== 'undefined' && new URLSearchParams(location.search).has('pseudo');

/**
 * vue-i18n in Composition mode. Its message compiler builds messages as closures (JIT), never with
 * eval, so it runs under the renderer's CSP without 'unsafe-eval'.
 */
export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: {
    ...(MESSAGES as Record<Language, Record<string, string>>),
    ...(PSEUDO ? { [PSEUDO_LOCALE]: pseudoMessages() } : {}),
  },
  pluralRules: Object.fromEntries(
    LANGUAGES.map((lang) => [lang, (choice: number, choices: number) => pluralIndex(lang, choice, choices)]),
  ),
  // A missing translation falls back to English quietly; the key test is what catches it.
  missingWarn: false,
  fallbackWarn: false,
});

const composer = i18n.global;
const numbers = new Map<string, Intl.NumberFormat>();

function numberText(n: number): string {
  const lang = composer.locale.value;
  let f = numbers.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang);
    numbers.set(lang, f);
  }
  return f.format(n);
}

/**
 * The string for `key` in the desk's language, with `{param}`s filled in (numbers grouped the
 * language's way: "20,000", "20 000") and the plural form chosen by a numeric `count`.
 * Reactive: a template calling t() re-renders when the language changes.
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const named: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    named[name] = typeof value === 'number' ? numberText(value) : value;
  }
  const count = params['count'];
  return typeof count === 'number' ? composer.t(key, named, count) : composer.t(key, named);
}

/** The desk's current language (a ref: read `.value`). */
export const language = computed<Language>(() => composer.locale.value as Language);

/** Switches every screen at once; no reload. */
export function setLanguage(lang: Language): void {
  const shown = PSEUDO ? PSEUDO_LOCALE : lang;
  composer.locale.value = shown;
  document.documentElement.lang = shown;
}

export { LANGUAGES, LANGUAGE_NAMES };
