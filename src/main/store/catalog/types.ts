/** What the catalogue tables hold, in the shapes the services read and write. No HTTP types here. */

export interface StoredLicense {
  plan: string | null;
  active: boolean;
  /** YYYY-MM-DD */
  startDate: string | null;
  endDate: string | null;
  staffLimit: number | null;
}

export interface LocationRecord {
  id: number;
  title: string;
  address: string | null;
  city: string | null;
  phones: string[];
  email: string | null;
  site: string | null;
  timezoneName: string;
  /** As Altegio gives it: usually a symbol ("$", "₸"), sometimes an ISO code. */
  currency: string;
  schedule: string | null;
  license: StoredLicense | null;
  /** ISO timestamp of the snapshot this row belongs to. */
  syncedAt: string;
}

export interface CategoryRecord {
  id: number;
  title: string;
  weight: number;
}

export interface ServiceLinkRecord {
  staffId: number;
  durationSec: number;
  price: number | null;
}

export interface ServiceRecord {
  id: number;
  categoryId: number;
  title: string;
  priceMin: number;
  priceMax: number;
  durationSec: number;
  weight: number;
  active: boolean;
  comment: string | null;
  /** Seconds; null: the location's default; absent: Altegio's list did not say (the edit form cannot offer it offline). */
  technicalBreakSec?: number | null;
  staff: ServiceLinkRecord[];
  /** The service's photo: Altegio's URL and image group, and the cached copy (relative to paths.media). */
  image?: ServiceImageRecord | null;
}

export interface ServiceImageRecord {
  remote: string | null;
  media: string | null;
  imageGroupId: number | null;
}

export interface StaffRecord {
  id: number;
  locationId: number;
  name: string;
  position: string | null;
  specialization: string | null;
  /** Altegio's URL of the current photo; null when the member has none. */
  avatarRemote: string | null;
  /** The cached copy, relative to paths.media (e.g. "staff/1/2-ab12cd34.jpg"). */
  avatarMedia: string | null;
  imageGroupId: number | null;
  weight: number;
  hidden: boolean;
  fired: boolean;
}

/** One location's complete catalogue, as sync writes it. */
export interface LocationSnapshot {
  location: Omit<LocationRecord, 'syncedAt'>;
  categories: CategoryRecord[];
  services: ServiceRecord[];
  staff: Omit<StaffRecord, 'locationId'>[];
  syncedAt: string;
}

export interface SyncStateRecord {
  locationId: number;
  title: string;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: { code: string; message: string } | null;
  counts: { categories: number; services: number; staff: number };
}

/** One service as a search or listing shows it (the SQL listing's row and the in-memory index's hit). */
export interface ServiceHitRow {
  id: number;
  title: string;
  categoryId: number;
  categoryTitle: string | null;
  priceMin: number;
  priceMax: number;
  durationSec: number;
  staffCount: number;
}
