import { z } from 'zod';
import type { ManageRights } from '../domain/manage';
import { ManageItem } from '../domain/manage-item';
import type { ServiceFields } from '../domain/service-edit';
import { channel } from './define';
import { id, locationRef } from './schemas';

/** Shapes only: the sentence-level rules are checkNewCategory / checkNewService (shared with the form). */
const minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
const money = z.number().finite().min(0).max(1e9);

const serviceFields = z
  .object({
    title: z.string().max(1000),
    categoryId: id,
    priceMin: money,
    priceMax: money,
    durationMin: minutes,
    staff: z.array(z.object({ staffId: id, durationMin: minutes }).strict()).max(500),
    bookableOnline: z.boolean(),
    breakMin: minutes.nullable(),
    comment: z.string().max(5000),
  })
  .strict();

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
  /** Altegio's copy of a service for the edit form (its base); offline, the catalogue's (source 'cache'). */
  'manage.openService': channel(z.object({ locationId: id, serviceId: id }).strict()).returns<{
    fields: ServiceFields;
    source: 'altegio' | 'cache';
    /** False: the catalogue's copy does not know the technical break; the form keeps it as it is. */
    breakKnown: boolean;
  }>(),
  /** Queues an edit: only the fields where `mine` differs from `base` are the change (read-merge-write). */
  'manage.updateService': channel(
    z.object({ locationId: id, serviceId: id, base: serviceFields, mine: serviceFields }).strict(),
  ).returns<ManageItem>(),
  /** Queues the removal of a service (DELETE /services/{location_id}/{service_id}). */
  'manage.retireService': channel(
    z.object({ locationId: id, serviceId: id, title: z.string().min(1).max(1000) }).strict(),
  ).returns<ManageItem>(),
  /** A held edit: 'mine' re-bases it on Altegio's newer copy and sends it; 'theirs' drops it. */
  'manage.resolveConflict': channel(
    z.object({ id, choice: z.enum(['mine', 'theirs']) }).strict(),
  ).returns<ManageItem | null>(),
  /** Sends a waiting change again; after a 403, the person retrying (who has the rights) becomes its owner. */
  'manage.retry': channel(z.object({ id }).strict()).returns<ManageItem>(),
  'manage.cancel': channel(z.object({ id }).strict()).returns<null>(),
};
