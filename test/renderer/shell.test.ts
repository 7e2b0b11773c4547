import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, fail, ok, sampleLocation, sampleSettings, sampleUser, type FakeApi } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

/** 09:12 today on the desk's clock, as main would store it. */
const todayAt0912 = () => {
  const d = new Date();
  d.setHours(9, 12, 0, 0);
  return d.toISOString();
};

function signedInApi(patch: Parameters<typeof createFakeApi>[0] = {}): FakeApi {
  return createFakeApi({
    session: { current: async () => ok(sampleUser) },
    catalog: {
      locations: async () =>
        ok({
          items: [sampleLocation({ syncedAt: todayAt0912() }), sampleLocation({ id: 202, title: 'Old Town' })],
          syncedAt: null,
        }),
    },
    ...patch,
  });
}

describe('app shell', () => {
  it("shows who is signed in, the desk's location and the nav", async () => {
    app = await mountApp({ api: signedInApi(), at: '/catalogue' });
    const text = app.wrapper.text();
    expect(text).toContain('Front Desk');
    expect(text).toContain(sampleUser.name);
    for (const item of ['Catalogue', 'Team', 'Day report', 'Settings']) expect(text).toContain(item);
    expect(app.wrapper.get<HTMLSelectElement>('header select').element.value).toBe('101');
  });

  it('remembers the chosen location for this desk', async () => {
    app = await mountApp({ api: signedInApi(), at: '/catalogue' });
    await app.wrapper.get('header select').setValue('202');
    await settle();
    expect(app.api.settings.desk).toHaveBeenCalledWith({ locationId: 202 });
  });

  it('opens at the location remembered for this desk', async () => {
    const api = signedInApi({
      settings: { get: async () => ok(sampleSettings({ desk: { locationId: 202, paper: 'a4', printer: null } })) },
    });
    app = await mountApp({ api, at: '/catalogue' });
    expect(app.wrapper.get<HTMLSelectElement>('header select').element.value).toBe('202');
  });

  it('shows an offline banner with the time of the catalogue when connectivity drops', async () => {
    app = await mountApp({ api: signedInApi(), at: '/catalogue' });
    expect(app.wrapper.text()).not.toContain('Offline');
    app.api.emit('connectivity', { online: false, checkedAt: new Date().toISOString() });
    await settle();
    expect(app.wrapper.text()).toContain('Offline — catalogue as of 9:12 AM');
    app.api.emit('connectivity', { online: true, checkedAt: new Date().toISOString() });
    await settle();
    expect(app.wrapper.text()).not.toContain('Offline');
  });

  it('is offline from the start when sync.status says so', async () => {
    const api = signedInApi({ sync: { status: async () => ok({ online: false, running: false, locations: [] }) } });
    app = await mountApp({ api, at: '/catalogue' });
    expect(app.wrapper.text()).toContain('Offline — catalogue as of 9:12 AM');
  });

  it('returns to sign-in with a notice when the session expires, without a session guard loop', async () => {
    app = await mountApp({ api: signedInApi(), at: '/catalogue' });
    app.api.emit('session-expired', { message: 'Authentication needed.', login: 'anna@salon.example' });
    await settle();
    expect(app.router.currentRoute.value.name).toBe('sign-in');
    expect(app.router.currentRoute.value.query['redirect']).toBe('/catalogue');
    const notice = app.wrapper.get('[role=alert]').text();
    expect(notice).toContain('Your session has ended');
    // Words, not Altegio's raw "Authentication needed."; the login stays, the password is asked for.
    expect(notice).toContain('Altegio no longer accepts this desk’s sign-in');
    expect(notice).not.toContain('Authentication needed.');
    expect(app.wrapper.get<HTMLInputElement>('#sign-in-login').element.value).toBe('anna@salon.example');
    expect(document.activeElement?.getAttribute('type')).toBe('password');
    expect(app.wrapper.text()).not.toContain('Sign out');
  });

  it('runs a sync from the button and shows its progress from events', async () => {
    let finish!: () => void;
    const api = signedInApi({
      sync: { run: () => new Promise((r) => (finish = () => r(ok([])))) },
    });
    app = await mountApp({ api, at: '/catalogue' });
    const button = app.wrapper.findAll('header button').find((b) => b.text() === 'Sync')!;
    await button.trigger('click');
    expect(app.api.sync.run).toHaveBeenCalledTimes(1);
    app.api.emit('sync-progress', { locationId: 202, locationTitle: 'Old Town', step: 'services', done: 1, total: 2 });
    await settle();
    const bar = app.wrapper.get('[role=progressbar]');
    expect(Number(bar.attributes('aria-valuenow'))).toBeGreaterThan(50);
    expect(app.wrapper.text()).toContain('Syncing 2/2…');
    expect(bar.attributes('aria-label')).toBe('Syncing Old Town: services');
    app.api.emit('sync-progress', { locationId: 202, locationTitle: 'Old Town', step: 'done', done: 2, total: 2 });
    finish();
    await settle();
    expect(app.wrapper.find('[role=progressbar]').exists()).toBe(false);
  });

  it('says why a sync failed, until dismissed; offline, the banner says it instead', async () => {
    let result = fail('UPSTREAM', 'Altegio answered with an error (502).');
    const api = signedInApi({ sync: { run: async () => result } });
    app = await mountApp({ api, at: '/catalogue' });
    const syncButton = () => app!.wrapper.findAll('header button').find((b) => b.text() === 'Sync')!;
    await syncButton().trigger('click');
    await settle();
    expect(app.wrapper.get('.sync-error').text()).toContain('Sync failed: Altegio answered with an error (502).');
    await app.wrapper.get('.sync-error button[aria-label="Dismiss"]').trigger('click');
    expect(app.wrapper.find('.sync-error').exists()).toBe(false);

    result = fail('OFFLINE', 'fetch failed');
    app.api.emit('connectivity', { online: false, checkedAt: new Date().toISOString() });
    await syncButton().trigger('click');
    await settle();
    expect(app.wrapper.find('.sync-error').exists()).toBe(false);
    expect(app.wrapper.text()).toContain('Offline — catalogue as of 9:12 AM');
  });

  it('clears a stale "Sync failed" when a later sync of that location succeeds', async () => {
    const api = signedInApi({ sync: { run: async () => fail('UPSTREAM', 'Altegio answered with an error (502).') } });
    app = await mountApp({ api, at: '/catalogue' });
    await app.wrapper.findAll('header button').find((b) => b.text() === 'Sync')!.trigger('click');
    await settle();
    expect(app.wrapper.find('.sync-error').exists()).toBe(true);
    // The network came back and main's background refresh of this location went through.
    app.api.emit('catalog-updated', { locationId: 101, syncedAt: new Date().toISOString() });
    await settle();
    expect(app.wrapper.find('.sync-error').exists()).toBe(false);
  });

  it('does not bring back an offline failure as "Sync failed" once the connection returns', async () => {
    const api = signedInApi({ sync: { run: async () => fail('OFFLINE', 'fetch failed') } });
    app = await mountApp({ api, at: '/catalogue' });
    app.api.emit('connectivity', { online: false, checkedAt: new Date().toISOString() });
    await app.wrapper.findAll('header button').find((b) => b.text() === 'Sync')!.trigger('click');
    await settle();
    app.api.emit('connectivity', { online: true, checkedAt: new Date().toISOString() });
    await settle();
    expect(app.wrapper.find('.sync-error').exists()).toBe(false);
  });

  it('shows "Sync failed" in the page flow under the header, not as a layer over the screen', async () => {
    const api = signedInApi({ sync: { run: async () => fail('UPSTREAM', 'Altegio answered with an error (502).') } });
    app = await mountApp({ api, at: '/catalogue' });
    await app.wrapper.findAll('header button').find((b) => b.text() === 'Sync')!.trigger('click');
    await settle();
    const banner = app.wrapper.get('.sync-error');
    expect(banner.element.closest('header')).toBeNull();
    expect(banner.element.parentElement?.classList.contains('app')).toBe(true);
  });

  it('shows photo changes waiting to upload from outbox events', async () => {
    app = await mountApp({ api: signedInApi(), at: '/catalogue' });
    const item = {
      kind: 'upload-photo' as const,
      locationId: 101,
      subject: 'staff' as const,
      subjectId: 1,
      subjectName: 'Maria',
      attempts: 1,
      lastError: null,
      nextAttemptAt: null,
      createdAt: new Date().toISOString(),
    };
    app.api.emit('outbox-changed', {
      items: [
        { ...item, id: 1, state: 'pending' },
        { ...item, id: 2, state: 'sending' },
        { ...item, id: 3, state: 'failed', lastError: { code: 'UPSTREAM', message: 'x' } },
      ],
    });
    await settle();
    expect(app.wrapper.text()).toContain('2 photos pending');
    expect(app.wrapper.text()).toContain('1 photo failed');
    app.api.emit('outbox-changed', { items: [] });
    await settle();
    expect(app.wrapper.text()).not.toContain('pending');
  });
});
