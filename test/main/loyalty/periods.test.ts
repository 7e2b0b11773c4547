import { describe, expect, it } from 'vitest';
import { loyaltyPeriod, loyaltyPeriodAt } from '../../../src/main/services/loyalty/periods';
import { isAppError } from '../../../src/shared/errors';

const span = (p: { from: string; to: string }) =>
  Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000) + 1;

describe('loyalty periods: month boundaries', () => {
  it('this month runs from the 1st to today, against the same days of last month', () => {
    expect(loyaltyPeriod('month', '2026-03-18')).toEqual({
      kind: 'month',
      from: '2026-03-01',
      to: '2026-03-18',
      compareFrom: '2026-02-01',
      compareTo: '2026-02-18',
    });
  });

  it('the 31st compares with the last day of a shorter month, leap years included', () => {
    expect(loyaltyPeriod('month', '2026-03-31')).toMatchObject({ compareFrom: '2026-02-01', compareTo: '2026-02-28' });
    expect(loyaltyPeriod('month', '2028-03-31')).toMatchObject({ compareTo: '2028-02-29' });
    expect(loyaltyPeriod('month', '2026-05-31')).toMatchObject({ compareFrom: '2026-04-01', compareTo: '2026-04-30' });
  });

  it('in January the comparison is last December', () => {
    expect(loyaltyPeriod('month', '2026-01-05')).toMatchObject({
      from: '2026-01-01',
      compareFrom: '2025-12-01',
      compareTo: '2025-12-05',
    });
  });

  it('last month is the whole previous month, against the whole month before it', () => {
    expect(loyaltyPeriod('lastMonth', '2026-03-01')).toEqual({
      kind: 'lastMonth',
      from: '2026-02-01',
      to: '2026-02-28',
      compareFrom: '2026-01-01',
      compareTo: '2026-01-31',
    });
    expect(loyaltyPeriod('lastMonth', '2026-01-15')).toMatchObject({
      from: '2025-12-01',
      to: '2025-12-31',
      compareFrom: '2025-11-01',
      compareTo: '2025-11-30',
    });
  });

  it('30 and 90 days end today and compare with as many days right before', () => {
    const p30 = loyaltyPeriod('days30', '2026-03-18');
    expect(p30).toMatchObject({
      from: '2026-02-17',
      to: '2026-03-18',
      compareFrom: '2026-01-18',
      compareTo: '2026-02-16',
    });
    expect(span(p30)).toBe(30);
    expect(span({ from: p30.compareFrom, to: p30.compareTo })).toBe(30);
    const p90 = loyaltyPeriod('days90', '2026-03-18');
    expect(span(p90)).toBe(90);
    expect(span({ from: p90.compareFrom, to: p90.compareTo })).toBe(90);
    expect(p90).toMatchObject({ from: '2025-12-19', compareTo: '2025-12-18' });
  });

  it('custom: the days given, against as many days before; bad ranges are refused with a sentence', () => {
    expect(loyaltyPeriod('custom', '2026-03-18', { from: '2026-03-10', to: '2026-03-12' })).toMatchObject({
      compareFrom: '2026-03-07',
      compareTo: '2026-03-09',
    });
    const refused = (c?: { from: string; to: string }) => {
      try {
        loyaltyPeriod('custom', '2026-03-18', c);
        return null;
      } catch (e) {
        return isAppError(e) ? e.code : 'other';
      }
    };
    expect(refused()).toBe('INVALID_INPUT');
    expect(refused({ from: '2026-03-12', to: '2026-03-10' })).toBe('INVALID_INPUT');
    expect(refused({ from: '2026-03-12', to: '2026-03-19' })).toBe('INVALID_INPUT');
    expect(refused({ from: '2024-01-01', to: '2026-03-18' })).toBe('INVALID_INPUT');
  });
});

describe('loyalty periods: the location clock, time zones and DST', () => {
  it('"this month" is the location month, not the desk or UTC one', () => {
    // 04:30 UTC on 1 March is still 28 February in New York and already 1 March in Almaty.
    const at = new Date('2026-03-01T04:30:00Z');
    expect(loyaltyPeriodAt('month', 'America/New_York', at)).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(loyaltyPeriodAt('month', 'Asia/Almaty', at)).toMatchObject({ from: '2026-03-01', to: '2026-03-01' });
    expect(loyaltyPeriodAt('lastMonth', 'Pacific/Auckland', new Date('2026-02-28T12:00:00Z'))).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
    });
  });

  it('a period across a DST change still has whole days (spring forward and fall back)', () => {
    // New York springs forward on 8 March 2026 and falls back on 1 November 2026.
    const spring = loyaltyPeriodAt('days30', 'America/New_York', new Date('2026-03-20T03:30:00Z'));
    expect(spring).toMatchObject({ from: '2026-02-18', to: '2026-03-19' });
    expect(span(spring)).toBe(30);
    // 05:30 UTC on 1 Nov is 01:30 EDT (before the fall-back hour): already November.
    expect(loyaltyPeriodAt('month', 'America/New_York', new Date('2026-11-01T05:30:00Z'))).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-01',
      compareFrom: '2026-10-01',
      compareTo: '2026-10-01',
    });
    // 03:30 UTC on 1 Nov is 23:30 EDT on 31 October: still October.
    expect(loyaltyPeriodAt('month', 'America/New_York', new Date('2026-11-01T03:30:00Z'))).toMatchObject({
      from: '2026-10-01',
      to: '2026-10-31',
      compareTo: '2026-09-30',
    });
    // Europe springs forward on 29 March 2026: 90 days over it are still 90 days.
    expect(span(loyaltyPeriodAt('days90', 'Europe/Paris', new Date('2026-04-10T22:30:00Z')))).toBe(90);
  });
});
