import { afterEach, describe, expect, it } from 'vitest';
import { FRESH_MS, MIN_REFRESH_MS } from '../../../src/main/services/today';
import { forbidden, LOC, offline, setup, type TodaySetup } from './setup';

let s: TodaySetup;
afterEach(() => s.t.close());

const ANALYTICS = ['analyticsOverall', 'dailyChart', 'shareChart'] as const;

describe('Today: fetch, cache, offline', () => {
  it('one refresh costs 12 requests; a second look within minutes costs none', async () => {
    s = setup();
    s.t.clock.set('2026-03-23T14:30:00Z'); // 10:30 in New York
    const first = await s.service.get(LOC);
    expect(first.requests).toBe(12);
    expect(s.altegio.calls.map((c) => c.method).sort()).toEqual(
      [
        'analyticsOverall',
        'analyticsOverall',
        'analyticsOverall',
        'analyticsOverall',
        'dailyChart',
        'dailyChart',
        'dailyChart',
        'nextSlot',
        'schedule',
        'shareChart',
        'shareChart',
        'tipsSettings',
      ].sort(),
    );
    expect(first.numbers.data!.today.revenue).toEqual({ current: 500, previous: 400 });
    expect(first.numbers.data!.today.compareFrom).toBe('2026-03-16');
    expect(first.numbers.data!.month).toMatchObject({
      from: '2026-03-01',
      compareFrom: '2026-02-01',
      compareTo: '2026-02-23',
    });
    expect(first.charts.data!.days).toEqual([{ date: '2026-03-23', revenue: 500, visits: 5, occupancy: 41.7 }]);
    expect(first.charts.data!.statuses.map((x) => x.kind)).toEqual(['came', 'noShow']);
    expect(first.team.data!.working.map((m) => m.name)).toEqual(['Olivia']);
    expect(first.team.data!.off.map((m) => m.name)).toEqual(['Liam']);
    expect(first.nextSlot.data).toEqual({
      at: '2026-03-23T11:00:00-04:00',
      date: '2026-03-23',
      clock: '11:00',
      passed: false,
    });
    expect(first.tips.data![0]).toMatchObject({ name: 'Olivia', enabled: true, ready: true });

    s.t.clock.advance(FRESH_MS.schedule - 1000);
    const again = await s.service.get(LOC);
    expect(again.requests).toBe(0);
    expect(again.team).toMatchObject({ fromCache: true, stale: false });
    expect(again.team.fetchedAt).toBe(first.team.fetchedAt);
    // "now" moves with the clock even from the copy: 10:30 busy → 10:34 still with the client
    expect(again.team.data!.working[0]!.now).toEqual({ kind: 'busy', until: '11:00' });
  });

  it('after the fresh window only the stale parts are asked again; refresh waits half a minute', async () => {
    s = setup();
    await s.service.get(LOC);
    s.t.clock.advance(MIN_REFRESH_MS - 1000);
    expect((await s.service.get(LOC, true)).requests).toBe(0);
    s.t.clock.advance(2000);
    expect((await s.service.get(LOC, true)).requests).toBe(12);
    s.t.clock.advance(FRESH_MS.schedule + 1000);
    // charts and tips keep for 15 minutes: schedule, next slot and 4 × numbers = 6
    expect((await s.service.get(LOC)).requests).toBe(6);
  });

  it('peek: hours later, "now / next" moves on from the copies without a single request', async () => {
    s = setup();
    s.t.clock.set('2026-03-23T14:30:00Z'); // 10:30 in New York: with a client
    await s.service.get(LOC);
    const calls = s.altegio.calls.length;
    s.t.clock.set('2026-03-23T17:10:00Z'); // 13:10: on the break
    const view = await s.service.get(LOC, false, true);
    expect(s.altegio.calls.length).toBe(calls);
    expect(view.requests).toBe(0);
    expect(view.clock).toBe('13:10');
    expect(view.team.data!.working[0]!.now).toEqual({ kind: 'break', until: '14:00' });
    expect(view.team).toMatchObject({ fromCache: true, stale: false });
  });

  it('two calls at once share one refresh', async () => {
    s = setup();
    const [a, b] = await Promise.all([s.service.get(LOC), s.service.get(LOC)]);
    expect(a).toBe(b);
    expect(s.altegio.count('schedule')).toBe(1);
  });

  it('offline: the last copy of every part with its fetch time, no request', async () => {
    s = setup();
    const online = await s.service.get(LOC);
    s.t.connectivity.online = false;
    s.altegio.fail(() => offline());
    s.t.clock.advance(3 * 3600_000);
    const calls = s.altegio.calls.length;
    const view = await s.service.get(LOC);
    expect(s.altegio.calls.length).toBe(calls);
    for (const part of [view.team, view.nextSlot, view.numbers, view.charts, view.tips]) {
      expect(part).toMatchObject({ fromCache: true, stale: true });
      expect(part.fetchedAt).toBe(online.team.fetchedAt);
      expect(part.data).not.toBeNull();
    }
  });

  it('a failed fetch falls back to the copy; with no copy one OFFLINE attempt, not five', async () => {
    s = setup();
    await s.service.get(LOC);
    s.altegio.fail(() => offline());
    s.t.clock.advance(FRESH_MS.charts + 1000);
    const view = await s.service.get(LOC);
    expect(view.team).toMatchObject({ fromCache: true, stale: true, error: null });

    const fresh = setup();
    fresh.altegio.fail(() => offline());
    const empty = await fresh.service.get(LOC);
    expect(empty.requests).toBe(1);
    expect(empty.team).toMatchObject({ data: null, error: { code: 'OFFLINE' } });
    expect(empty.tips.error?.code).toBe('OFFLINE');
    fresh.t.close();
  });
});

