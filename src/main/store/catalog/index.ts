export {
  CatalogRepo,
  type CategoryListRecord,
  type PerformerRecord,
  type ServiceDetailRecord,
  type StaffListRecord,
} from './catalog-repo';
export { docRange } from './doc-range';
export type { SearchParams, SearchResult, ServiceHitRow } from './search-queries';
export { SnapshotWriter } from './snapshot-writer';
export { SyncStateRepo } from './sync-state-repo';
export type * from './types';
