import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, fail, ok, sampleSettings } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

const TOKEN = 'pt-9f8e7d6c5b4a-secret';

describe('settings', () => {
  it('never displays the partner token: status only, a password field that empties after saving', async () => {
    const api = createFakeApi({
      settings: { get: async () => ok(sampleSettings({ partnerToken: { set: true, source: 'keychain' } })) },
    });
    app = await mountApp({ api, at: '/settings' });
    const w = app.wrapper;
    expect(w.get('[data-test=token-status]').text()).toBe('A partner token is set (keychain)');

    const input = w.get<HTMLInputElement>('#settings-token-input');
    expect(input.attributes('type')).toBe('password');
    expect(input.element.value).toBe('');
    await input.setValue(TOKEN);
    await w
      .findAll('button')
      .find((b) => b.text() === 'Save token')!
      .trigger('click');
    await settle();

    expect(api.settings.setPartnerToken).toHaveBeenCalledWith({ token: TOKEN });
    expect(input.element.value).toBe('');
    expect(w.html()).not.toContain(TOKEN);
    expect(w.text()).toContain('Partner token saved.');
    expect(w.get('[data-test=token-status]').text()).toBe('A partner token is set (keychain)');
  });

  it('removes the token with null and says none is set', async () => {
    const api = createFakeApi({
      settings: { get: async () => ok(sampleSettings({ partnerToken: { set: true, source: 'keychain' } })) },
    });
    app = await mountApp({ api, at: '/settings' });
    await app.wrapper
      .findAll('button')
      .find((b) => b.text() === 'Remove token')!
      .trigger('click');
    await settle();
    expect(api.settings.setPartnerToken).toHaveBeenCalledWith({ token: null });
    expect(app.wrapper.get('[data-test=token-status]').text()).toContain('No partner token is set');
  });

  it("shows main's field message when the token is refused", async () => {
    const api = createFakeApi({
      settings: {
        setPartnerToken: async () =>
          fail('INVALID_INPUT', 'token: the partner token looks too short', {
            fields: [{ field: 'token', message: 'the partner token looks too short' }],
          }),
      },
    });
    app = await mountApp({ api, at: '/settings' });
    await app.wrapper.get('#settings-token-input').setValue('short');
    await app.wrapper
      .findAll('button')
      .find((b) => b.text() === 'Save token')!
      .trigger('click');
    await settle();
    expect(app.wrapper.text()).toContain('The partner token looks too short');
    expect(app.wrapper.html()).not.toContain('value="short"');
  });

  it('saves the environment, the refresh interval and shows the app version', async () => {
    app = await mountApp({ at: '/settings' });
    const w = app.wrapper;
    expect(w.get('[data-test=app-version]').text()).toContain('Version 0.1.0');

    await w.get('input[type=radio][value=custom]').setValue(true);
    await w.get('#settings-url').setValue('https://mock.example/api/v1');
    await w
      .findAll('button')
      .find((b) => b.text() === 'Save environment')!
      .trigger('click');
    await settle();
    expect(app.api.settings.environment).toHaveBeenCalledWith({
      id: 'custom',
      customUrl: 'https://mock.example/api/v1',
    });
    expect(w.text()).toContain('Environment saved.');

    await w.get('#settings-minutes').setValue('45');
    await w
      .findAll('button')
      .find((b) => b.text() === 'Save')!
      .trigger('click');
    await settle();
    expect(app.api.settings.desk).toHaveBeenCalledWith({ staleAfterMinutes: 45 });
  });

  it('explains why the environment cannot change while signed in', async () => {
    const api = createFakeApi({
      settings: {
        environment: async () => fail('INVALID_INPUT', 'Sign out before switching to another Altegio environment.'),
      },
    });
    app = await mountApp({ api, at: '/settings' });
    await app.wrapper.get('input[type=radio][value=altegio]').setValue(true);
    await app.wrapper
      .findAll('button')
      .find((b) => b.text() === 'Save environment')!
      .trigger('click');
    await settle();
    expect(app.wrapper.text()).toContain('Sign out before switching to another Altegio environment.');
  });
});

describe('language', () => {
  afterEach(async () => {
    const { setLanguage } = await import('../../src/renderer/src/i18n');
    setLanguage('en');
  });

  it('switches every screen at once when a language is picked, and remembers it on the desk', async () => {
    const api = createFakeApi();
    app = await mountApp({ api, at: '/settings' });
    const w = app.wrapper;
    expect(w.text()).toContain('Settings');
    await w.get('[data-test=language]').setValue('ru');
    await settle();
    expect(api.settings.desk).toHaveBeenCalledWith({ language: 'ru' });
    // main hears the language in effect: it prints the day report and formats durations in it
    expect(api.settings.desk).toHaveBeenCalledWith({ uiLocale: 'ru' });
    expect(w.find('h1').text()).toBe('Настройки');
    expect(w.text()).toContain('Язык');
    expect(w.text()).not.toContain('Partner token');

    await w.get('[data-test=language]').setValue('');
    await settle();
    expect(api.settings.desk).toHaveBeenCalledWith({ language: null });
    expect(w.find('h1').text()).toBe('Settings'); // automatic: the test browser's languages are English
  });

  it('starts in the language remembered on the desk', async () => {
    const api = createFakeApi({
      settings: {
        get: async () => ok(sampleSettings({ desk: { locationId: null, paper: 'a4', printer: null, language: 'es' } })),
      },
    });
    app = await mountApp({ api, at: '/settings' });
    await settle();
    expect(app.wrapper.find('h1').text()).toBe('Ajustes');
  });
});
