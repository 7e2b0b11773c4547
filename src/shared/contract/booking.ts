import { z } from 'zod';
import { POSTER_FORMATS, type BookingFormsView } from '../domain/booking';
import { channel } from './define';
import { id } from './schemas';

const poster = z
  .object({
    locationId: id,
    /** The form to print; the location's preferred one when absent. */
    formId: id.optional(),
    format: z.enum(POSTER_FORMATS),
    locale: z.string().max(20).optional(),
  })
  .strict();

export const bookingChannels = {
  /**
   * The location's online booking forms: the desk's copy, asked again of Altegio when it is older than an
   * hour or with `refresh` (online only). Offline, the copy with its age.
   */
  'booking.forms': channel(
    z.object({ locationId: id, refresh: z.boolean().optional() }).strict(),
  ).returns<BookingFormsView>(),
  /** The booking poster (A4) or slip (80 mm) as the HTML document print and PDF use, for the preview. */
  'booking.posterHtml': channel(poster).returns<{ html: string }>(),
  'booking.printPoster': channel(poster).returns<{ printed: boolean }>(),
  'booking.savePosterPdf': channel(poster).returns<{ path: string | null }>(),
};
