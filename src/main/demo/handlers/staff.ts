import { fail, ok, type DemoResponse } from '../responses';
import { locationOf, type DemoRequest, type DemoState } from '../state';
import { staffMemberWire, staffWire } from '../wire';

/** GET /staff/{id} (list, meta []) and GET /staff/{id}/{member} (an array of one, numbers as strings). */
export function getStaff(req: DemoRequest, state: DemoState): DemoResponse {
  const l = locationOf(req, state, req.params[0]);
  if (req.params[1] !== undefined) {
    const m = l.staff.find((x) => x.id === Number(req.params[1]));
    if (!m) return fail(404, `Team Member with ID ${req.params[1]} was not found in branch ${l.company.id}.`);
    return ok([staffMemberWire(m, req.origin)]);
  }
  return ok(l.staff.map((m) => staffWire(m, req.origin)));
}
