import { describe, expect, it } from 'vitest';
import { fetchedAtText } from '../../../src/renderer/src/views/report/fetched-at';

describe('when a cached report was fetched', () => {
  const fetched = '2026-11-22T23:02:00.000Z'; // 18:02 in New York, 04:02 next day in Almaty
  it('is the location’s clock time on the same day there', () => {
    expect(fetchedAtText(fetched, 'America/New_York', new Date('2026-11-23T02:00:00Z'))).toBe('18:02');
  });
  it('names the day when that was not today at the location', () => {
    expect(fetchedAtText(fetched, 'America/New_York', new Date('2026-11-23T06:00:00Z'))).toBe('22 Nov, 18:02');
    expect(fetchedAtText(fetched, 'Asia/Almaty', new Date('2026-11-23T06:00:00Z'))).toBe('04:02');
  });
  it('falls back to the PC’s zone for a zone name Intl does not know', () => {
    expect(fetchedAtText(fetched, 'Mars/Olympus', new Date(fetched))).toMatch(/^\d{2}:\d{2}$/);
  });
});
