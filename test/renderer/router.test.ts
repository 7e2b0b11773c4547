import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, ok, sampleUser } from './support/fake-api';
import { mountApp, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

const signedIn = () => createFakeApi({ session: { current: async () => ok(sampleUser) } });

describe('router guard', () => {
  it.each(['/catalogue', '/team', '/report'])(
    'sends %s to sign-in without a session, remembering where',
    async (path) => {
      app = await mountApp({ at: path });
      expect(app.router.currentRoute.value.name).toBe('sign-in');
      expect(app.router.currentRoute.value.query['redirect']).toBe(path);
      expect(app.wrapper.find('#sign-in-login').exists()).toBe(true);
    },
  );

  it('lets Settings open without a session (the partner token is entered there)', async () => {
    app = await mountApp({ at: '/settings' });
    expect(app.router.currentRoute.value.name).toBe('settings');
  });

  it('opens Today by default once signed in, and skips sign-in', async () => {
    app = await mountApp({ api: signedIn(), at: '/' });
    expect(app.router.currentRoute.value.name).toBe('today');
    await app.router.push('/sign-in');
    expect(app.router.currentRoute.value.name).toBe('today');
  });

  it('returns to the page asked for after signing in', async () => {
    app = await mountApp({ at: '/team' });
    await app.wrapper.get('#sign-in-login').setValue('demo@frontdesk.app');
    await app.wrapper.get('#sign-in-password').setValue('demo1234');
    await app.wrapper.get('form').trigger('submit');
    await new Promise((r) => setTimeout(r, 0));
    await app.router.isReady();
    await new Promise((r) => setTimeout(r, 0));
    expect(app.router.currentRoute.value.name).toBe('team');
  });

  it('signing out returns to sign-in and the guard keeps the catalogue closed', async () => {
    app = await mountApp({ api: signedIn(), at: '/catalogue' });
    const signOut = app.wrapper.findAll('button').find((b) => b.text() === 'Sign out')!;
    await signOut.trigger('click');
    await new Promise((r) => setTimeout(r, 0));
    expect(app.api.session.signOut).toHaveBeenCalled();
    expect(app.router.currentRoute.value.name).toBe('sign-in');
    await app.router.push('/catalogue');
    expect(app.router.currentRoute.value.name).toBe('sign-in');
  });
});
