import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsView } from '../../../src/shared/domain/session';
import { language, setLanguage } from '../../../src/renderer/src/i18n';
import { useSettingsStore } from '../../../src/renderer/src/stores/settings';
import { createFakeApi, deferred, installFakeApi, ok, sampleSettings } from '../support/fake-api';

afterEach(() => setLanguage('en'));

describe('choosing the language while Settings is still loading', () => {
  it('a late answer to settings.get does not bring the previous language back, on screen or in main', async () => {
    const slow = deferred<SettingsView>();
    const api = installFakeApi(createFakeApi({ settings: { get: () => slow.promise } }));
    setActivePinia(createPinia());
    const settings = useSettingsStore();

    const loading = settings.load(); // Settings opened: its read is on the way
    await settings.chooseLanguage('pt-BR'); // the receptionist picks a language meanwhile
    slow.resolve(ok(sampleSettings({ desk: { locationId: null, paper: 'a4', printer: null, language: 'uk' } })));
    await loading;

    expect(language.value).toBe('pt-BR');
    expect(settings.view?.desk.language).toBe('pt-BR');
    const told = api.settings.desk.mock.calls.map(([a]) => a).filter((a) => a.uiLocale !== undefined);
    expect(told.at(-1)?.uiLocale).toBe('pt-BR');
  });
});
