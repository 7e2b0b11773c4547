import { describe, expect, it } from 'vitest';
import { currencyCode, formatDuration, formatMoney } from '../../../src/shared/format';

/** Intl uses narrow no-break spaces in some locales; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('uses Intl currency style for ISO codes and unambiguous symbols', () => {
    expect(formatMoney(40, 'USD', 'en')).toBe('$40');
    expect(plain(formatMoney(12.5, '€', 'fr'))).toBe('12,5 €');
    expect(plain(formatMoney(2500, '₸', 'ru'))).toBe('2 500 ₸');
    expect(plain(formatMoney(1990, '₽', 'ru'))).toBe('1 990 ₽');
    expect(formatMoney(30, '£', 'en')).toBe('£30');
    expect(formatMoney(30, 'eur', 'de')).toMatch(/^30\s€$/);
  });

  it('formats a range, and an equal-ended range as one amount', () => {
    expect(formatMoney({ min: 40, max: 60 }, 'USD', 'en')).toBe('$40–60');
    expect(formatMoney({ min: 40, max: 40 }, 'USD', 'en')).toBe('$40');
    expect(plain(formatMoney({ min: 2500, max: 4000 }, '₸', 'ru'))).toBe('2 500–4 000 ₸');
    expect(plain(formatMoney({ min: 20, max: 35.5 }, '€', 'de'))).toBe('20–35,5 €');
    expect(plain(formatMoney({ min: 20, max: 35 }, 'CHF', 'de-CH'))).toBe('CHF 20–35');
    expect(formatMoney({ min: 1500, max: 3000 }, '£', 'en')).toBe('£1,500–3,000');
  });

  it('shows a plain number and the symbol for ambiguous or unknown symbols', () => {
    expect(formatMoney({ min: 40, max: 60 }, '$', 'en')).toBe('40–60 $');
    expect(formatMoney(5, 'kr', 'en')).toBe('5 kr');
    expect(formatMoney(1234.5, '', 'en')).toBe('1,234.5');
    expect(formatMoney(7, null, 'en')).toBe('7');
  });

  it('survives a bad locale tag', () => {
    expect(formatMoney(40, 'USD', 'not a locale!')).toBe('40');
  });

  it('maps currencies to ISO codes', () => {
    expect([
      currencyCode('€'),
      currencyCode('₸'),
      currencyCode('₽'),
      currencyCode('£'),
      currencyCode('usd'),
      currencyCode('$'),
      currencyCode(null),
    ]).toEqual(['EUR', 'KZT', 'RUB', 'GBP', 'USD', null, null]);
  });
});

describe('formatDuration', () => {
  it('shows hours and minutes in the locale', () => {
    expect(formatDuration(5400, 'en')).toBe('1 hr 30 min');
    expect(formatDuration(3600, 'en')).toBe('1 hr');
    expect(formatDuration(900, 'en')).toBe('15 min');
    expect(formatDuration(0, 'en')).toBe('0 min');
    expect(formatDuration(2700, 'ru')).toBe('45 мин');
    expect(formatDuration(7200, 'ru')).toBe('2 ч');
    expect(formatDuration(89, 'en')).toBe('1 min'); // rounds to whole minutes
  });
});
