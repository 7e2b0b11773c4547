import type { Company } from '../../altegio/types';
import type { SettingsRepo } from '../../store/settings-repo';

/**
 * What GET /companies said about each location, kept from the sign-in on. A location is listed (and
 * Today can open it) as soon as Altegio names it, not only once its first catalogue sync is stored
 * (issue 25 §18): that sync takes seconds per location, GET /companies one request.
 */
const KEY = 'catalog.listedLocations';

export interface ListedLocation {
  id: number;
  title: string;
  city: string | null;
  address: string | null;
  timezoneName: string;
  currency: string;
}

type Listed = Record<string, ListedLocation>;

export function recordListed(settings: SettingsRepo, companies: readonly Company[]): void {
  const all = settings.get<Listed>(KEY, {});
  for (const c of companies) {
    all[String(c.id)] = {
      id: c.id,
      title: c.title,
      city: c.city,
      address: c.address,
      timezoneName: c.timezoneName,
      currency: c.currencyShortTitle ?? '',
    };
  }
  settings.set(KEY, all);
}

/** The listed location, or null when Altegio has not named it on this desk yet. */
export function listedLocation(settings: SettingsRepo, id: number): ListedLocation | null {
  return settings.get<Listed>(KEY, {})[String(id)] ?? null;
}
