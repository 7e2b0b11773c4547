import type { NewCategoryBody, NewServiceBody, ServiceCopy, ServiceUpdateBody } from '../../altegio/manage-types';
import type { ServiceFields } from '../../../shared/domain/service-edit';
import type { NewCategoryInput, NewServiceInput } from '../../../shared/domain/manage';

/** What the outbox keeps of a form: the desk's own input (a pending category is resolved at send time). */
export type StoredCategory = Omit<NewCategoryInput, 'locationId'>;
export type StoredService = Omit<NewServiceInput, 'locationId'>;

/** service_categories_companyid_request_data_types, exactly. */
export function categoryBody(c: StoredCategory, apiId: string): NewCategoryBody {
  return {
    title: c.title.trim(),
    api_id: apiId,
    ...(c.weight === undefined ? {} : { weight: c.weight }),
    staff: [...c.staffIds],
  };
}

/** services_companyid_request_data_types, exactly: durations and the break in seconds. */
export function serviceBody(s: StoredService, categoryId: number, apiId: string): NewServiceBody {
  return {
    title: s.title.trim(),
    category_id: categoryId,
    price_min: s.priceMin,
    price_max: s.priceMax,
    duration: s.durationMin * 60,
    technical_break_duration: s.breakMin === null ? null : s.breakMin * 60,
    comment: s.comment.trim(),
    active: s.bookableOnline ? 1 : 0,
    api_id: apiId,
    staff: s.staff.map((m) => ({ id: m.staffId, seance_length: m.durationMin * 60 })),
  };
}

const num = (v: unknown, fallback = 0): number => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : fallback;
};
const minutes = (sec: unknown) => Math.round(num(sec) / 60);

function linksOf(c: ServiceCopy): { id: number; seance_length: number }[] {
  const raw = Array.isArray(c['staff']) ? (c['staff'] as unknown[]) : [];
  return raw
    .map((x) => (x ?? {}) as Record<string, unknown>)
    .filter((x) => num(x['id']) > 0)
    .map((x) => ({ id: num(x['id']), seance_length: num(x['seance_length'], num(c['duration'], 3600)) }));
}

/** Altegio's copy as the edit form shows it (minutes). */
export function fieldsOf(c: ServiceCopy): ServiceFields {
  const brk = c['technical_break_duration'];
  return {
    title: typeof c['title'] === 'string' ? c['title'] : '',
    categoryId: num(c['category_id']),
    priceMin: num(c['price_min']),
    priceMax: num(c['price_max']),
    durationMin: minutes(c['duration'] ?? 3600),
    staff: linksOf(c).map((l) => ({ staffId: l.id, durationMin: minutes(l.seance_length) })),
    bookableOnline: num(c['active'], 1) === 1,
    breakMin: brk === null || brk === undefined ? null : minutes(brk),
    comment: typeof c['comment'] === 'string' ? c['comment'] : '',
  };
}

/**
 * The full PUT body from Altegio's fresh copy with only `changed` fields taken from `merged`: every other
 * field (discount, weight, api_id, the break, an untouched performer's exact seconds) goes back as read, so
 * nothing the desk does not show is wiped. The staff array is always sent whole: PUT replaces the links.
 */
export function updateBody(c: ServiceCopy, merged: ServiceFields, changed: readonly string[]): ServiceUpdateBody {
  const has = (f: string) => changed.includes(f);
  const links = linksOf(c);
  const staff = merged.staff.map((m) => {
    const was = links.find((l) => l.id === m.staffId);
    return was && !has(`staff:${m.staffId}`) ? was : { id: m.staffId, seance_length: m.durationMin * 60 };
  });
  const brk = c['technical_break_duration'];
  const body: ServiceUpdateBody = {
    title: has('title') ? merged.title.trim() : String(c['title'] ?? ''),
    category_id: has('category') ? merged.categoryId : num(c['category_id']),
    price_min: has('priceMin') ? merged.priceMin : num(c['price_min']),
    price_max: has('priceMax') ? merged.priceMax : num(c['price_max']),
    duration: has('duration') ? merged.durationMin * 60 : num(c['duration'], 3600),
    technical_break_duration: has('break')
      ? merged.breakMin === null
        ? null
        : merged.breakMin * 60
      : brk === null || brk === undefined
        ? null
        : num(brk),
    comment: has('comment') ? merged.comment.trim() : typeof c['comment'] === 'string' ? c['comment'] : '',
    active: (has('bookableOnline') ? merged.bookableOnline : num(c['active'], 1) === 1) ? 1 : 0,
    staff,
  };
  if (c['discount'] !== undefined) body.discount = num(c['discount']);
  if (c['weight'] !== undefined) body.weight = num(c['weight']);
  if (typeof c['api_id'] === 'string') body.api_id = c['api_id'];
  return body;
}
