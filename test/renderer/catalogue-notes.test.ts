import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, ok, sampleLocation, samplePage, sampleHit, sampleUser } from './support/fake-api';
import { mountApp, stubLayout, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
let unstub: () => void = () => undefined;
beforeEach(() => {
  unstub = stubLayout();
});
afterEach(() => {
  app?.unmount();
  app = null;
  unstub();
});

/** Issue 19 §2.1: categories that could not be read leave the services under "Other", with a note. */
describe('catalogue when Altegio’s categories could not be read', () => {
  it('shows the services under "Other" and says why', async () => {
    const api = createFakeApi({
      session: { current: async () => ok(sampleUser) },
      catalog: {
        locations: async () => ok({ items: [sampleLocation()], syncedAt: null }),
        categories: async () =>
          ok({
            items: [{ id: 0, title: '', serviceCount: 3 }],
            total: 3,
            syncedAt: null,
            notes: ['categoriesUnavailable' as const],
          }),
        search: async () => ok(samplePage([sampleHit(1, { categoryId: 0, categoryTitle: '' })])),
      },
    });
    app = await mountApp({ api, at: '/catalogue' });
    const buttons = app.wrapper.findAll('nav button').map((b) => b.text());
    expect(buttons[1]).toContain('Other');
    expect(buttons[1]).toContain('3');
    expect(app.wrapper.get('nav [role=status]').text()).toMatch(/categories could not be loaded.*Other/);
  });

  it('shows no note when the categories were read', async () => {
    const api = createFakeApi({
      session: { current: async () => ok(sampleUser) },
      catalog: {
        locations: async () => ok({ items: [sampleLocation()], syncedAt: null }),
        categories: async () => ok({ items: [{ id: 5, title: 'Hair', serviceCount: 3 }], total: 3, syncedAt: null }),
      },
    });
    app = await mountApp({ api, at: '/catalogue' });
    expect(app.wrapper.find('nav [role=status]').exists()).toBe(false);
  });
});
