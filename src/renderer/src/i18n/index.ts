import { en, type MessageKey } from '../../../shared/i18n/en';

export type { MessageKey } from '../../../shared/i18n/en';

const plural = new Intl.PluralRules('en');
const number = new Intl.NumberFormat('en');

/** The English string for `key`, with `{param}`s filled in (numbers grouped: "20,000") and "one|other" chosen by `count`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  let text: string = en[key];
  if (text.includes('|') && typeof params['count'] === 'number') {
    const [one, other] = text.split('|') as [string, string];
    text = plural.select(params['count']) === 'one' ? one : other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? number.format(value) : value;
  });
}
