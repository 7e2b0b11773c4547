import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, ok, sampleUser } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

describe('Restart to update', () => {
  it('appears only for a downloaded update while nothing is busy, and asks main to restart', async () => {
    app = await mountApp({
      api: createFakeApi({ session: { current: async () => ok(sampleUser) } }),
      at: '/catalogue',
    });
    expect(app.wrapper.text()).not.toContain('Restart to update');

    app.api.emit('update-ready', { version: '1.2.0', canRestart: false });
    await settle();
    expect(app.wrapper.text()).not.toContain('Restart to update');

    app.api.emit('update-ready', { version: '1.2.0', canRestart: true });
    await settle();
    const button = app.wrapper.findAll('header button').find((b) => b.text() === 'Restart to update');
    expect(button?.attributes('title')).toBe('Version 1.2.0 is ready to install');
    await button!.trigger('click');
    expect(app.api.app.restartToUpdate).toHaveBeenCalledTimes(1);
  });

  it('shows an update that was downloaded before the header appeared', async () => {
    const api = createFakeApi({
      session: { current: async () => ok(sampleUser) },
      app: { updateStatus: async () => ok({ version: '1.2.0', canRestart: true }) },
    });
    app = await mountApp({ api, at: '/catalogue' });
    await settle();
    expect(app.wrapper.text()).toContain('Restart to update');
  });
});
