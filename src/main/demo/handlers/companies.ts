import { AUTH_NEEDED, fail, ok, type DemoResponse } from '../responses';
import { locationOf, type DemoRequest, type DemoState } from '../state';
import { companyItemWire, companyWire } from '../wire';
import { bookformsWire } from './bookforms';
import { nextSlotWire } from './today-schedule';

/** GET /companies — with my=1 only the user's locations (needs the user token). */
export function getCompanies(req: DemoRequest, state: DemoState): DemoResponse {
  const my = req.url.searchParams.get('my') === '1';
  if (my && !req.auth.user) return fail(401, AUTH_NEEDED);
  const allowed = my ? req.auth.user?.locationIds : undefined;
  const list = state.dataset.locations.filter((l) => !allowed || allowed.includes(l.company.id));
  return ok(list.map((l) => companyWire(l.company, l)));
}

/** GET /company/{id}: its own error bodies (errors{code,message} + meta.message). */
export function getCompany(req: DemoRequest, state: DemoState): DemoResponse {
  const l = locationOf(req, state, req.params[0], { companyStyle: true });
  return ok({ ...companyItemWire(l.company, l), ...nextSlotWire(req, state, l), ...bookformsWire(req, l) });
}
