import type { Router } from 'vue-router';
import { api } from './api';
import { wipeToLockScreen } from './lib/wipe';
import { useDeskStore } from './stores/desk';
import { useOutboxStore } from './stores/outbox';
import { useSessionStore } from './stores/session';
import { useSyncStore } from './stores/sync';

/** Routes main's events into the stores; returns one function that unsubscribes them all. */
export function connectEvents(router: Router, wipe: () => void = wipeToLockScreen): () => void {
  const session = useSessionStore();
  const sync = useSyncStore();
  const desk = useDeskStore();
  const outbox = useOutboxStore();
  const offs = [
    api().on('session-expired', ({ message, login }) => {
      session.expire(message, login ?? null);
      const here = router.currentRoute.value;
      if (here.meta['public'] !== true) {
        void router.replace({ name: 'sign-in', query: { redirect: here.fullPath } });
      }
    }),
    api().on('sync-progress', (p) => sync.onProgress(p)),
    api().on('sync-run', (p) => sync.onRun(p)),
    api().on('connectivity', (p) => sync.onConnectivity(p)),
    api().on('outbox-changed', ({ items }) => outbox.set(items)),
    api().on('desk-locked', () => wipe()),
    api().on('catalog-updated', ({ locationId, syncedAt }) => {
      sync.onLocationSynced(desk.locations.find((l) => l.id === locationId)?.title ?? null);
      desk.updated(locationId, syncedAt);
    }),
  ];
  // The OS's network events are hints for main, which checks with Altegio before saying "online".
  const hint = (online: boolean) => () => void api().sync.connectivityHint({ online });
  const onOnline = hint(true);
  const onOffline = hint(false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  offs.push(
    () => window.removeEventListener('online', onOnline),
    () => window.removeEventListener('offline', onOffline),
  );
  return () => offs.forEach((off) => off());
}
