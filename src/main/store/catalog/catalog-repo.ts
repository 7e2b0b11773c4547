import type { Db } from '../db';
import { PhotoEdits } from './photo-edits';
import { SearchQueries, type SearchParams, type SearchResult, type ServiceHitRow } from './search-queries';
import type { ThesaurusFor } from './search/location-index';
import { SnapshotWriter } from './snapshot-writer';
import { SyncStateRepo } from './sync-state-repo';
import type {
  CategoryRecord,
  LocationRecord,
  ServiceImageRecord,
  ServiceRecord,
  StaffRecord,
  StoredLicense,
} from './types';

interface LocationRow {
  id: number;
  title: string;
  address: string | null;
  city: string | null;
  phones: string;
  email: string | null;
  site: string | null;
  timezoneName: string;
  currency: string;
  schedule: string | null;
  license: string | null;
  syncedAt: string;
}

interface StaffRow {
  id: number;
  locationId: number;
  name: string;
  position: string | null;
  specialization: string | null;
  avatarRemote: string | null;
  avatarMedia: string | null;
  imageGroupId: number | null;
  weight: number;
  hidden: number;
  fired: number;
}

interface ServiceRow extends Omit<ServiceRecord, 'active' | 'staff' | 'image'> {
  active: number;
  categoryTitle: string | null;
  imageRemote: string | null;
  imageMedia: string | null;
  imageGroupId: number | null;
}

export interface PerformerRecord {
  staffId: number;
  name: string;
  position: string | null;
  avatarMedia: string | null;
  durationSec: number;
  price: number | null;
}

export type StaffListRecord = StaffRecord & { serviceCount: number };
export type CategoryListRecord = CategoryRecord & { serviceCount: number };
export type ServiceDetailRecord = Omit<ServiceRecord, 'staff' | 'image'> & {
  image: ServiceImageRecord | null;
  categoryTitle: string | null;
  staffCount: number;
  performers: PerformerRecord[];
};

const LOCATION_COLUMNS = `id, title, address, city, phones, email, site, timezone_name AS timezoneName, currency, schedule,
  license, synced_at AS syncedAt`;
const STAFF_COLUMNS = `id, location_id AS locationId, name, position, specialization, avatar_remote AS avatarRemote,
  avatar_media AS avatarMedia, image_group_id AS imageGroupId, weight, hidden, fired`;

function toLocation(r: LocationRow): LocationRecord {
  return {
    ...r,
    phones: JSON.parse(r.phones) as string[],
    license: r.license === null ? null : (JSON.parse(r.license) as StoredLicense),
  };
}

function toStaff(r: StaffRow): StaffRecord {
  return { ...r, hidden: r.hidden === 1, fired: r.fired === 1 };
}

/**
 * The catalogue cache: every read the app makes comes from here and never waits for the network.
 * Hidden and fired members are kept (so a later un-hide needs no extra request) but left out of lists.
 */
export class CatalogRepo {
  readonly writer: SnapshotWriter;
  readonly syncState: SyncStateRepo;
  private readonly searchQueries: SearchQueries;
  private readonly s;
  /** Per location, the services' cached photos: read once per snapshot, not at every keystroke. */
  private readonly photoMaps = new Map<number, ReadonlyMap<number, string>>();
  /** Each photo change made here, so a sync that read Altegio before it never writes an older copy over it. */
  private readonly photoEdits = new PhotoEdits();

