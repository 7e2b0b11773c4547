import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TipCardQuery, TipFormat } from '../../../shared/domain/today';
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../../print/file-name';
import type { PrintPaper, PrintPort } from '../../print/port';
import { renderTipCardsHtml, tipLabels, tipLanguage, type TipCardMember } from '../../print/tips-card';
import { LOCALE_SETTING } from '../catalog';
import type { AppContext, Domain } from '../context';
import { PRINTER_SETTING } from '../reports';
import { TodayService, type TodayDeps } from './today-service';

export interface TodayDomainDeps extends TodayDeps {
  /** The member's cached photo, relative to the media folder (null without one). */
  photoFile(locationId: number, staffId: number): string | null;
  print: PrintPort;
}

export type TodayDomain = Domain<'today.get' | 'tips.setEnabled' | 'tips.html' | 'tips.print' | 'tips.savePdf'> & {
  service: TodayService;
};

/** A single card goes out on A6 (Electron's pageSize 'A6'), the team's sheet on A4, a receipt on the roll. */
const PAPER: Record<TipFormat, PrintPaper> = { a6: 'a6', sheet: 'a4', receipt80: 'receipt80' };

const MIME: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };

/** The Today screen and the tip cards. */
export function createTodayDomain(ctx: AppContext, deps: TodayDomainDeps): TodayDomain {
  const service = new TodayService(ctx, deps);

  async function photo(locationId: number, staffId: number): Promise<string | null> {
    const rel = deps.photoFile(locationId, staffId);
    if (!rel) return null;
    try {
      const bytes = await readFile(join(ctx.paths.media, rel));
      const type = MIME[rel.slice(rel.lastIndexOf('.')).toLowerCase()] ?? 'image/jpeg';
      return `data:${type};base64,${bytes.toString('base64')}`;
    } catch {
      return null; // a card without the photo still does its job
    }
  }

  async function document(q: TipCardQuery & { locale?: string | undefined }) {
    const all = await service.tipsFor(q.locationId);
    const chosen =
      q.format === 'sheet' ? all.filter((t) => t.enabled && t.link) : all.filter((t) => t.staffId === q.staffId);
    if (chosen.length === 0) {
      throw new AppError(
        'NOT_FOUND',
        q.format === 'sheet'
          ? 'Nobody at this location has tips switched on.'
          : 'This team member has no tip settings in Altegio.',
      );
    }
    if (chosen.some((t) => !t.link)) throw new AppError('NOT_FOUND', 'Altegio gave no tip link for this team member.');
    const members: TipCardMember[] = await Promise.all(
      chosen.map(async (t) => ({ ...t, photo: await photo(q.locationId, t.staffId) })),
    );
    const place = deps.location(q.locationId)?.title ?? '';
    const locale = q.locale ?? ctx.settings.get(LOCALE_SETTING, 'en');
    const html = await renderTipCardsHtml(members, { format: q.format, place, locale });
    const words = tipLabels(tipLanguage(locale));
    const name = q.format === 'sheet' ? `${words.cards} ${place}` : `${words.card} ${members[0]!.name}`;
    return { html, name };
  }

  return {
    service,
    handlers: {
      'today.get': ({ locationId, refresh, peek, parts }) =>
        service.get(locationId, refresh ?? false, peek ?? false, parts),
      'tips.setEnabled': ({ locationId, settingsId, enabled }) =>
        service.setTipsEnabled(locationId, settingsId, enabled),
      'tips.html': async (q) => ({ html: (await document(q)).html }),
      'tips.print': async (q) => {
        const { html } = await document(q);
        const printer = ctx.settings.get<string | null>(PRINTER_SETTING, null) ?? undefined;
        return { printed: await deps.print.print(html, { paper: PAPER[q.format], printer, silent: false }) };
      },
      'tips.savePdf': async (q) => {
        const { html, name } = await document(q);
        return {
          path: await deps.print.savePdf(html, { paper: PAPER[q.format], suggestedName: `${safeFileName(name)}.pdf` }),
        };
      },
    },
  };
}

export { FRESH_MS, MIN_REFRESH_MS, TodayService, type TodayDeps, type TodayLocation } from './today-service';
