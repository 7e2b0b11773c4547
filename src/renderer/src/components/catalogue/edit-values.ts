import { formatMoney } from '../../../../shared/format/money';
import { staffIdOf, valueOf, type EditField, type ServiceFields } from '../../../../shared/domain/service-edit';
import { t, type MessageKey } from '../../i18n';
import { duration } from '../../i18n/format';

/** How a service edit's fields are named and shown: the conflict view and the catalogue's "not yet sent" line. */
export interface EditContext {
  memberName(id: number): string;
  categoryTitle(id: number): string;
  currency: string | null;
  timeZone: string | null;
}

const LABELS: Record<string, MessageKey> = {
  title: 'manage.service.title',
  category: 'manage.service.category',
  priceMin: 'manage.service.priceMin',
  priceMax: 'manage.service.priceMax',
  duration: 'manage.service.duration',
  bookableOnline: 'manage.service.bookable',
  break: 'manage.service.break',
  comment: 'manage.service.comment',
};

export function fieldLabel(field: EditField, c: EditContext): string {
  const id = staffIdOf(field);
  return id === null ? t(LABELS[field]!) : t('manage.service.memberDuration', { name: c.memberName(id) });
}

export function fieldValue(s: ServiceFields, field: EditField, c: EditContext): string {
  const v = valueOf(s, field);
  if (staffIdOf(field) !== null) return v === null ? t('manage.value.notPerforming') : duration(Number(v) * 60);
  switch (field) {
    case 'category':
      return c.categoryTitle(Number(v));
    case 'priceMin':
    case 'priceMax':
      return formatMoney(Number(v), c.currency, c.timeZone);
    case 'duration':
      return duration(Number(v) * 60);
    case 'bookableOnline':
      return t(v ? 'manage.value.yes' : 'manage.value.no');
    case 'break':
      return v === null
        ? t('manage.service.breakDefault')
        : v === 0
          ? t('manage.service.breakNone')
          : duration(Number(v) * 60);
    default:
      return String(v ?? '');
  }
}

/** "Price from: $35 · Minutes for Anna: 1 hr" — an edit's new values, for the catalogue while not yet sent. */
export function newValues(mine: ServiceFields, fields: EditField[], c: EditContext): string {
  return fields.map((f) => `${fieldLabel(f, c)}: ${fieldValue(mine, f, c)}`).join(' · ');
}
