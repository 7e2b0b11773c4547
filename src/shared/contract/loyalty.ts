import { z } from 'zod';
import { LOYALTY_PERIOD_KINDS, type LoyaltyView } from '../domain/loyalty';
import { channel } from './define';
import { id, isoDate } from './schemas';

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
};
