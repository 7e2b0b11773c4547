import { fail, ok, type DemoResponse } from '../responses';
import { locationOf, queryNumber, type DemoRequest, type DemoState } from '../state';
import type { DemoLocation } from '../types';
import { serviceWire } from '../wire';

function filtered(req: DemoRequest, l: DemoLocation) {
  const staffId = queryNumber(req, 'staff_id', 'team_member_id');
  const categoryId = queryNumber(req, 'category_id');
  return l.services.filter(
    (s) =>
      (staffId === undefined || s.staff.some((x) => x.id === staffId)) &&
      (categoryId === undefined || s.categoryId === categoryId),
  );
}

/** GET /company/{id}/services[/{sid}]: the current list, with staff links and meta.total_count. */
export function getCompanyServices(req: DemoRequest, state: DemoState): DemoResponse {
  const l = locationOf(req, state, req.params[0]);
  if (req.params[1] !== undefined) {
    const s = l.services.find((x) => x.id === Number(req.params[1]));
    return s ? ok(serviceWire(s, true, req.origin)) : fail(404, 'Service not found.');
  }
  const list = filtered(req, l);
  return ok(
    list.map((s) => serviceWire(s, true, req.origin)),
    { total_count: list.length },
  );
}

/** GET /services/{id}[/{sid}]: the legacy list, shaped like the documented example (no staff, meta []). */
export function getLegacyServices(req: DemoRequest, state: DemoState): DemoResponse {
  const l = locationOf(req, state, req.params[0]);
  if (req.params[1] !== undefined) {
    const s = l.services.find((x) => x.id === Number(req.params[1]));
    return s ? ok(serviceWire(s, true, req.origin)) : fail(404, 'Service not found.');
  }
  return ok(filtered(req, l).map((s) => serviceWire(s, false)));
}

/** GET /company/{id}/service_categories/{category_id?} (and its deprecated twin): the list, or the one asked for. */
export function getServiceCategories(req: DemoRequest, state: DemoState): DemoResponse {
  const l = locationOf(req, state, req.params[0]);
  const only = req.params[1] ? Number(req.params[1]) : null;
  const list = l.categories
    .filter((c) => only === null || c.id === only)
    .map((c) => ({
      id: c.id,
      salon_service_id: c.id + 1_000,
      title: c.title,
      api_id: c.apiId ?? '',
      weight: c.weight,
      staff: c.staffIds,
    }));
  return ok(list, { total_count: list.length });
}
