import type { DemoRequest } from '../state';
import type { DemoLocation } from '../types';

/**
 * `bookforms` of GET /company/{id}, only when showBookforms=1 is asked, as the description defines it:
 * id, title, is_default as a number (0/1), url.
 */
export function bookformsWire(req: DemoRequest, l: DemoLocation) {
  if (req.url.searchParams.get('showBookforms') !== '1') return {};
  return {
    bookforms: (l.bookforms ?? []).map((f) => ({
      id: f.id,
      title: f.title,
      is_default: f.isDefault ? 1 : 0,
      url: f.url,
    })),
  };
}
