import { z } from 'zod';
import { flag, id, label } from './lenient';
import type { BookingForm } from '../../shared/domain/booking';
import type { ApiRequest } from './transport';

type Get = <S extends z.ZodType>(schema: S, req: Omit<ApiRequest, 'method' | 'auth'>) => Promise<z.output<S>>;

export type Bookform = BookingForm;

/** Only an http(s) address goes on paper: a QR code that opens anything else would send a client nowhere. */
const webAddress = z
  .string()
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
    } catch {
      return false;
    }
  });

const bookformSchema = z.object({ id, title: label.catch(''), is_default: flag(false), url: webAddress });

/**
 * `bookforms` is present only when showBookforms=1 was asked; a location without any form may leave it out
 * or send `[]`. A form that cannot be read (no id, no usable address) is skipped, not the whole list.
 */
export const bookformsSchema = z
  .object({ bookforms: z.array(z.unknown()).optional().catch([]) })
  .transform((d): Bookform[] =>
    (d.bookforms ?? []).flatMap((raw) => {
      const f = bookformSchema.safeParse(raw);
      return f.success ? [{ id: f.data.id, title: f.data.title, isDefault: f.data.is_default, url: f.data.url }] : [];
    }),
  );

export interface BookformMethods {
  /** GET /company/{id}?showBookforms=1 → the location's online booking forms (none: []). */
  bookforms(locationId: number): Promise<Bookform[]>;
}

export function bookformMethods(get: Get): BookformMethods {
  return {
    bookforms: (locationId) =>
      get(bookformsSchema, {
        endpoint: 'GET /company/{id}',
        path: `/company/${locationId}`,
        query: { showBookforms: 1 },
      }),
  };
}
