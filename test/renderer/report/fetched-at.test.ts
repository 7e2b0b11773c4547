import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../src/renderer/src/i18n';
import { fetchedAtText } from '../../../src/renderer/src/views/report/fetched-at';

// Node re-reads TZ when it changes: the desk PC's zone, per test.
afterEach(() => {
  vi.unstubAllEnvs();
  setLanguage('en');
});

describe('when a cached report was fetched', () => {
  const fetched = '2026-11-22T23:02:00.000Z'; // 18:02 in New York, 04:02 next day in Almaty
  it('is the location’s clock time on the same day there, in the desk language', () => {
    vi.stubEnv('TZ', 'America/New_York'); // the desk sits at its location
    expect(fetchedAtText(fetched, 'America/New_York', new Date('2026-11-23T02:00:00Z'))).toBe('6:02 PM');
    setLanguage('ru');
    expect(fetchedAtText(fetched, 'America/New_York', new Date('2026-11-23T02:00:00Z'))).toBe('18:02');
  });
  it('names the day when that was not today at the location', () => {
    vi.stubEnv('TZ', 'America/New_York');
    setLanguage('es');
    expect(fetchedAtText(fetched, 'America/New_York', new Date('2026-11-23T06:00:00Z'))).toBe('22 nov, 18:02');
  });
  it('names the location’s zone when the desk’s clock is elsewhere', () => {
    vi.stubEnv('TZ', 'Europe/London');
    setLanguage('ru');
    expect(fetchedAtText(fetched, 'Asia/Almaty', new Date('2026-11-23T06:00:00Z'))).toBe('04:02 GMT+5');
  });
  it('falls back to the PC’s zone for a zone name Intl does not know', () => {
    // 23:02 UTC is 08:02 the next morning in Tokyo: neither UTC's nor the location's time.
    vi.stubEnv('TZ', 'Asia/Tokyo');
    setLanguage('ru');
    expect(fetchedAtText(fetched, 'Mars/Olympus', new Date(fetched))).toBe('8:02');
  });
});
