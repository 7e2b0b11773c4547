import type { Company } from '../../altegio/types';

/**
 * What GET /companies said about each location, since this start. A location is listed (and Today
 * can open it) as soon as Altegio names it, not only once its first catalogue sync is stored (issue
 * 25 §18): that sync takes seconds per location, GET /companies one request. Kept in memory only: it
 * is refetchable, learnt again at every sign-in and every full sync, and must not outlive a rebuilt
 * cache (a location without a snapshot then waits for that sync like any other).
 */
export interface ListedLocation {
  id: number;
  title: string;
  city: string | null;
  address: string | null;
  timezoneName: string;
  currency: string;
}

export class ListedLocations {
  private readonly byId = new Map<number, ListedLocation>();

  record(companies: readonly Company[]): void {
    for (const c of companies) {
      this.byId.set(c.id, {
        id: c.id,
        title: c.title,
        city: c.city,
        address: c.address,
        timezoneName: c.timezoneName,
        currency: c.currencyShortTitle ?? '',
      });
    }
  }

  /** The listed location, or null when Altegio has not named it since this start. */
  get(id: number): ListedLocation | null {
    return this.byId.get(id) ?? null;
  }
}
