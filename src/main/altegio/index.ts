export { createAltegioClient, type AltegioClientOptions, type EndpointMemory } from './client';
export { ENVIRONMENTS } from './environments';
export { flattenValidationErrors, mapAltegioError } from './errors';
export { ALTEGIO_BUDGET, RateLimiter, RESERVE_MS, type Lane, type RateLimiterOptions } from './rate-limiter';
export { ACCEPT } from './transport';
export type * from './types';
export type * from './today-types';
