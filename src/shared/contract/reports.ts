import { z } from 'zod';
import type { DayReport, PrintersView } from '../domain/reports';
import { channel } from './define';
import { id, isoDate, none, paper } from './schemas';

const reportQuery = z.object({ locationId: id, date: isoDate.optional(), staffId: id.optional() }).strict();
const printable = reportQuery.extend({ paper, locale: z.string().max(20).optional() }).strict();

export const reportChannels = {
  'reports.dayEnd': channel(reportQuery).returns<DayReport>(),
  /** The exact HTML document that print and PDF use, for the on-screen preview. */
  'reports.html': channel(printable).returns<{ html: string; report: DayReport }>(),
  'reports.print': channel(
    printable.extend({ printer: z.string().max(300).optional(), silent: z.boolean().optional() }).strict(),
  ).returns<{ printed: boolean }>(),
  'reports.savePdf': channel(printable).returns<{ path: string | null }>(),
  'reports.printers': channel(none).returns<PrintersView>(),
};
