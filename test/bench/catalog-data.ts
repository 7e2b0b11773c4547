import type { Company, License, Service, ServiceCategory, StaffMemberRaw } from '../../src/main/altegio/types';
import { buildBigDataset } from '../support/demo';
import type { DemoLocation } from '../support/demo';

/**
 * The big multilingual chain for the catalogue benchmark: the demo server's buildBigDataset
 * (menus in Russian, English, French, Spanish, German), in the normalised shapes the Altegio client
 * hands to sync. Deterministic (seeded) so runs compare.
 */

export interface BigLocation {
  company: Company;
  categories: ServiceCategory[];
  services: Service[];
  staff: StaffMemberRaw[];
  license: License;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalise(l: DemoLocation): BigLocation {
  const c = l.company;
  return {
    company: {
      id: c.id,
      title: c.title,
      address: c.address,
      city: c.city,
      phones: c.phones,
      email: c.email,
      site: c.site,
      timezoneName: c.timezoneName,
      currencyShortTitle: c.currencyShortTitle,
      schedule: c.schedule,
      logo: null,
    },
    categories: l.categories.map((k) => ({ id: k.id, title: k.title, weight: k.weight, staffIds: k.staffIds })),
    services: l.services.map((s) => ({
      id: s.id,
      categoryId: s.categoryId,
      title: s.title,
      priceMin: s.priceMin,
      priceMax: s.priceMax,
      durationSec: s.duration,
      weight: s.weight,
      active: s.active,
      comment: s.comment || null,
      staff: s.staff.map((k) => ({ staffId: k.id, seanceLengthSec: k.seanceLength, price: k.price ?? null })),
    })),
    staff: l.staff.map((m) => ({
      id: m.id,
      name: m.name,
      specialization: m.specialization,
      position: m.position,
      avatar: m.photo ? `https://demo.invalid${m.photo.paths.sm}` : null,
      avatarBig: m.photo ? `https://demo.invalid${m.photo.paths.origin}` : null,
      imageGroupId: m.photo?.imageGroupId ?? null,
      weight: m.weight,
      fired: m.fired,
      hidden: m.hidden,
      deleted: m.deleted,
    })),
    license: {
      plan: l.license.name,
      active: l.license.active,
      startDate: l.license.startDate,
      endDate: l.license.endDate,
      staffLimit: l.license.staffLimit,
    },
  };
}

export function buildBigCatalog(opts: {
  locations: number;
  servicesPerLocation: number;
  staffPerLocation: number;
  seed?: number;
}): BigLocation[] {
  return buildBigDataset(opts).locations.map(normalise);
}

/** As-you-type queries: successive prefixes of real words, across locations ("б", "ба", "бал", ...). */
export function typingQueries(data: BigLocation[], count: number, seed = 7): { locationId: number; query: string }[] {
  const rand = rng(seed);
  const out: { locationId: number; query: string }[] = [];
  while (out.length < count) {
    const loc = data[Math.floor(rand() * data.length)]!;
    const source =
      rand() < 0.2
        ? loc.staff[Math.floor(rand() * loc.staff.length)]!.name
        : loc.services[Math.floor(rand() * loc.services.length)]!.title;
    const words = source.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
    const take = words.slice(0, 1 + Math.floor(rand() * Math.min(2, words.length)));
    let typed = '';
    for (const [wi, w] of take.entries()) {
      for (let i = 1; i <= w.length && out.length < count; i++) {
        out.push({ locationId: loc.company.id, query: `${typed}${w.slice(0, i)}`.toLowerCase() });
      }
      typed += `${w} `;
      if (wi === take.length - 1) break;
    }
  }
  return out;
}
