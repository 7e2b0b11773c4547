import type { LicenseStatus } from '../../../shared/domain/catalog';
import type { StoredLicense } from '../../store/catalog';

const DAY_MS = 86_400_000;
/** A calm warning two weeks ahead: time for a manager to renew before figures are refused (issue 19 §19). */
export const LICENSE_WARNING_DAYS = 14;

/** Today's date (YYYY-MM-DD) where the location is, not where the desk PC thinks it is. */
export function localDate(now: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      now,
    );
  } catch {
    return now.toISOString().slice(0, 10); // unknown zone name: UTC is the least surprising fallback
  }
}

function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
}

/** Warns when the licence ends within 14 days (counted in the location's own calendar) or is inactive. */
export function licenseStatus(license: StoredLicense | null, now: Date, timeZone: string): LicenseStatus | null {
  if (!license) return null;
  const endsOn = license.endDate && /^\d{4}-\d{2}-\d{2}$/.test(license.endDate) ? license.endDate : null;
  const daysLeft = endsOn === null ? null : dayNumber(endsOn) - dayNumber(localDate(now, timeZone));
  return {
    plan: license.plan,
    active: license.active,
    endsOn,
    daysLeft,
    staffLimit: license.staffLimit,
    warning: !license.active || (daysLeft !== null && daysLeft <= LICENSE_WARNING_DAYS),
  };
}
