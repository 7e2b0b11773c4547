import type { DayReport, PrintClientDetails } from '../../shared/domain/reports';
import { formatPhone } from '../../shared/format/phone';
import type { Paper } from '../../shared/domain/session';
import { escapeHtml as esc } from './escape';
import { isLanguage, type Language } from '../../shared/i18n';
import { a4Body } from './report-a4';
import { reportCss } from './report-css';
import { reportLabels, type ReportLabels } from './labels';
import { reportFormat } from './report-format';
import { receiptBody } from './report-receipt';

export interface RenderOptions {
  paper: Paper;
  /**
   * The desk's language for labels, dates and times ("en", "ru", "uk", "es", "pt-BR"); an unknown
   * tag prints English. Money always follows the location (its currency and number conventions).
   */
  locale: Language | string;
  /** When the report is printed; now when absent. */
  printedAt?: Date;
  /** The desk PC's zone (times name the location's zone when they differ); the process's zone when absent. */
  deskZone?: string;
  /** What to print about clients; names and phones when absent. */
  clients?: PrintClientDetails;
}

/** The visits as they go on paper: phones formatted for the location's country, or left off with names. */
function forPaper(report: DayReport, clients: PrintClientDetails, labels: ReportLabels): DayReport {
  const country = report.phoneCountry ?? null;
  return {
    ...report,
    visits: report.visits.map((v) => ({
      ...v,
      clientName: clients === 'none' ? labels.client : v.clientName,
      clientPhone: clients === 'nameAndPhone' && v.clientPhone ? formatPhone(v.clientPhone, country) : null,
    })),
  };
}

/**
 * The day-end report as one complete, self-contained HTML document: inline CSS, system fonts,
 * no scripts, no external resources (its own CSP says so). The same text feeds the on-screen
 * preview, the printer and the PDF.
 */
export function renderReportHtml(original: DayReport, opts: RenderOptions): string {
  const lang: Language = isLanguage(opts.locale) ? opts.locale : 'en';
  const report = forPaper(original, opts.clients ?? 'nameAndPhone', reportLabels(lang));
  const f = reportFormat(report, { lang, ...(opts.deskZone ? { deskZone: opts.deskZone } : {}) });
  const labels = f.L;
  const printedAt = opts.printedAt ?? new Date();
  const heading = `${labels.title} — ${report.locationTitle} — ${f.day}`;
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${esc(lang)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(heading)}</title>`,
    '<style>',
    reportCss(opts.paper, { left: `${report.locationTitle} · ${f.day}`, page: labels.page, of: labels.of }),
    `</style></head><body class="${opts.paper}">`,
  ];
  if (opts.paper !== 'a4') receiptBody(out, report, f, printedAt);
  else a4Body(out, report, f, printedAt);
  out.push('</body></html>');
  return out.join('');
}
