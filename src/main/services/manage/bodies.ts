import type { NewCategoryBody, NewServiceBody } from '../../altegio/manage-types';
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
