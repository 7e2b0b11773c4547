import { z } from 'zod';
import { SOCIAL_NETWORKS, type LocationFields, type SocialNetwork } from '../../shared/domain/location';
import { id, listOf } from './lenient';
import type { ApiRequest } from './transport';

type Call = <S extends z.ZodType>(schema: S, req: Omit<ApiRequest, 'method' | 'auth'>) => Promise<z.output<S>>;

/**
 * Altegio's copy of a location as the card edits it: the fields, plus every documented field of
 * PUT /company/{id} as Altegio sent it (`rest`), so a write sends the object back whole and wipes
 * nothing the desk does not show (coordinates, business type, city_id, networks it does not know).
 */
export interface LocationCopy {
  fields: LocationFields;
  rest: Record<string, unknown>;
}

/** company_put_request_data_types, the fields the card does not edit. */
const PUT_OTHER_KEYS = ['country_id', 'country', 'city_id', 'coordinate_lat', 'coordinate_lon', 'business_type_id'];

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

const companySchema = z.looseObject({ id: id }).transform((c) => c as Record<string, unknown>);
const listedSchema = listOf(z.looseObject({ id: id, phones: z.unknown().optional(), phone: z.unknown().optional() }));

function copyOf(c: Record<string, unknown>, phones: string[]): LocationCopy {
  const social = (c['social'] && typeof c['social'] === 'object' ? c['social'] : {}) as Record<string, unknown>;
  const rest: Record<string, unknown> = { social: { ...social } };
  for (const k of PUT_OTHER_KEYS) if (c[k] !== undefined && c[k] !== null) rest[k] = c[k];
  return {
    fields: {
      title: str(c['title']),
      address: str(c['address']),
      zip: str(c['zip']),
      city: str(c['city']),
      phones,
      site: str(c['site']),
      shortDescr: str(c['short_descr']),
      description: str(c['description']),
      social: Object.fromEntries(SOCIAL_NETWORKS.map((n) => [n, str(social[n])])) as Record<SocialNetwork, string>,
    },
    rest,
  };
}

const phonesOf = (l: { phones?: unknown; phone?: unknown } | undefined): string[] => {
  const list = Array.isArray(l?.phones) ? l.phones.map(str) : [];
  if (list.length === 0 && str(l?.phone)) list.push(str(l?.phone));
  return list.filter((p) => p.trim() !== '');
};

/** The body of PUT /company/{id}: Altegio's copy as just read, with the card's fields as given. */
export function locationPutBody(copy: LocationCopy, fields: LocationFields): Record<string, unknown> {
  return {
    ...copy.rest,
    title: fields.title,
    address: fields.address,
    zip: fields.zip,
    city: fields.city,
    // The description's example writes numbers as digits only ("12125357710").
    phones: fields.phones.map((p) => p.replace(/[^\d]/g, '')),
    site: fields.site,
    short_descr: fields.shortDescr,
    description: fields.description,
    social: { ...(copy.rest['social'] as Record<string, unknown>), ...fields.social },
  };
}

export interface LocationMethods {
  /**
   * GET /company/{id} documents no phones; GET /companies (filtered by `id`) does: the card reads both.
   * A location missing from the list keeps the phones GET /company/{id} may carry (the object is open).
   */
  locationCopy(locationId: number): Promise<LocationCopy>;
  /** PUT /company/{id} with the whole body; answers nothing the desk trusts (§3.3: phones are not echoed). */
  updateLocation(locationId: number, body: Record<string, unknown>): Promise<void>;
}

export function locationMethods(get: Call, put: Call): LocationMethods {
  return {
    async locationCopy(locationId) {
      const [c, listed] = await Promise.all([
        get(companySchema, { endpoint: 'GET /company/{id}', path: `/company/${locationId}` }),
        get(listedSchema, { endpoint: 'GET /companies', path: '/companies', query: { id: locationId, my: 1 } }),
      ]);
      const own = listed.find((l) => l.id === locationId);
      return copyOf(c, own ? phonesOf(own) : phonesOf(c as { phones?: unknown }));
    },
    async updateLocation(locationId, body) {
      await put(z.unknown(), { endpoint: 'PUT /company/{id}', path: `/company/${locationId}`, body });
    },
  };
}
