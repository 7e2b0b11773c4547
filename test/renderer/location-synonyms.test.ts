import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, ok, sampleLocation, sampleUser } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

describe('settings: the location’s own search words', () => {
  it('lists the lines, adds "X means Y" for the desk’s location, and removes one', async () => {
    const api = createFakeApi({
      session: { current: async () => ok(sampleUser) },
      catalog: {
        locations: async () => ok({ items: [sampleLocation({ id: 5, title: 'Soho' })], syncedAt: null }),
        synonyms: async () => ok([{ words: 'ombre', means: 'balayage' }]),
      },
    });
    app = await mountApp({ api, at: '/settings' });
    await settle();
    const w = app.wrapper;
    expect(w.get('#settings-synonyms').text()).toBe('Search words for Soho');
    expect(w.text()).toContain('“ombre” means “balayage”');

    await w.get('#synonym-words').setValue('  golden hour ');
    await w.get('#synonym-means').setValue('signature ritual');
    await w.get('.synonym-form').trigger('submit');
    await settle();
    expect(api.catalog.setSynonyms).toHaveBeenLastCalledWith({
      locationId: 5,
      items: [
        { words: 'ombre', means: 'balayage' },
        { words: 'golden hour', means: 'signature ritual' },
      ],
    });
    expect(w.text()).toContain('“golden hour” means “signature ritual”');
    expect(w.text()).toContain('Saved. The catalogue search uses it now.');

    await w.get('[aria-label="Remove “ombre”"]').trigger('click');
    await settle();
    expect(api.catalog.setSynonyms).toHaveBeenLastCalledWith({
      locationId: 5,
      items: [{ words: 'golden hour', means: 'signature ritual' }],
    });
  });

  it('asks for both halves before saving anything', async () => {
    const api = createFakeApi({
      session: { current: async () => ok(sampleUser) },
      catalog: { locations: async () => ok({ items: [sampleLocation({ id: 5 })], syncedAt: null }) },
    });
    app = await mountApp({ api, at: '/settings' });
    await settle();
    await app.wrapper.get('#synonym-words').setValue('ombre');
    await app.wrapper.get('.synonym-form').trigger('submit');
    await settle();
    expect(api.catalog.setSynonyms).not.toHaveBeenCalled();
    expect(app.wrapper.text()).toContain('Type both what clients say and what it means.');
  });
});
