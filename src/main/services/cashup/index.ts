import type { CashupVersion } from '../../../shared/domain/cashup';
import type { Paper } from '../../../shared/domain/session';
import { AppError } from '../../../shared/errors';
import { isLanguage, message, type Language } from '../../../shared/i18n';
import { renderCashupHtml } from '../../print/cashup-html';
import { safeFileName } from '../../print/file-name';
import type { PrintPort } from '../../print/port';
import { LOCALE_SETTING } from '../catalog';
import type { AppContext, Domain } from '../context';
import { PRINTER_SETTING } from '../reports';
import { CashupService, HISTORY_DAYS, type ZSource } from './cashup-service';
import { cashupCsv } from './csv';

export interface CashupDeps {
  /** The Day report service: the Z report, from Altegio or the desk's cached copy. */
  reports: ZSource;
  /** The same print port as the Day report (Electron's hidden window, or HTML files headless). */
  print: PrintPort;
}

export type CashupDomain = Domain<
  | 'cashup.open'
  | 'cashup.save'
  | 'cashup.correct'
  | 'cashup.setThreshold'
  | 'cashup.html'
  | 'cashup.print'
  | 'cashup.savePdf'
  | 'cashup.history'
  | 'cashup.exportCsv'
> & { service: CashupService };

/** The longest range one CSV export covers: a year of days. */
const MAX_EXPORT_DAYS = 366;

export function createCashupDomain(ctx: AppContext, deps: CashupDeps): CashupDomain {
  const service = new CashupService(ctx, deps.reports);

  /** The desk's language, for the paper and the saved files' names (issue 25 §15). */
  const deskLanguage = (locale?: string): Language => {
    const tag = locale ?? ctx.settings.get(LOCALE_SETTING, 'en');
    return isLanguage(tag) ? tag : 'en';
  };

  function html(v: CashupVersion, paper: Paper, locale: string | undefined, locking: boolean): string {
    const figures = service.view(v).figures;
    return renderCashupHtml(v, figures, {
      paper,
      locale: locale ?? ctx.settings.get(LOCALE_SETTING, 'en'),
      printedAt: ctx.now(),
      locking,
    });
  }

  /**
   * A draft on its way to paper is closed to saves until it is locked (or the dialog is cancelled),
   * the lock included: the lock takes the version that was printed, and a save in between is refused
   * in words instead of being lost under the lock.
   */
  const guarded = <T>(v: CashupVersion, output: () => Promise<T>): Promise<T> =>
    v.status === 'draft' ? service.whilePrinting(v, output) : output();

  return {
    service,
    handlers: {
      'cashup.open': (args) => service.open(args),
      'cashup.save': ({ input, ...key }) => service.save(key, input),
      'cashup.correct': ({ reason, ...key }) => service.correct(key, reason),
      'cashup.setThreshold': ({ threshold, ...key }) => service.setThreshold(key, threshold),
      'cashup.html': (args) => {
        const v = args.version ? service.version(args, args.version) : service.existing(args);
        return { html: html(v, args.paper, args.locale, false) };
      },
      'cashup.print': async (args) => {
        const v = service.existing(args);
        service.assertReady(v);
        const at = ctx.now();
        const printer = args.printer ?? ctx.settings.get<string | null>(PRINTER_SETTING, null) ?? undefined;
        return guarded(v, async () => {
          const printed = await deps.print.print(html(v, args.paper, args.locale, v.status === 'draft'), {
            paper: args.paper,
            printer,
            silent: args.silent ?? false,
          });
          // A cancelled dialog printed nothing: the draft stays open.
          return { printed, view: printed ? service.lock(v, at, 'print') : service.view(v) };
        });
      },
      'cashup.savePdf': async (args) => {
        const v = service.existing(args);
        service.assertReady(v);
        const at = ctx.now();
        const lang = deskLanguage(args.locale);
        const words = `${message(lang, 'print.cashup.title')} ${v.z.locationTitle} ${v.date}`;
        const suggestedName = `${safeFileName(`${words} ${message(lang, 'print.cashup.version')} ${v.version}`)}.pdf`;
        return guarded(v, async () => {
          const path = await deps.print.savePdf(html(v, args.paper, args.locale, v.status === 'draft'), {
            paper: args.paper,
            suggestedName,
          });
          return { path, view: path ? service.lock(v, at, 'pdf') : service.view(v) };
        });
      },
      'cashup.history': ({ locationId }) => {
        const { rows, newest } = service.history(locationId, HISTORY_DAYS);
        return { rows, currency: newest?.z.currency ?? '', timezoneName: newest?.z.timezoneName ?? null };
      },
      'cashup.exportCsv': ({ locationId, from, to }) => {
        if (from > to) throw new AppError('INVALID_INPUT', 'The first day of the export is after the last one.');
        const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
        if (days > MAX_EXPORT_DAYS) throw new AppError('INVALID_INPUT', 'Export at most a year of cash-ups at a time.');
        const versions = service.range(locationId, from, to);
        const words: Record<string, string> = {
          location: versions[0]?.z.locationTitle ?? String(locationId),
          from,
          to,
        };
        const name = message(deskLanguage(), 'print.cashup.csvFileName').replace(/\{(\w+)\}/g, (all, k: string) => words[k] ?? all);
        return { csv: cashupCsv(versions, service.threshold(locationId)), fileName: `${safeFileName(name)}.csv` };
      },
    },
  };
}

export { CashupService, zOf, type ZSource } from './cashup-service';
export { cashupCsv, csvAmount } from './csv';
