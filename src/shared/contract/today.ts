import { z } from 'zod';
import { TODAY_PARTS, type TipInfo, type TodayView } from '../domain/today';
import { channel } from './define';
import { id } from './schemas';

const tipFormat = z.enum(['a6', 'receipt80', 'sheet']);
const tipCard = z
  .object({ locationId: id, staffId: id.optional(), format: tipFormat, locale: z.string().max(20).optional() })
  .strict()
  .refine((q) => q.format === 'sheet' || q.staffId !== undefined, 'a single card needs staffId');

export const todayChannels = {
  /**
   * The Today screen for one location. Reads the desk's copy; asks Altegio only for parts older
   * than a few minutes (or with `refresh`, older than half a minute), never more. `peek`: copies only,
   * no request (the open screen's minute tick, to move "now / next" along the location's clock).
   */
  'today.get': channel(
    z
      .object({
        locationId: id,
        refresh: z.boolean().optional(),
        peek: z.boolean().optional(),
        /** Only these parts are asked of Altegio; the rest come from the copies (first paint part by part). */
        parts: z.array(z.enum(TODAY_PARTS)).min(1).max(TODAY_PARTS.length).optional(),
      })
      .strict(),
  ).returns<TodayView>(),
  /** A manager switches one member's tips on or off (POST /tips/{id}/settings/{sid}/enable|disable). */
  'tips.setEnabled': channel(z.object({ locationId: id, settingsId: id, enabled: z.boolean() }).strict()).returns<
    TipInfo[]
  >(),
  /** The tip card / sheet as the HTML document print and PDF use, for the preview. */
  'tips.html': channel(tipCard).returns<{ html: string }>(),
  'tips.print': channel(tipCard).returns<{ printed: boolean }>(),
  'tips.savePdf': channel(tipCard).returns<{ path: string | null }>(),
};
