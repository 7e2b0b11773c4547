import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFakeApi,
  ok,
  sampleCategories,
  sampleHit,
  sampleLocation,
  samplePage,
  sampleStaff,
  sampleUser,
} from './support/fake-api';
import { mountApp, settle, stubLayout, type MountedApp } from './support/mount-app';

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

function filtersApi() {
  return createFakeApi({
    session: { current: async () => ok(sampleUser) },
    catalog: {
      locations: async () => ok({ items: [sampleLocation()], syncedAt: null }),
      // 12 + 8 in known categories, 3 more whose category Altegio does not list.
      categories: async ({ staffId }) =>
        staffId === 7
          ? ok({
              items: [
                { ...sampleCategories[0]!, serviceCount: 2 },
                { ...sampleCategories[1]!, serviceCount: 0 },
              ],
              total: 2,
              syncedAt: null,
            })
          : ok({ items: sampleCategories, total: 23, syncedAt: null }),
      search: async () =>
        ok(samplePage([sampleHit(1, { title: 'Mystery service', categoryId: 999, categoryTitle: '' })])),
    },
    staff: {
      list: async () =>
        ok({
          items: [
            sampleStaff(7, { name: 'Anna Smith', position: 'Colourist' }),
            sampleStaff(8, { name: 'Anna Smith', position: 'Nail technician' }),
          ],
          syncedAt: null,
        }),
    },
  });
}

const allServices = (a: MountedApp) => a.wrapper.findAll('nav button')[0]!.text();

describe('catalogue filters', () => {
  it('"All services" shows every service, also those with an unknown category', async () => {
    app = await mountApp({ api: filtersApi(), at: '/catalogue' });
    expect(allServices(app)).toContain('23');
  });

  it('a service without a known category has no stray separator in its subtitle', async () => {
    app = await mountApp({ api: filtersApi(), at: '/catalogue' });
    const meta = app.wrapper.get('[role=option] .meta').text();
    expect(meta).toBe('2 people');
  });

  it('category counts follow the team filter', async () => {
    app = await mountApp({ api: filtersApi(), at: '/catalogue' });
    await app.wrapper.get('.staff-filter select').setValue('7');
    await settle();
    expect(app.api.catalog.categories).toHaveBeenLastCalledWith({ locationId: 101, staffId: 7 });
    expect(allServices(app)).toContain('2');
    expect(app.wrapper.findAll('nav button')[2]!.text()).toContain('0');
  });

  it('team members with the same name are told apart by their position', async () => {
    app = await mountApp({ api: filtersApi(), at: '/catalogue' });
    const options = app.wrapper.findAll('.staff-filter option').map((o) => o.text());
    expect(options.slice(1)).toEqual(['Anna Smith — Colourist', 'Anna Smith — Nail technician']);
  });
});
