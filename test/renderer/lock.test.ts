import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, fail, ok, sampleDeskState, sampleDeskUser, sampleUser } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

const anna = sampleDeskUser(7, { name: 'Anna Reception', login: 'anna@salon.test' });
const olga = sampleDeskUser(9, { name: 'Olga Front' });

async function typePin(pin: string): Promise<void> {
  for (const d of pin) await app!.wrapper.get(`[data-key="${d}"]`).trigger('click');
  await app!.wrapper.get('[data-key="ok"]').trigger('click');
  await settle();
}

describe('shared desk lock', () => {
  it('a locked desk shows only the people on it, whatever route was asked for', async () => {
    const api = createFakeApi({ desk: { state: async () => ok(sampleDeskState({ locked: true, users: [anna, olga] })) } });
    app = await mountApp({ api, at: '/report' });
    expect(app.router.currentRoute.value.name).toBe('lock');
    const text = app.wrapper.text();
    expect(text).toContain('Front Desk is locked');
    expect(text).toContain('Anna Reception');
    expect(text).toContain('Olga Front');
    expect(text).not.toContain('Day report');
    expect(app.wrapper.find('header nav').exists()).toBe(false);
    expect(api.catalog.locations).not.toHaveBeenCalled();
    expect(api.reports.dayEnd).not.toHaveBeenCalled();
  });

  it('unlocks with the PIN pad and lands where the desk was locked', async () => {
    const api = createFakeApi({
      desk: {
        state: async () => ok(sampleDeskState({ locked: true, users: [anna, olga] })),
        unlock: async () => ok({ session: sampleUser, returnTo: '/team' }),
      },
    });
    app = await mountApp({ api, at: '/lock' });
    await app.wrapper.get('[data-user="7"]').trigger('click');
    await typePin('2580');
    expect(api.desk.unlock).toHaveBeenCalledWith({ userId: 7, pin: '2580' });
    expect(app.router.currentRoute.value.fullPath).toBe('/team');
    expect(app.wrapper.text()).toContain(sampleUser.name);
  });

  it('says how many tries are left, then that the password is needed', async () => {
    let calls = 0;
    const api = createFakeApi({
      desk: {
        state: async () => ok(sampleDeskState({ locked: true, users: [anna, olga] })),
        unlock: async () =>
          ++calls < 2
            ? fail('FORBIDDEN', 'Wrong PIN.', { reason: 'wrong-pin', attemptsLeft: 1 })
            : fail('FORBIDDEN', 'Too many', { reason: 'locked-out' }),
      },
    });
    app = await mountApp({ api, at: '/lock' });
    await app.wrapper.get('[data-user="7"]').trigger('click');
    await typePin('1111');
    expect(app.wrapper.get('[role="alert"]').text()).toBe('Wrong PIN. 1 try left before the password is needed.');
    await typePin('2222');
    expect(app.wrapper.get('[role="alert"]').text()).toContain('Sign in with your Altegio password');
  });

  it('someone whose PIN cannot open the desk goes to sign-in with the login filled in', async () => {
    const api = createFakeApi({
      desk: { state: async () => ok(sampleDeskState({ locked: true, users: [{ ...anna, needsPassword: true }, olga] })) },
    });
    app = await mountApp({ api, at: '/lock' });
    await app.wrapper.get('[data-user="7"]').trigger('click');
    await settle();
    expect(app.router.currentRoute.value.name).toBe('sign-in');
    expect(app.wrapper.get<HTMLInputElement>('#sign-in-login').element.value).toBe('anna@salon.test');
  });

  it('the Lock button and Ctrl+L lock from any screen, and the lock event wipes the page', async () => {
    const api = createFakeApi({ session: { current: async () => ok(sampleUser) } });
    app = await mountApp({ api, at: '/team' });
    await app.wrapper.get('[data-test="lock"]').trigger('click');
    expect(api.desk.lock).toHaveBeenLastCalledWith({ returnTo: '/team' });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', ctrlKey: true }));
    await settle();
    expect(api.desk.lock).toHaveBeenCalledTimes(2);
    api.emit('desk-locked', { reason: 'idle' });
    await settle();
    expect(app.wipes()).toBe(1);
  });
});
