import type { Vendor } from './types';

/** The live Altegio-compatible APIs: same paths, different host and Accept vendor string. */
export const ENVIRONMENTS: Record<'altegio' | 'yclients', { baseUrl: string; vendor: Vendor }> = {
  altegio: { baseUrl: 'https://api.alteg.io/api/v1', vendor: 'altegio' },
  yclients: { baseUrl: 'https://api.yclients.com/api/v1', vendor: 'yclients' },
};
