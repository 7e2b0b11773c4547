import type { MemberNow, Metric } from '../../../../shared/domain/today';
import { formatMoney } from '../../../../shared/format/money';
import { t } from '../../i18n';

/** "just now", "12 minutes ago", "3 hours ago", "2 days ago": how old an offline copy is. */
export function ageText(iso: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return t('today.age.now');
  if (minutes < 60) return t('today.age.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('today.age.hours', { count: hours });
  return t('today.age.days', { count: Math.floor(hours / 24) });
}

export function nowText(now: MemberNow): string {
  switch (now.kind) {
    case 'before':
      return t('today.now.before', { time: now.at });
    case 'busy':
      return t('today.now.busy', { time: now.until });
    case 'free':
      return now.until ? t('today.now.free', { time: now.until }) : t('today.now.freeAll');
    case 'break':
      return t('today.now.break', { time: now.until });
    case 'after':
      return t('today.now.after');
  }
}

export type MetricKind = 'money' | 'count' | 'percent';

export function metricValue(value: number, kind: MetricKind, currency: string | null, locale = 'en'): string {
  if (kind === 'money') return formatMoney(value, currency, locale);
  if (kind === 'percent') return t('today.percent', { value: Math.round(value * 10) / 10 });
  return new Intl.NumberFormat(locale).format(value);
}

/** "up 12%", "down 3%", "no change"; the direction in words, not only in colour. */
export function deltaText(m: Metric): { text: string; trend: 'up' | 'down' | 'same' | 'none' } {
  if (m.previous === null) return { text: t('today.delta.none'), trend: 'none' };
  if (m.previous === 0) {
    return m.current === 0
      ? { text: t('today.delta.same'), trend: 'same' }
      : { text: t('today.delta.none'), trend: 'none' };
  }
  const pct = Math.round(((m.current - m.previous) / Math.abs(m.previous)) * 100);
  if (pct === 0) return { text: t('today.delta.same'), trend: 'same' };
  const value = t('today.percent', { value: Math.abs(pct) });
  return pct > 0
    ? { text: t('today.delta.up', { value }), trend: 'up' }
    : { text: t('today.delta.down', { value }), trend: 'down' };
}

/** "Mon 23 Mar" for a YYYY-MM-DD calendar day (no time zone: it is a date, not an instant). */
export function dayLabel(date: string, locale = 'en', style: 'short' | 'long' = 'short'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    ...(style === 'long' ? { weekday: 'short' } : {}),
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
