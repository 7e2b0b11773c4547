import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, ok, sampleSettings, sampleUser } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(async () => {
  app?.unmount();
  app = null;
  const { setLanguage } = await import('../../src/renderer/src/i18n');
  setLanguage('en');
});

describe('"Recent actions on this desk" in the desk language (issue 25 §14)', () => {
  it('a Russian desk reads the time the Russian way, through the shared formatter', async () => {
    const api = createFakeApi({
      session: { current: async () => ok(sampleUser) },
      settings: {
        get: async () => ok(sampleSettings({ desk: { locationId: null, paper: 'a4', printer: null, language: 'ru' } })),
      },
      desk: {
        audit: async () => ok([{ id: 1, at: '2026-12-07T16:54:00.000Z', userName: 'Anna', action: 'print', detail: null }]),
      },
    });
    app = await mountApp({ api, at: '/settings' });
    await settle();
    const time = app.wrapper.get('ol.audit time').text();
    expect(time).not.toMatch(/\d+\/\d+\/\d+/); // "12/7/26, 11:54 AM" is the PC's default language
    expect(time).toMatch(/дек/);
  });

  it('the coalesced wrong-PIN row says how many, in words, in the desk language (issue 21 §6)', async () => {
    const rows = [
      { id: 2, at: '2026-12-07T16:55:00.000Z', userName: 'Anna', action: 'pin-wrong', detail: null, count: 12 },
      { id: 1, at: '2026-12-07T16:54:00.000Z', userName: 'Léa', action: 'pin-wrong', detail: null },
    ];
    const seen: Record<string, string[]> = {};
    for (const language of ['en', 'ru'] as const) {
      const api = createFakeApi({
        session: { current: async () => ok(sampleUser) },
        settings: {
          get: async () => ok(sampleSettings({ desk: { locationId: null, paper: 'a4', printer: null, language } })),
        },
        desk: { audit: async () => ok(rows) },
      });
      app = await mountApp({ api, at: '/settings' });
      await settle();
      seen[language] = app.wrapper.findAll('ol.audit li span').map((s) => s.text());
      app.unmount();
      app = null;
    }
    expect(seen['en']).toEqual(['typed a wrong PIN 12 times', 'typed a wrong PIN']);
    expect(seen['ru']).toEqual(['неверный ПИН-код: 12 раз', 'неверный ПИН-код']);
  });
});
