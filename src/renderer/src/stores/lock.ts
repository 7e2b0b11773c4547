import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AuditEntryView, DeskState } from '../../../shared/domain/desk';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';

/**
 * The shared desk as the page sees it: who can unlock, whether it is locked, the desk's lock setting.
 * It never holds a PIN beyond the one being typed, nor any token.
 */
export const useLockStore = defineStore('lock', () => {
  const state = ref<DeskState | null>(null);
  const audit = ref<AuditEntryView[]>([]);
  const error = ref<ErrorBody | null>(null);

  async function load(): Promise<DeskState | null> {
    const res = await api().desk.state();
    if (res.ok) state.value = res.data;
    else error.value = res.error;
    return state.value;
  }

  /** Locks in main; main's `desk-locked` event then wipes the page (see lib/wipe.ts). */
  async function lock(returnTo: string | null): Promise<void> {
    const res = await api().desk.lock(returnTo && returnTo.startsWith('/') && returnTo !== '/lock' ? { returnTo } : {});
    if (res.ok) state.value = res.data;
  }

  async function setPin(pin: string): Promise<ErrorBody | null> {
    const res = await api().desk.setPin({ pin });
    if (!res.ok) return res.error;
    state.value = res.data;
    return null;
  }

  async function setAutoLock(minutes: number): Promise<ErrorBody | null> {
    const res = await api().desk.setAutoLock({ minutes });
    if (!res.ok) return res.error;
    state.value = res.data;
    return null;
  }

  async function queuedWork(userId: number): Promise<number> {
    const res = await api().desk.queuedWork({ userId });
    return res.ok ? res.data.count : 0;
  }

  async function removeUser(userId: number): Promise<ErrorBody | null> {
    const res = await api().desk.removeUser({ userId });
    if (!res.ok) return res.error;
    state.value = res.data;
    return null;
  }

  async function loadAudit(): Promise<void> {
    const res = await api().desk.audit();
    if (res.ok) audit.value = res.data;
  }

  return { state, audit, error, load, lock, setPin, setAutoLock, queuedWork, removeUser, loadAudit };
});
