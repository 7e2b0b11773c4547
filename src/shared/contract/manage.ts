import { z } from 'zod';
import type { ManageItem, ManageRights } from '../domain/manage';
import { channel } from './define';
import { id, locationRef } from './schemas';

/** Shapes only: the sentence-level rules are checkNewCategory / checkNewService (shared with the form). */
const minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
const money = z.number().finite().min(0).max(1e9);

export const manageChannels = {
  /** What the signed-in person may change here: asked of Altegio when online, else the last answer. */
  'manage.rights': channel(locationRef).returns<ManageRights>(),
  /** Changes queued or sent from this desk at the location, not yet brought in by a sync. */
  'manage.list': channel(locationRef).returns<ManageItem[]>(),
  'manage.createCategory': channel(
    z
      .object({
        locationId: id,
        title: z.string().max(1000),
        weight: z.number().int().min(0).max(1e6).optional(),
        staffIds: z.array(id).max(500),
      })
      .strict(),
  ).returns<ManageItem>(),
  'manage.createService': channel(
    z
      .object({
        locationId: id,
        title: z.string().max(1000),
        categoryId: id.optional(),
        pendingCategoryId: id.optional(),
        priceMin: money,
        priceMax: money,
        durationMin: minutes,
        staff: z.array(z.object({ staffId: id, durationMin: minutes }).strict()).max(500),
        bookableOnline: z.boolean(),
        breakMin: minutes.nullable(),
        comment: z.string().max(5000),
      })
      .strict(),
  ).returns<ManageItem>(),
  /** Sends a waiting change again; after a 403, the person retrying (who has the rights) becomes its owner. */
  'manage.retry': channel(z.object({ id }).strict()).returns<ManageItem>(),
  'manage.cancel': channel(z.object({ id }).strict()).returns<null>(),
};
