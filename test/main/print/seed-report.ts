import type { DayReport } from '../../../src/shared/domain/reports';
import { toDayReport } from '../../../src/main/services/reports';
import type { ZReport } from '../../../src/main/altegio/types';
import { EMPTY_REPORT, SEED_REPORT } from '../reports/fixtures';
import { NEW_YORK } from '../reports/setup';

/** The fixture report as the service hands it to the renderer. */
export function seedDayReport(over: Partial<DayReport> = {}, z: ZReport = SEED_REPORT()): DayReport {
  return {
    ...toDayReport(z, NEW_YORK, { date: '2026-03-23', staffId: null }),
    fetchedAt: '2026-03-24T01:04:00.000Z',
    fromCache: false,
    printedBy: 'Anna Receptionist',
    ...over,
  };
}

export function emptyDayReport(over: Partial<DayReport> = {}): DayReport {
  return seedDayReport(over, EMPTY_REPORT());
}
