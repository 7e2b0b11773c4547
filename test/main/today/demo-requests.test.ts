import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAltegioClient } from '../../../src/main/altegio';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { TodayService } from '../../../src/main/services/today';
import { makeTestContext, type TestContext } from '../../support/context';

const NY = 410001;
const ANNA = DEMO_USERS[0]!;

/** Against the demo server over HTTP: what one Today refresh really costs in requests. */
describe('Today against the demo salon', () => {
  let demo: DemoServer;
  let t: TestContext;
  let service: TodayService;
  beforeAll(async () => {
    const now = () => new Date('2026-03-18T14:00:00Z');
    demo = await startDemoServer({ now });
    const api = createAltegioClient({
      baseUrl: demo.url,
      vendor: 'altegio',
      credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: ANNA.userToken }),
    });
    t = makeTestContext({ altegio: api });
    t.clock.set(now());
    service = new TodayService(t.ctx, {
      location: () => ({ id: NY, title: 'SoHo', timezoneName: 'America/New_York' }),
      members: async () => [],
      userId: () => ANNA.id,
    });
  });
  afterAll(async () => {
    t.close();
    await demo.close();
  });

  it('one refresh = 12 HTTP requests; the next look within minutes = 0', async () => {
    demo.received.requests.length = 0;
    const view = await service.get(NY);
    const paths = demo.received.requests.map((r) => r.path.replace(/\?.*$/, ''));
    expect(paths).toHaveLength(12);
    expect(view.requests).toBe(12);
    expect(new Set(paths)).toEqual(
      new Set([
        `/api/v1/company/${NY}/staff/schedule`,
        `/api/v1/company/${NY}`,
        `/api/v1/company/${NY}/analytics/overall`,
        ...['income_daily', 'records_daily', 'fullness_daily', 'record_source', 'record_status'].map(
          (c) => `/api/v1/company/${NY}/analytics/overall/charts/${c}`,
        ),
        `/api/v1/tips/${NY}/settings`,
      ]),
    );
    t.clock.advance(60_000);
    // Only a next slot that has gone by meanwhile is asked again (the demo's may be "now").
    const slotGone = Date.parse(view.nextSlot.data!.at!) <= Date.parse('2026-03-18T14:01:00Z') ? 1 : 0;
    expect((await service.get(NY)).requests).toBe(slotGone);
    expect(demo.received.requests).toHaveLength(12 + slotGone);
  });

  it("today's revenue on the Today screen is the day report's takings", async () => {
    const view = await service.get(NY);
    const api = await t.ctx.altegio();
    const z = await api.zReport(NY, view.date);
    expect(view.numbers.data!.today.revenue.current).toBe(z.totals.accounts);
    expect(view.charts.data!.days.at(-1)).toMatchObject({ date: view.date, revenue: z.totals.accounts });
    expect(view.charts.data!.days).toHaveLength(30);
  });
});
