import { afterEach, describe, expect, it } from 'vitest';
import { FRESH_MS } from '../../../src/main/services/today';
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
