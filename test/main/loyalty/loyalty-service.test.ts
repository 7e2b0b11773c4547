import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAltegioClient } from '../../../src/main/altegio';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { recordRights } from '../../../src/main/services/catalog/location-rights';
import { LoyaltyService } from '../../../src/main/services/loyalty';
import { isAppError } from '../../../src/shared/errors';
import { makeTestContext, type TestContext } from '../../support/context';

const NY = 410001;
const ANNA = DEMO_USERS[0]!;
const DESK = DEMO_USERS.find((u) => u.role === 'receptionist')!;
const NOW = new Date('2026-03-18T14:00:00Z');

/** The loyalty service against the demo salon over HTTP: requests, cache, offline, rights. */
describe('Who comes back, against the demo salon', () => {
  let demo: DemoServer;
  let t: TestContext;
  let service: LoyaltyService;
  let user: (typeof DEMO_USERS)[number];
  beforeAll(async () => {
    demo = await startDemoServer({ now: () => NOW });
  });
  afterAll(() => demo.close());
  beforeEach(() => {
    user = ANNA;
    const api = createAltegioClient({
      baseUrl: demo.url,
      vendor: 'altegio',
      credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: user.userToken }),
    });
    t = makeTestContext({ altegio: api });
    t.clock.set(NOW);
    service = new LoyaltyService(t.ctx, {
      location: () => ({ id: NY, title: 'SoHo', timezoneName: 'America/New_York' }),
      members: async () => [],
      userId: () => user.id,
    });
    demo.received.requests.length = 0;
    demo.faults.clear();
  });
  afterEach(() => t.close());

  const paths = () => demo.received.requests.map((r) => r.path.replace(/\?.*$/, ''));

  it('one look = 4 requests (promotions, the period, the period before, the team); the next within minutes = 0', async () => {
    const view = await service.get({ locationId: NY, period: 'month' });
    expect(view.requests).toBe(4);
    expect(paths().sort()).toEqual(
      [
        `/api/v1/company/${NY}/loyalty/programs/search`,
        `/api/v1/company/${NY}/analytics/loyalty_programs/visits`,
        `/api/v1/company/${NY}/analytics/loyalty_programs/visits`,
        `/api/v1/company/${NY}/analytics/loyalty_programs/staff`,
      ].sort(),
    );
    expect(view.period).toMatchObject({ from: '2026-03-01', to: '2026-03-18', compareFrom: '2026-02-01' });
    expect(view.current.data!.days).toHaveLength(18);
    expect(view.previous.data!.days).toHaveLength(18);
    expect(view.staff.data!.length).toBeGreaterThan(0);
    expect(view.chosen).toEqual([]);
    t.clock.advance(5 * 60_000);
    const again = await service.get({ locationId: NY, period: 'month' });
    expect(again.requests).toBe(0);
    expect(again.current.fromCache).toBe(true);
    expect(demo.received.requests).toHaveLength(4);
  });

  it('an ended period is kept for hours; the promotions for a day; a period that includes today for minutes', async () => {
    await service.get({ locationId: NY, period: 'lastMonth' });
    await service.get({ locationId: NY, period: 'month' });
    demo.received.requests.length = 0;
    t.clock.advance(60 * 60_000);
    expect((await service.get({ locationId: NY, period: 'lastMonth' })).requests).toBe(0);
    // This month still moves: it and its team are asked again; the ended period before it and the promotions are not.
    expect((await service.get({ locationId: NY, period: 'month' })).requests).toBe(2);
    expect(paths()).not.toContain(`/api/v1/company/${NY}/loyalty/programs/search`);
  });

  it('parallel looks at the same thing share one fetch', async () => {
    const views = await Promise.all([1, 2, 3].map(() => service.get({ locationId: NY, period: 'days30' })));
    expect(demo.received.requests).toHaveLength(4);
    expect(new Set(views.map((v) => v.current.data!.total.all)).size).toBe(1);
  });

  it('offline: the last copy answers with its age, with no request', async () => {
    const first = await service.get({ locationId: NY, period: 'days90' });
    demo.received.requests.length = 0;
    t.clock.advance(2 * 60 * 60_000);
    t.connectivity.online = false;
    const view = await service.get({ locationId: NY, period: 'days90' });
    expect(demo.received.requests).toHaveLength(0);
    expect(view.current).toMatchObject({ stale: true, fromCache: true, fetchedAt: first.current.fetchedAt });
    expect(view.current.data).toEqual(first.current.data);
    // A period never fetched has nothing to show offline: an error, not zeros.
    const none = await service.get({ locationId: NY, period: 'lastMonth' });
    expect(none.current.data).toBeNull();
    expect(none.current.error?.code).toBe('OFFLINE');
  });

  it('a receptionist without analytics rights: forbidden after one request, and not asked again for a while', async () => {
    user = DESK;
    const view = await service.get({ locationId: NY, period: 'month' });
    expect(view.current.forbidden).toBe(true);
    expect(view.staff.forbidden).toBe(true);
    expect(view.requests).toBe(1);
    t.clock.advance(10 * 60_000);
    expect((await service.get({ locationId: NY, period: 'days30' })).requests).toBe(0);
  });

  it("a manager's copy never shows to a colleague without rights", async () => {
    await service.get({ locationId: NY, period: 'month' });
    user = DESK;
    const view = await service.get({ locationId: NY, period: 'month' });
    expect(view.current.data).toBeNull();
    expect(view.current.forbidden).toBe(true);
  });

  it('a location outside the user’s rights is refused before any request', async () => {
    recordRights(t.ctx.settings, { env: 'demo', userId: ANNA.id }, [410003]);
    t.ctx.currentUser = () => ({ env: 'demo', userId: ANNA.id, name: ANNA.name });
    const e = await service.get({ locationId: NY, period: 'month' }).catch((x: unknown) => x);
    expect(isAppError(e) && e.code).toBe('FORBIDDEN');
    expect(demo.received.requests).toHaveLength(0);
  });

  it('one promotion is cached apart from "all"; an unknown id means all', async () => {
    const all = await service.get({ locationId: NY, period: 'days30' });
    const gold = all.programmes[0]!.id;
    const one = await service.get({ locationId: NY, period: 'days30', programIds: [gold] });
    expect(one.chosen).toEqual([gold]);
    expect(one.current.data!.total.all).toBeLessThan(all.current.data!.total.all);
    const unknown = await service.get({ locationId: NY, period: 'days30', programIds: [424242] });
    expect(unknown.chosen).toEqual([]);
    expect(unknown.requests).toBe(0);
  });

  it('the minimum rule reaches the view: no percentage for a member under it, counts kept', async () => {
    const view = await service.get({ locationId: NY, period: 'custom', from: '2026-03-17', to: '2026-03-18' });
    for (const m of view.staff.data!) {
      if (m.clients.all < view.minClients) expect(m.clients.returnedPercent).toBeNull();
      else expect(m.clients.returnedPercent).not.toBeNull();
      expect(m.clients.all).toBeGreaterThan(0);
    }
    expect(view.staff.data!.some((m) => m.clients.returnedPercent === null)).toBe(true);
  });

  it('a member over time: six months, oldest first; months already looked at cost nothing', async () => {
    const panel = await service.get({ locationId: NY, period: 'month' });
    const who = panel.staff.data![0]!;
    demo.received.requests.length = 0;
    const history = await service.memberHistory({ locationId: NY, staffId: who.staffId });
    expect(history.months.map((m) => m.from)).toEqual([
      '2025-10-01',
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
    expect(history.months.at(-1)).toMatchObject({ to: '2026-03-18', clients: who.clients });
    // This month's team answer and the promotions came from the panel's copies: five months asked.
    expect(history.requests).toBe(5);
    expect(demo.received.requests).toHaveLength(5);
    // Before the demo's history there were no clients: counts of zero, no percentage.
    expect(history.months[0]!.clients).toEqual({ all: 0, returned: 0, lost: 0, returnedPercent: null });
    expect((await service.memberHistory({ locationId: NY, staffId: who.staffId })).requests).toBe(0);
  });

  it('a member over time without analytics rights: forbidden, nothing listed', async () => {
    user = DESK;
    const history = await service.memberHistory({ locationId: NY, staffId: 1 });
    expect(history).toMatchObject({ forbidden: true, months: [], requests: 1 });
  });
});
