import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { OutboxItem, PhotoSubject } from '../../../shared/domain/photos';
import type { ErrorBody, Result } from '../../../shared/errors';
import { api } from '../api';

/**
 * Photo changes waiting to reach Altegio, shown so nothing is lost silently. Main owns the queue:
 * this store mirrors `outbox.list()` and every 'outbox-changed' event (events.ts routes them to `set`).
 */
export const useOutboxStore = defineStore('outbox', () => {
  const items = ref<OutboxItem[]>([]);
  const error = ref<ErrorBody | null>(null);
  /** Ids with a cancel or retry on its way to main, so their buttons can't be pressed twice. */
  const acting = ref<Set<number>>(new Set());

  /** Going out on their own (now or later); failed and held-for-a-manager items wait for a person instead. */
  const goesOut = (i: OutboxItem) => i.state === 'pending' || i.state === 'sending';
  const waiting = computed(() => items.value.filter(goesOut).length);
  const failed = computed(() => items.value.filter((i) => i.state === 'failed').length);
  /** Refused by Altegio (403): kept until someone with the rights presses Retry. */
  const needsManager = computed(() => items.value.filter((i) => i.state === 'needs-manager').length);
  /** Waiting items the signed-in user queued: signing out holds them until they sign in again. */
  const mineWaiting = computed(() => items.value.filter((i) => goesOut(i) && !i.waitingFor).length);

  async function load(): Promise<void> {
    const res = await api().outbox.list();
    if (res.ok) {
      items.value = res.data;
      error.value = null;
    } else error.value = res.error;
  }

  function set(next: OutboxItem[]): void {
    items.value = next;
  }

  /** The newest queued change to one member's or service's photo (main keeps one each, but never assume it). */
  function forSubject(locationId: number, subject: PhotoSubject, id: number): OutboxItem | null {
    let found: OutboxItem | null = null;
    for (const i of items.value) {
      const mine = i.locationId === locationId && i.subject === subject && i.subjectId === id;
      if (mine && (!found || i.id > found.id)) found = i;
    }
    return found;
  }
  const forMember = (locationId: number, staffId: number) => forSubject(locationId, 'staff', staffId);

  async function act(id: number, call: (args: { id: number }) => Promise<Result<null>>): Promise<ErrorBody | null> {
    if (acting.value.has(id)) return null;
    acting.value = new Set(acting.value).add(id);
    try {
      const res = await call({ id });
      if (!res.ok) {
        error.value = res.error;
        return res.error;
      }
      error.value = null;
      // Main also emits 'outbox-changed'; reading the list here keeps the store right if that event is missed.
      await load();
      return null;
    } finally {
      const next = new Set(acting.value);
      next.delete(id);
      acting.value = next;
    }
  }

  /** Drops a queued change: the photo on Altegio stays as it is. Returns the error, or null. */
  const cancel = (id: number): Promise<ErrorBody | null> => act(id, (a) => api().outbox.cancel(a));
  /** Sends a failed or waiting change now instead of at its next scheduled attempt. */
  const retry = (id: number): Promise<ErrorBody | null> => act(id, (a) => api().outbox.retry(a));

  return { items, error, acting, waiting, failed, needsManager, mineWaiting, load, set, forSubject, forMember, cancel, retry };
});
