import { describe, expect, it } from 'vitest';
import {
  checkPhone,
  formatAsTyped,
  looksLikePhone,
  locationPhoneCountry,
  signInPhoneCountry,
} from '../../../src/shared/phone';

describe('phones that are right: the local check says why a number is wrong (issue 22 §4)', () => {
  it.each([
    ['RU', '8 916 123-45-67', '+79161234567', '8 (916) 123-45-67'],
    ['UA', '050 123 4567', '+380501234567', '050 123 4567'],
    ['KZ', '8 (701) 123-45-67', '+77011234567', '8 (701) 123 4567'],
    ['MX', '55 1234 5678', '+525512345678', '55 1234 5678'],
    ['BR', '11 91234 5678', '+5511912345678', '(11) 91234-5678'],
    ['US', '(212) 555-0175', '+12125550175', '(212) 555-0175'],
  ])('%s: a right number is formatted the country’s way and known in E.164', (country, typed, e164, formatted) => {
    expect(checkPhone(typed, country)).toEqual({ valid: true, reason: null, formatted, e164, country });
  });

  it.each([
    ['RU', '8 916 123', 'tooShort'],
    ['RU', '+7 916 123 45 67 8', 'tooLong'],
    ['UA', '050 12', 'tooShort'],
    ['KZ', '+7 701 123 45', 'tooShort'],
    ['MX', '55 1234 5678 9999', 'tooLong'],
    ['BR', '11 1234', 'tooShort'],
    ['US', '(212) 055-0175', 'notForCountry'],
    ['US', '+1 555 555 0175', 'notForCountry'],
    ['US', '+999 123 4567', 'invalidCountryCode'],
    ['RU', 'call me', 'notANumber'],
    ['KZ', '   ', 'empty'],
  ] as const)('%s: “%s” is refused as %s', (country, typed, reason) => {
    const c = checkPhone(typed, country);
    expect(c.valid).toBe(false);
    expect(c.reason).toBe(reason);
  });

  it('a foreign number at a location is right, written internationally', () => {
    expect(checkPhone('+33 1 42 68 53 00', 'US')).toMatchObject({ valid: true, formatted: '+33 1 42 68 53 00' });
  });

  it('Altegio’s own digits-only form (“79161234567”) is read as international', () => {
    expect(checkPhone('79161234567', 'US')).toMatchObject({ valid: true, e164: '+79161234567' });
  });

  it('formats as typed, and leaves anything not a phone alone', () => {
    expect(formatAsTyped('2125550', 'US')).toBe('(212) 555-0');
    expect(formatAsTyped('desk@salon', 'US')).toBe('desk@salon');
  });

  it('tells a phone login from an e-mail or a name', () => {
    expect(looksLikePhone('+7 701 123 45 67')).toBe(true);
    expect(looksLikePhone('8 (701) 123-45-67')).toBe(true);
    expect(looksLikePhone('desk@frontdesk.app')).toBe(false);
    expect(looksLikePhone('maria')).toBe(false);
    expect(looksLikePhone('1234')).toBe(false);
  });

  it('the location’s country: its own numbers first, then its time zone', () => {
    expect(locationPhoneCountry({ phones: ['+7 727 123 45 67'], timezoneName: 'Europe/Moscow' })).toBe('KZ');
    expect(locationPhoneCountry({ phones: [], timezoneName: 'America/Mexico_City' })).toBe('MX');
    expect(locationPhoneCountry({ phones: [], timezoneName: '' })).toBeNull();
    expect(signInPhoneCountry('KZ', 'ru')).toBe('KZ');
    expect(signInPhoneCountry(null, 'pt-BR')).toBe('BR');
    expect(signInPhoneCountry(null, 'ru')).toBeNull();
  });
});

describe('sign-in on a desk that knows no country', () => {
  it('a local number asks for the country code; an international one is read', () => {
    expect(checkPhone('8 916 123 45 67', null).reason).toBe('addCountryCode');
    expect(checkPhone('+7 916 123 45 67', null)).toMatchObject({ valid: true, e164: '+79161234567' });
  });
});
