import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { periodsFor } from '../../../src/main/services/today/calendar';
import { memberNow } from '../../../src/main/services/today/member-now';
import { LOC, setup, type TodaySetup } from './setup';

/** The desk PC's clock runs on UTC; the location is in Asia/Tokyo (UTC+9, no DST): 9 hours apart. */
const DESK_TZ = 'UTC';
let saved: string | undefined;
beforeAll(() => {
  saved = process.env.TZ;
  process.env.TZ = DESK_TZ;
});
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

let s: TodaySetup;
afterEach(() => s.t.close());

describe('"now / next" in the location’s time, 9 hours from the desk', () => {
  it('at 23:30 on the desk it is already 08:30 tomorrow in Tokyo: before the 09:00 start', async () => {
    s = setup({ timezone: 'Asia/Tokyo', date: '2026-03-24' });
    s.t.clock.set('2026-03-23T23:30:00Z');
    expect(new Date('2026-03-23T23:30:00Z').getHours()).toBe(23); // the desk's own clock
    const view = await s.service.get(LOC);
    expect(view).toMatchObject({ date: '2026-03-24', clock: '08:30' });
    // From the location's yesterday: a night shift begun then may still run.
    expect(s.altegio.calls.find((c) => c.method === 'schedule')!.args[1]).toEqual({
      from: '2026-03-23',
      to: '2026-03-24',
    });
    expect(view.team.data!.working[0]!.now).toEqual({ kind: 'before', at: '09:00' });
  });

  it('01:30 on the desk is 10:30 in Tokyo: with a client until 11:00; 04:15 → 13:15 on a break', async () => {
    s = setup({ timezone: 'Asia/Tokyo', date: '2026-03-24' });
    s.t.clock.set('2026-03-24T01:30:00Z');
    expect((await s.service.get(LOC)).team.data!.working[0]!.now).toEqual({ kind: 'busy', until: '11:00' });
    s.t.clock.set('2026-03-24T04:15:00Z');
    expect((await s.service.get(LOC)).team.data!.working[0]!.now).toEqual({ kind: 'break', until: '14:00' });
    s.t.clock.set('2026-03-24T09:00:00Z'); // 18:00 in Tokyo
    expect((await s.service.get(LOC)).team.data!.working[0]!.now).toEqual({ kind: 'after' });
  });
});

describe('member now, by the clock', () => {
  const hours = [
    { from: '09:00', to: '13:00' },
    { from: '14:00', to: '18:00' },
  ];
  const busy = [
    { from: '10:00', to: '11:00' },
    { from: '11:00', to: '11:30' },
    { from: '15:00', to: '16:00' },
  ];
  it.each([
    ['08:59', { kind: 'before', at: '09:00' }],
    ['09:00', { kind: 'free', until: '10:00' }],
    ['10:15', { kind: 'busy', until: '11:30' }],
    ['11:30', { kind: 'free', until: '13:00' }],
    ['13:00', { kind: 'break', until: '14:00' }],
    ['14:10', { kind: 'free', until: '15:00' }],
    ['16:00', { kind: 'free', until: null }],
    ['18:00', { kind: 'after' }],
  ])('%s', (clock, expected) => {
    expect(memberNow(hours, busy, clock)).toEqual(expected);
  });
});

describe('periods', () => {
  it('the 31st compares with the last day of a shorter month', () => {
    expect(periodsFor('2026-03-31').month).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      compareFrom: '2026-02-01',
      compareTo: '2026-02-28',
    });
    expect(periodsFor('2026-01-05').month.compareFrom).toBe('2025-12-01');
    expect(periodsFor('2026-03-23').charts).toEqual({ from: '2026-02-22', to: '2026-03-23' });
  });
});
