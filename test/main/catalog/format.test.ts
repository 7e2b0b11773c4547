import { describe, expect, it } from 'vitest';
import { currencyCode, formatDuration, formatMoney, moneyFormat, signedMoney, sumAmounts, visibleMoney } from '../../../src/shared/format';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('formatMoney: the location’s conventions and the currency’s minor units', () => {
  it('reads the same for the issue’s three locations on every screen and on paper', () => {
    // New York (USD), Almaty (Altegio's live servers send "₸"), Paris ("€").
    expect(formatMoney(65, 'USD', 'America/New_York')).toBe('$65.00');
    expect(formatMoney(1088.5, 'USD', 'America/New_York')).toBe('$1,088.50');
    expect(formatMoney(257500, '₸', 'Asia/Almaty')).toBe(`257${NBSP}500${NBSP}₸`);
    expect(formatMoney(105500, 'KZT', 'Asia/Almaty')).toBe(`105${NBSP}500${NBSP}₸`);
    expect(formatMoney(696.4, '€', 'Europe/Paris')).toBe(`696,40${NBSP}€`);
    expect(formatMoney(1202, 'EUR', 'Europe/Paris')).toBe(`1${NNBSP}202,00${NBSP}€`);
  });

  it('uses the digits Intl gives the currency', () => {
    expect(formatMoney(1500, 'HUF', 'Europe/Budapest')).toBe(`1500${NBSP}Ft`);
    expect(formatMoney(1990, '₽', 'Europe/Moscow')).toBe(`1${NBSP}990,00${NBSP}₽`);
  });

  it('a fraction in a currency without circulating coins shows two decimals, never one (issue 19 §3.14)', () => {
    expect(formatMoney(1234567.5, '₸', 'Asia/Almaty')).toBe(`1${NBSP}234${NBSP}567,50${NBSP}₸`);
    expect(formatMoney(12345.68, 'KZT', 'Asia/Almaty')).toBe(`12${NBSP}345,68${NBSP}₸`);
    expect(formatMoney(257500, '₸', 'Asia/Almaty')).toBe(`257${NBSP}500${NBSP}₸`);
    expect(formatMoney({ min: 2500, max: 4000.5 }, '₸', 'Asia/Almaty')).toBe(`2${NBSP}500,00–4${NBSP}000,50${NBSP}₸`);
  });

  it('reads an ambiguous "$" by the location’s country', () => {
    expect(formatMoney(40, '$', 'America/New_York')).toBe('$40.00');
    expect(moneyFormat('$', 'America/New_York').iso).toBe('USD');
    expect(moneyFormat('$', 'America/Mexico_City').iso).toBe('MXN');
  });

  it('takes the ISO code Altegio gives separately (analytics’ currency.iso) over the symbol', () => {
    expect(moneyFormat('$', 'America/Toronto', 'CAD')(12.5)).toBe('$12.50');
    expect(moneyFormat('$', 'America/Toronto', 'CAD').iso).toBe('CAD');
  });

  it('follows the currency’s country when the zone is not known', () => {
    expect(formatMoney(2500, '₸', null)).toBe(`2${NBSP}500${NBSP}₸`);
    expect(formatMoney(30, '£', undefined)).toBe('£30.00');
  });

  it('formats a range, writing the currency once, and an equal-ended range as one amount', () => {
    expect(formatMoney({ min: 40, max: 60 }, 'USD', 'America/New_York')).toBe('$40.00–60.00');
    expect(formatMoney({ min: 40, max: 40 }, 'USD', 'America/New_York')).toBe('$40.00');
    expect(formatMoney({ min: 2500, max: 4000 }, '₸', 'Asia/Almaty')).toBe(`2${NBSP}500–4${NBSP}000${NBSP}₸`);
    expect(formatMoney({ min: 20, max: 35 }, 'CHF', 'Europe/Zurich')).toBe(`CHF${NBSP}20.00–35.00`);
  });

  it('prints an unknown symbol after the number as Altegio wrote it, with two decimals', () => {
    expect(formatMoney({ min: 40, max: 60 }, 'kr', 'America/New_York')).toBe(`40.00–60.00${NBSP}kr`);
    expect(formatMoney(1234.5, '', 'America/New_York')).toBe('1,234.50');
    expect(formatMoney(7, null, null)).toBe('7.00');
  });

  it('survives an unknown zone name', () => {
    expect(formatMoney(40, 'USD', 'Mars/Olympus')).toBe('$40.00');
  });

  it('maps currencies to ISO codes', () => {
    expect([
      currencyCode('€'),
      currencyCode('₸'),
      currencyCode('₽'),
      currencyCode('£'),
      currencyCode('usd'),
      currencyCode('$'),
      currencyCode('$', 'en-US'),
      currencyCode(null),
    ]).toEqual(['EUR', 'KZT', 'RUB', 'GBP', 'USD', null, 'USD', null]);
  });
});

