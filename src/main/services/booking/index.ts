import type { BookingForm, BookingFormsView, PosterFormat } from '../../../shared/domain/booking';
import { preferredForm } from '../../../shared/domain/booking';
import { AppError, isAppError, type ErrorBody } from '../../../shared/errors';
import { formatPhone, phoneCountry } from '../../../shared/format';
import { renderBookingPosterHtml, posterLabels } from '../../print/booking-poster';
import { safeFileName } from '../../print/file-name';
import type { PrintPaper, PrintPort } from '../../print/port';
import { tipLanguage } from '../../print/tips-card';
import { BookingFormsCache } from '../../store/booking/booking-forms-cache';
import { LOCALE_SETTING } from '../catalog';
import type { AppContext, Domain } from '../context';
import { PRINTER_SETTING } from '../reports';

/** A copy younger than this answers without a request: forms change when a manager edits them in Altegio. */
export const FORMS_FRESH_MS = 60 * 60_000;

export interface BookingDeps {
  /** The location's name and phones from the catalogue (or the sign-in list); null when unknown. */
  location(id: number): { title: string; phones: readonly string[] } | null;
  print: PrintPort;
}

export type BookingDomain = Domain<
  'booking.forms' | 'booking.posterHtml' | 'booking.printPoster' | 'booking.savePosterPdf'
>;

const PAPER: Record<PosterFormat, PrintPaper> = { a4: 'a4', receipt80: 'receipt80' };

interface PosterQuery {
  locationId: number;
  formId?: number | undefined;
  format: PosterFormat;
  locale?: string | undefined;
}

const body = (e: unknown): ErrorBody =>
  isAppError(e) ? e.toBody() : { code: 'OFFLINE', message: 'There is no connection to Altegio.' };

/** The online booking poster (issue 22 §6): the location's booking forms, cached, and the QR poster and slip. */
export function createBookingDomain(ctx: AppContext, deps: BookingDeps): BookingDomain {
  const cache = new BookingFormsCache(ctx.db);
  /** One request per location at a time: a second look while one is on its way waits for the same answer. */
  const inflight = new Map<number, Promise<BookingForm[]>>();

  function fetchForms(locationId: number): Promise<BookingForm[]> {
    let running = inflight.get(locationId);
    if (!running) {
      running = (async () => {
        const startedAt = ctx.now().toISOString();
        const api = await ctx.altegio({ lane: 'urgent' });
        const forms = await api.bookforms(locationId);
        cache.put(locationId, forms, startedAt);
        return forms;
      })().finally(() => inflight.delete(locationId));
      inflight.set(locationId, running);
    }
    return running;
  }

  async function forms(locationId: number, refresh: boolean): Promise<BookingFormsView> {
    const copy = cache.get(locationId);
    const age = copy ? ctx.now().getTime() - Date.parse(copy.fetchedAt) : Infinity;
    const view = (list: BookingForm[], fetchedAt: string, stale: boolean, error: ErrorBody | null) => ({
      locationId,
      forms: list,
      preferredId: preferredForm(list)?.id ?? null,
      fetchedAt,
      stale,
      error,
    });
    if (copy && !refresh && age < FORMS_FRESH_MS) return view(copy.forms, copy.fetchedAt, false, null);
    if (!ctx.connectivity.online) {
      const offline = new AppError('OFFLINE', 'There is no connection to Altegio.');
      if (!copy) throw offline;
      return view(copy.forms, copy.fetchedAt, true, offline.toBody());
    }
    try {
      await fetchForms(locationId);
    } catch (e) {
      if (!copy) throw e;
      ctx.log.warn({ err: e, locationId }, 'booking forms: the copy stays');
      return view(copy.forms, copy.fetchedAt, true, body(e));
    }
    // Read back: of two overlapping refreshes, the copy holds the newer answer.
    const fresh = cache.get(locationId)!;
    return view(fresh.forms, fresh.fetchedAt, false, null);
  }

  async function document(q: PosterQuery): Promise<{ html: string; name: string }> {
    // The copy prints offline; without one, the forms are asked first.
    const list = cache.get(q.locationId)?.forms ?? (await forms(q.locationId, false)).forms;
    if (list.length === 0) {
      throw new AppError('NOT_FOUND', 'This location has no online booking form in Altegio.', { reason: 'noForm' });
    }
    const form = q.formId === undefined ? preferredForm(list) : list.find((f) => f.id === q.formId);
    if (!form) {
      throw new AppError('NOT_FOUND', 'That booking form is no longer listed in Altegio.', { reason: 'formGone' });
    }
    const location = deps.location(q.locationId);
    const place = location?.title ?? '';
    const phones = location?.phones ?? [];
    const phone = phones[0] ? formatPhone(phones[0], phoneCountry(phones)) : null;
    const locale = q.locale ?? ctx.settings.get(LOCALE_SETTING, 'en');
    const html = await renderBookingPosterHtml({ format: q.format, place, url: form.url, phone, locale });
    const labels = posterLabels(tipLanguage(locale));
    return { html, name: `${q.format === 'a4' ? labels.poster : labels.slip} ${place}`.trim() };
  }

  return {
    handlers: {
      'booking.forms': ({ locationId, refresh }) => forms(locationId, refresh ?? false),
      'booking.posterHtml': async (q) => ({ html: (await document(q)).html }),
      'booking.printPoster': async (q) => {
        const { html } = await document(q);
        const printer = ctx.settings.get<string | null>(PRINTER_SETTING, null) ?? undefined;
        return { printed: await deps.print.print(html, { paper: PAPER[q.format], printer, silent: false }) };
      },
      'booking.savePosterPdf': async (q) => {
        const { html, name } = await document(q);
        return {
          path: await deps.print.savePdf(html, { paper: PAPER[q.format], suggestedName: `${safeFileName(name)}.pdf` }),
        };
      },
    },
  };
}
