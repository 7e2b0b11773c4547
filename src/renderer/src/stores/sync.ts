import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { SyncProgress, SyncRunError, SyncStep } from '../../../shared/domain/catalog';
import type { ErrorBody, ErrorCode } from '../../../shared/errors';
import { api } from '../api';

const STEPS: readonly SyncStep[] = ['company', 'categories', 'services', 'staff', 'license', 'photos', 'save'];

/** Connectivity and catalogue sync, as main reports them through events and `sync.status`. */
export const useSyncStore = defineStore('sync', () => {
  const online = ref(true);
  const checkedAt = ref<string | null>(null);
  /** A run this desk asked for is in flight. */
  const requested = ref(false);
  const progress = ref<SyncProgress | null>(null);
  const lastError = ref<ErrorBody | null>(null);

  /** Main is syncing, maybe a background refresh it started by itself. */
  const mainRunning = ref(false);

  const finished = (p: SyncProgress) => (p.step === 'done' || p.step === 'failed') && p.done >= p.total;
  const running = computed(() => requested.value || mainRunning.value);

  /** 0…1 across every location of the run; each location's steps fill its share. */
  const fraction = computed(() => {
    const p = progress.value;
    if (!p || p.total === 0) return 0;
    const within = p.step === 'done' || p.step === 'failed' ? 0 : STEPS.indexOf(p.step) / STEPS.length;
    return Math.min(1, (p.done + within) / p.total);
  });

  async function loadStatus(): Promise<void> {
    const res = await api().sync.status();
    if (!res.ok) return;
    online.value = res.data.online;
    mainRunning.value = res.data.running;
    if (!res.data.running && res.data.lastRunError) lastError.value = asError(res.data.lastRunError);
  }

  function asError(e: SyncRunError): ErrorBody {
    return {
      code: e.code as ErrorCode,
      message: e.message,
      ...(e.locationTitle ? { details: { location: e.locationTitle } } : {}),
    };
  }

  /** Main announces every run's start and end, also runs it started itself (sign-in, timer). */
  function onRun(p: { running: boolean; error: SyncRunError | null }): void {
    mainRunning.value = p.running;
    if (p.running) return;
    if (p.error) lastError.value = asError(p.error);
    else if (!requested.value) lastError.value = null;
  }

  async function run(locationId?: number): Promise<void> {
    if (requested.value) return;
    requested.value = true;
    lastError.value = null;
    try {
      const res = await api().sync.run(locationId === undefined ? undefined : { locationId });
      if (!res.ok) lastError.value = res.error;
      else {
        // A run resolves even when a location failed; its state says so.
        const failed = res.data.find(
          (s) => s.lastError && (!s.lastSuccessAt || (s.lastErrorAt ?? '') > s.lastSuccessAt),
        );
        if (failed?.lastError)
          lastError.value = asError({ ...failed.lastError, locationTitle: failed.title });
      }
    } finally {
      requested.value = false;
      if (progress.value && finished(progress.value)) mainRunning.value = false;
    }
  }

  function dismissError(): void {
    lastError.value = null;
  }

  /**
   * A location's snapshot was just replaced: a later sync went through, so a failure about that
   * location (or one that named none, like "no connection") is history. One about another location stays.
   */
  function onLocationSynced(title: string | null): void {
    const failed = lastError.value?.details?.['location'];
    if (lastError.value && (failed === undefined || failed === title)) lastError.value = null;
  }

  function onProgress(p: SyncProgress): void {
    progress.value = p;
    mainRunning.value = !finished(p);
  }

  function onConnectivity(p: { online: boolean; checkedAt: string }): void {
    // Offline, the banner said why the sync failed; back online, the background sync retries by itself,
    // so "Sync failed: no connection" would only be news from the past.
    if (p.online && !online.value && lastError.value?.code === 'OFFLINE') lastError.value = null;
    online.value = p.online;
    checkedAt.value = p.checkedAt;
  }

  return {
    online,
    checkedAt,
    progress,
    lastError,
    running,
    fraction,
    loadStatus,
    run,
    dismissError,
    onLocationSynced,
    onProgress,
    onConnectivity,
    onRun,
  };
});
