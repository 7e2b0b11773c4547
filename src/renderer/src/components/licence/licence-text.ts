import type { LicenseStatus } from '../../../../shared/domain/catalog';
import type { ErrorBody } from '../../../../shared/errors';
import { formatLongDate } from '../../../../shared/format/datetime';
import { language, t } from '../../i18n';

/** Altegio's 403 when the location's licence has lapsed ("It is necessary to renew the license…"). */
export function isLicenceRefusal(error: ErrorBody | null | undefined): boolean {
  return !!error && error.code === 'FORBIDDEN' && /licen[cs]/i.test(error.message);
}

/**
 * The calm sentence about the licence, or null when there is nothing to say: it has ended (or
 * Altegio refused with a licence 403), or it ends within 14 days (issue 19 §19).
 */
export function licenceBanner(license: LicenseStatus | null, place: string, refused = false): string | null {
  if (refused || (license && !license.active)) return t('licence.ended', { place });
  if (!license?.warning || !license.endsOn || license.daysLeft === null) return null;
  if (license.daysLeft < 0) return t('licence.ended', { place });
  return t('licence.endsSoon', {
    place,
    date: formatLongDate(license.endsOn, language.value),
    left: t('licence.daysLeft', { count: license.daysLeft }),
  });
}

/** "Active until Monday, 21 December 2026 · 14 days left", "Not active". */
export function licenceState(license: LicenseStatus): string {
  if (!license.active) return t('licence.inactive');
  if (!license.endsOn) return '';
  const until = t('licence.activeUntil', { date: formatLongDate(license.endsOn, language.value) });
  return license.daysLeft === null ? until : `${until} · ${t('licence.daysLeft', { count: Math.max(0, license.daysLeft) })}`;
}
