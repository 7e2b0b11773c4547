import type { MemberNow, Metric, TipInfo } from '../../../../shared/domain/today';
import { formatWallTime } from '../../../../shared/format/datetime';
import type { MoneyFormat } from '../../../../shared/format/money';
import { language, t } from '../../i18n';
import { formatCount } from '../../i18n/format';

/** "just now", "12 minutes ago", "3 hours ago", "2 days ago": how old an offline copy is. */
export function ageText(iso: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return t('today.age.now');
  if (minutes < 60) return t('today.age.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('today.age.hours', { count: hours });
  return t('today.age.days', { count: Math.floor(hours / 24) });
}

/**
 * An "HH:mm" on the location's clock (a schedule's hours, "busy until") in the desk's language:
 * "14:00" / "2:00 PM". Written as the location's wall clock, so no zone applies.
 */
export function clockText(hhmm: string): string {
  return formatWallTime(`1970-01-01T${hhmm}:00Z`, { lang: language.value, timeZone: 'UTC', deskZone: 'UTC' });
}

/** "09:00–13:00" as the desk's language writes a span of the location's clock. */
export function spanText(from: string, to: string): string {
  return `${clockText(from)}–${clockText(to)}`;
}

export function nowText(now: MemberNow): string {
  switch (now.kind) {
    case 'before':
      return t('today.now.before', { time: clockText(now.at) });
    case 'busy':
      return t('today.now.busy', { time: clockText(now.until) });
    case 'free':
      return now.until ? t('today.now.free', { time: clockText(now.until) }) : t('today.now.freeAll');
    case 'break':
      return t('today.now.break', { time: clockText(now.until) });
    case 'after':
      return t('today.now.after');
  }
}

export type MetricKind = 'money' | 'count' | 'percent';

/** Money in the location's conventions (`money`), counts and percentages in the desk's language. */
export function metricValue(value: number, kind: MetricKind, money: MoneyFormat): string {
  if (kind === 'money') return money(value);
  if (kind === 'percent') return percentText(value);
  return formatCount(value);
}

/** "62.5%" / "62,5 %": one decimal at most, the desk language's digits. */
export function percentText(value: number): string {
  return t('today.percent', { value: Math.round(value * 10) / 10 });
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

const days = new Map<string, Intl.DateTimeFormat>();

/**
 * "23 Mar" / "Mon, 23 Mar" ("23 мар." / "пн, 23 мар.") for a YYYY-MM-DD calendar day in the desk's
 * language (no time zone: it is a date, not an instant).
 */
export function dayLabel(date: string, style: 'short' | 'long' = 'short'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lang = language.value;
  const key = `${lang}|${style}`;
  let f = days.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'short',
      ...(style === 'long' ? { weekday: 'short' } : {}),
    });
    days.set(key, f);
  }
  return f.format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * One line for a member's tips: off, on, or still being set up. Altegio's `status_title` is English
 * ("pending account") whatever the desk's language, so the codes we know are said in ours; an unknown
 * code keeps Altegio's words rather than hide that something is missing.
 */
export function tipStatusText(tip: Pick<TipInfo, 'enabled' | 'ready' | 'status' | 'statusTitle'>): string {
  if (!tip.enabled) return t('tips.off');
  if (tip.ready) return t('tips.on');
  if (tip.status === 3) return t('tips.pendingAccount');
  return t('tips.notReady', { status: tip.statusTitle ?? '' });
}
