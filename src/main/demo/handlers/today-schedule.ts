import { invalid, ok, type DemoResponse } from '../responses';
import { locationOf, type DemoRequest, type DemoState } from '../state';
import { hhmm, nextFreeSlot, shiftsOn, zonedIso } from '../today-model';
import { addDays, localDate } from '../zoned';
import { reportDate } from './reports';

const MAX_DAYS = 62;

/** GET /company/{id}/staff/schedule?start_date=&end_date=&staff_ids[]=&include[]=busy_intervals */
export function getStaffSchedule(req: DemoRequest, state: DemoState): DemoResponse {
  const l = locationOf(req, state, req.params[0]);
  const q = req.url.searchParams;
  const from = reportDate(q.get('start_date'));
  const to = reportDate(q.get('end_date') ?? q.get('start_date'));
  if (!from || !to || to < from) {
    return invalid('An error has occurred.', { start_date: ['The start date must be a date in the format Y-m-d.'] });
  }
  const ids = q
    .getAll('staff_ids[]')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const include = q.getAll('include[]');
  const today = localDate(state.now(), l.company.timezoneName);
  const data: unknown[] = [];
  for (let d = from, n = 0; d <= to && n < MAX_DAYS; d = addDays(d, 1), n++) {
    for (const s of shiftsOn(l, d, today)) {
      if (ids.length > 0 && !ids.includes(s.staffId)) continue;
      data.push({
        staff_id: s.staffId,
        date: d,
        slots: s.slots.map((x) => ({ from: hhmm(x.from), to: hhmm(x.to) })),
        ...(include.includes('busy_intervals')
          ? {
              busy_intervals: s.busy.map((b, i) => ({
                entity_type: 'record',
                entity_id: 5_000_000 + s.staffId * 100 + i,
                from: `${hhmm(b.from)}:00`,
                to: `${hhmm(b.to)}:00`,
              })),
            }
          : {}),
        ...(include.includes('off_day_type') ? { off_day_type: null } : {}),
      });
    }
  }
  return ok(data, { count: data.length });
}

/** `next_slot` for GET /company/{id}?forBooking=1. */
export function nextSlotWire(req: DemoRequest, state: DemoState, l: Parameters<typeof shiftsOn>[0]) {
  if (req.url.searchParams.get('forBooking') !== '1') return {};
  const slot = nextFreeSlot(l, state.now());
  return { next_slot: slot ? zonedIso(slot.date, slot.minutes, l.company.timezoneName) : null };
}
