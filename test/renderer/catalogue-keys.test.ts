import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchPage } from '../../src/shared/domain/catalog';
import {
  createFakeApi,
  ok,
  sampleCategories,
  sampleDetail,
  sampleHit,
  sampleLocation,
  samplePage,
  sampleStaff,
  sampleUser,
} from './support/fake-api';
import { mountApp, settle, stubLayout, type MountedApp } from './support/mount-app';

/** The catalogue's keystroke path: what Enter and Escape act on, the active row, "Did you mean". */

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

const HAIRCUT = sampleHit(1, { title: "Women's haircut — short hair" });
const BALAYAGE = sampleHit(2, { title: 'Balayage' });

function api(search: (query: string) => SearchPage) {
  return createFakeApi({
    session: { current: async () => ok(sampleUser) },
    catalog: {
      locations: async () => ok({ items: [sampleLocation()], syncedAt: null }),
      categories: async () => ok({ items: sampleCategories, syncedAt: null, total: 20 }),
      search: async ({ query }) => ok(search(query)),
      service: async ({ id }) => ok(sampleDetail(id, { title: id === 2 ? 'Balayage' : HAIRCUT.title })),
    },
    staff: { list: async () => ok({ items: [sampleStaff(1)], syncedAt: null }) },
  });
}

const menu = (query: string) =>
  query === '' ? samplePage([HAIRCUT, BALAYAGE]) : query.startsWith('bal') ? samplePage([BALAYAGE]) : samplePage([]);
const rows = (a: MountedApp) => a.wrapper.findAll('[role=option]');
const input = (a: MountedApp) => a.wrapper.get('input[type=search]');
const pane = (a: MountedApp) => a.wrapper.find('[data-test=service-detail]');

