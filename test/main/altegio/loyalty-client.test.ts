import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loyaltyStaffSchema, loyaltyVisitsSchema } from '../../../src/main/altegio/loyalty-schemas';
import { envelopeSchema } from '../../../src/main/altegio/schemas';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { isAppError } from '../../../src/shared/errors';
import { NY, PARIS, signedInClient } from './helpers';

const fixture = (name: string): unknown =>
  envelopeSchema.parse(JSON.parse(readFileSync(join(__dirname, 'fixtures', `${name}.json`), 'utf8'))).data;

/**
 * The keys the official description (en-b2b-v1.openapi.yaml) lists for these bodies; the visits example
 * adds `visits_stats_by_day`. The demo may send no other key.
 */
const COUNTS = ['all_count', 'lost_count', 'returned_count', 'returned_percent'];
const DOCUMENTED = {
  visits: ['client_stats', 'visits_stats_by_day'],
  clientStats: ['new', 'old', 'total'],
  day: ['date', 'new_count', 'old_count'],
  staffRow: ['client_stats', 'staff'],
  staff: ['id', 'name'],
  programme: [
    'id',
    'title',
    'type',
    'loyalty_type_id',
    'item_type_id',
    'service_item_type',
    'good_item_type',
    'value_unit_id',
    'value_unit',
    'group_id',
    'usage_limit',
    'visit_multiplicity',
    'sold_items_multiplicity',
    'current_package_progress',
    'allowed_usages_amount',
    'expiration_timeout',
    'expiration_timeout_unit',
    'expiration_notification_timeout',
    'params_source_type',
    'history_start_date',
    'on_changed_notification_template_id',
    'on_expiration_notification_template_id',
  ],
};
const keysWithin = (o: unknown, allowed: string[]) =>
  expect(Object.keys(o as object).filter((k) => !allowed.includes(k))).toEqual([]);

describe('loyalty analytics: documented bodies parse', () => {
  it('visits: the documented example, with days in both date forms and counts as strings', () => {
    const v = loyaltyVisitsSchema.parse(fixture('loyalty_programs_visits'));
    expect(v.total).toEqual({ all: 0, returned: 0, lost: 0, returnedPercent: 0 });
    expect(v.days.map((d) => d.date)).toEqual(['2026-09-21', '2026-09-22']);
    const mixed = loyaltyVisitsSchema.parse({
      client_stats: { new: { all_count: '4', returned_count: '1', lost_count: 0, returned_percent: '25' } },
      visits_stats_by_day: [
        { date: '22.09.2026', new_count: '2', old_count: 1 },
        { date: '2026-09-21', new_count: 1, old_count: 0 },
      ],
    });
    expect(mixed.newClients).toEqual({ all: 4, returned: 1, lost: 0, returnedPercent: 25 });
    expect(mixed.days).toEqual([
      { date: '2026-09-21', newCount: 1, oldCount: 0 },
      { date: '2026-09-22', newCount: 2, oldCount: 1 },
    ]);
  });

  it('staff: the documented example', () => {
    expect(loyaltyStaffSchema.parse(fixture('loyalty_programs_staff'))).toEqual([
      { staffId: 1140369, name: 'Doniella Davy', clients: { all: 1, returned: 1, lost: 0, returnedPercent: 100 } },
    ]);
  });

  it('a body without the documented data is refused, not read as zero', () => {
    expect(loyaltyVisitsSchema.safeParse(null).success).toBe(false);
    expect(loyaltyVisitsSchema.safeParse([]).success).toBe(false);
    expect(loyaltyStaffSchema.safeParse(null).success).toBe(false);
  });
});

