import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/renderer/src/i18n';
import { rememberLocationCountry } from '../../src/renderer/src/lib/phone-country';
import { mountApp, settle, type MountedApp } from './support/mount-app';

/** Sign-in by phone (issue 22 §4): Altegio's POST /auth takes a phone as the login. */
let app: MountedApp | null = null;
beforeEach(() => {
  localStorage.clear();
  setLanguage('en');
});
afterEach(() => {
  app?.unmount();
  app = null;
  setLanguage('en');
});

async function signIn(login: string, lang: 'en' | 'ru' = 'en') {
  app = await mountApp({ at: '/sign-in' });
  // The app applies the desk's saved language at start; the one under test comes after.
  setLanguage(lang);
  const w = app.wrapper;
  await w.get('#sign-in-login').setValue(login);
  await w.get('#sign-in-password').setValue('secret');
  await w.get('form').trigger('submit');
  await settle();
  return w;
}

describe('sign-in by phone', () => {
  it('a local number is read for the last location’s country and sent in E.164', async () => {
    rememberLocationCountry('Asia/Almaty');
    const w = await signIn('8 (701) 123-45-67');
    expect(app!.api.session.signIn).toHaveBeenCalledWith({
      environment: 'demo',
      login: '+77011234567',
      password: 'secret',
    });
    expect(w.find('[data-test=phone-error]').exists()).toBe(false);
  });

  it('a wrong phone is refused with the reason, in the desk’s language, before any request', async () => {
    rememberLocationCountry('America/New_York');
    const w = await signIn('(212) 555', 'ru');
    expect(app!.api.session.signIn).not.toHaveBeenCalled();
    expect(w.get('[data-test=phone-error]').text()).toBe('Номер слишком короткий: не хватает цифр.');
  });

  it('with no location known, a language without a region asks for the country code', async () => {
    const w = await signIn('8 916 123 45 67', 'ru');
    expect(app!.api.session.signIn).not.toHaveBeenCalled();
    expect(w.get('[data-test=phone-error]').text()).toBe('Введите номер с кодом страны, начиная с +.');
  });

  it('an e-mail login goes as typed', async () => {
    await signIn('anna@salon.example');
    expect(app!.api.session.signIn).toHaveBeenCalledWith(expect.objectContaining({ login: 'anna@salon.example' }));
  });
});