describe('catalogue keystrokes', () => {
  it('Enter pressed right after typing opens the typed query’s first result, not the old list’s', async () => {
    app = await mountApp({ api: api(menu), at: '/catalogue' });
    expect(rows(app)[0]!.text()).toContain('Women');
    await input(app).setValue('balayage');
    await input(app).trigger('keydown', { key: 'Enter' }); // before the list shows Balayage
    await settle();
    expect(app.api.catalog.service).toHaveBeenCalledTimes(1);
    expect(app.api.catalog.service).toHaveBeenLastCalledWith({ locationId: 101, id: 2 });
    expect(rows(app)).toHaveLength(1);
    expect(pane(app).text()).toContain('Balayage');
  });

  it('ArrowDown right after typing moves in the typed query’s results', async () => {
    const both = (query: string) => (query === 'gel' ? samplePage([BALAYAGE, HAIRCUT]) : menu(query));
    app = await mountApp({ api: api(both), at: '/catalogue' });
    await input(app).setValue('gel');
    await input(app).trigger('keydown', { key: 'ArrowDown' }); // before the new list is shown
    await input(app).trigger('keydown', { key: 'Enter' });
    await settle();
    expect(app.api.catalog.service).toHaveBeenLastCalledWith({ locationId: 101, id: 1 }); // 2nd row of "gel"
  });

  it('shows the latest query’s results without waiting for a fixed delay', async () => {
    app = await mountApp({ api: api(menu), at: '/catalogue' });
    await input(app).setValue('b');
    await input(app).setValue('ba');
    await input(app).setValue('bal');
    await settle(20); // one frame
    expect(app.api.catalog.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'bal' }));
    expect(rows(app)).toHaveLength(1);
    expect(rows(app)[0]!.text()).toContain('Balayage');
  });

  it('Escape clears the search and closes the open service; a second Escape closes what is left', async () => {
    app = await mountApp({ api: api(menu), at: '/catalogue' });
    await input(app).trigger('keydown', { key: 'Enter' });
    await settle();
    expect(pane(app).text()).toContain('Women');
    await input(app).setValue('bal');
    await settle(20);
    await input(app).trigger('keydown', { key: 'Escape' });
    await settle(20);
    expect((input(app).element as HTMLInputElement).value).toBe('');
    expect(pane(app).exists()).toBe(false);
    expect(rows(app)).toHaveLength(2);

    // Query already empty, a service open: Escape closes it.
    await rows(app)[1]!.trigger('click');
    await settle();
    expect(pane(app).text()).toContain('Balayage');
    await input(app).trigger('keydown', { key: 'Escape' });
    await settle();
    expect(pane(app).exists()).toBe(false);
  });

  it('a new query’s results close a service that is not among them', async () => {
    app = await mountApp({ api: api(menu), at: '/catalogue' });
    await rows(app)[0]!.trigger('click'); // Women's haircut
    await settle();
    await input(app).setValue('bal');
    await settle(20);
    expect(pane(app).exists()).toBe(false);
  });

  it('marks the row Enter opens with the Enter key, apart from hover', async () => {
    app = await mountApp({ api: api(menu), at: '/catalogue' });
    expect(rows(app)[0]!.classes()).toContain('row-active');
    expect(rows(app)[0]!.find('.enter-hint').exists()).toBe(true);
    expect(rows(app)[1]!.find('.enter-hint').exists()).toBe(false);
    await input(app).trigger('keydown', { key: 'ArrowDown' });
    await settle();
    expect(rows(app)[1]!.find('.enter-hint').exists()).toBe(true);
    expect(rows(app)[0]!.find('.enter-hint').exists()).toBe(false);
  });

  it('offers “Did you mean …” when nothing matches, and searches it on click', async () => {
    const search = (query: string) =>
      query === 'balyge' ? { ...samplePage([]), suggestion: 'balayage' } : menu(query);
    app = await mountApp({ api: api(search), at: '/catalogue' });
    await input(app).setValue('balyge');
    await settle(20);
    const button = app.wrapper.findAll('button').find((b) => b.text().includes('Did you mean'))!;
    expect(button.text()).toContain('balayage');
    await button.trigger('click');
    await settle(20);
    expect(app.api.catalog.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'balayage' }));
    expect(rows(app)[0]!.text()).toContain('Balayage');
  });

  it('a keystroke asks for its results at once, without waiting for a frame or a timer', async () => {
    app = await mountApp({ api: api(menu), at: '/catalogue' });
    app.api.catalog.search.mockClear();
    await input(app).setValue('b'); // no timer runs and no frame passes: microtasks only
    expect(app.api.catalog.search).toHaveBeenCalledTimes(1);
    expect(app.api.catalog.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'b' }));
    await input(app).setValue('ba');
    await input(app).setValue('bal');
    await settle();
    expect(app.api.catalog.search).toHaveBeenCalledTimes(3);
    expect(rows(app)[0]!.text()).toContain('Balayage');
  });

  it('never shows an older query’s results, even when they arrive last', async () => {
    const slow: { query: string; resolve: () => void }[] = [];
    const fake = api(menu);
    const answer = fake.catalog.search.getMockImplementation()!;
    fake.catalog.search.mockImplementation(async (args) => {
      if (args.query !== 'ba') return answer(args);
      await new Promise<void>((resolve) => slow.push({ query: args.query, resolve }));
      return ok(samplePage([HAIRCUT]));
    });
    app = await mountApp({ api: fake, at: '/catalogue' });
    await input(app).setValue('ba');
    await settle(20); // "ba" asked, its answer held back
    await input(app).setValue('bal');
    await settle(20);
    expect(rows(app)[0]!.text()).toContain('Balayage');
    expect(slow).toHaveLength(1);
    slow.forEach((s) => s.resolve()); // the late answer for "ba"
    await settle();
    expect(rows(app)).toHaveLength(1);
    expect(rows(app)[0]!.text()).toContain('Balayage');
  });

  it('Tab after the detail’s ✕ (the last control) goes round to the first, with no empty stop between', async () => {
    app = await mountApp({ api: api(menu), at: '/catalogue' });
    await app.wrapper.findAll('[role=option]')[0]!.trigger('click');
    await settle();
    const close = app.wrapper.get<HTMLButtonElement>('[data-test=service-detail] button[aria-label="Close"]');
    close.element.focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    window.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(true);
    expect(document.activeElement).not.toBe(close.element);
    expect(document.activeElement).not.toBe(document.body);
    expect(app.wrapper.element.contains(document.activeElement)).toBe(true);
    const back = new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, cancelable: true });
    window.dispatchEvent(back);
    expect(document.activeElement).toBe(close.element);
  });
});
