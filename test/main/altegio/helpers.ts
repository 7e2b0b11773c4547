import { createAltegioClient, type AltegioClientOptions } from '../../../src/main/altegio';
import type { AltegioApi } from '../../../src/main/altegio/types';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, type DemoServer } from '../../support/demo';

export const ANNA = DEMO_USERS[0]!;
export const NY = 410001;
export const ALMATY = 410002;
export const PARIS = 410003;

/** A client signed in as the demo user, with instant back-off and recorded callbacks. */
export function signedInClient(demo: DemoServer, extra: Partial<AltegioClientOptions> = {}) {
  const sleeps: number[] = [];
  const unauthorized: string[] = [];
  const connectivity: boolean[] = [];
  const api: AltegioApi = createAltegioClient({
    baseUrl: demo.url,
    vendor: 'altegio',
    credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: ANNA.userToken }),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    onUnauthorized: (m) => unauthorized.push(m),
    onConnectivity: (online) => connectivity.push(online),
    ...extra,
  });
  return { api, sleeps, unauthorized, connectivity };
}
