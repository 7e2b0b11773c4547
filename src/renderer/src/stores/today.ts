import { defineStore } from 'pinia';
import { ref } from 'vue';
import { TODAY_PARTS, type TipFormat, type TodayPartName, type TodayView } from '../../../shared/domain/today';
import type { ErrorBody, Result } from '../../../shared/errors';
import { api } from '../api';
import { useDeskStore } from './desk';

const GROUPS: readonly (readonly TodayPartName[])[] = [['team'], ['nextSlot'], ['tips'], ['numbers', 'charts']];

/** The Today screen of the desk's location. Main decides what is fresh enough; this only asks. */
export const useTodayStore = defineStore('today', () => {
  const view = ref<TodayView | null>(null);
  const status = ref<'idle' | 'loading' | 'ready' | 'error' | 'nolocation'>('idle');
  const error = ref<ErrorBody | null>(null);
  const refreshing = ref(false);
  let generation = 0;

  /** Parts asked for and not arrived yet (the first look at a location). */
  const pending = ref<ReadonlySet<TodayPartName>>(new Set());

  /**
   * The first look at a location asks for each part on its own and shows it as soon as it arrives:
   * the team and the slot cost one request each, the figures nine (issue 25 §18).
   */
  async function loadInParts(locationId: number, gen: number): Promise<void> {
    refreshing.value = true;
    pending.value = new Set(TODAY_PARTS);
    let failed: ErrorBody | null = null;
    await Promise.all(
      GROUPS.map(async (group) => {
        const res = await api().today.get({ locationId, parts: [...group] });
        if (gen !== generation) return;
        const left = new Set(pending.value);
        for (const p of group) left.delete(p);
        pending.value = left;
        if (!res.ok) {
          failed ??= res.error;
          return;
        }
        if (!view.value) {
          view.value = res.data;
        } else {
          const next: TodayView = { ...view.value, requests: view.value.requests + res.data.requests };
          for (const p of group) (next as unknown as Record<string, unknown>)[p] = res.data[p];
          view.value = next;
        }
        status.value = 'ready';
        error.value = null;
      }),
    );
    if (gen !== generation) return;
    refreshing.value = false;
    if (!view.value && failed) {
      error.value = failed;
      status.value = 'error';
    }
  }

  /**
   * `peek`: re-read main's copies only (no Altegio request), so "now / next" follows the clock.
   * `at`: a location the desk has not stored yet (the first sync is still bringing it).
   */
  async function load(refresh = false, peek = false, at?: number): Promise<void> {
    const locationId = at ?? useDeskStore().locationId;
    const gen = ++generation;
    if (locationId === null) {
      view.value = null;
      pending.value = new Set();
      status.value = 'nolocation';
      return;
    }
    if (view.value?.locationId !== locationId) {
      view.value = null;
      status.value = 'loading';
      if (!peek) return loadInParts(locationId, gen);
    }
    pending.value = new Set();
    if (!peek) refreshing.value = true;
    const res = await api().today.get({ locationId, ...(refresh ? { refresh } : {}), ...(peek ? { peek } : {}) });
    if (gen !== generation) return;
    refreshing.value = false;
    if (peek && res.ok && view.value && res.data.date !== view.value.date) {
      // Midnight at the location: yesterday's team and figures must not stand under today's date
      // (issue 19 §3.12). Show what main has for the new day, and ask Altegio for the rest.
      view.value = res.data;
      void load();
      return;
    }
    if (peek && res.ok && view.value) {
      // Same day: keep what the copies lack (a part that had only an error) as it was shown.
      const old = view.value;
      const keep = <K extends 'team' | 'nextSlot' | 'numbers' | 'charts' | 'tips'>(k: K) =>
        res.data[k].data === null && !res.data[k].forbidden ? old[k] : res.data[k];
      view.value = {
        ...res.data,
        team: keep('team'),
        nextSlot: keep('nextSlot'),
        numbers: keep('numbers'),
        charts: keep('charts'),
        tips: keep('tips'),
      };
      return;
    }
    if (res.ok) {
      view.value = res.data;
      status.value = 'ready';
      error.value = null;
    } else {
      error.value = res.error;
      if (!view.value) status.value = 'error';
    }
  }

  /** A manager's switch; the list comes back from Altegio and replaces the shown one. */
  async function setTips(settingsId: number, enabled: boolean): Promise<Result<unknown>> {
    const v = view.value;
    if (!v) return { ok: false, error: { code: 'INVALID_INPUT', message: 'No location.' } };
    const res = await api().tips.setEnabled({ locationId: v.locationId, settingsId, enabled });
    if (res.ok && view.value?.locationId === v.locationId) {
      view.value = { ...view.value, tips: { ...view.value.tips, data: res.data, fromCache: false, stale: false } };
    }
    return res;
  }

  const cardArgs = (format: TipFormat, staffId?: number) => ({
    locationId: view.value?.locationId ?? 0,
    format,
    ...(staffId !== undefined ? { staffId } : {}),
  });

  return {
    view,
    pending,
    status,
    error,
    refreshing,
    load,
    setTips,
    cardHtml: (format: TipFormat, staffId?: number) => api().tips.html(cardArgs(format, staffId)),
    printCard: (format: TipFormat, staffId?: number) => api().tips.print(cardArgs(format, staffId)),
    saveCard: (format: TipFormat, staffId?: number) => api().tips.savePdf(cardArgs(format, staffId)),
  };
});
