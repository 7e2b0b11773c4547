import type { DayReport, PrintClientDetails, ReportQuery } from '../../../shared/domain/reports';
import type { Paper } from '../../../shared/domain/session';
import { safeFileName } from '../../print/file-name';
import type { PrintPort } from '../../print/port';
import { renderReportHtml } from '../../print/report-html';
import { isLanguage, message } from '../../../shared/i18n';
import { LOCALE_SETTING } from '../catalog';
import type { AppContext, Domain } from '../context';
import { DayReportService, type LocationLookup } from './day-report-service';

/** Desk preferences the print handlers read (and the settings screen writes through settings.desk). */
export const PRINTER_SETTING = 'desk.printer';
export const PAPER_SETTING = 'desk.paper';

export interface ReportsDeps {
  locations: LocationLookup;
  print: PrintPort;
}

export type ReportsDomain = Domain<
  'reports.dayEnd' | 'reports.html' | 'reports.print' | 'reports.savePdf' | 'reports.printers'
> & { service: DayReportService };

interface Printable extends ReportQuery {
  paper: Paper;
  locale?: string | undefined;
}

/** Day-end report: fetch (or the offline copy), render, print or save as PDF. */
export function createReportsDomain(ctx: AppContext, deps: ReportsDeps): ReportsDomain {
  const service = new DayReportService(ctx, deps.locations);

  async function document(args: Printable): Promise<{ html: string; report: DayReport }> {
    const report = await service.dayEnd(args);
    const locale = args.locale ?? ctx.settings.get(LOCALE_SETTING, 'en');
    return {
      report,
      html: renderReportHtml(report, {
        paper: args.paper,
        locale,
        printedAt: ctx.now(),
        clients: ctx.settings.get<PrintClientDetails>('desk.printClients', 'nameAndPhone'),
      }),
    };
  }

  return {
    service,
    handlers: {
      'reports.dayEnd': (args) => service.dayEnd(args),
      'reports.html': (args) => document(args),
      'reports.print': async (args) => {
        const { html } = await document(args);
        const printer = args.printer ?? ctx.settings.get<string | null>(PRINTER_SETTING, null) ?? undefined;
        const printed = await deps.print.print(html, { paper: args.paper, printer, silent: args.silent ?? false });
        if (printed) {
          // What worked is the desk's choice next time (a silent print needs a remembered printer).
          if (args.printer) ctx.settings.set(PRINTER_SETTING, args.printer);
          ctx.settings.set(PAPER_SETTING, args.paper);
        }
        return { printed };
      },
      'reports.savePdf': async (args) => {
        const { html, report } = await document(args);
        const who = report.staffName ? ` ${report.staffName}` : '';
        // Named in the desk's language, like the paper itself (issue 25 §15).
        const locale = args.locale ?? ctx.settings.get(LOCALE_SETTING, 'en');
        const words = message(isLanguage(locale) ? locale : 'en', 'print.fileName');
        const suggestedName = `${safeFileName(`${words} ${report.locationTitle}${who} ${report.date}`)}.pdf`;
        return { path: await deps.print.savePdf(html, { paper: args.paper, suggestedName }) };
      },
      'reports.printers': async () => ({
        printers: await deps.print.printers(),
        deskPrinter: ctx.settings.get<string | null>(PRINTER_SETTING, null),
        paper: ctx.settings.get<Paper>(PAPER_SETTING, 'a4'),
      }),
    },
  };
}

export { DayReportService } from './day-report-service';
export { todayIn } from './today';
export { toDayReport, type ReportLocation } from './build-report';
