import type { ErrorBody } from '../errors';

/** One of the location's online booking forms (Altegio's "bookform": a widget with its own address). */
export interface BookingForm {
  id: number;
  title: string;
  isDefault: boolean;
  /** Where a client books: always http(s). */
  url: string;
}

/** The poster on a sheet of A4 for the wall or the window, or a slip from the 80 mm receipt roll to hand out. */
export const POSTER_FORMATS = ['a4', 'receipt80'] as const;
export type PosterFormat = (typeof POSTER_FORMATS)[number];

/** What the "Online booking" card shows: the forms as last fetched, with their age. */
export interface BookingFormsView {
  locationId: number;
  forms: BookingForm[];
  /** The form a poster uses unless someone picks another: the location's default, else the first; null without forms. */
  preferredId: number | null;
  /** ISO time of the fetch the forms come from. */
  fetchedAt: string;
  /** True when the copy is shown because Altegio could not be asked just now (offline or a failure). */
  stale: boolean;
  /** Why the copy could not be refreshed, when it could not. */
  error: ErrorBody | null;
}

/** The default form, else the first one: what a client would meet from the location's own booking button. */
export function preferredForm<F extends Pick<BookingForm, 'isDefault'>>(forms: readonly F[]): F | null {
  return forms.find((f) => f.isDefault) ?? forms[0] ?? null;
}
