import type { DayReport } from '../../shared/domain/reports';
import type { ReportLabels } from './labels';
import { escapeHtml } from './escape';
import { moneyFormat, type MoneyFormat } from './money';

/** The formatters one report needs, built once per render (Intl objects are costly to create). */
export interface ReportFormat {
  L: ReportLabels;
  /** Already HTML-safe. */
  money: MoneyFormat;
  count(n: number): string;
  /** "10:00 AM" from a visit's ISO wall-clock time. */
  time(iso: string): string;
  /** "Monday, March 23, 2026" from YYYY-MM-DD. */
  day: string;
  /** An instant as the location's clock shows it, e.g. "Mar 23, 2026, 9:05 PM". */
  instant(d: Date): string;
}

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    // an unknown locale tag or time zone: English, the PC's zone
    const { timeZone: _zone, ...rest } = options;
    return new Intl.DateTimeFormat('en', rest);
  }
}

export function reportFormat(report: DayReport, locale: string, labels: ReportLabels): ReportFormat {
  let counts: Intl.NumberFormat;
  try {
    counts = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  } catch {
    counts = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
  }
  // Wall-clock values are formatted as UTC so no zone shifts them again.
  const clock = dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const longDay = dateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const stamp = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: report.timezoneName });
  const [y, m, d] = report.date.split('-').map(Number) as [number, number, number];
  const times = new Map<string, string>();
  // HTML-safe output: Intl's parts are digits and CLDR symbols; Altegio's own symbol is escaped here.
  const format = moneyFormat(escapeHtml(report.currency), locale);
  // A busy day repeats the same prices hundreds of times; Intl's format is the render's main cost.
  const amounts = new Map<number, string>();
  return {
    L: labels,
    money(n) {
      let t = amounts.get(n);
      if (t === undefined) {
        t = format(n);
        amounts.set(n, t);
      }
      return t;
    },
    count: (n) => counts.format(n),
    time(iso) {
      const hm = iso.slice(11, 16);
      let t = times.get(hm);
      if (t === undefined) {
        t = clock.format(Date.UTC(1970, 0, 1, Number(hm.slice(0, 2)), Number(hm.slice(3, 5))));
        times.set(hm, t);
      }
      return t;
    },
    day: longDay.format(Date.UTC(y, m - 1, d)),
    instant: (at) => stamp.format(at),
  };
}
