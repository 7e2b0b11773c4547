import { fail, ok, type DemoResponse } from '../responses';
import { locationOf, type DemoRequest, type DemoState } from '../state';
import { tipsWire } from './utilities';

/** POST /tips/{id}/settings/{settings_id}/enable|disable: a manager's action; answers the whole list. */
export function postTipsToggle(req: DemoRequest, state: DemoState): DemoResponse {
  const l = locationOf(req, state, req.params[0]);
  if (req.auth.user?.role === 'receptionist') return fail(403, 'Not enough rights');
  if (l.tips.length === 0) return fail(403, 'Access is not activated');
  const t = l.tips.find((x) => x.id === Number(req.params[1]));
  if (!t) return fail(404, 'Tip settings not found');
  t.isEnabled = req.params[2] === 'enable';
  const data = tipsWire(req, l);
  return ok(data, { count: data.length });
}
