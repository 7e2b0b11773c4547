import { AppError } from '../../../shared/errors';
import { safeFileName } from '../../print/file-name';
import { renderMonthGlanceHtml, type MonthGlance } from '../../print/month-glance';
import type { PrintPort } from '../../print/port';
import { tipLanguage } from '../../print/tips-card';
import { ReportCache } from '../../store/reports';
import { LOCALE_SETTING } from '../catalog';
import type { AppContext, Domain } from '../context';
import { PRINTER_SETTING } from '../reports';
import { addDays } from '../today/calendar';
import { LoyaltyService, type LoyaltyDeps } from './loyalty-service';
import { daysBetween } from './periods';

export type LoyaltyDomain = Domain<
  'loyalty.get' | 'loyalty.member' | 'loyalty.monthHtml' | 'loyalty.printMonth' | 'loyalty.saveMonthPdf'
> & {
  service: LoyaltyService;
};

export interface LoyaltyDomainDeps extends LoyaltyDeps {
  print: PrintPort;
}

/** "Who comes back": the manager's loyalty and retention figures, and the month on one A4 page. */
export function createLoyaltyDomain(ctx: AppContext, deps: LoyaltyDomainDeps): LoyaltyDomain {
  const service = new LoyaltyService(ctx, deps);
  const reports = new ReportCache(ctx.db);

  /** The page from the desk's copies: loyalty figures (fetched if stale) and the Z reports it already has. */
  async function monthPage(q: { locationId: number; month: 'month' | 'lastMonth'; locale?: string | undefined }) {
    const view = await service.get({ locationId: q.locationId, period: q.month });
    if (view.current.forbidden) {
      throw new AppError(
        'FORBIDDEN',
        'Client return figures are shown only to people with analytics rights in Altegio.',
      );
    }
    const figures = view.current.data;
    if (!figures) {
      throw new AppError(
        view.current.error?.code ?? 'OFFLINE',
        view.current.error?.message ?? 'No client figures yet.',
      );
    }
    const { from, to } = view.period;
    let total = 0;
    let daysWithReport = 0;
    let currency: string | null = null;
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const copy = reports.get({ locationId: q.locationId, date: d, staffId: null });
      if (!copy) continue;
      daysWithReport++;
      total += copy.report.totals.accounts;
      currency ??= copy.report.currency;
    }
    const glance: MonthGlance = {
      place: deps.location(q.locationId)?.title ?? '',
      timeZone: view.timezoneName,
      from,
      to,
      currency,
      takings: { total: Math.round(total * 100) / 100, daysWithReport, days: daysBetween(from, to) },
      visits: figures.days.reduce((s, d) => s + d.newCount + d.oldCount, 0),
      newClients: figures.newClients,
      oldClients: figures.oldClients,
      total: figures.total,
      keepers: view.staff.data ?? [],
      minClients: view.minClients,
      fetchedAt: view.current.fetchedAt,
      printedAt: ctx.now().toISOString(),
    };
    const lang = tipLanguage(q.locale ?? ctx.settings.get(LOCALE_SETTING, 'en'));
    return { html: renderMonthGlanceHtml(glance, lang), name: `${glance.place} ${from.slice(0, 7)}` };
  }

  return {
    service,
    handlers: {
      'loyalty.get': (args) => service.get(args),
      'loyalty.member': (args) => service.memberHistory(args),
      'loyalty.monthHtml': async (q) => ({ html: (await monthPage(q)).html }),
      'loyalty.printMonth': async (q) => {
        const { html } = await monthPage(q);
        const printer = ctx.settings.get<string | null>(PRINTER_SETTING, null) ?? undefined;
        return { printed: await deps.print.print(html, { paper: 'a4', printer, silent: false }) };
      },
      'loyalty.saveMonthPdf': async (q) => {
        const { html, name } = await monthPage(q);
        return { path: await deps.print.savePdf(html, { paper: 'a4', suggestedName: `${safeFileName(name)}.pdf` }) };
      },
    },
  };
}

export { LOYALTY_FRESH_MS, LoyaltyService, type LoyaltyDeps } from './loyalty-service';
