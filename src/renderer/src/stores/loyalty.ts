import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LoyaltyPeriodKind, LoyaltyView } from '../../../shared/domain/loyalty';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { useDeskStore } from './desk';

/** "Who comes back" for the desk's location. Main decides what is fresh enough; this only asks. */
export const useLoyaltyStore = defineStore('loyalty', () => {
  const view = ref<LoyaltyView | null>(null);
  const status = ref<'idle' | 'loading' | 'ready' | 'error' | 'nolocation'>('idle');
  const error = ref<ErrorBody | null>(null);
  const period = ref<LoyaltyPeriodKind>('month');
  const custom = ref<{ from: string; to: string } | null>(null);
  /** Promotion ids to count; [] = all. */
  const programIds = ref<number[]>([]);
  const refreshing = ref(false);
  let generation = 0;

  async function load(refresh = false): Promise<void> {
    const locationId = useDeskStore().locationId;
    const gen = ++generation;
    if (locationId === null) {
      view.value = null;
      status.value = 'nolocation';
      return;
    }
    if (period.value === 'custom' && !custom.value) return;
    if (view.value?.locationId !== locationId) {
      view.value = null;
      status.value = 'loading';
    }
    refreshing.value = true;
    const res = await api().loyalty.get({
      locationId,
      period: period.value,
      ...(period.value === 'custom' && custom.value ? custom.value : {}),
      ...(programIds.value.length > 0 ? { programIds: [...programIds.value] } : {}),
      ...(refresh ? { refresh } : {}),
    });
    if (gen !== generation) return;
    refreshing.value = false;
    if (res.ok) {
      view.value = res.data;
      status.value = 'ready';
      error.value = null;
    } else {
      error.value = res.error;
      if (!view.value) status.value = 'error';
    }
  }

  function choose(kind: LoyaltyPeriodKind, range?: { from: string; to: string }): Promise<void> {
    period.value = kind;
    if (range) custom.value = range;
    return load();
  }

  function chooseProgrammes(ids: number[]): Promise<void> {
    programIds.value = ids;
    return load();
  }

  /** The one-page month: this month so far, or last month when that is the period shown. */
  function printMonth() {
    const locationId = view.value?.locationId ?? 0;
    return api().loyalty.printMonth({ locationId, month: period.value === 'lastMonth' ? 'lastMonth' : 'month' });
  }

  return { view, status, error, period, custom, programIds, refreshing, load, choose, chooseProgrammes, printMonth };
});
