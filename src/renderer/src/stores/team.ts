import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { StaffMember } from '../../../shared/domain/catalog';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { useDeskStore } from './desk';

/** The current location's team, with each member's pending photo work. */
export const useTeamStore = defineStore('team', () => {
  const members = ref<StaffMember[]>([]);
  const status = ref<'idle' | 'loading' | 'ready' | 'error' | 'unsynced'>('idle');
  const error = ref<ErrorBody | null>(null);
  let generation = 0;

  async function load(): Promise<void> {
    const locationId = useDeskStore().locationId;
    const gen = ++generation;
    if (locationId === null) {
      members.value = [];
      status.value = 'unsynced';
      return;
    }
    if (status.value !== 'ready') status.value = 'loading';
    const res = await api().staff.list({ locationId });
    if (gen !== generation) return;
    if (res.ok) {
      members.value = res.data.items;
      status.value = 'ready';
      error.value = null;
    } else {
      members.value = [];
      status.value = res.error.code === 'NOT_FOUND' ? 'unsynced' : 'error';
      error.value = res.error;
    }
  }

  return { members, status, error, load };
});
