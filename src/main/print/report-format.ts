import type { DayReport } from '../../shared/domain/reports';
import { formatDateTime, formatLongDate, formatWallTime, type ClockOptions } from '../../shared/format/datetime';
import type { Language } from '../../shared/i18n';
import { reportLabels, type ReportLabels } from './labels';
import { moneyFormat, type MoneyFormat } from './money';

/** The formatters one report needs, built once per render. */
export interface ReportFormat {
  L: ReportLabels;
  /** Already HTML-safe. */
  money: MoneyFormat;
  count(n: number): string;
  /** A visit's time on the location's clock, as the screen shows it ("14:00", "2:00 PM"). */
  time(iso: string): string;
  /** "Monday, March 23, 2026" from YYYY-MM-DD, in the desk's language. */
  day: string;
  /** An instant on the location's clock, e.g. "23 мар. 2026 г., 21:05". */
  instant(d: Date): string;
}

export interface ReportFormatOptions {
  /** The desk's language: labels, month names, clock style. */
  lang: Language;
  /** The desk PC's zone; the process's zone when absent. */
  deskZone?: string;
}

/** Words in the desk's language; money in the location's conventions; times on the location's clock. */
export function reportFormat(report: DayReport, o: ReportFormatOptions): ReportFormat {
  let counts: Intl.NumberFormat;
  try {
    counts = new Intl.NumberFormat(o.lang, { maximumFractionDigits: 2 });
  } catch {
    counts = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
  }
  const clock: ClockOptions = {
    lang: o.lang,
    timeZone: report.timezoneName,
    ...(o.deskZone ? { deskZone: o.deskZone } : {}),
  };
  const times = new Map<string, string>();
  const format = moneyFormat(report.currency, report.timezoneName);
  // A busy day repeats the same prices hundreds of times; Intl's format is the render's main cost.
  const amounts = new Map<number, string>();
  return {
    L: reportLabels(o.lang),
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
      let t = times.get(iso);
      if (t === undefined) {
        t = formatWallTime(iso, clock);
        times.set(iso, t);
      }
      return t;
    },
    day: formatLongDate(report.date, o.lang),
    instant: (at) => formatDateTime(at, clock),
  };
}
