import { describe, expect, it } from 'vitest';
import { periodNumbers, team } from '../../../src/main/services/today/build';
import { breaksOf, memberNow } from '../../../src/main/services/today/member-now';
import { member, overall } from './setup';

describe('Today figures (issue 19 §3)', () => {
  it('"Visits" counts completed appointments, not pending and cancelled ones (record_stats.current_completed_count)', () => {
    const today = overall(500, 5);
    today.records = { completed: 9, pending: 4, canceled: 3, total: 16, previousTotal: 11, changePercent: null };
    const weekAgo = overall(400, 5);
    weekAgo.records = { completed: 7, pending: 1, canceled: 3, total: 11, previousTotal: 0, changePercent: null };
    const range = { from: '2026-03-23', to: '2026-03-23', compareFrom: '2026-03-16', compareTo: '2026-03-16' };
    expect(periodNumbers(range, today, weekAgo).visits).toEqual({ current: 9, previous: 7 });
  });
});

describe('an overnight shift 22:00–02:00 (issue 19 §3.13)', () => {
  const night = [{ from: '22:00', to: '02:00' }];
  it.each([
    ['21:00', { kind: 'before', at: '22:00' }],
    ['22:00', { kind: 'free', until: '23:30' }],
    ['23:00', { kind: 'free', until: '23:30' }],
    ['23:45', { kind: 'busy', until: '00:30' }],
    ['23:31', { kind: 'busy', until: '00:30' }],
    // 00:45 on the same calendar day is long before this evening's shift
    ['00:45', { kind: 'before', at: '22:00' }],
  ])('%s', (clock, expected) => {
    expect(memberNow(night, [{ from: '23:30', to: '00:30' }], clock)).toEqual(expected);
  });

  it('an evening split by a break across midnight: 20:00–23:00 and 23:30–03:00', () => {
    const hours = [
      { from: '23:30', to: '03:00' },
      { from: '20:00', to: '23:00' },
    ];
    expect(breaksOf(hours)).toEqual([{ from: '23:00', to: '23:30' }]);
    expect(memberNow(hours, [], '23:10')).toEqual({ kind: 'break', until: '23:30' });
    expect(memberNow(hours, [], '23:40')).toEqual({ kind: 'free', until: null });
    expect(memberNow(hours, [{ from: '00:15', to: '01:00' }], '23:40')).toEqual({ kind: 'free', until: '00:15' });
  });
});

describe('after midnight, last night’s shift still runs (issue 19 §3.13)', () => {
  it('at 00:45 a member whose 22:00–02:00 shift began yesterday is working, with her booking', () => {
    const days = [
      {
        staffId: 1,
        date: '2026-03-23',
        slots: [{ from: '22:00', to: '02:00' }],
        busy: [{ from: '00:30', to: '01:00' }],
        offDayType: null,
      },
      { staffId: 2, date: '2026-03-23', slots: [{ from: '09:00', to: '18:00' }], busy: [], offDayType: null },
    ];
    const t = team('2026-03-24', days, [member(1, 'Olivia'), member(2, 'Liam')], '00:45');
    expect(t.working.map((m) => [m.name, m.now])).toEqual([['Olivia', { kind: 'busy', until: '01:00' }]]);
    expect(t.off.map((m) => m.name)).toEqual(['Liam']);
    expect(team('2026-03-24', days, [member(1, 'Olivia')], '02:00').working[0]!.now).toEqual({ kind: 'after' });
  });
});
