import type { RecordKind, StorageRebuilt } from '../../../shared/domain/app-status';
import type { StoresRebuilt } from '../../store/stores';

/**
 * Which kind of record a records table holds. By prefix, so a table a later migration adds
 * (cashup_*, audit_*, desk_*) is named with its family rather than as "other records".
 */
export function recordKindOf(table: string): RecordKind {
  if (/^cashup/.test(table)) return 'cashups';
  if (/^desk/.test(table)) return 'desk-users';
  if (/^audit/.test(table)) return 'audit';
  if (table === 'settings') return 'settings';
  if (/^outbox/.test(table)) return 'outbox';
  return 'other';
}

/** The typed notice the renderer turns into one sentence in the desk's language. */
export function storageNotice(rebuilt: StoresRebuilt | null): StorageRebuilt | null {
  if (!rebuilt) return null;
  let records: StorageRebuilt['records'] = null;
  if (rebuilt.records) {
    const saved = new Map<RecordKind, number>();
    const lost = new Set<RecordKind>();
    for (const t of rebuilt.records.tables) {
      const kind = recordKindOf(t.table);
      saved.set(kind, (saved.get(kind) ?? 0) + t.saved);
      if (!t.complete) lost.add(kind);
    }
    records = { saved: [...saved].map(([kind, rows]) => ({ kind, rows })), lost: [...lost] };
  }
  return { cache: rebuilt.cache !== null, records };
}
