import { describe, expect, it } from 'vitest';
import { licenseStatus } from '../../../src/main/services/catalog/license-status';

describe('licence status (issue 19 §19)', () => {
  const license = (endDate: string) => ({ plan: 'Business', active: true, startDate: '2026-01-01', endDate, staffLimit: 20 });
  const now = new Date('2026-12-07T15:00:00Z'); // 7 December in New York

  it('warns two weeks ahead, in the location’s calendar, and carries the staff limit', () => {
    expect(licenseStatus(license('2026-12-21'), now, 'America/New_York')).toEqual({
      plan: 'Business',
      active: true,
      endsOn: '2026-12-21',
      daysLeft: 14,
      staffLimit: 20,
      warning: true,
    });
    expect(licenseStatus(license('2026-12-22'), now, 'America/New_York')!.warning).toBe(false);
  });
});
