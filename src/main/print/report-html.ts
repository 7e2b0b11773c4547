import type { DayReport, PrintClientDetails } from '../../shared/domain/reports';
import { formatPhone } from '../../shared/format/phone';
import type { Paper } from '../../shared/domain/session';
import { escapeHtml as esc } from './escape';
import { REPORT_LABELS_EN, type ReportLabels } from './labels';
import { a4Body } from './report-a4';
import { reportCss } from './report-css';
import { reportFormat } from './report-format';
import { receiptBody } from './report-receipt';

export interface RenderOptions {
  paper: Paper;
  /** BCP 47 tag for numbers, money and dates, e.g. "en", "en-GB", "ru". */
  locale: string;
  /** When the report is printed; now when absent. */
  printedAt?: Date;
  labels?: ReportLabels;
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
  const labels = opts.labels ?? REPORT_LABELS_EN;
  const report = forPaper(original, opts.clients ?? 'nameAndPhone', labels);
  const f = reportFormat(report, opts.locale, labels);
  const printedAt = opts.printedAt ?? new Date();
  const heading = `${labels.title} — ${report.locationTitle} — ${f.day}`;
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${esc(opts.locale)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(heading)}</title>`,
    '<style>',
    reportCss(opts.paper, { left: `${report.locationTitle} · ${f.day}`, page: labels.page, of: labels.of }),
    `</style></head><body class="${opts.paper}">`,
  ];
  if (opts.paper === 'receipt80') receiptBody(out, report, f, printedAt);
  else a4Body(out, report, f, printedAt);
  out.push('</body></html>');
  return out.join('');
}
