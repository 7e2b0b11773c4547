import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo, DeskPrefs, EnvironmentConfig, SettingsView } from '../../../shared/domain/session';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { resolveLanguage } from '../../../shared/i18n';
import { setLanguage, type Language } from '../i18n';

/** Desk settings as main reports them. The partner token is write-only: only whether one is set is known. */
export const useSettingsStore = defineStore('settings', () => {
  const view = ref<SettingsView | null>(null);
  const info = ref<AppInfo | null>(null);
  const error = ref<ErrorBody | null>(null);

  /** The language main last heard is in effect (it prints and formats durations in it). */
  let toldMain: Language | null = null;
  /** Bumped by every pick, so a settings read that was already on its way cannot undo a newer one. */
  let picks = 0;
  let lastPick: Language | null = null;

  /** The desk's language: the one picked in Settings, else the OS's preferred languages, else English. */
  async function applyLanguage(chosen: Language | null | undefined): Promise<void> {
    const lang = resolveLanguage(chosen, null, navigator.languages ?? []);
    setLanguage(lang);
    if (toldMain !== lang) {
      const res = await api().settings.desk({ uiLocale: lang });
      if (res.ok) toldMain = lang;
    }
  }

  async function load(): Promise<void> {
    const pickedBefore = picks;
    const res = await api().settings.get();
    if (!res.ok) {
      error.value = res.error;
      return;
    }
    error.value = null;
    if (picks !== pickedBefore) {
      // Someone picked a language while this read was on its way: theirs is newer than what it carries.
      view.value = { ...res.data, desk: { ...res.data.desk, language: lastPick } };
      return;
    }
    view.value = res.data;
    await applyLanguage(res.data.desk.language);
  }

  /** Picks the desk's language (null: automatic); every screen switches at once. */
  async function chooseLanguage(choice: Language | null): Promise<ErrorBody | null> {
    picks += 1;
    lastPick = choice;
    const res = await api().settings.desk({ language: choice });
    if (!res.ok) return res.error;
    if (view.value) view.value = { ...view.value, desk: res.data };
    await applyLanguage(choice);
    return null;
  }

  async function loadInfo(): Promise<void> {
    const res = await api().app.info();
    if (res.ok) info.value = res.data;
  }

  async function setEnvironment(env: EnvironmentConfig): Promise<ErrorBody | null> {
    const res = await api().settings.environment({ id: env.id, customUrl: env.id === 'custom' ? env.customUrl : null });
    if (!res.ok) return res.error;
    if (view.value) view.value = { ...view.value, environment: res.data };
    return null;
  }

  /** `null` removes the token. */
  async function setPartnerToken(token: string | null): Promise<ErrorBody | null> {
    const res = await api().settings.setPartnerToken({ token });
    if (!res.ok) return res.error;
    view.value = res.data;
    return null;
  }

  async function setDesk(
    prefs: Partial<DeskPrefs> & { staleAfterMinutes?: number; uiLocale?: Language },
  ): Promise<ErrorBody | null> {
    const res = await api().settings.desk(prefs);
    if (!res.ok) return res.error;
    if (view.value) {
      view.value = {
        ...view.value,
        desk: res.data,
        staleAfterMinutes: prefs.staleAfterMinutes ?? view.value.staleAfterMinutes,
      };
    }
    return null;
  }

  return { view, info, error, load, loadInfo, setEnvironment, setPartnerToken, setDesk, chooseLanguage };
});
