import { z } from 'zod';
import { DESCRIPTION_MAX, LOCATION_FIELDS, TEXT_MAX, type LocationCard, type LocationItem } from '../domain/location';
import { channel } from './define';
import { id, locationRef } from './schemas';

const value = z.union([z.string().max(DESCRIPTION_MAX), z.array(z.string().max(40)).max(10)]);
const fields = z
  .object({
    title: z.string().max(TEXT_MAX * 4),
    address: z.string().max(TEXT_MAX * 4),
    zip: z.string().max(TEXT_MAX * 4),
    city: z.string().max(TEXT_MAX * 4),
    phones: z.array(z.string().max(40)).max(10),
    site: z.string().max(TEXT_MAX * 4),
    shortDescr: z.string().max(TEXT_MAX * 4),
    description: z.string().max(DESCRIPTION_MAX * 4),
    social: z.object({
      instagram: z.string().max(TEXT_MAX * 4),
      facebook: z.string().max(TEXT_MAX * 4),
      telegram: z.string().max(TEXT_MAX * 4),
      whatsapp: z.string().max(TEXT_MAX * 4),
      viber: z.string().max(TEXT_MAX * 4),
      vk: z.string().max(TEXT_MAX * 4),
    }),
  })
  .strict();
const changes = z.partialRecord(z.enum(LOCATION_FIELDS as [string, ...string[]]), value);

export const locationChannels = {
  /** Altegio's copy of the card (read fresh when online, else the last copy read here), rights, waiting edit. */
  'location.card': channel(locationRef).returns<LocationCard>(),
  /** Queues an edit (`base`: the copy the form opened with) and tries it at once. */
  'location.update': channel(z.object({ locationId: id, base: fields, changes }).strict()).returns<LocationItem>(),
  /** After a conflict: "send mine" (re-based on Altegio's copy) or "keep Altegio's" (dropped); or send again. */
  'location.resolve': channel(
    z.object({ id, keep: z.enum(['mine', 'theirs']) }).strict(),
  ).returns<LocationItem | null>(),
  /**
   * Altegio's own phone check (GET /validation/validate_phone). `valid: null` when Altegio could not be
   * asked: the desk's local check then decides alone.
   */
  'phone.validate': channel(z.object({ phone: z.string().min(1).max(40) }).strict()).returns<{
    valid: boolean | null;
  }>(),
};