describe('Today without analytics rights (403)', () => {
  it('schedule and tips show; numbers and charts are "forbidden"; charts are not even asked', async () => {
    s = setup();
    s.altegio.fail((m) => ((ANALYTICS as readonly string[]).includes(m) ? forbidden() : undefined));
    const view = await s.service.get(LOC);
    expect(view.numbers).toMatchObject({ forbidden: true, data: null });
    expect(view.charts).toMatchObject({ forbidden: true, data: null });
    expect(s.altegio.count('analyticsOverall')).toBe(1);
    expect(s.altegio.count('dailyChart') + s.altegio.count('shareChart')).toBe(0);
    expect(view.team.data!.working).toHaveLength(1);
    expect(view.tips.data).toHaveLength(1);
    expect(view.requests).toBe(4); // schedule, next slot, one refused overall, tips

    // Opening the screen again minutes later does not ask for the refused figures again.
    s.t.clock.advance(FRESH_MS.numbers + 1000);
    const again = await s.service.get(LOC);
    expect(again.numbers.forbidden).toBe(true);
    expect(s.altegio.count('analyticsOverall')).toBe(1);
    expect(again.requests).toBe(2); // schedule and next slot only
  });

  it("a manager's cached figures never show to the next user of the desk", async () => {
    s = setup();
    await s.service.get(LOC); // manager, user 1
    s.user.id = 2;
    s.t.connectivity.online = false;
    s.altegio.fail(() => offline());
    const view = await s.service.get(LOC);
    expect(view.numbers.data).toBeNull();
    expect(view.charts.data).toBeNull();
    expect(view.team.data).not.toBeNull(); // the schedule is for everyone
  });
});

describe('Today: tips switch', () => {
  it('switching a member off updates Altegio and the copy', async () => {
    s = setup();
    await s.service.get(LOC);
    const after = await s.service.setTipsEnabled(LOC, 11, false);
    expect(after[0]!.enabled).toBe(false);
    s.t.connectivity.online = false;
    expect((await s.service.get(LOC)).tips.data![0]!.enabled).toBe(false);
  });
});
