import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { NY, PARIS, signedInClient } from './helpers';

const DESK = DEMO_USERS.find((u) => u.role === 'receptionist')!;

describe('Today endpoints against the demo server', () => {
  let demo: DemoServer;
  // 10:00 in New York
  beforeAll(async () => {
    demo = await startDemoServer({ now: () => new Date('2026-03-18T14:00:00Z') });
  });
  afterAll(() => demo.close());
  beforeEach(() => {
    demo.faults.clear();
    demo.received.requests.length = 0;
  });

  it('schedule: working intervals with breaks and busy intervals, filtered by member', async () => {
    const { api } = signedInClient(demo);
    const all = await api.schedule(NY, { from: '2026-03-18', to: '2026-03-18' });
    expect(all.length).toBeGreaterThan(2);
    for (const d of all) {
      expect(d.date).toBe('2026-03-18');
      expect(d.slots.length).toBeGreaterThan(0);
      for (const b of d.busy) expect(d.slots.some((s) => s.from <= b.from && b.to <= s.to)).toBe(true);
    }
    const one = all[0]!.staffId;
    const only = await api.schedule(NY, { from: '2026-03-18', to: '2026-03-18', staffIds: [one] });
    expect(only.map((d) => d.staffId)).toEqual([one]);
    expect(demo.received.requests.at(-1)!.path).toContain(`staff_ids%5B%5D=${one}`);
  });

  it('next slot: an ISO time with the location offset, not before now', async () => {
    const { api } = signedInClient(demo);
    const slot = await api.nextSlot(NY);
    expect(slot).toMatch(/^2026-03-\d\dT\d\d:\d\d:00-04:00$/);
    expect(Date.parse(slot!)).toBeGreaterThanOrEqual(Date.parse('2026-03-18T14:00:00Z'));
    expect(demo.received.requests.at(-1)!.path).toBe(`/api/v1/company/${NY}?forBooking=1`);
  });

  it("a day's revenue in analytics is the day report's takings, to the cent", async () => {
    const { api } = signedInClient(demo);
    for (const day of ['2026-03-17', '2026-03-16', '2026-03-18']) {
      const z = await api.zReport(PARIS, day);
      const o = await api.analyticsOverall(PARIS, { from: day, to: day });
      expect(o.income.current).toBe(z.totals.accounts);
      const chart = await api.dailyChart(PARIS, 'income_daily', { from: day, to: day });
      expect(chart[0]!.points).toEqual([{ date: day, value: z.totals.accounts }]);
    }
    const month = await api.analyticsOverall(PARIS, { from: '2026-03-05', to: '2026-03-18' });
    expect(month.income.current).toBeGreaterThan(0);
    expect(month.clients.new + month.clients.returning).toBeGreaterThan(0);
  });

  it('charts by day and shares parse from bare arrays', async () => {
    const { api } = signedInClient(demo);
    const q = { from: '2026-02-17', to: '2026-03-18' };
    const records = await api.dailyChart(NY, 'records_daily', q);
    expect(records[0]!.points).toHaveLength(30);
    const fullness = await api.dailyChart(NY, 'fullness_daily', q);
    // The description's rows have no slug: the series are told apart by position.
    expect(fullness.map((s) => s.label)).toEqual(['Workday occupancy, %', 'No-shows, %']);
    const status = await api.shareChart(NY, 'record_status', q);
    expect(status.map((s) => s.label)).toEqual(['Came', 'Expectation', 'Did not come', 'Deleted']);
    const source = await api.shareChart(NY, 'record_source', q);
    expect(source.reduce((s, x) => s + x.value, 0)).toBe(status[0]!.value + status[1]!.value);
  });

  it('a receptionist without analytics rights gets FORBIDDEN, yet the schedule and tips', async () => {
    const { api } = signedInClient(demo, {
      credentials: () => ({ partnerToken: 'demo-partner-token-frontdesk', userToken: DESK.userToken }),
    });
    await expect(api.analyticsOverall(NY, { from: '2026-03-18', to: '2026-03-18' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(api.dailyChart(NY, 'income_daily', { from: '2026-03-18', to: '2026-03-18' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await api.schedule(NY, { from: '2026-03-18', to: '2026-03-18' })).length).toBeGreaterThan(0);
    const tips = await api.tipsSettings(NY);
    await expect(api.setTipsEnabled(NY, tips[0]!.id, false)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a manager switches a member’s tips off and on', async () => {
    const { api } = signedInClient(demo);
    const [first] = await api.tipsSettings(NY);
    const off = await api.setTipsEnabled(NY, first!.id, false);
    expect(off.find((t) => t.id === first!.id)!.isEnabled).toBe(false);
    expect(demo.received.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/api/v1/tips/${NY}/settings/${first!.id}/disable`,
    });
    const on = await api.setTipsEnabled(NY, first!.id, true);
    expect(on.find((t) => t.id === first!.id)!.isEnabled).toBe(true);
    // The description has GET for enable (and POST for disable); a POST there is 405.
    expect(demo.received.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: `/api/v1/tips/${NY}/settings/${first!.id}/enable`,
    });
    expect(first!.link).toMatch(/^https:\/\/app\.alteg\.io\/tips\/external\//);
  });
});
