import { z } from 'zod';
import { MAX_PIECES, type CashupHistoryRow, type CashupView } from '../domain/cashup';
import { channel } from './define';
import { id, isoDate, paper } from './schemas';

/** Money in milli (integer thousandths of the currency unit), see domain/cashup.ts. */
const milli = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const title = z.string().max(200);

export const cashupInput = z
  .object({
    countCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable(),
    cashAccount: title.nullable(),
    openingFloat: milli.min(0),
    // Keys are checked against the chosen currency's notes and coins by the service; a count never
    // names more denominations than a currency has (EUR has 15, the most).
    pieces: z
      .record(z.string().max(40), z.number().int().min(0).max(MAX_PIECES))
      .refine((p) => Object.keys(p).length <= 40, 'too many notes and coins'),
    cashTyped: milli.min(0).nullable(),
    typed: z.record(title, milli.nullable()).refine((p) => Object.keys(p).length <= 200, 'too many accounts'),
    movements: z
      .array(z.object({ kind: z.enum(['in', 'out']), amount: milli.min(0), reason: z.string().max(200) }).strict())
      .max(200),
    note: z.string().max(4000),
  })
  .strict();

const day = z.object({ locationId: id, date: isoDate }).strict();
const printable = day.extend({ paper, locale: z.string().max(20).optional() }).strict();
const version = z.number().int().positive();

export const cashupChannels = {
  /** The day's cash-up: the newest version, or a new draft from the Z report when there is none. */
  'cashup.open': channel(z.object({ locationId: id, date: isoDate.optional() }).strict()).returns<CashupView>(),
  /** Saves the draft's count as the receptionist types (the renderer debounces). */
  'cashup.save': channel(day.extend({ version, input: cashupInput }).strict()).returns<CashupView>(),
  /** A new draft version after a locked one; the reason is printed and kept. */
  'cashup.correct': channel(day.extend({ reason: z.string().trim().min(3).max(500) }).strict()).returns<CashupView>(),
  /** The difference (either way) above which a note is required, for the location. */
  'cashup.setThreshold': channel(day.extend({ threshold: milli.min(0) }).strict()).returns<CashupView>(),
  /** The printable document of a version (the newest when absent), for the preview. */
  'cashup.html': channel(printable.extend({ version: version.optional() }).strict()).returns<{ html: string }>(),
  /** Prints the newest version; a draft that is printed is locked. */
  'cashup.print': channel(
    printable.extend({ printer: z.string().max(300).optional(), silent: z.boolean().optional() }).strict(),
  ).returns<{ printed: boolean; view: CashupView }>(),
  /** Saves the newest version as PDF; a draft that is saved is locked. */
  'cashup.savePdf': channel(printable).returns<{ path: string | null; view: CashupView }>(),
  /** The last 30 days counted at the location, newest first. */
  'cashup.history': channel(z.object({ locationId: id }).strict()).returns<{
    rows: CashupHistoryRow[];
    currency: string;
    /** The location's zone (null before its first cash-up): money on screen follows its country's conventions. */
    timezoneName: string | null;
  }>(),
  /** Every version of every day in the range as CSV text, for the renderer to download. */
  'cashup.exportCsv': channel(z.object({ locationId: id, from: isoDate, to: isoDate }).strict()).returns<{
    csv: string;
    fileName: string;
  }>(),
};
