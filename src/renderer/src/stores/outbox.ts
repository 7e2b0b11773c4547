import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { OutboxItem } from '../../../shared/domain/photos';
import { api } from '../api';

/** Photo changes waiting to reach Altegio; shown so nothing is lost silently. */
export const useOutboxStore = defineStore('outbox', () => {
  const items = ref<OutboxItem[]>([]);
  const waiting = computed(() => items.value.filter((i) => i.state !== 'failed').length);
  const failed = computed(() => items.value.filter((i) => i.state === 'failed').length);

  async function load(): Promise<void> {
    const res = await api().outbox.list();
    if (res.ok) items.value = res.data;
  }

  function set(next: OutboxItem[]): void {
    items.value = next;
  }

  return { items, waiting, failed, load, set };
});
