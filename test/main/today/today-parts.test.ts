import { afterEach, describe, expect, it } from 'vitest';
import { FRESH_MS, TodayService } from '../../../src/main/services/today';
import { AppError } from '../../../src/shared/errors';
import { LOC, setup, type TodaySetup } from './setup';

let s: TodaySetup;
afterEach(() => s.t.close());

const unreadable = (endpoint: string) =>
  new AppError('UPSTREAM', `Altegio sent an unexpected answer to ${endpoint}. Please try again later.`, { endpoint });

describe('Today: each chart stands alone (issue 19 §2.3)', () => {
  it('one unreadable chart leaves the other four on screen and names only itself as missing', async () => {
    s = setup();
    s.altegio.fail((m, args) =>
      m === 'dailyChart' && args[1] === 'income_daily'
        ? unreadable('GET /company/{id}/analytics/overall/charts/income_daily')
        : undefined,
    );
    const view = await s.service.get(LOC);
    expect(view.charts.error).toBeNull();
    expect(view.charts.data!.missing).toEqual(['revenue']);
    expect(view.charts.data!.days).toEqual([{ date: '2026-03-23', revenue: 0, visits: 5, occupancy: 41.7 }]);
    expect(view.charts.data!.statuses).toHaveLength(2);
  });

  it('when every chart fails the part fails with a sentence, never an endpoint template', async () => {
    s = setup();
    s.altegio.fail((m) =>
      m === 'dailyChart' || m === 'shareChart' ? unreadable('GET /company/{id}/analytics/overall/charts/x') : undefined,
    );
    const view = await s.service.get(LOC);
    expect(view.charts.data).toBeNull();
    expect(view.charts.error!.code).toBe('UPSTREAM');
    expect(view.charts.error!.message).not.toMatch(/GET|\/company|\{id\}|https?:/);
    expect(view.charts.error!.message.length).toBeGreaterThan(20);
  });
});

describe('Today: a 2xx without data keeps the last good copy (issue 19 §2.7)', () => {
  it('an UPSTREAM "no data" answer after a good one: the copy stays, marked with its age', async () => {
    s = setup();
    const first = await s.service.get(LOC);
    s.t.clock.advance(FRESH_MS.charts + 1000);
    s.altegio.fail(() => new AppError('UPSTREAM', 'no data', { endpoint: 'GET /x' }));
    const view = await s.service.get(LOC);
    for (const part of [view.team, view.nextSlot, view.numbers, view.charts, view.tips]) {
      expect(part).toMatchObject({ fromCache: true, stale: true, error: null });
      expect(part.fetchedAt).toBe(first.team.fetchedAt);
    }
    expect(view.team.data!.working.map((m) => m.name)).toEqual(['Olivia']);
  });
});

describe('Today: the next free slot on the location’s clock (issue 19 §2.5)', () => {
  it('an instant written with another offset is put on the location’s clock', async () => {
    s = setup(); // New York, 23 March 2026: EDT, UTC−4
    s.t.clock.set('2026-03-23T13:00:00Z'); // 09:00 there
    s.altegio.data.locations[0]!.nextSlot = '2026-03-23T10:10:00-05:00';
    const view = await s.service.get(LOC);
    expect(view.nextSlot.data).toEqual({
      at: '2026-03-23T10:10:00-05:00',
      date: '2026-03-23',
      clock: '11:10',
      passed: false,
    });
  });

  it('a slot that has gone by is asked again, however fresh its copy; offline it is kept but marked passed', async () => {
    s = setup();
    s.t.clock.set('2026-03-23T14:50:00Z'); // 10:50 in New York; the slot is at 11:00
    await s.service.get(LOC);
    s.altegio.data.locations[0]!.nextSlot = '2026-03-23T11:30:00-04:00';
    s.t.clock.set('2026-03-23T15:01:00Z'); // 11:01: the copy is 11 minutes old but its slot is past
    const calls = s.altegio.count('nextSlot');
    const view = await s.service.get(LOC, false);
    expect(s.altegio.count('nextSlot')).toBe(calls + 1);
    expect(view.nextSlot.data).toMatchObject({ clock: '11:30', passed: false });

    s.t.clock.set('2026-03-23T15:31:00Z');
    s.t.connectivity.online = false;
    const offline = await s.service.get(LOC);
    expect(offline.nextSlot.data).toMatchObject({ clock: '11:30', passed: true });
  });
});

describe('Today part by part (issue 25 §18)', () => {
  it('asking for the team alone costs one request; the other parts answer from the copies', async () => {
    s = setup();
    const team = await s.service.get(LOC, false, false, ['team']);
    expect(team.requests).toBe(1);
    expect(s.altegio.calls.map((c) => c.method)).toEqual(['schedule']);
    expect(team.team.data!.working.map((m) => m.name)).toEqual(['Olivia']);
    expect(team.numbers).toMatchObject({ data: null, error: null, forbidden: false });
    const rest = await Promise.all([
      s.service.get(LOC, false, false, ['nextSlot']),
      s.service.get(LOC, false, false, ['numbers', 'charts']),
      s.service.get(LOC, false, false, ['tips']),
    ]);
    expect(rest.map((v) => v.requests)).toEqual([1, 9, 1]);
    expect((await s.service.get(LOC)).requests).toBe(0); // all fresh now
  });

  it('a location the catalogue has not stored yet: zone and names asked once for parts asked at once', async () => {
    s = setup();
    s.altegio.data.locations[0]!.staff = [
      {
        id: 1,
        name: 'Olivia Brown',
        specialization: null,
        position: { id: 1, title: 'Stylist' },
        avatar: null,
        avatarBig: null,
        imageGroupId: null,
        weight: 0,
        fired: false,
        hidden: false,
        deleted: false,
      },
    ];
    const service = new TodayService(s.t.ctx, { location: () => null, members: async () => [], userId: () => 1 });
    const views = await Promise.all([
      service.get(LOC, false, false, ['team']),
      service.get(LOC, false, false, ['nextSlot']),
      service.get(LOC, false, false, ['tips']),
    ]);
    expect(s.altegio.count('company')).toBe(1);
    expect(s.altegio.count('staff')).toBe(1);
    expect(views[0]!.team.data!.working.map((m) => m.name)).toEqual(['Olivia Brown']);
    expect(views[0]!.locationId).toBe(LOC);
  });
});

describe('Tips and Team agree (issue 25 §7)', () => {
  it('a member with tip settings but not on the Team list is marked, with the name Altegio gives', async () => {
    s = setup();
    s.altegio.data.locations[0]!.tips!.push({
      id: 12,
      staffId: 99,
      isEnabled: true,
      status: 4,
      statusTitle: 'everything is set',
      link: 'https://app.alteg.io/tips/external/37532/bbbb/',
      staffName: 'Hannah Lee',
      staffAvatar: null,
    });
    const view = await s.service.get(LOC);
    expect(view.tips.data!.map((t) => [t.name, t.inTeam])).toEqual([
      ['Olivia', true],
      ['Hannah Lee', false],
    ]);
    // The code goes to the screen too: it says known codes in the desk's language (Altegio's title is English).
    expect(view.tips.data![1]).toMatchObject({ status: 4, ready: true, statusTitle: 'everything is set' });
  });
});
