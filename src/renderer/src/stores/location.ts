import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LocationCard, LocationChanges, LocationItem } from '../../../shared/domain/location';
import type { ErrorBody, Result } from '../../../shared/errors';
import { api } from '../api';

/** The location card of the desk's location: Altegio's copy, the person's rights, the edit waiting. */
export const useLocationStore = defineStore('location', () => {
  const card = ref<LocationCard | null>(null);
  const loading = ref(false);
  const error = ref<ErrorBody | null>(null);
  let off: (() => void) | null = null;
  let asked = 0;

  async function load(locationId: number): Promise<void> {
    const mine = ++asked;
    if (card.value?.locationId !== locationId) card.value = null;
    loading.value = true;
    const res = await api().location.card({ locationId });
    if (mine !== asked) return;
    loading.value = false;
    if (res.ok) {
      card.value = res.data;
      error.value = null;
    } else error.value = res.error;
    off ??= api().on('manage-changed', (e) => {
      if (e.locationId === card.value?.locationId) void load(e.locationId);
    });
  }

  async function after(res: Result<LocationItem | null>): Promise<Result<LocationItem | null>> {
    if (card.value) await load(card.value.locationId);
    return res;
  }

  return {
    card,
    loading,
    error,
    load,
    update: async (changes: LocationChanges) =>
      after(await api().location.update({ locationId: card.value!.locationId, base: card.value!.fields!, changes })),
    resolve: async (id: number, keep: 'mine' | 'theirs') => after(await api().location.resolve({ id, keep })),
  };
});
