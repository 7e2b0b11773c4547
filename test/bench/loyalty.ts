import { createAltegioClient } from '../../src/main/altegio';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer } from '../support/demo';
import { LoyaltyService } from '../../src/main/services/loyalty';
import type { LoyaltyPeriodKind } from '../../src/shared/domain/loyalty';
import { makeTestContext } from '../support/context';

/**
 * "Who comes back": Altegio requests a manager's morning costs with the desk's cache, against the same
 * looks with no cache (4 requests each: promotions, the period, the period before, the team).
 * The morning: open the panel, flip through every period twice within ten minutes, come back an hour later.
 */
export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const NY = 410001;
  const ANNA = DEMO_USERS[0]!;
  const now = new Date('2026-03-18T14:00:00Z');
  const demo = await startDemoServer({ now: () => now });
  const t = makeTestContext({
    altegio: createAltegioClient({
      baseUrl: demo.url,
      vendor: 'altegio',
      credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: ANNA.userToken }),
    }),
  });
  t.clock.set(now);
  const service = new LoyaltyService(t.ctx, {
    location: () => ({ id: NY, title: 'SoHo', timezoneName: 'America/New_York' }),
    members: async () => [],
    userId: () => ANNA.id,
  });
  const periods: LoyaltyPeriodKind[] = ['month', 'lastMonth', 'days30', 'days90'];
  let looks = 0;
  const look = async (period: LoyaltyPeriodKind) => {
    looks++;
    return (await service.get({ locationId: NY, period })).requests;
  };
  try {
    const first = await look('month');
    for (let round = 0; round < 2; round++) {
      for (const p of periods) {
        t.clock.advance(60_000);
        await look(p);
      }
    }
    const sent = demo.received.requests.length;
    t.clock.advance(60 * 60_000);
    const hourLater = await look('month');
    const total = demo.received.requests.length;
    log(
      `${looks} looks: ${total} requests with the cache (first look ${first}, an hour later ${hourLater}); ${looks * 4} without`,
    );
    return {
      loyalty_requests_first_look: first,
      loyalty_requests_morning: total,
      loyalty_requests_morning_first10min: sent,
      loyalty_requests_morning_uncached: looks * 4,
    };
  } finally {
    t.close();
    await demo.close();
  }
}
