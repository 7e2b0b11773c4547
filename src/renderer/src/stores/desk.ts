import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { LocationSummary } from '../../../shared/domain/catalog';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { rememberLocationCountry } from '../lib/phone-country';
import { useSettingsStore } from './settings';

/** The locations in the offline catalogue and the one this desk works at (remembered per desk). */
export const useDeskStore = defineStore('desk', () => {
  const locations = ref<LocationSummary[]>([]);
  const locationId = ref<number | null>(null);
  const loaded = ref(false);
  const error = ref<ErrorBody | null>(null);

  const current = computed(() => locations.value.find((l) => l.id === locationId.value) ?? null);
  // Sign-in by phone reads it: the next person's number is typed for this location's country.
  watch(current, (l) => rememberLocationCountry(l?.timezoneName));

  async function load(): Promise<void> {
    const settings = useSettingsStore();
    if (!settings.view) await settings.load();
    const res = await api().catalog.locations();
    loaded.value = true;
    if (!res.ok) {
      error.value = res.error;
      return;
    }
    error.value = null;
    locations.value = res.data.items;
    const remembered = settings.view?.desk.locationId ?? null;
    const keep = [locationId.value, remembered].find((id) => id !== null && res.data.items.some((l) => l.id === id));
    locationId.value = keep ?? res.data.items[0]?.id ?? null;
  }

  async function choose(id: number): Promise<void> {
    locationId.value = id;
    await useSettingsStore().setDesk({ locationId: id });
  }

  /** A location finished syncing: it may be new, and its age changed. */
  function updated(id: number, syncedAt: string): void {
    const known = locations.value.find((l) => l.id === id);
    if (known) known.syncedAt = syncedAt;
    void load();
  }

  return { locations, locationId, loaded, error, current, load, choose, updated };
});
