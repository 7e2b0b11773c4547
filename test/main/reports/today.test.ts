import { describe, expect, it } from 'vitest';
import { todayIn } from '../../../src/main/services/reports/today';
import { isoInZone } from '../../../src/main/services/reports/zoned-time';

describe('todayIn', () => {
  it("picks the location's day at 23:30 there, whatever day the PC is on", () => {
    // 23:30 in New York (EDT, UTC-4) is 03:30 UTC the next day, 05:30 in Berlin
    expect(todayIn('America/New_York', new Date('2026-03-24T03:30:00Z'))).toBe('2026-03-23');
    // 23:30 in Almaty (UTC+5) is 18:30 UTC the same day, still the 23rd in New York too
    expect(todayIn('Asia/Almaty', new Date('2026-03-23T18:30:00Z'))).toBe('2026-03-23');
    // 00:30 in Almaty is already the 24th there while a PC in New York is on the 23rd (14:30)
    expect(todayIn('Asia/Almaty', new Date('2026-03-23T19:30:00Z'))).toBe('2026-03-24');
    expect(todayIn('Pacific/Auckland', new Date('2026-03-23T11:00:00Z'))).toBe('2026-03-24');
  });

  it("does not depend on the process's own timezone", () => {
    const now = new Date('2026-03-24T03:30:00Z');
    const before = process.env['TZ'];
    try {
      for (const tz of ['Europe/Berlin', 'Asia/Tokyo', 'America/Los_Angeles', 'UTC']) {
        process.env['TZ'] = tz;
        expect(todayIn('America/New_York', now)).toBe('2026-03-23');
      }
    } finally {
      if (before === undefined) delete process.env['TZ'];
      else process.env['TZ'] = before;
    }
  });

  it("falls back to the PC's zone for a zone name Intl does not know, instead of failing", () => {
    // 20:00 UTC on the 23rd is already 05:00 on the 24th in Tokyo, the PC's zone here.
    const before = process.env['TZ'];
    try {
      process.env['TZ'] = 'Asia/Tokyo';
      expect(todayIn('Mars/Olympus_Mons', new Date('2026-03-23T20:00:00Z'))).toBe('2026-03-24');
    } finally {
      if (before === undefined) delete process.env['TZ'];
      else process.env['TZ'] = before;
    }
  });
});

describe('isoInZone', () => {
  it("writes a z_data key as the location's wall clock with its offset, across DST", () => {
    expect(isoInZone('America/New_York', 1481101200_000)).toBe('2016-12-07T04:00:00-05:00');
    expect(isoInZone('America/New_York', Date.parse('2026-03-08T07:30:00Z'))).toBe('2026-03-08T03:30:00-04:00');
    expect(isoInZone('Asia/Almaty', 1481101200_000)).toBe('2016-12-07T15:00:00+06:00');
    expect(isoInZone('UTC', 1481101200_000)).toBe('2016-12-07T09:00:00+00:00');
    expect(isoInZone('Asia/Kolkata', Date.parse('2026-03-23T00:00:00Z'))).toBe('2026-03-23T05:30:00+05:30');
  });

  it('writes midnight as 00, not 24', () => {
    expect(isoInZone('Europe/London', Date.parse('2026-01-10T00:00:00Z'))).toBe('2026-01-10T00:00:00+00:00');
  });
});
