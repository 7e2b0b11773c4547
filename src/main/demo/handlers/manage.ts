import { fail, invalid, ok, type DemoResponse } from '../responses';
import { locationOf, type DemoRequest, type DemoState } from '../state';
import type { DemoLocation, DemoService, DemoUser } from '../types';
import { serviceWire } from '../wire';

/**
 * Manager mode's writes and the rights that allow them. Bodies are the description's own
 * (`service_categories_companyid_*`, `services_companyid_*`, `user_permissions_response_data_types`);
 * a receptionist gets the 403 Altegio gives a user whose role lacks the Services settings.
 */

const isManager = (u: DemoUser | null) => u !== null && (u.role ?? 'manager') === 'manager';
/** Altegio's `services_edit` alone: a service editor changes services, and creates or removes nothing. */
const mayEditServices = (u: DemoUser | null) => isManager(u) || u?.role === 'editor';

/** GET /user/permissions/{location_id}: only the `settings` section the desk reads, all documented fields. */
export function getUserPermissions(req: DemoRequest, state: DemoState): DemoResponse {
  locationOf(req, state, req.params[0]);
  const yes = isManager(req.auth.user);
  const edits = mayEditServices(req.auth.user);
  return ok({
    settings: {
      settings_access: edits,
      settings_basis_access: yes,
      settings_information_access: yes,
      settings_services_access: edits,
      settings_services_create_access: yes,
      services_edit: edits,
      settings_services_relation_category_access: yes,
      settings_services_edit_image_access: yes,
      services_delete: yes,
    },
  });
}

