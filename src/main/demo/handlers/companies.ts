import { AUTH_NEEDED, fail, ok, type DemoResponse } from '../responses';
import { locationOf, type DemoRequest, type DemoState } from '../state';
import { companyItemWire, companyPutWire, companyWire } from '../wire';
import { bookformsWire } from './bookforms';
import { nextSlotWire } from './today-schedule';

/** GET /companies — with my=1 only the user's locations (needs the user token). */
export function getCompanies(req: DemoRequest, state: DemoState): DemoResponse {
  const my = req.url.searchParams.get('my') === '1';
  if (my && !req.auth.user) return fail(401, AUTH_NEEDED);
  const allowed = my ? req.auth.user?.locationIds : undefined;
  const only = req.url.searchParams.get('id');
  const list = state.dataset.locations.filter(
    (l) => (!allowed || allowed.includes(l.company.id)) && (!only || String(l.company.id) === only),
  );
  return ok(list.map((l) => companyWire(l.company, l)));
}

/** GET /company/{id}: its own error bodies (errors{code,message} + meta.message). */
export function getCompany(req: DemoRequest, state: DemoState): DemoResponse {
  const l = locationOf(req, state, req.params[0], { companyStyle: true });
  return ok({ ...companyItemWire(l.company, l), ...nextSlotWire(req, state, l), ...bookformsWire(req, l) });
}

const FIELDS: [string, 'title' | 'address' | 'zip' | 'city' | 'site' | 'shortDescr' | 'country'][] = [
  ['title', 'title'],
  ['address', 'address'],
  ['zip', 'zip'],
  ['city', 'city'],
  ['site', 'site'],
  ['short_descr', 'shortDescr'],
  ['country', 'country'],
];

/**
 * PUT /company/{id} (company_put_request_data_types, every field optional): merges what is given and
 * answers the location without phones, as Altegio does (§3.3); the phones are kept and GET /companies
 * shows them. A user whose role lacks Settings gets 403, as for the catalogue's writes.
 */
export async function putCompany(req: DemoRequest, state: DemoState): Promise<DemoResponse> {
  const l = locationOf(req, state, req.params[0], { companyStyle: true });
  if ((req.auth.user?.role ?? 'manager') !== 'manager') return fail(403, 'Not enough rights');
  let b: Record<string, unknown> = {};
  try {
    const v: unknown = await (await req.request()).json();
    if (v && typeof v === 'object' && !Array.isArray(v)) b = v as Record<string, unknown>;
  } catch {
    return fail(400, 'Invalid JSON.');
  }
  const c = l.company;
  for (const [wire, key] of FIELDS) if (typeof b[wire] === 'string') c[key] = b[wire];
  if (typeof b['description'] === 'string') c.description = b['description'];
  if (Array.isArray(b['phones'])) c.phones = b['phones'].filter((p): p is string => typeof p === 'string');
  if (b['social'] && typeof b['social'] === 'object')
    c.social = { ...c.social, ...(b['social'] as Record<string, string>) };
  if (typeof b['coordinate_lat'] === 'number') c.coordinate.lat = b['coordinate_lat'];
  if (typeof b['coordinate_lon'] === 'number') c.coordinate.lon = b['coordinate_lon'];
  return ok(companyPutWire(c));
}
