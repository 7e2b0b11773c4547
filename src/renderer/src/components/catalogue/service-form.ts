import type { ManageIssue } from '../../../../shared/domain/manage';
import { t, type MessageKey } from '../../i18n';
import { duration } from '../../i18n/format';

/**
 * What the new-service and the edit-service forms hold while someone types: text as typed, so a half-typed
 * "12," is not lost; it becomes numbers (`num`) only when checked and sent.
 */
export interface ServiceForm {
  title: string;
  /** The new-service form: "c:<id>" or "p:<outbox id>"; the edit form: "<id>". */
  category: string;
  priceMin: string;
  priceMax: string;
  durationMin: string;
  /** A performer's own minutes; undefined: not a performer. */
  members: Record<number, string | undefined>;
  bookableOnline: boolean;
  /** 'default' (the location's), or minutes as text. */
  breakMin: string;
  comment: string;
}

export const emptyServiceForm = (durationMin = ''): ServiceForm => ({
  title: '',
  category: '',
  priceMin: '',
  priceMax: '',
  durationMin,
  members: {},
  bookableOnline: true,
  breakMin: 'default',
  comment: '',
});

/** A typed amount ("12,5" as well as "12.5"); empty is NaN, which the shared checks call missing. */
export const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

export const formBreak = (f: ServiceForm): number | null => (f.breakMin === 'default' ? null : Number(f.breakMin));

/** The chosen performers with their minutes, in the order they were ticked. */
export const formStaff = (f: ServiceForm): { staffId: number; durationMin: number }[] =>
  Object.entries(f.members)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([id, min]) => ({ staffId: Number(id), durationMin: num(min) }));

/** Each problem by field (and by performer), said in the desk's language. */
export function issueFinder(
  issues: () => ManageIssue[],
  memberName: (id: number) => string,
): (field: ManageIssue['field'], staffId?: number) => string | null {
  return (field, staffId) => {
    const i = issues().find((x) => x.field === field && (staffId === undefined || x.staffId === staffId));
    return i
      ? t(`manage.issue.${i.field}.${i.rule}` as MessageKey, { name: i.staffId ? memberName(i.staffId) : '' })
      : null;
  };
}

export const breakLabel = (b: number | null): string =>
  b === null ? t('manage.service.breakDefault') : b === 0 ? t('manage.service.breakNone') : duration(b * 60);