describe('sumAmounts', () => {
  it('adds money exactly, keeping a third decimal (fils, millimes) that rounding to cents lost', () => {
    expect(sumAmounts([0.1, 0.2])).toBe(0.3);
    expect(sumAmounts([0.125, 0.25])).toBe(0.375);
    expect(sumAmounts(Array.from({ length: 1000 }, () => 0.01))).toBe(10);
  });
});

describe('formatDuration', () => {
  it('shows hours and minutes in the desk language (Intl.DurationFormat or its polyfill)', () => {
    expect(formatDuration(5400, 'en')).toBe('1 hr, 30 min');
    expect(formatDuration(3600, 'en')).toBe('1 hr');
    expect(formatDuration(900, 'en')).toBe('15 min');
    expect(formatDuration(0, 'en')).toBe('0 min');
    expect(formatDuration(2700, 'ru')).toBe('45 мин');
    expect(formatDuration(4500, 'ru')).toBe('1 ч 15 мин');
    expect(formatDuration(7200, 'ru')).toBe('2 ч');
    expect(formatDuration(4500, 'uk')).toBe('1 год і 15 хв');
    expect(formatDuration(4500, 'es')).toBe('1 h y 15 min');
    expect(formatDuration(4500, 'pt-BR')).toBe('1 h e 15 min');
    expect(formatDuration(89, 'en')).toBe('1 min'); // rounds to whole minutes
  });
});

describe('no signed zero anywhere (issue 25 item 8)', () => {
  it('a negative zero, or a negative amount that rounds to zero, reads as zero', () => {
    expect(formatMoney(-0, 'USD', 'America/New_York')).toBe('$0.00');
    expect(formatMoney(-0.001, 'USD', 'America/New_York')).toBe('$0.00');
    expect(formatMoney(-0, '₸', 'Asia/Almaty')).toBe(`0${NBSP}₸`);
    expect(formatMoney(-0.001, '₸', 'Asia/Almaty')).toBe(`0${NBSP}₸`);
    expect(formatMoney(-5, 'USD', 'America/New_York')).toBe('-$5.00');
    expect(formatMoney(-0, 'XYZ-unknown', null)).toBe(`0.00${NBSP}XYZ-unknown`);
  });

  it('signedMoney writes + and − only when the amount shown is not zero', () => {
    const usd = moneyFormat('USD', 'America/New_York');
    const kzt = moneyFormat('₸', 'Asia/Almaty');
    expect(signedMoney(usd, 0, '−')).toBe('$0.00');
    expect(signedMoney(usd, -0, '+')).toBe('$0.00');
    expect(signedMoney(usd, 0.001, '−')).toBe('$0.00');
    expect(signedMoney(kzt, 0, '−')).toBe(`0${NBSP}₸`);
    expect(signedMoney(usd, 12, '−')).toBe('−$12.00');
    expect(signedMoney(usd, 12, '+')).toBe('+$12.00');
    expect(signedMoney(kzt, 500, '−')).toBe(`−500${NBSP}₸`);
  });
});

describe('a difference too small for the usual digits (issue 25 item 8)', () => {
  it('is shown to the thousandth, never as zero', () => {
    const usd = moneyFormat('USD', 'America/New_York');
    expect(visibleMoney(usd, 0.004)).toBe('$0.004');
    expect(visibleMoney(usd, 12.5)).toBe('$12.50');
    expect(visibleMoney(usd, 0)).toBe('$0.00');
    expect(visibleMoney(moneyFormat('Rp.', null), 0.001)).toBe(`0.001${NBSP}Rp.`);
  });
});
