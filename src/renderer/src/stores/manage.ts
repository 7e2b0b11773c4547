import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ManageRights, NewCategoryInput, NewServiceInput } from '../../../shared/domain/manage';
import { ManageItem } from '../../../shared/domain/manage-item';
import type { ErrorBody, Result } from '../../../shared/errors';
import type { ServiceFields } from '../../../shared/domain/service-edit';
import { api } from '../api';

/** Manager mode for the desk's location: the person's rights and the changes queued from this desk. */
export const useManageStore = defineStore('manage', () => {
  const locationId = ref<number | null>(null);
  const rights = ref<ManageRights | null>(null);
  const items = ref<ManageItem[]>([]);
  const checking = ref(false);
  const error = ref<ErrorBody | null>(null);
  let off: (() => void) | null = null;

  async function list(id: number): Promise<void> {
    const res = await api().manage.list({ locationId: id });
    if (id === locationId.value && res.ok) items.value = res.data;
  }

  /** The queued changes of a location (cheap, local); the catalogue shows the ones not yet sent. */
  async function open(id: number | null): Promise<void> {
    // A location list being reloaded passes through "none": keep what is known until another location is chosen.
    if (id === null) return;
    if (id !== locationId.value) {
      rights.value = null;
      items.value = [];
    }
    locationId.value = id;
    off ??= api().on('manage-changed', (e) => {
      if (e.locationId === locationId.value) void list(e.locationId);
    });
    await list(id);
  }

  /** Asks Altegio what this person may change (the panel is read-only until it knows). */
  async function checkRights(): Promise<void> {
    const id = locationId.value;
    if (id === null) return;
    checking.value = true;
    const res = await api().manage.rights({ locationId: id });
    checking.value = false;
    if (id !== locationId.value) return;
    if (res.ok) rights.value = res.data;
    else error.value = res.error;
  }

  async function after(res: Result<ManageItem>): Promise<Result<ManageItem>> {
    if (res.ok && locationId.value !== null) await list(locationId.value);
    return res;
  }

  return {
    locationId,
    rights,
    items,
    checking,
    error,
    open,
    checkRights,
    createCategory: async (input: NewCategoryInput) => after(await api().manage.createCategory(input)),
    createService: async (input: NewServiceInput) => after(await api().manage.createService(input)),
    retry: async (id: number) => after(await api().manage.retry({ id })),
    /** Altegio's copy of a service for the edit form (offline: the catalogue's). */
    openService: (serviceId: number) => api().manage.openService({ locationId: locationId.value ?? 0, serviceId }),
    updateService: async (serviceId: number, base: ServiceFields, mine: ServiceFields) =>
      after(await api().manage.updateService({ locationId: locationId.value ?? 0, serviceId, base, mine })),
    retireService: async (serviceId: number, title: string) =>
      after(await api().manage.retireService({ locationId: locationId.value ?? 0, serviceId, title })),
    async resolveConflict(id: number, choice: 'mine' | 'theirs') {
      const res = await api().manage.resolveConflict({ id, choice });
      if (locationId.value !== null) await list(locationId.value);
      return res;
    },
    async cancel(id: number) {
      const res = await api().manage.cancel({ id });
      if (locationId.value !== null) await list(locationId.value);
      return res;
    },
  };
});
