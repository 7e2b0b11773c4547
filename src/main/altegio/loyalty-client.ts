import type { z } from 'zod';
import { loyaltyProgramsSchema, loyaltyStaffSchema, loyaltyVisitsSchema } from './loyalty-schemas';
import type { LoyaltyQuery } from './loyalty-types';
import type { ApiRequest } from './transport';
import type { AltegioApi } from './types';

type Get = <S extends z.ZodType>(schema: S, req: Omit<ApiRequest, 'method' | 'auth'>) => Promise<z.output<S>>;

export type LoyaltyMethods = Pick<AltegioApi, 'loyaltyPrograms' | 'loyaltyVisits' | 'loyaltyStaff'>;

/**
 * `loyalty_program_id` is required and typed as a string: "all promotions" is their ids joined by
 * commas (an empty value when the location has none). Dates go as YYYY-MM-DD, like analytics/overall.
 */
const period = (q: LoyaltyQuery) => ({
  date_from: q.from,
  date_to: q.to,
  loyalty_program_id: [...q.programIds].sort((a, b) => a - b).join(','),
});

/** The loyalty analytics, built on the client's own get (same limiter, retries, errors). */
export function loyaltyMethods(get: Get): LoyaltyMethods {
  return {
    loyaltyPrograms: (locationId) =>
      get(loyaltyProgramsSchema, {
        endpoint: 'GET /company/{id}/loyalty/programs/search',
        path: `/company/${locationId}/loyalty/programs/search`,
      }),
    loyaltyVisits: (locationId, q) =>
      get(loyaltyVisitsSchema, {
        endpoint: 'GET /company/{id}/analytics/loyalty_programs/visits',
        path: `/company/${locationId}/analytics/loyalty_programs/visits`,
        query: period(q),
      }),
    loyaltyStaff: (locationId, q) =>
      get(loyaltyStaffSchema, {
        endpoint: 'GET /company/{id}/analytics/loyalty_programs/staff',
        path: `/company/${locationId}/analytics/loyalty_programs/staff`,
        query: period(q),
      }),
  };
}
