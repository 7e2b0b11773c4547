import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, fail, ok, sampleSettings, sampleUser } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

async function signInWith(result: Awaited<ReturnType<ReturnType<typeof createFakeApi>['session']['signIn']>>) {
  app = await mountApp({ api: createFakeApi({ session: { signIn: async () => result } }), at: '/sign-in' });
  const w = app.wrapper;
  await w.get('#sign-in-login').setValue('anna@salon.example');
  await w.get('#sign-in-password').setValue('wrong');
  await w.get('form').trigger('submit');
  await settle();
  return w;
}

describe('sign-in', () => {
  it('preselects the Demo salon when no partner token is set, whatever environment was saved', async () => {
    const api = createFakeApi({
      settings: { get: async () => ok(sampleSettings({ environment: { id: 'altegio', customUrl: null } })) },
    });
    app = await mountApp({ api, at: '/sign-in' });
    const demo = app.wrapper.get<HTMLInputElement>('input[type=radio][value=demo]');
    expect(demo.element.checked).toBe(true);
    expect(app.wrapper.text()).toContain('demo@frontdesk.app');
    expect(app.wrapper.text()).toContain('demo1234');
  });

  it('keeps the saved environment when a partner token is set', async () => {
    const api = createFakeApi({
      settings: {
        get: async () =>
          ok(
            sampleSettings({
              environment: { id: 'altegio', customUrl: null },
              partnerToken: { set: true, source: 'keychain' },
            }),
          ),
      },
    });
    app = await mountApp({ api, at: '/sign-in' });
    expect(app.wrapper.get<HTMLInputElement>('input[type=radio][value=altegio]').element.checked).toBe(true);
    expect(app.wrapper.text()).not.toContain('Fill demo login');
  });

  it("shows Altegio's own message when the password is wrong (AUTH_REQUIRED)", async () => {
    const w = await signInWith(fail('AUTH_REQUIRED', 'Incorrect login or password.'));
    expect(w.get('[role=alert]').text()).toContain('Incorrect login or password.');
    expect(app!.router.currentRoute.value.name).toBe('sign-in');
  });

  it('says there is no connection to Altegio when OFFLINE', async () => {
    const w = await signInWith(fail('OFFLINE', 'fetch failed: ECONNREFUSED 127.0.0.1'));
    const alert = w.get('[data-test=sign-in-error]').text();
    expect(alert).toContain('No connection to Altegio');
    expect(alert).not.toContain('ECONNREFUSED');
  });

  it('shows the keychain message as given (it says what to install)', async () => {
    const message = 'The system keychain is not available. Install gnome-keyring (libsecret) and sign in again.';
    const w = await signInWith(fail('KEYCHAIN_UNAVAILABLE', message));
    expect(w.get('[data-test=sign-in-error]').text()).toContain(message);
  });

  it('sends the user to Settings for the partner token when NOT_CONFIGURED', async () => {
    const w = await signInWith(fail('NOT_CONFIGURED', 'No Altegio partner token is set for this desk.'));
    const alert = w.get('[data-test=sign-in-error]');
    expect(alert.text()).toContain('Set the partner token in Settings first');
    await alert.get('a').trigger('click');
    await settle();
    expect(app!.router.currentRoute.value.name).toBe('settings');
  });

  it('puts an INVALID_INPUT message under the field it is about', async () => {
    const w = await signInWith(
      fail('INVALID_INPUT', 'login: enter a phone number or an e-mail', {
        fields: [{ field: 'login', message: 'enter a phone number or an e-mail' }],
      }),
    );
    expect(w.get('#sign-in-login').attributes('aria-invalid')).toBe('true');
    expect(w.get('.field-error').text()).toBe('Enter a phone number or an e-mail');
    expect(w.find('[data-test=sign-in-error]').exists()).toBe(false);
  });

  it('fills the demo login in one click and signs in to Today', async () => {
    app = await mountApp({ at: '/sign-in' });
    const w = app.wrapper;
    const fill = w.findAll('button').find((b) => b.text() === 'Fill demo login')!;
    await fill.trigger('click');
    expect(w.get<HTMLInputElement>('#sign-in-login').element.value).toBe('demo@frontdesk.app');
    await w.get('form').trigger('submit');
    await settle();
    expect(app.api.session.signIn).toHaveBeenCalledWith({
      environment: 'demo',
      login: 'demo@frontdesk.app',
      password: 'demo1234',
    });
    // Today is a lazily loaded screen: give its chunk a moment.
    await vi.waitFor(() => expect(app!.router.currentRoute.value.name).toBe('today'));
    expect(w.text()).toContain(sampleUser.name);
  });

  it('shows a loading state on the button while signing in', async () => {
    let finish!: (r: Awaited<ReturnType<ReturnType<typeof createFakeApi>['session']['signIn']>>) => void;
    const api = createFakeApi({ session: { signIn: () => new Promise((r) => (finish = r)) } });
    app = await mountApp({ api, at: '/sign-in' });
    await app.wrapper.get('form').trigger('submit');
    const button = app.wrapper.get('button[type=submit]');
    expect(button.text()).toBe('Signing in…');
    expect(button.attributes('disabled')).toBeDefined();
    finish(fail('AUTH_REQUIRED', 'Incorrect login or password.'));
    await settle();
    expect(app.wrapper.get('button[type=submit]').text()).toBe('Sign in');
  });

  it('saves a custom server URL before signing in there', async () => {
    app = await mountApp({ at: '/sign-in' });
    const w = app.wrapper;
    await w.get('input[type=radio][value=custom]').setValue(true);
    await w.get('#sign-in-url').setValue('https://mock.example/api/v1');
    await w.get('#sign-in-login').setValue('anna@salon.example');
    await w.get('#sign-in-password').setValue('pw');
    await w.get('form').trigger('submit');
    await settle();
    expect(app.api.settings.environment).toHaveBeenCalledWith({
      id: 'custom',
      customUrl: 'https://mock.example/api/v1',
    });
    expect(app.api.session.signIn).toHaveBeenCalledWith(expect.objectContaining({ environment: 'custom' }));
  });
});
