import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo, DeskPrefs, EnvironmentConfig, SettingsView } from '../../../shared/domain/session';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';

/** Desk settings as main reports them. The partner token is write-only: only whether one is set is known. */
export const useSettingsStore = defineStore('settings', () => {
  const view = ref<SettingsView | null>(null);
  const info = ref<AppInfo | null>(null);
  const error = ref<ErrorBody | null>(null);

  async function load(): Promise<void> {
    const res = await api().settings.get();
    if (res.ok) {
      view.value = res.data;
      error.value = null;
    } else error.value = res.error;
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

  async function setDesk(prefs: Partial<DeskPrefs> & { staleAfterMinutes?: number }): Promise<ErrorBody | null> {
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

  return { view, info, error, load, loadInfo, setEnvironment, setPartnerToken, setDesk };
});
