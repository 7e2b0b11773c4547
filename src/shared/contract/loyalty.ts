import { z } from 'zod';
import { LOYALTY_PERIOD_KINDS, type LoyaltyView, type MemberHistory } from '../domain/loyalty';
import { channel } from './define';
import { id, isoDate } from './schemas';

const monthPage = z
  .object({ locationId: id, month: z.enum(['month', 'lastMonth']), locale: z.string().max(20).optional() })
  .strict();

export const loyaltyChannels = {
  /**
   * "Who comes back" for one location and period (with the period before it). Reads the desk's copy;
   * asks Altegio only for answers older than their freshness (`refresh`: older than half a minute).
   * `from`/`to` only with `period: 'custom'`; `programIds` absent or empty: every promotion.
   */
  'loyalty.get': channel(
    z
      .object({
        locationId: id,
        period: z.enum(LOYALTY_PERIOD_KINDS),
        from: isoDate.optional(),
        to: isoDate.optional(),
        programIds: z.array(id).max(100).optional(),
        refresh: z.boolean().optional(),
      })
      .strict()
      .refine(
        (a) => a.period !== 'custom' || (a.from !== undefined && a.to !== undefined),
        'choose the first and the last day',
      ),
  ).returns<LoyaltyView>(),
  /** "Month at a glance" on one A4 page (takings from the desk's day reports, visits, who comes back), for the preview. */
  'loyalty.monthHtml': channel(monthPage).returns<{ html: string }>(),
  'loyalty.printMonth': channel(monthPage).returns<{ printed: boolean }>(),
  'loyalty.saveMonthPdf': channel(monthPage).returns<{ path: string | null }>(),
  /** One member's clients over the last months (this month so far included), oldest first. */
  'loyalty.member': channel(
    z
      .object({
        locationId: id,
        staffId: id,
        programIds: z.array(id).max(100).optional(),
        months: z.number().int().min(1).max(12).optional(),
      })
      .strict(),
  ).returns<MemberHistory>(),
};
