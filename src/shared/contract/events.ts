import type { SyncProgress } from '../domain/catalog';
import type { OutboxItem } from '../domain/photos';

/** Main → renderer events and their payloads. */
export interface EventMap {
  'sync-progress': SyncProgress;
  connectivity: { online: boolean; checkedAt: string };
  'session-expired': { message: string };
  'outbox-changed': { items: OutboxItem[] };
  'catalog-updated': { locationId: number; syncedAt: string };
  /** Cached locations Altegio stopped listing, kept until a person confirms (empty: nothing pending). */
  'catalog-removal-pending': { locationIds: number[] };
  /** A day report fetched after the cached copy was already shown: ask reports.dayEnd again. */
  'report-refreshed': { locationId: number; date: string; staffId: number | null; fetchedAt: string };
}

export type EventName = keyof EventMap;

/** Run-time list of event names, checked against EventMap by the compiler. */
export const EVENT_NAMES = [
  'sync-progress',
  'connectivity',
  'session-expired',
  'outbox-changed',
  'catalog-updated',
  'catalog-removal-pending',
  'report-refreshed',
] as const satisfies readonly EventName[];
