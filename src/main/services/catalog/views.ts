import type {
  Category,
  LocationCard,
  LocationSummary,
  Money,
  ServiceDetail,
  ServiceHit,
  StaffMember,
  SyncLocationState,
} from '../../../shared/domain/catalog';
import { formatDuration, moneyFormat } from '../../../shared/format';
import type {
  CategoryListRecord,
  LocationRecord,
  ServiceDetailRecord,
  ServiceHitRow,
  StaffListRecord,
} from '../../store/catalog';
import { licenseStatus } from './license-status';
import type { ListedLocation } from './listed-locations';

/** Turns cache records into what the renderer sees: display strings in the location's currency, media URLs. */
export interface ViewOptions {
  /** The desk's language, for durations. Money follows the location, not this. */
  locale: string;
  mediaUrl(relativePath: string): string;
  now(): Date;
}

/** A price in the location's currency and number conventions, as every screen and the printout show it. */
export function money(min: number, max: number, l: Pick<LocationRecord, 'currency' | 'timezoneName'>): Money {
  return { min, max, display: moneyFormat(l.currency, l.timezoneName)({ min, max }) };
}

export function locationSummary(l: LocationRecord): LocationSummary {
  return {
    id: l.id,
    title: l.title,
    city: l.city,
    address: l.address,
    timezoneName: l.timezoneName,
    currency: l.currency,
    syncedAt: l.syncedAt,
  };
}

/** A location Altegio listed at sign-in, its first sync not stored yet: Today can open it already. */
export function listedLocationSummary(l: ListedLocation, firstSync: 'running' | 'waiting'): LocationSummary {
  return {
    id: l.id,
    title: l.title,
    city: l.city,
    address: l.address,
    timezoneName: l.timezoneName,
    currency: l.currency,
    syncedAt: null,
    firstSync,
  };
}

/** A location known only from a failed first sync: no snapshot, no timezone or currency yet. */
export function failedLocationSummary(s: SyncLocationState): LocationSummary {
  return {
    id: s.locationId,
    title: s.title,
    city: null,
    address: null,
    timezoneName: 'UTC',
    currency: '',
    syncedAt: null,
    syncError: s.lastError,
  };
}

export function locationCard(l: LocationRecord, o: ViewOptions): LocationCard {
  return {
    ...locationSummary(l),
    phones: l.phones,
    email: l.email,
    schedule: l.schedule,
    site: l.site,
    license: licenseStatus(l.license, o.now(), l.timezoneName),
  };
}

export function serviceHit(
  r: ServiceHitRow,
  l: LocationRecord,
  o: ViewOptions,
  photos?: ReadonlyMap<number, string>,
): ServiceHit {
  const photo = photos?.get(r.id);
  return {
    id: r.id,
    locationId: l.id,
    title: r.title,
    categoryId: r.categoryId,
    categoryTitle: r.categoryTitle ?? '',
    price: money(r.priceMin, r.priceMax, l),
    durationSec: r.durationSec,
    durationDisplay: formatDuration(r.durationSec, o.locale),
    staffCount: r.staffCount,
    photoUrl: photo ? o.mediaUrl(photo) : null,
  };
}

export function serviceDetail(
  r: ServiceDetailRecord,
  l: LocationRecord,
  o: ViewOptions,
  pending: 'upload' | 'remove' | null = null,
): ServiceDetail {
  const media = r.image?.media ?? null;
  return {
    ...serviceHit(r, l, o),
    photoUrl: media ? o.mediaUrl(media) : null,
    photo: {
      url: media ? o.mediaUrl(media) : null,
      hasPhoto: r.image !== null && (r.image.imageGroupId !== null || r.image.remote !== null || media !== null),
      pending,
    },
    comment: r.comment,
    performers: r.performers.map((p) => ({
      staffId: p.staffId,
      name: p.name,
      position: p.position,
      avatarUrl: p.avatarMedia ? o.mediaUrl(p.avatarMedia) : null,
      durationSec: p.durationSec,
      durationDisplay: formatDuration(p.durationSec, o.locale),
      price: p.price === null ? null : money(p.price, p.price, l),
    })),
    syncedAt: l.syncedAt,
  };
}

export function category(c: CategoryListRecord): Category {
  return { id: c.id, title: c.title, serviceCount: c.serviceCount };
}

export function staffMember(m: StaffListRecord, pending: 'upload' | 'remove' | null, o: ViewOptions): StaffMember {
  return {
    id: m.id,
    locationId: m.locationId,
    name: m.name,
    position: m.position,
    specialization: m.specialization,
    avatarUrl: m.avatarMedia ? o.mediaUrl(m.avatarMedia) : null,
    hasPhoto: m.avatarRemote !== null || m.avatarMedia !== null,
    serviceCount: m.serviceCount,
    photoPending: pending,
  };
}
