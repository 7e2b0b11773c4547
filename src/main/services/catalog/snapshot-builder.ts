import type { Company, License, Service, ServiceCategory, StaffMemberRaw } from '../../altegio/types';
import type { LocationSnapshot, ServiceImageRecord, ServiceLinkRecord, StoredLicense } from '../../store/catalog';

/** Altegio's normalised shapes → one location's cache snapshot. Pure, so it is tested without a server. */

export function isVisible(m: StaffMemberRaw): boolean {
  return !m.hidden && !m.fired && !m.deleted;
}

/** The picture the team screen shows: the big one when there is one. */
export function avatarUrl(m: StaffMemberRaw): string | null {
  return m.avatarBig ?? m.avatar;
}

export function storedLicense(l: License): StoredLicense {
  return { plan: l.plan, active: l.active, startDate: l.startDate, endDate: l.endDate, staffLimit: l.staffLimit };
}

export interface SnapshotParts {
  company: Company;
  categories: ServiceCategory[];
  /** The categories could not be read: services whose category is not known go under "Other". */
  categoriesUnavailable?: boolean;
  services: Service[];
  staff: StaffMemberRaw[];
  /** Links for services whose list entry had `staff: null`, gathered per member. */
  fallbackLinks: ReadonlyMap<number, ServiceLinkRecord[]>;
  license: StoredLicense | null;
  avatars: ReadonlyMap<number, string | null>;
  /** Members whose photo was changed on this desk after the team list was read: the desk's copy wins. */
  keptAvatars?: ReadonlyMap<number, ServiceImageRecord>;
  /** Each service's photo (Altegio's URL and group, the cached copy); absent: none. */
  serviceImages?: ReadonlyMap<number, ServiceImageRecord | null>;
  syncedAt: string;
}

/** The "Other" category: id 0 is never an Altegio category id; the screen names it in the desk's language. */
export const OTHER_CATEGORY_ID = 0;

export function buildSnapshot(p: SnapshotParts): LocationSnapshot {
  const c = p.company;
  const known = new Set(p.categories.map((k) => k.id));
  const homeless = p.categoriesUnavailable === true && p.services.some((s) => !known.has(s.categoryId));
  const categoryOf = (id: number) => (!p.categoriesUnavailable || known.has(id) ? id : OTHER_CATEGORY_ID);
  return {
    location: {
      id: c.id,
      title: c.title,
      address: c.address,
      city: c.city,
      phones: c.phones,
      email: c.email,
      site: c.site,
      timezoneName: c.timezoneName,
      currency: c.currencyShortTitle ?? '',
      schedule: c.schedule,
      license: p.license,
    },
    categories: [
      ...p.categories.map((k) => ({ id: k.id, title: k.title, weight: k.weight })),
      ...(homeless && !known.has(OTHER_CATEGORY_ID) ? [{ id: OTHER_CATEGORY_ID, title: '', weight: -1 }] : []),
    ],
    services: p.services.map((s) => ({
      id: s.id,
      categoryId: categoryOf(s.categoryId),
      title: s.title,
      priceMin: s.priceMin,
      priceMax: s.priceMax,
      durationSec: s.durationSec,
      weight: s.weight,
      active: s.active,
      comment: s.comment,
      ...(s.technicalBreakSec === undefined ? {} : { technicalBreakSec: s.technicalBreakSec }),
      image: p.serviceImages?.get(s.id) ?? null,
      staff:
        s.staff === null
          ? (p.fallbackLinks.get(s.id) ?? [])
          : s.staff.map((l) => ({ staffId: l.staffId, durationSec: l.seanceLengthSec, price: l.price })),
    })),
    // Deleted members are gone for good; hidden and fired ones are kept but never listed.
    staff: p.staff
      .filter((m) => !m.deleted)
      .map((m) => {
        const kept = p.keptAvatars?.get(m.id);
        return {
          m,
          photo: kept ?? { remote: avatarUrl(m), media: p.avatars.get(m.id) ?? null, imageGroupId: m.imageGroupId },
        };
      })
      .map(({ m, photo }) => ({
        id: m.id,
        name: m.name,
        position: m.position?.title ?? null,
        specialization: m.specialization,
        avatarRemote: photo.remote,
        avatarMedia: photo.media,
        imageGroupId: photo.imageGroupId,
        weight: m.weight,
        hidden: m.hidden,
        fired: m.fired,
      })),
    syncedAt: p.syncedAt,
  };
}
