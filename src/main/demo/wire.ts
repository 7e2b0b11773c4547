import { dotted } from './responses';
import type { DemoCompany, DemoLocation, DemoPhoto, DemoService, DemoServicePhoto, DemoStaffMember } from './types';

/** Dataset → Altegio's snake_case bodies, with the quirks of the real API kept on purpose. */

const NO_MASTER = { sm: '/images/no-master-sm.png', norm: '/images/no-master.png' };

/** A location as GET /companies lists it: only the fields its documented answer has. */
export function companyWire(c: DemoCompany, l: DemoLocation) {
  return {
    id: c.id,
    title: c.title,
    public_title: c.title,
    short_descr: c.shortDescr,
    logo: '',
    active: 1,
    phone: c.phones[0] ?? '',
    phones: c.phones,
    email: c.email,
    country_id: 0,
    country: c.country,
    city_id: 0,
    city: c.city,
    timezone: c.timezoneOffset,
    timezone_name: c.timezoneName,
    schedule: c.schedule,
    address: c.address,
    coordinate_lat: c.coordinate.lat,
    coordinate_lon: c.coordinate.lon,
    phone_confirmation: true,
    active_staff_count: l.staff.filter((m) => !m.fired && !m.deleted).length,
    currency_short_title: c.currencyShortTitle,
    description: descriptionOf(c),
    photos: [],
  };
}

const NETWORKS = ['facebook', 'instagram', 'telegram', 'whatsapp', 'viber', 'vk'];
const descriptionOf = (c: DemoCompany) => c.description ?? `<p>${c.shortDescr}</p>`;

/**
 * The location card both GET /company/{id} and PUT /company/{id} answer with: the same documented set
 * (zip, site, social; no currency, phones, e-mail or schedule, which only GET /companies has, §3.3).
 * `short_descr`, `description` and `business_type_id` are in the operations' own examples, not in their
 * property lists (exceptions.json, demoFields). The app must not depend on more.
 */
function companyCardWire(c: DemoCompany) {
  return {
    id: c.id,
    title: c.title,
    country_id: 0,
    country: c.country,
    city_id: 0,
    city: c.city,
    timezone_name: c.timezoneName,
    address: c.address,
    zip: c.zip,
    social: Object.fromEntries(NETWORKS.map((n) => [n, c.social?.[n] ?? ''])),
    site: c.site,
    coordinate_lat: c.coordinate.lat,
    coordinate_lon: c.coordinate.lon,
    short_descr: c.shortDescr,
    description: descriptionOf(c),
    business_type_id: 1,
    phone_confirmation: true,
    main_group: [],
  };
}

/** PUT /company/{id}: company_put_response_data_types. */
export const companyPutWire = (c: DemoCompany) => companyCardWire(c);

/** GET /company/{id}: the card, with the team's head count. */
export function companyItemWire(c: DemoCompany, l: DemoLocation) {
  return { ...companyCardWire(c), active_staff_count: l.staff.filter((m) => !m.fired && !m.deleted).length };
}

export function imageGroupWire(photo: DemoPhoto, staffId: number, origin: string) {
  const images: Record<string, unknown> = {};
  let id = photo.imageGroupId * 3;
  for (const version of ['sm', 'norm', 'origin'] as const) {
    images[version] = {
      id: id++,
      path: origin + photo.paths[version],
      width: String(photo.sizes[version].width),
      height: String(photo.sizes[version].height),
      type: 'jpeg',
      image_group_id: photo.imageGroupId,
      version,
    };
  }
  return { id: photo.imageGroupId, entity: 'master', entity_id: staffId, images };
}

export function staffWire(m: DemoStaffMember, origin: string) {
  return {
    id: m.id,
    api_id: null,
    name: m.name,
    specialization: m.specialization,
    rating: m.rating,
    show_rating: 1,
    user_id: null,
    has_access_timetable: false,
    avatar: origin + (m.photo?.paths.sm ?? NO_MASTER.sm),
    avatar_big: origin + (m.photo?.paths.norm ?? NO_MASTER.norm),
    comments_count: 0,
    votes_count: 0,
    bookable: !m.hidden && !m.fired,
    image_group: m.photo ? imageGroupWire(m.photo, m.id, origin) : [],
    information: m.information,
    position_id: m.position?.id ?? 0,
    schedule_till: '2026-12-31',
    weight: m.weight,
    fired: m.fired ? 1 : 0,
    status: m.deleted ? 1 : 0,
    hidden: m.hidden ? 1 : 0,
    user: [],
    prepaid: 'forbidden',
    position: m.position ?? [],
  };
}

/** GET /staff/{id}/{member}: the documented example sends numbers as strings. */
export function staffMemberWire(m: DemoStaffMember, origin: string) {
  const w = staffWire(m, origin);
  return { ...w, weight: String(w.weight), hidden: String(w.hidden), fired: String(w.fired), status: String(w.status) };
}

/** A service's image group as the description's service answers show it (entity settings_service, `basic`). */
export function serviceImageGroupWire(photo: DemoServicePhoto, serviceId: number, origin: string) {
  return {
    id: photo.imageGroupId,
    entity: 'settings_service',
    entity_id: serviceId,
    images: {
      basic: {
        id: photo.imageGroupId * 3,
        path: origin + photo.path,
        width: String(photo.width),
        height: String(photo.height),
        type: photo.type,
        image_group_id: photo.imageGroupId,
        version: 'basic',
      },
    },
  };
}

export function serviceWire(s: DemoService, withStaff: boolean, origin = '') {
  return {
    id: s.id,
    salon_service_id: s.id + 1_000_000,
    title: s.title,
    booking_title: s.title,
    category_id: s.categoryId,
    price_min: s.priceMin,
    price_max: s.priceMax,
    duration: s.duration,
    technical_break_duration: s.technicalBreak ?? null,
    discount: 0,
    comment: s.comment,
    weight: s.weight,
    active: s.active ? 1 : 0,
    api_id: s.apiId ?? '',
    ...(withStaff
      ? {
          is_online: true,
          image_group: s.photo ? serviceImageGroupWire(s.photo, s.id, origin) : [],
          staff: s.staff.map((l) => ({
            id: l.id,
            seance_length: l.seanceLength,
            ...(l.price === undefined ? {} : { price: l.price }),
          })),
        }
      : {}),
  };
}

export function licenseWire(l: DemoLocation) {
  return {
    id: l.company.id + 5_000_000,
    salon_id: l.company.id,
    staff_limit: l.license.staffLimit,
    deactivation_date: dotted(l.license.endDate),
    start_date: dotted(l.license.startDate),
    name: l.license.name,
    active: l.license.active ? 1 : 0,
    is_paid_rights_model: false,
    options: l.license.options,
  };
}
