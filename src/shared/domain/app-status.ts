/** A kind of record the person knows by name; a records table belongs to one (see storage-notice.ts in main). */
export const RECORD_KINDS = ['cashups', 'desk-users', 'audit', 'settings', 'outbox', 'other'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What a start had to rebuild, for one sentence on screen. */
export interface StorageRebuilt {
  /** The cache (catalogue, Today, cached reports) was damaged and rebuilt; it downloads again. */
  cache: boolean;
  /**
   * The records file was damaged and salvaged (null: the records were not touched). `lost` names each
   * kind of record of which at least one row could not be saved; `saved` counts the rows kept per kind.
   */
  records: { saved: { kind: RecordKind; rows: number }[]; lost: RecordKind[] } | null;
}

/** Things the person should hear about once, shown as a banner by the renderer. */
export interface AppStatus {
  /** A data file was damaged at start and rebuilt; null on an ordinary start. */
  storageRebuilt: StorageRebuilt | null;
}
