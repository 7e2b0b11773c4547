import { afterEach, describe, expect, it } from 'vitest';
import { language, setLanguage, t } from '../../../src/renderer/src/i18n';

afterEach(() => setLanguage('en'));

describe('t() on vue-i18n', () => {
  it('keeps the English call shape: params and one|other plurals with grouped numbers', () => {
    expect(t('catalogue.performers', { count: 1 })).toBe('1 person');
    expect(t('catalogue.performers', { count: 3 })).toBe('3 people');
    expect(t('catalogue.results', { count: 20000 })).toBe('20,000 services');
    expect(t('catalogue.noMatch', { query: 'gel' })).toBe("No services match 'gel'");
  });

  it('uses Russian one/few/many forms', () => {
    setLanguage('ru');
    expect(language.value).toBe('ru');
    expect(t('catalogue.results', { count: 1 })).toBe('1 услуга');
    expect(t('catalogue.results', { count: 3 })).toBe('3 услуги');
    expect(t('catalogue.results', { count: 5 })).toBe('5 услуг');
    expect(t('catalogue.results', { count: 21 })).toBe('21 услуга');
    expect(t('catalogue.results', { count: 11 })).toBe('11 услуг');
    expect(t('catalogue.results', { count: 22 })).toBe('22 услуги');
    expect(t('catalogue.results', { count: 20000 })).toBe('20\u00a0000 услуг');
  });

  it('uses Ukrainian forms and switches back without reload', () => {
    setLanguage('uk');
    expect(t('outbox.attempts', { count: 2 })).toBe('2 спроби');
    expect(t('outbox.attempts', { count: 7 })).toBe('7 спроб');
    setLanguage('es');
    expect(t('nav.report')).toBe('Informe del día');
    expect(t('catalogue.performers', { count: 0 })).toBe('0 profesionales');
    setLanguage('pt-BR');
    expect(t('catalogue.performers', { count: 1 })).toBe('1 profissional');
    expect(document.documentElement.lang).toBe('pt-BR');
  });
});

describe('errors in the desk language', () => {
  it('uses main’s English sentence only on an English desk', async () => {
    const { errorText, fieldErrors } = await import('../../../src/renderer/src/i18n/errors');
    const e = { code: 'FORBIDDEN', message: 'Your role cannot edit team photos.' } as const;
    const invalid = { code: 'INVALID_INPUT', message: 'password: enter the password' } as const;
    expect(errorText(e)).toBe('Your role cannot edit team photos.');
    expect(fieldErrors(invalid)).toEqual({ password: 'enter the password' });
    setLanguage('ru');
    expect(errorText(e)).toBe('У вашей учётной записи Altegio нет прав на это действие.');
    expect(fieldErrors(invalid)).toEqual({ password: 'Проверьте введённые данные.' });
  });
});
