import { fail, ok, type DemoResponse } from '../responses';
import { locationOf, type DemoRequest, type DemoState } from '../state';
import type { DemoLocation } from '../types';
import { licenseWire } from '../wire';

/** GET /license/{id} (dates dd.mm.yyyy). */
export function getLicense(req: DemoRequest, state: DemoState): DemoResponse {
  return ok(licenseWire(locationOf(req, state, req.params[0])));
}

/** GET /validation/validate_phone/{phone}: 10–15 digits, optional leading +. */
export function getValidatePhone(req: DemoRequest): DemoResponse {
  let phone = '';
  try {
    phone = decodeURIComponent(req.params[0] ?? '');
  } catch {
    phone = '';
  }
  const compact = phone.replace(/[\s()-]/g, '');
  return ok({ is_valid: /^\+?\d{10,15}$/.test(compact) });
}

/** GET /tips/{id}/settings: meta {count}; locations without tips answer like the live API. */
export function getTipsSettings(req: DemoRequest, state: DemoState): DemoResponse {
  const l = locationOf(req, state, req.params[0]);
  if (l.tips.length === 0) return fail(403, 'Access is not activated');
  const data = tipsWire(req, l);
  return ok(data, { count: data.length });
}

/** Tip settings as Altegio sends them; links point at Altegio's own tip pages, as the live API's do. */
export function tipsWire(req: DemoRequest, l: DemoLocation) {
  return l.tips.map((t) => {
    const m = l.staff.find((s) => s.id === t.staffId)!;
    return {
      id: t.id,
      location_id: l.company.id,
      staff_id: t.staffId,
      hash: `demo-${t.id}`,
      status: t.status,
      status_title: t.status === 3 ? 'pending account' : 'everything is set',
      is_enabled: t.isEnabled,
      landing_external: `https://app.alteg.io/tips/external/${l.company.id}/demo-${t.id}/`,
      master_tips_form_link: `https://app.alteg.io/companies/${l.company.id}/staff/${t.staffId}/tips/pay/`,
      invite_sms_sent: false,
      staff: {
        id: m.id,
        name: m.name,
        specialization: m.specialization,
        avatar: req.origin + (m.photo?.paths.sm ?? '/images/no-master-sm.png'),
        position: m.position ?? [],
      },
    };
  });
}