  constructor(db: Db, thesaurusFor?: ThesaurusFor) {
    this.writer = new SnapshotWriter(db);
    this.syncState = new SyncStateRepo(db);
    this.searchQueries = new SearchQueries(db, thesaurusFor);
    this.writer.onReplace = (locationId) => {
      this.searchQueries.invalidate(locationId);
      this.photoMaps.delete(locationId);
    };
    this.s = {
      locations: db.prepare<[], LocationRow>(`SELECT ${LOCATION_COLUMNS} FROM locations ORDER BY title, id`),
      location: db.prepare<[number], LocationRow>(`SELECT ${LOCATION_COLUMNS} FROM locations WHERE id = ?`),
      // @staff NULL counts every service; a member's id counts only the services they perform.
      categories: db.prepare<{ location: number; staff: number | null }, CategoryListRecord>(
        `SELECT c.id, c.title, c.weight, coalesce(n.services, 0) AS serviceCount
         FROM service_categories c LEFT JOIN (
           SELECT s.category_id, count(*) AS services FROM services s WHERE s.location_id = @location
             AND (@staff IS NULL OR EXISTS (SELECT 1 FROM service_staff f
               WHERE f.location_id = s.location_id AND f.service_id = s.id AND f.staff_id = @staff))
           GROUP BY s.category_id
         ) n ON n.category_id = c.id
         WHERE c.location_id = @location ORDER BY c.weight DESC, c.title, c.id`,
      ),
      // Every service, whatever its category (unknown or missing ones included).
      serviceTotal: db.prepare<{ location: number; staff: number | null }, { n: number }>(
        `SELECT count(*) AS n FROM services s WHERE s.location_id = @location
           AND (@staff IS NULL OR EXISTS (SELECT 1 FROM service_staff f
             WHERE f.location_id = s.location_id AND f.service_id = s.id AND f.staff_id = @staff))`,
      ),
      memberLinks: db.prepare<
        [number, number, string],
        { serviceId: number; durationSec: number; price: number | null }
      >(
        `SELECT service_id AS serviceId, duration AS durationSec, price FROM service_staff
         WHERE location_id = ? AND staff_id = ? AND service_id IN (SELECT value FROM json_each(?))`,
      ),
      staffList: db.prepare<{ location: number }, StaffRow & { serviceCount: number }>(
        `SELECT ${STAFF_COLUMNS}, coalesce(n.services, 0) AS serviceCount
         FROM staff LEFT JOIN (
           SELECT staff_id, count(*) AS services FROM service_staff WHERE location_id = @location GROUP BY staff_id
         ) n ON n.staff_id = staff.id
         WHERE location_id = @location AND hidden = 0 AND fired = 0 ORDER BY weight DESC, name, id`,
      ),
      staffMember: db.prepare<[number, number], StaffRow>(
        `SELECT ${STAFF_COLUMNS} FROM staff WHERE location_id = ? AND id = ?`,
      ),
      allStaff: db.prepare<[number], StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff WHERE location_id = ?`),
      setAvatar: db.prepare(
        'UPDATE staff SET avatar_media = ?, avatar_remote = ?, image_group_id = ? WHERE location_id = ? AND id = ?',
      ),
      service: db.prepare<[number, number], ServiceRow>(
        `SELECT s.id, s.category_id AS categoryId, s.title, s.price_min AS priceMin, s.price_max AS priceMax,
           s.duration AS durationSec, s.weight, s.active, s.comment, c.title AS categoryTitle,
           s.image_remote AS imageRemote, s.image_media AS imageMedia, s.image_group_id AS imageGroupId
         FROM services s LEFT JOIN service_categories c ON c.location_id = s.location_id AND c.id = s.category_id
         WHERE s.location_id = ? AND s.id = ?`,
      ),
      setServiceImage: db.prepare(
        'UPDATE services SET image_media = ?, image_remote = ?, image_group_id = ? WHERE location_id = ? AND id = ?',
      ),
      serviceImages: db.prepare<[number], { id: number; media: string }>(
        'SELECT id, image_media AS media FROM services WHERE location_id = ? AND image_media IS NOT NULL',
      ),
      allServiceImages: db.prepare<[number], ServiceImageRecord & { id: number }>(
        `SELECT id, image_remote AS remote, image_media AS media, image_group_id AS imageGroupId
         FROM services WHERE location_id = ?`,
      ),
      performers: db.prepare<[number, number], PerformerRecord>(
        `SELECT m.id AS staffId, m.name, m.position, m.avatar_media AS avatarMedia, ss.duration AS durationSec, ss.price
         FROM service_staff ss JOIN staff m ON m.location_id = ss.location_id AND m.id = ss.staff_id
         WHERE ss.location_id = ? AND ss.service_id = ? AND m.hidden = 0 AND m.fired = 0
         ORDER BY m.weight DESC, m.name, m.id`,
      ),
    };
  }

  listLocations(): LocationRecord[] {
    return this.s.locations.all().map(toLocation);
  }

  getLocation(id: number): LocationRecord | null {
    const r = this.s.location.get(id);
    return r ? toLocation(r) : null;
  }

  /** With `staffId`, counts only that member's services. */
  listCategories(locationId: number, staffId?: number): CategoryListRecord[] {
    return this.s.categories.all({ location: locationId, staff: staffId ?? null });
  }

  /** How many services the location has (optionally: that one member performs), any category. */
  countServices(locationId: number, staffId?: number): number {
    return this.s.serviceTotal.get({ location: locationId, staff: staffId ?? null })?.n ?? 0;
  }

  /** Visible members (not hidden, not fired), heaviest first as in Altegio. */
  listStaff(locationId: number): StaffListRecord[] {
    return this.s.staffList.all({ location: locationId }).map((r) => ({ ...toStaff(r), serviceCount: r.serviceCount }));
  }

  /** Any member of the snapshot, hidden or fired included (the photos feature may need them). */
  getStaffMember(locationId: number, staffId: number): StaffRecord | null {
    const r = this.s.staffMember.get(locationId, staffId);
    return r ? toStaff(r) : null;
  }

  allStaff(locationId: number): StaffRecord[] {
    return this.s.allStaff.all(locationId).map(toStaff);
  }

  /** After a photo upload or removal: the cached copy, Altegio's URL and image group. */
  setStaffAvatar(
    locationId: number,
    staffId: number,
    avatar: { media: string | null; remote: string | null; imageGroupId: number | null },
  ): void {
    this.s.setAvatar.run(avatar.media, avatar.remote, avatar.imageGroupId, locationId, staffId);
    this.photoEdits.note('staff', locationId, staffId);
  }

  /**
   * Members of the location whose photo was changed here after `mark`, as stored now: Altegio's team list was
   * read before the change, so the sync keeps these instead of its older copy.
   */
  staffAvatarsEditedSince(locationId: number, mark: number): Map<number, ServiceImageRecord> {
    const out = new Map<number, ServiceImageRecord>();
    for (const id of this.photoEdits.since('staff', locationId, mark)) {
      const m = this.getStaffMember(locationId, id);
      if (m) out.set(id, { media: m.avatarMedia, remote: m.avatarRemote, imageGroupId: m.imageGroupId });
    }
    return out;
  }

  getService(locationId: number, serviceId: number): ServiceDetailRecord | null {
    const r = this.s.service.get(locationId, serviceId);
    if (!r) return null;
    const performers = this.s.performers.all(locationId, serviceId);
    const { imageRemote, imageMedia, imageGroupId, ...rest } = r;
    const image =
      imageRemote === null && imageMedia === null && imageGroupId === null
        ? null
        : { remote: imageRemote, media: imageMedia, imageGroupId };
    return { ...rest, image, active: r.active === 1, staffCount: performers.length, performers };
  }

  /** A service as the photo outbox sees it: its title and the image group it has now. */
  getServicePhotoHolder(locationId: number, serviceId: number): { id: number; name: string; imageGroupId: number | null } | null {
    const r = this.s.service.get(locationId, serviceId);
    return r ? { id: r.id, name: r.title, imageGroupId: r.imageGroupId } : null;
  }

  /** After a service photo upload or removal: the cached copy, Altegio's URL and image group. */
  setServiceImage(locationId: number, serviceId: number, image: ServiceImageRecord): void {
    this.s.setServiceImage.run(image.media, image.remote, image.imageGroupId, locationId, serviceId);
    this.photoMaps.delete(locationId);
    this.photoEdits.note('service', locationId, serviceId);
  }

  /** A point in the sequence of photo changes: a sync takes one before it reads Altegio. */
  photoEditMark(): number {
    return this.photoEdits.mark();
  }

  /**
   * Services of the location whose photo was changed here after `mark`, as stored now: Altegio's list was
   * read before the change, so the sync keeps these instead of its older copy.
   */
  serviceImagesEditedSince(locationId: number, mark: number): Map<number, ServiceImageRecord> {
    const out = new Map<number, ServiceImageRecord>();
    const now = this.serviceImages(locationId);
    for (const id of this.photoEdits.since('service', locationId, mark)) {
      const img = now.get(id);
      if (img) out.set(id, img);
    }
    return out;
  }

  /** Service id → cached photo, for the list's thumbnails (only services that have one). */
  servicePhotos(locationId: number): ReadonlyMap<number, string> {
    let m = this.photoMaps.get(locationId);
    if (!m) {
      m = new Map(this.s.serviceImages.all(locationId).map((r) => [r.id, r.media]));
      this.photoMaps.set(locationId, m);
    }
    return m;
  }

  /** Every service's photo as stored, for the sync to keep what a list did not say or a download lost. */
  serviceImages(locationId: number): Map<number, ServiceImageRecord> {
    return new Map(
      this.s.allServiceImages
        .all(locationId)
        .map((r) => [r.id, { remote: r.remote, media: r.media, imageGroupId: r.imageGroupId }]),
    );
  }

  /**
   * With a member chosen, each row shows that member's own price and duration (the general range
   * is what the salon charges across everyone). A link without a price keeps the general one.
   */
  /** Drops the location's search index (its own search lines changed); the next search rebuilds it. */
  invalidateSearch(locationId: number): void {
    this.searchQueries.invalidate(locationId);
  }

  search(params: SearchParams): SearchResult {
    const out = this.searchQueries.run(params);
    if (params.staffId === undefined || out.rows.length === 0) return out;
    const links = new Map(
      this.s.memberLinks
        .all(params.locationId, params.staffId, JSON.stringify(out.rows.map((r) => r.id)))
        .map((l) => [l.serviceId, l]),
    );
    const rows = out.rows.map((r) => {
      const l = links.get(r.id);
      if (!l) return r;
      const price = l.price === null ? {} : { priceMin: l.price, priceMax: l.price };
      return { ...r, ...price, durationSec: l.durationSec };
    });
    return { ...out, rows };
  }
}

export type { SearchParams, SearchResult, ServiceHitRow };
