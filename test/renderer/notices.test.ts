import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, ok, sampleUser } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

describe('notices from main', () => {
  it('a rebuilt cache says the catalogue downloads again and that the records were not touched', async () => {
    const api = createFakeApi({
      app: { status: async () => ok({ storageRebuilt: { cache: true, records: null } }) },
    });
    app = await mountApp({ api, at: '/sign-in' });
    const text = app.wrapper.get('[data-test="notice-rebuilt"]').text();
    expect(text).toContain('catalogue file on this desk was damaged and has been rebuilt');
    expect(text).toContain('kept in a separate file and were not affected');
  });

  it('a salvaged records file names, in every language, what could not be saved', async () => {
    const { setLanguage, LANGUAGES } = await import('../../src/renderer/src/i18n');
    const storageRebuilt = {
      cache: false,
      records: {
        saved: [
          { kind: 'cashups' as const, rows: 3 },
          { kind: 'audit' as const, rows: 0 },
        ],
        lost: ['cashups' as const, 'audit' as const],
      },
    };
    const api = createFakeApi({ app: { status: async () => ok({ storageRebuilt }) } });
    app = await mountApp({ api, at: '/sign-in' });
    const seen = new Set<string>();
    const kinds: Record<string, [string, string]> = {
      en: ['cash-ups', 'the activity list'],
      ru: ['сверки кассы', 'журнал действий'],
      uk: ['звірки каси', 'журнал дій'],
      es: ['los arqueos de caja', 'la lista de actividad'],
      'pt-BR': ['os fechamentos de caixa', 'a lista de atividades'],
    };
    try {
      for (const lang of LANGUAGES) {
        setLanguage(lang);
        await settle();
        const text = app.wrapper.get('[data-test="notice-rebuilt"]').text();
        for (const word of kinds[lang]!) expect(text, lang).toContain(word);
        expect(text).not.toContain('{lost}');
        seen.add(text);
      }
    } finally {
      setLanguage('en');
    }
    expect(seen.size).toBe(LANGUAGES.length);
    expect([...seen][0]).toContain('Could not be saved completely: cash-ups and the activity list.');
  });

  it('a salvaged records file that kept everything says so', async () => {
    const api = createFakeApi({
      app: { status: async () => ok({ storageRebuilt: { cache: true, records: { saved: [], lost: [] } } }) },
    });
    app = await mountApp({ api, at: '/sign-in' });
    const text = app.wrapper.get('[data-test="notice-rebuilt"]').text();
    expect(text).toContain('Everything in it was saved');
    expect(text).not.toContain('were not affected');
  });

  it('warns when Altegio lists no locations and removes the saved ones only when confirmed', async () => {
    const api = createFakeApi({
      session: { current: async () => ok(sampleUser) },
      sync: { status: async () => ok({ online: true, running: false, locations: [], missingLocations: [1, 2] }) },
    });
    app = await mountApp({ api, at: '/catalogue' });
    const banner = app.wrapper.get('[data-test="notice-locations-missing"]');
    expect(banner.text()).toContain('Altegio lists no locations for this login — ask your manager');
    expect(api.sync.confirmRemoval).not.toHaveBeenCalled();
    await banner.get('button').trigger('click');
    await settle();
    expect(api.sync.confirmRemoval).toHaveBeenCalledTimes(1);
    expect(app.wrapper.find('[data-test="notice-locations-missing"]').exists()).toBe(false);
  });

  it('shows the warning when main reports it later, and hides it when cleared', async () => {
    const api = createFakeApi({ session: { current: async () => ok(sampleUser) } });
    app = await mountApp({ api, at: '/catalogue' });
    expect(app.wrapper.find('[data-test="notice-locations-missing"]').exists()).toBe(false);
    api.emit('catalog-removal-pending', { locationIds: [5] });
    await settle();
    expect(app.wrapper.get('[data-test="notice-locations-missing"]').text()).toContain('1 location is kept');
    api.emit('catalog-removal-pending', { locationIds: [] });
    await settle();
    expect(app.wrapper.find('[data-test="notice-locations-missing"]').exists()).toBe(false);
  });
});
