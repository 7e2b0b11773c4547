import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, ok, sampleUser } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

describe('notices from main', () => {
  it('says in one sentence what was recovered when the data file was rebuilt', async () => {
    const api = createFakeApi({
      app: { status: async () => ok({ storageRebuilt: { settings: 4, outbox: 1, reports: 12 } }) },
    });
    app = await mountApp({ api, at: '/sign-in' });
    const text = app.wrapper.get('[data-test="notice-rebuilt"]').text();
    expect(text).toContain('damaged and has been rebuilt');
    expect(text).toContain('4 settings, 1 queued photo changes and 12 saved day reports');
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
