import { z } from 'zod';
import type { OutboxItem, PhotoResult } from '../domain/photos';
import { channel } from './define';
import { bytes, id } from './schemas';

const crop = z
  .object({ left: z.number().int().min(0), top: z.number().int().min(0), size: z.number().int().min(1) })
  .strict();

export const photoChannels = {
  'staff.uploadPhoto': channel(
    z
      .object({
        locationId: id,
        staffId: id,
        bytes,
        fileName: z.string().min(1).max(255),
        crop: crop.optional(),
      })
      .strict(),
  ).returns<PhotoResult>(),
  'staff.removePhoto': channel(z.object({ locationId: id, staffId: id }).strict()).returns<PhotoResult>(),
  /** A service's photo (issue 22 §5): the same editor, outbox and guarantees as a team member's. */
  'service.uploadPhoto': channel(
    z
      .object({
        locationId: id,
        serviceId: id,
        bytes,
        fileName: z.string().min(1).max(255),
        crop: crop.optional(),
      })
      .strict(),
  ).returns<PhotoResult>(),
  'service.removePhoto': channel(z.object({ locationId: id, serviceId: id }).strict()).returns<PhotoResult>(),
  'outbox.list': channel(z.undefined().optional()).returns<OutboxItem[]>(),
  'outbox.cancel': channel(z.object({ id }).strict()).returns<null>(),
  'outbox.retry': channel(z.object({ id }).strict()).returns<null>(),
};