describe('loyalty analytics against the demo server', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer({ now: () => new Date('2026-03-18T14:00:00Z') });
  });
  afterAll(() => demo.close());
  beforeEach(() => {
    demo.faults.clear();
    demo.received.requests.length = 0;
  });

  it('sends date_from/date_to and every promotion id; the demo answers only documented keys', async () => {
    const { api } = signedInClient(demo);
    const programmes = await api.loyaltyPrograms(NY);
    expect(programmes.length).toBeGreaterThan(0);
    const q = { from: '2026-03-01', to: '2026-03-18', programIds: programmes.map((p) => p.id) };
    const v = await api.loyaltyVisits(NY, q);
    await api.loyaltyStaff(NY, q);
    const sent = new URL(demo.received.requests[1]!.path, 'http://x').searchParams;
    expect(sent.get('date_from')).toBe('2026-03-01');
    expect(sent.get('date_to')).toBe('2026-03-18');
    expect(sent.get('loyalty_program_id')).toBe(
      programmes
        .map((p) => p.id)
        .sort((a, b) => a - b)
        .join(','),
    );
    expect(v.days).toHaveLength(18);

    const raw = async (path: string) => {
      const r = await fetch(`${demo.url}${path}`, {
        headers: {
          Authorization: `Bearer ${DEMO_PARTNER_TOKEN}, User ${DEMO_USERS[0]!.userToken}`,
          Accept: 'application/vnd.api.v2+json',
        },
      });
      return (await r.json()) as { data: unknown };
    };
    const ids = programmes.map((p) => p.id).join(',');
    // The dotted date form is understood too.
    const visits = (
      await raw(
        `/company/${NY}/analytics/loyalty_programs/visits?date_from=01.03.2026&date_to=18.03.2026&loyalty_program_id=${ids}`,
      )
    ).data as Record<string, Record<string, unknown>>;
    keysWithin(visits, DOCUMENTED.visits);
    keysWithin(visits.client_stats, DOCUMENTED.clientStats);
    for (const g of Object.values(visits.client_stats!)) keysWithin(g, COUNTS);
    for (const d of visits.visits_stats_by_day as unknown as unknown[]) keysWithin(d, DOCUMENTED.day);
    const staff = (
      await raw(
        `/company/${NY}/analytics/loyalty_programs/staff?date_from=2026-03-01&date_to=2026-03-18&loyalty_program_id=${ids}`,
      )
    ).data as Record<string, unknown>[];
    expect(staff.length).toBeGreaterThan(0);
    for (const r of staff) {
      keysWithin(r, DOCUMENTED.staffRow);
      keysWithin(r.client_stats, COUNTS);
      keysWithin(r.staff, DOCUMENTED.staff);
    }
    const progs = (await raw(`/company/${NY}/loyalty/programs/search`)).data as unknown[];
    for (const p of progs) keysWithin(p, DOCUMENTED.programme);
  });

  it('agrees with Today: new clients, active clients and visits per day', async () => {
    const { api } = signedInClient(demo);
    const ids = (await api.loyaltyPrograms(PARIS)).map((p) => p.id);
    const q = { from: '2026-03-01', to: '2026-03-18' };
    const v = await api.loyaltyVisits(PARIS, { ...q, programIds: ids });
    const o = await api.analyticsOverall(PARIS, q);
    expect(v.newClients.all).toBe(o.clients.new);
    expect(v.newClients.all + v.oldClients.all).toBe(o.clients.active);
    expect(v.total.all).toBe(o.clients.active);
    expect(v.days.reduce((s, d) => s + d.newCount + d.oldCount, 0)).toBe(o.records.total);
    const records = await api.dailyChart(PARIS, 'records_daily', q);
    expect(v.days.map((d) => d.newCount + d.oldCount)).toEqual(records[0]!.points.map((p) => p.value));
  });

  it('one promotion counts only its card holders; an unknown promotion is not found', async () => {
    const { api } = signedInClient(demo);
    const [gold] = await api.loyaltyPrograms(NY);
    const q = { from: '2026-02-17', to: '2026-03-18' };
    const all = await api.loyaltyVisits(NY, { ...q, programIds: [] });
    const one = await api.loyaltyVisits(NY, { ...q, programIds: [gold!.id] });
    expect(one.total.all).toBeGreaterThan(0);
    expect(one.total.all).toBeLessThan(all.total.all);
    await expect(api.loyaltyVisits(NY, { ...q, programIds: [999] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a receptionist without analytics rights gets FORBIDDEN', async () => {
    const { api } = signedInClient(demo, {
      credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: DEMO_USERS[2]!.userToken }),
    });
    await expect(api.loyaltyPrograms(NY)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.loyaltyVisits(NY, { from: '2026-03-01', to: '2026-03-18', programIds: [] })).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    );
  });

  it('an empty staff list is an answer (nobody had clients); an empty visits body is not', async () => {
    const { api } = signedInClient(demo);
    demo.faults.set({ mode: 'emptyList', match: 'loyalty_programs' });
    const q = { from: '2026-03-01', to: '2026-03-18', programIds: [] };
    expect(await api.loyaltyStaff(NY, q)).toEqual([]);
    await expect(api.loyaltyVisits(NY, q)).rejects.toMatchObject({ code: 'UPSTREAM' });
  });

  it.each(['dataNull', 'emptyBody', 'noContent'] as const)('2xx without data (%s) is UPSTREAM', async (mode) => {
    const { api } = signedInClient(demo);
    demo.faults.set({ mode, match: 'loyalty_programs' });
    const q = { from: '2026-03-01', to: '2026-03-18', programIds: [] };
    for (const call of [() => api.loyaltyVisits(NY, q), () => api.loyaltyStaff(NY, q)]) {
      const e = await call().then(
        () => null,
        (x: unknown) => x,
      );
      expect(isAppError(e) && e.code).toBe('UPSTREAM');
    }
  });
});
