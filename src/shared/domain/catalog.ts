export interface LocationSummary {
  id: number;
  title: string;
  /** A location whose first sync failed has no snapshot yet: listed with why, so the desk can say it and retry. */
  syncError?: { code: string; message: string } | null;
  /**
   * A location Altegio lists for this person whose first sync has not stored it yet: `running` while a
   * sync runs, `waiting` until the next one. Today opens it at once; the catalogue waits for the sync.
   */
  firstSync?: 'running' | 'waiting' | null;
  city: string | null;
  address: string | null;
  timezoneName: string;
  currency: string;
  syncedAt: string | null;
}

export interface LicenseStatus {
  plan: string | null;
  active: boolean;
  /** ISO date (YYYY-MM-DD) the licence ends, or null when unknown. */
  endsOn: string | null;
  daysLeft: number | null;
  /** How many team members the licence allows, when Altegio says. */
  staffLimit?: number | null;
  /** True when the licence ends within 14 days or has lapsed. */
  warning: boolean;
}

export interface LocationCard extends LocationSummary {
  phones: string[];
  email: string | null;
  schedule: string | null;
  site: string | null;
  license: LicenseStatus | null;
}

export interface Category {
  id: number;
  title: string;
  serviceCount: number;
}

export interface CategoryList extends Listed<Category> {
  /** Every service under the same filters, whatever its category ("All services"). */
  total: number;
  /**
   * Notes for the screen: the last sync could not read the categories (services are under "Other",
   * category id 0, and are asked for again next sync); Altegio answered for this location with
   * another location id (the catalogue is kept under the one asked for).
   */
  notes?: ('categoriesUnavailable' | 'idMismatch')[];
}

export interface Money {
  min: number;
  max: number;
  /** Ready to show, e.g. "$40–60" or "2 500 ₸". */
  display: string;
}

export interface ServiceHit {
  id: number;
  locationId: number;
  title: string;
  categoryId: number;
  categoryTitle: string;
  price: Money;
  /** Seconds; the service's default duration. */
  durationSec: number;
  durationDisplay: string;
  staffCount: number;
  /** The service's cached photo (`app-media://…`, works offline); absent or null: none. */
  photoUrl?: string | null;
}

/** A service's photo as the detail pane shows it. */
export interface ServicePhoto {
  /** The cached copy; null while Altegio has one that is not downloaded yet (hasPhoto) or there is none. */
  url: string | null;
  hasPhoto: boolean;
  /** A change to it waiting in the photo outbox. */
  pending: 'upload' | 'remove' | null;
}

export interface ServicePerformer {
  staffId: number;
  name: string;
  position: string | null;
  avatarUrl: string | null;
  durationSec: number;
  durationDisplay: string;
  price: Money | null;
}

export interface ServiceDetail extends ServiceHit {
  comment: string | null;
  photo?: ServicePhoto;
  performers: ServicePerformer[];
  syncedAt: string;
}

export interface StaffMember {
  id: number;
  locationId: number;
  name: string;
  position: string | null;
  specialization: string | null;
  /** An app-protocol URL that works offline (`app-media://…`), or null for no photo. */
  avatarUrl: string | null;
  hasPhoto: boolean;
  serviceCount: number;
  /** Pending outbox work for this member's photo, if any. */
  photoPending: 'upload' | 'remove' | null;
}

export interface SearchPage {
  items: ServiceHit[];
  total: number;
  syncedAt: string | null;
  /** When a text query found nothing: the closest indexed spelling ("Did you mean …"), else null. */
  suggestion?: string | null;
  /** Some service of the location has a photo: the list keeps a thumbnail column (whatever this page shows). */
  withPhotos?: boolean;
}

export interface Listed<T> {
  items: T[];
  syncedAt: string | null;
}

export type SyncStep = 'company' | 'categories' | 'services' | 'staff' | 'license' | 'photos' | 'save';

export interface SyncProgress {
  locationId: number;
  locationTitle: string;
  step: SyncStep | 'done' | 'failed';
  done: number;
  total: number;
}

export interface SyncLocationState {
  locationId: number;
  title: string;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: { code: string; message: string } | null;
  counts: { categories: number; services: number; staff: number };
}

/** Why a sync run failed: the run itself (locationTitle null, e.g. the list of locations) or one location. */
export interface SyncRunError {
  code: string;
  message: string;
  locationTitle: string | null;
}

export interface SyncStatus {
  online: boolean;
  running: boolean;
  locations: SyncLocationState[];
  /** The last run's failure, if it failed (absent from older mains). */
  lastRunError?: SyncRunError | null;
  /** Cached locations Altegio lists no more, waiting for a person to confirm removal (sync.confirmRemoval). */
  missingLocations?: number[];
}

/** A location's own search line, typed in Settings: searching `words` also finds what `means` finds. */
export interface LocationSynonym {
  words: string;
  means: string;
}