async function jsonBody(req: DemoRequest): Promise<Record<string, unknown>> {
  try {
    const v: unknown = await (await req.request()).json();
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const nextId = (l: DemoLocation) => Math.max(0, ...l.categories.map((c) => c.id), ...l.services.map((s) => s.id)) + 1;
const staffIds = (l: DemoLocation) => new Set(l.staff.map((m) => m.id));

/** POST /service_categories/{location_id} → 201 with the created category. */
export async function postServiceCategory(req: DemoRequest, state: DemoState): Promise<DemoResponse> {
  const l = locationOf(req, state, req.params[0]);
  if (!isManager(req.auth.user)) return fail(403, 'Not enough rights');
  const b = await jsonBody(req);
  const title = str(b['title']).trim();
  if (!title) return invalid('An error has occurred.', { title: ['The title field is required.'] });
  const known = staffIds(l);
  const staff = Array.isArray(b['staff']) ? b['staff'].filter((x): x is number => typeof x === 'number') : [];
  if (staff.some((x) => !known.has(x))) return fail(404, 'Team member not found.');
  const c = {
    id: nextId(l),
    title,
    weight: typeof b['weight'] === 'number' ? b['weight'] : 0,
    staffIds: staff,
    apiId: str(b['api_id']),
  };
  l.categories.push(c);
  return ok(
    { id: c.id, salon_service_id: c.id + 1_000, title: c.title, api_id: c.apiId, weight: c.weight, staff: c.staffIds },
    [],
    201,
  );
}

/** POST /services/{location_id} → 201 with the created service and its members' durations. */
export async function postService(req: DemoRequest, state: DemoState): Promise<DemoResponse> {
  const l = locationOf(req, state, req.params[0]);
  if (!isManager(req.auth.user)) return fail(403, 'Not enough rights');
  const b = await jsonBody(req);
  const errors: Record<string, string[]> = {};
  const title = str(b['title']).trim();
  if (!title) errors['title'] = ['The title field is required.'];
  const brk = b['technical_break_duration'];
  if (brk !== undefined && brk !== null && (typeof brk !== 'number' || brk < 0 || brk > 3600 || brk % 300 !== 0))
    errors['technical_break_duration'] = ['The technical break must be a multiple of 300 seconds up to 3600.'];
  if (Object.keys(errors).length > 0) return invalid('An error has occurred.', errors);
  const categoryId = Number(b['category_id']);
  if (!l.categories.some((c) => c.id === categoryId)) return fail(404, 'Category not found.');
  const known = staffIds(l);
  const duration = typeof b['duration'] === 'number' ? b['duration'] : 3600;
  const staff = (Array.isArray(b['staff']) ? b['staff'] : []).map((x) => {
    const o = (x ?? {}) as Record<string, unknown>;
    return {
      id: Number(o['id']),
      seanceLength: typeof o['seance_length'] === 'number' ? o['seance_length'] : duration,
    };
  });
  if (staff.some((x) => !known.has(x.id))) return fail(404, 'Team member not found.');
  const s: DemoService = {
    id: nextId(l),
    categoryId,
    title,
    priceMin: typeof b['price_min'] === 'number' ? b['price_min'] : 0,
    priceMax: typeof b['price_max'] === 'number' ? b['price_max'] : 0,
    duration,
    weight: typeof b['weight'] === 'number' ? b['weight'] : 0,
    active: b['active'] !== 0,
    comment: str(b['comment']),
    staff,
    apiId: str(b['api_id']),
    technicalBreak: typeof brk === 'number' ? brk : null,
  };
  l.services.push(s);
  // The created answer documents no booking_title (the list does).
  const { booking_title: _b, ...wire } = serviceWire(s, false);
  return ok({ ...wire, staff: s.staff.map((x) => ({ id: x.id, seance_length: x.seanceLength })) }, [], 201);
}

const serviceOf = (l: DemoLocation, id: string | undefined) => l.services.find((s) => s.id === Number(id));
const numberOr = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/**
 * The fields of a PUT or PATCH body laid over the demo's service. PUT replaces the staff links with the
 * array it is sent (altegio-api.md §4); a field the body leaves out is left as it is.
 */
function applyServiceBody(
  l: DemoLocation,
  s: DemoService,
  b: Record<string, unknown>,
): { errors: Record<string, string[]>; notFound: string | null } {
  const errors: Record<string, string[]> = {};
  if (b['title'] !== undefined && !str(b['title']).trim()) errors['title'] = ['The title field is required.'];
  const brk = b['technical_break_duration'];
  if (brk !== undefined && brk !== null && (typeof brk !== 'number' || brk < 0 || brk > 3600 || brk % 300 !== 0))
    errors['technical_break_duration'] = ['The technical break must be a multiple of 300 seconds up to 3600.'];
  if (Object.keys(errors).length) return { errors, notFound: null };
  const categoryId = b['category_id'] === undefined ? s.categoryId : Number(b['category_id']);
  if (!l.categories.some((c) => c.id === categoryId)) return { errors, notFound: 'Category not found.' };
  const known = staffIds(l);
  const staff = Array.isArray(b['staff'])
    ? b['staff'].map((x) => {
        const o = (x ?? {}) as Record<string, unknown>;
        const was = s.staff.find((m) => m.id === Number(o['id']));
        return {
          ...was,
          id: Number(o['id']),
          seanceLength: numberOr(o['seance_length'], numberOr(b['duration'], s.duration)),
        };
      })
    : s.staff;
  if (staff.some((x) => !known.has(x.id))) return { errors, notFound: 'Team member not found.' };
  Object.assign(s, {
    categoryId,
    title: b['title'] === undefined ? s.title : str(b['title']).trim(),
    priceMin: numberOr(b['price_min'], s.priceMin),
    priceMax: numberOr(b['price_max'], s.priceMax),
    duration: numberOr(b['duration'], s.duration),
    weight: numberOr(b['weight'], s.weight),
    active: b['active'] === undefined ? s.active : b['active'] !== 0,
    comment: b['comment'] === undefined ? s.comment : str(b['comment']),
    apiId: b['api_id'] === undefined ? s.apiId : str(b['api_id']),
    technicalBreak: brk === undefined ? s.technicalBreak : (brk as number | null),
    staff,
  });
  return { errors, notFound: null };
}

async function updateService(req: DemoRequest, state: DemoState, partial: boolean): Promise<DemoResponse> {
  const l = locationOf(req, state, req.params[0]);
  if (!mayEditServices(req.auth.user)) return fail(403, 'Not enough rights');
  const s = serviceOf(l, req.params[1]);
  if (!s) return fail(404, 'Service not found.');
  const b = await jsonBody(req);
  const { errors, notFound } = applyServiceBody(l, s, b);
  if (Object.keys(errors).length) return invalid('An error has occurred.', errors);
  if (notFound) return fail(404, notFound);
  // PATCH answers the service (services_change_companyid_response_data_types). PUT's 200 schema documents
  // only `success`; the operation's own example (under 201) is the usual envelope with the service, which is
  // what it sends, without the fields only the list documents.
  if (!partial) {
    const { booking_title: _b, is_online: _o, image_group: _i, ...put } = serviceWire(s, true);
    return ok({ ...put, staff: s.staff.map((x) => ({ id: x.id, seance_length: x.seanceLength })) });
  }
  const wire = serviceWire(s, true);
  // Its staff items document no price.
  return ok({ ...wire, staff: s.staff.map((x) => ({ id: x.id, seance_length: x.seanceLength })) });
}

/** PUT /services/{location_id}/{service_id} → 200. */
export const putService = (req: DemoRequest, state: DemoState) => updateService(req, state, false);
/** PATCH /services/{location_id}/{service_id} → 200 with the service. */
export const patchService = (req: DemoRequest, state: DemoState) => updateService(req, state, true);

/** DELETE /services/{location_id}/{service_id} → 204, no body; gone from the demo's lists. */
export function deleteService(req: DemoRequest, state: DemoState): DemoResponse {
  const l = locationOf(req, state, req.params[0]);
  if (!isManager(req.auth.user)) return fail(403, 'Not enough rights');
  const s = serviceOf(l, req.params[1]);
  if (!s) return fail(404, 'Service not found.');
  l.services = l.services.filter((x) => x !== s);
  return { status: 204 };
}
