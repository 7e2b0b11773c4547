import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

describe('settings: refresh minutes', () => {
  it.each([
    ['0', 'Enter between 1 and 1,440 minutes (one day).'],
    ['2.5', 'Enter whole minutes, without a fraction.'],
    ['', 'Enter a number of minutes, for example 30.'],
  ])('"%s" is explained in words and not sent', async (value, expected) => {
    const api = createFakeApi();
    app = await mountApp({ api, at: '/settings' });
    await settle(); // the saved settings arrive first
    await app.wrapper.get('#settings-minutes').setValue(value);
    await app.wrapper.get<HTMLInputElement>('#settings-minutes').element.form!.requestSubmit();
    await settle();
    expect(app.wrapper.text()).toContain(expected);
    expect(app.wrapper.text()).not.toMatch(/Too small|Invalid input|expected/);
    expect(api.settings.desk).not.toHaveBeenCalledWith(
      expect.objectContaining({ staleAfterMinutes: expect.anything() }),
    );
  });
});

describe('settings: client details on printed reports', () => {
  it('saves the desk choice to leave phones (or names too) off the printout', async () => {
    const api = createFakeApi();
    app = await mountApp({ api, at: '/settings' });
    await settle();
    const select = app.wrapper.get<HTMLSelectElement>('#settings-print-clients');
    expect(select.element.value).toBe('nameAndPhone');
    await select.setValue('nameOnly');
    await settle();
    expect(api.settings.desk).toHaveBeenCalledWith({ printClients: 'nameOnly' });
    await select.setValue('none');
    await settle();
    expect(api.settings.desk).toHaveBeenLastCalledWith({ printClients: 'none' });
  });
});
