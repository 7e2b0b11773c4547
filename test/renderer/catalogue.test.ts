import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceHit } from '../../src/shared/domain/catalog';
import {
  createFakeApi,
  fail,
  ok,
  sampleCategories,
  sampleDetail,
  sampleHit,
  sampleLocation,
  samplePage,
  sampleStaff,
  sampleUser,
  type FakeApiOverrides,
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

/** Enough for the debounce: waits, never asserts on time. */
const afterTyping = () => settle(200);

function catalogueApi(overrides: FakeApiOverrides = {}) {
  return createFakeApi({
    session: { current: async () => ok(sampleUser) },
    catalog: {
      locations: async () => ok({ items: [sampleLocation()], syncedAt: null }),
      categories: async () => ok({ items: sampleCategories, total: 20, syncedAt: null }),
      search: async ({ query }) =>
        ok(
          query === ''
            ? samplePage([
                sampleHit(1, { title: 'Balayage' }),
                sampleHit(2, { title: 'Gel nails', categoryTitle: 'Nails' }),
              ])
            : samplePage([sampleHit(1, { title: 'Balayage' })]),
        ),
      service: async ({ id }) => ok(sampleDetail(id, { title: 'Balayage' })),
      ...overrides.catalog,
    },
    staff: { list: async () => ok({ items: [sampleStaff(1, { name: 'Maria Lopez' })], syncedAt: null }) },
    ...(overrides.sync ? { sync: overrides.sync } : {}),
  });
}

const rows = (a: MountedApp) => a.wrapper.findAll('[role=option]');

describe('catalogue', () => {
  it('opens with the search box focused and lists services with price, duration and performers', async () => {
    app = await mountApp({ api: catalogueApi(), at: '/catalogue' });
    expect(document.activeElement).toBe(app.wrapper.get('input[type=search]').element);
    expect(rows(app)).toHaveLength(2);
    const first = rows(app)[0]!.text();
    expect(first).toContain('Balayage');
    expect(first).toContain('Hair');
    expect(first).toContain('£40–60');
    expect(first).toContain('1 hr');
    expect(first).toContain('2 people');
    expect(app.wrapper.text()).toContain('All services');
    expect(app.wrapper.text()).toContain('20'); // 12 + 8 in "All services"
  });

  it('searches as you type with the query and the location, and renders the rows', async () => {
    app = await mountApp({ api: catalogueApi(), at: '/catalogue' });
    await app.wrapper.get('input[type=search]').setValue('bala');
    await afterTyping();
    expect(app.api.catalog.search).toHaveBeenLastCalledWith(
      expect.objectContaining({ locationId: 101, query: 'bala', offset: 0 }),
    );
    expect(rows(app)).toHaveLength(1);
    expect(rows(app)[0]!.text()).toContain('Balayage');
  });

  it('filters by category and by team member', async () => {
    app = await mountApp({ api: catalogueApi(), at: '/catalogue' });
    const nails = app.wrapper.findAll('nav button').find((b) => b.text().startsWith('Nails'))!;
    await nails.trigger('click');
    await settle();
    expect(app.api.catalog.search).toHaveBeenLastCalledWith(expect.objectContaining({ categoryId: 2 }));
    await app.wrapper.get('.staff-filter select').setValue('1');
    await settle();
    expect(app.api.catalog.search).toHaveBeenLastCalledWith(expect.objectContaining({ categoryId: 2, staffId: 1 }));
  });

  it('focuses the search on Ctrl+K and Cmd+K', async () => {
    app = await mountApp({ api: catalogueApi(), at: '/catalogue' });
    const input = app.wrapper.get('input[type=search]').element as HTMLInputElement;
    input.blur();
    expect(document.activeElement).not.toBe(input);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }));
    expect(document.activeElement).toBe(input);
    input.blur();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'K', metaKey: true }));
    expect(document.activeElement).toBe(input);
  });

  it('shows a designed empty state when nothing matches', async () => {
    const api = catalogueApi({
      catalog: { search: async ({ query }) => ok(query ? samplePage([]) : samplePage([sampleHit(1)])) },
    });
    app = await mountApp({ api, at: '/catalogue' });
    await app.wrapper.get('input[type=search]').setValue('xyz');
    await afterTyping();
    expect(app.wrapper.text()).toContain("No services match 'xyz'");
    const clear = app.wrapper.findAll('button').find((b) => b.text() === 'Clear search')!;
    await clear.trigger('click');
    await afterTyping();
    expect(rows(app)).toHaveLength(1);
  });

  it('says nothing is synced yet and offers Sync when the desk has no catalogue', async () => {
    const api = catalogueApi({ catalog: { locations: async () => ok({ items: [], syncedAt: null }) } });
    app = await mountApp({ api, at: '/catalogue' });
    expect(app.wrapper.text()).toContain('Nothing synced yet — press Sync');
    const sync = app.wrapper.findAll('.list-area button').find((b) => b.text() === 'Sync')!;
    await sync.trigger('click');
    expect(app.api.sync.run).toHaveBeenCalled();
  });

  it('shows an error state with a retry, not a blank list', async () => {
    let broken = true;
    const api = catalogueApi({
      catalog: {
        search: async () =>
          broken ? fail('STORAGE', 'The offline catalogue could not be read.') : ok(samplePage([sampleHit(1)])),
      },
    });
    app = await mountApp({ api, at: '/catalogue' });
    expect(app.wrapper.text()).toContain('The catalogue could not be read');
    expect(app.wrapper.text()).toContain('The offline catalogue could not be read.');
    broken = false;
    await app.wrapper
      .findAll('button')
      .find((b) => b.text() === 'Try again')!
      .trigger('click');
    await settle();
    expect(rows(app)).toHaveLength(1);
  });

  it('opens the detail with who performs the service, by click and by keyboard', async () => {
    app = await mountApp({ api: catalogueApi(), at: '/catalogue' });
    await rows(app)[0]!.trigger('click');
    await settle();
    expect(app.api.catalog.service).toHaveBeenCalledWith({ locationId: 101, id: 1 });
    const detail = app.wrapper.get('[data-test=service-detail]').text();
    expect(detail).toContain('Maria Lopez');
    expect(detail).toContain('Senior stylist');
    expect(detail).toContain('£50');
    expect(detail).toContain('Includes wash and blow-dry.');

    const input = app.wrapper.get('input[type=search]');
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'Enter' });
    await settle();
    expect(app.api.catalog.service).toHaveBeenLastCalledWith({ locationId: 101, id: 2 });
    expect(rows(app)[1]!.classes()).toContain('row-selected');
  });

  it('filtered to one member, the detail headline quotes her own price and duration', async () => {
    const own = {
      staffId: 1,
      name: 'Maria Lopez',
      position: 'Senior stylist',
      avatarUrl: null,
      durationSec: 9000,
      durationDisplay: '2 hr 30 min',
      price: { min: 60, max: 60, display: '£60.00' },
    };
    const api = catalogueApi({
      catalog: {
        service: async ({ id }) =>
          ok(sampleDetail(id, { title: 'Balayage', durationSec: 10_800, performers: [own] })),
      },
    });
    app = await mountApp({ api, at: '/catalogue' });
    const headline = () => app!.wrapper.get('[data-test=service-detail] .facts').text();
    await rows(app)[0]!.trigger('click');
    await settle();
    expect(headline()).toContain('£40–60');
    expect(headline()).toContain('3 hr');

    await app.wrapper.get('.staff-filter select').setValue('1');
    await settle();
    await rows(app)[0]!.trigger('click');
    await settle();
    expect(headline()).toContain('£60.00');
    expect(headline()).not.toContain('£40–60');
    expect(headline()).toContain('2 hr, 30 min');
    expect(app.wrapper.get('[data-test=service-detail] .for-member').text()).toContain('Maria Lopez');
  });

  it('virtualizes 20 000 results and pages in more by offset as the list scrolls', async () => {
    const TOTAL = 20_000;
    const page = (offset: number, limit: number): ServiceHit[] =>
      Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => sampleHit(offset + i + 1));
    const api = catalogueApi({
      catalog: { search: async ({ offset = 0, limit = 50 }) => ok(samplePage(page(offset, limit), TOTAL)) },
    });
    app = await mountApp({ api, at: '/catalogue' });
    const rendered = rows(app).length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);
    expect(app.wrapper.text()).toContain('20,000 services');

    const scroller = app.wrapper.get('[role=listbox]').element as HTMLElement;
    scroller.scrollTop = 76 * 12_345;
    scroller.dispatchEvent(new Event('scroll'));
    await settle();
    const offsets = api.catalog.search.mock.calls.map(([args]) => args.offset);
    expect(offsets).toContain(12_300);
    expect(app.wrapper.text()).toContain('Service 12346');

    // A new search starts at the top of its own results.
    await app.wrapper.get('input[type=search]').setValue('service');
    await afterTyping();
    expect(scroller.scrollTop).toBe(0);
  });

  it('reloads when the location it shows finishes syncing', async () => {
    let syncedAt = '2025-01-10T09:12:00.000Z';
    const api = catalogueApi({
      catalog: { locations: async () => ok({ items: [sampleLocation({ syncedAt })], syncedAt }) },
    });
    app = await mountApp({ api, at: '/catalogue' });
    const before = api.catalog.search.mock.calls.length;
    syncedAt = '2025-01-10T10:00:00.000Z';
    api.emit('catalog-updated', { locationId: 101, syncedAt });
    await settle();
    expect(api.catalog.search.mock.calls.length).toBeGreaterThan(before);
  });
});
