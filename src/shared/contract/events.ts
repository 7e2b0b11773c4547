import type { SyncProgress, SyncRunError } from '../domain/catalog';
import type { LockReason } from '../domain/desk';
import type { OutboxItem } from '../domain/photos';

/** Main → renderer events and their payloads. */
export interface EventMap {
  'sync-progress': SyncProgress;
  connectivity: { online: boolean; checkedAt: string };
  /** `message` is Altegio's own words (for the log); `login` is what the user signed in with, to keep in the form. */
  'session-expired': { message: string; login?: string | null };
  'outbox-changed': { items: OutboxItem[] };
  'catalog-updated': { locationId: number; syncedAt: string };
  /** A downloaded update; canRestart is false while a print, upload or sync runs. */
  'update-ready': { version: string; canRestart: boolean };
  /** The shared desk locked: the renderer drops every piece of data it holds and shows the lock screen. */
  'desk-locked': { reason: LockReason };
  /** A catalogue sync run started (running) or ended; `error` says why it, or its first failed location, failed. */
  'sync-run': { running: boolean; error: SyncRunError | null };
  /** Cached locations Altegio stopped listing, kept until a person confirms (empty: nothing pending). */
  'catalog-removal-pending': { locationIds: number[] };
  /** A day report fetched after the cached copy was already shown: ask reports.dayEnd again. */
  'report-refreshed': { locationId: number; date: string; staffId: number | null; fetchedAt: string };
  /** Manager mode: a queued catalogue change at this location moved (sent, refused, synced): ask manage.list. */
  'manage-changed': { locationId: number };
}

export type EventName = keyof EventMap;

/** Run-time list of event names, checked against EventMap by the compiler. */
export const EVENT_NAMES = [
  'sync-progress',
  'connectivity',
  'session-expired',
  'outbox-changed',
  'catalog-updated',
  'update-ready',
  'desk-locked',
  'sync-run',
  'catalog-removal-pending',
  'report-refreshed',
  'manage-changed',
] as const satisfies readonly EventName[];
