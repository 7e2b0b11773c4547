import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, fail, ok, sampleLocation, sampleUser, type FakeApi } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

/** A desk right after sign-in: nothing synced, main already syncing (sync.status says running). */
function firstRunApi(patch: Parameters<typeof createFakeApi>[0] = {}): FakeApi {
  return createFakeApi({
    session: { current: async () => ok(sampleUser) },
    catalog: {
      locations: async () => ok({ items: [], syncedAt: null }),
      search: async () => fail('NOT_FOUND', 'Not synced.'),
    },
    sync: { status: async () => ok({ online: true, running: true, locations: [] }) },
    ...patch,
  });
}

const syncButton = (a: MountedApp) => a.wrapper.findAll('header button').find((b) => /Sync/.test(b.text()))!;

describe('the first sync, as the desk sees it', () => {
  it('does not say "press Sync" while the first run is going', async () => {
    app = await mountApp({ api: firstRunApi(), at: '/catalogue' });
    expect(app.wrapper.text()).toContain('Getting the catalogue from Altegio…');
    expect(app.wrapper.text()).not.toContain('press Sync');
    expect(app.wrapper.text()).toContain('Getting locations…');
  });

  it('a run that fails before any progress event clears "Syncing…" and says what failed, with Retry', async () => {
    app = await mountApp({ api: firstRunApi(), at: '/catalogue' });
    expect(syncButton(app).text()).toBe('Syncing…');
    app.api.emit('sync-run', {
      running: false,
      error: { code: 'UPSTREAM', message: 'Altegio answered with an error (502).', locationTitle: null },
    });
    await settle();
    expect(syncButton(app).text()).toBe('Sync');
    expect(syncButton(app).attributes('disabled')).toBeUndefined();
    const text = app.wrapper.text();
    expect(text).toContain('The catalogue could not be synced');
    expect(text).toContain('Altegio answered with an error (502).');
    expect(text).toContain('Locations could not be loaded');
    expect(text).not.toContain('press Sync');
    const retry = app.wrapper.findAll('.list-area button').find((b) => b.text() === 'Try again')!;
    await retry.trigger('click');
    expect(app.api.sync.run).toHaveBeenCalledWith(undefined);
  });

  it('a failure that happened before the screen opened is still shown (sync.status)', async () => {
    const api = firstRunApi({
      sync: {
        status: async () =>
          ok({
            online: true,
            running: false,
            locations: [],
            lastRunError: { code: 'FORBIDDEN', message: 'Access denied.', locationTitle: null },
          }),
      },
    });
    app = await mountApp({ api, at: '/report' });
    expect(app.wrapper.text()).toContain('The catalogue could not be synced');
    expect(app.wrapper.text()).toContain('Access denied.');
  });

  it('a location whose first sync failed is listed and its screen says why, retrying just it', async () => {
    const api = firstRunApi({
      catalog: {
        locations: async () =>
          ok({
            items: [
              sampleLocation({
                id: 303,
                title: 'SoHo',
                city: null,
                syncedAt: null,
                syncError: { code: 'FORBIDDEN', message: 'Access denied.' },
              }),
            ],
            syncedAt: null,
          }),
        search: async () => fail('NOT_FOUND', 'Not synced.'),
      },
      sync: { status: async () => ok({ online: true, running: false, locations: [] }) },
    });
    app = await mountApp({ api, at: '/catalogue' });
    expect(app.wrapper.get('header select').text()).toContain('SoHo (not synced)');
    expect(app.wrapper.text()).toContain('SoHo: Access denied.');
    await app.wrapper
      .findAll('.list-area button')
      .find((b) => b.text() === 'Try again')!
      .trigger('click');
    expect(app.api.sync.run).toHaveBeenCalledWith({ locationId: 303 });
  });
});

describe('connectivity hints and the age of the data', () => {
  it("passes the OS's online/offline events to main as hints", async () => {
    app = await mountApp({ api: firstRunApi(), at: '/catalogue' });
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    expect(app.api.sync.connectivityHint).toHaveBeenNthCalledWith(1, { online: false });
    expect(app.api.sync.connectivityHint).toHaveBeenNthCalledWith(2, { online: true });
  });

  it('shows how old the catalogue is while online too', async () => {
    const syncedAt = new Date(Date.now() - 4 * 60_000 - 5_000).toISOString();
    const api = firstRunApi({
      catalog: { locations: async () => ok({ items: [sampleLocation({ syncedAt })], syncedAt }) },
      sync: { status: async () => ok({ online: true, running: false, locations: [] }) },
    });
    app = await mountApp({ api, at: '/catalogue' });
    expect(app.wrapper.get('[data-test=data-age]').text()).toBe('Updated 4 min ago');
  });
});
