import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { useDemoManageDesks } from '../../support/manage-desk';

/** Manager mode wired as in the app (real client, real SQLite) against the demo server. */
const MANAGER = DEMO_USERS.find((u) => u.login === 'demo@frontdesk.app')!;
const DESK = DEMO_USERS.find((u) => u.login === 'desk@frontdesk.app')!;
const NY = 410001;

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

const desk = useDemoManageDesks(() => demo, NY);

const posts = (path: RegExp) => demo.received.requests.filter((r) => r.method === 'POST' && path.test(r.path)).length;

describe('manager mode against the demo server', () => {
  it('a service editor (services_edit alone): the demo says so, and refuses what the role may not do', async () => {
    const user = demo.dataset.users.find((u) => u.id === MANAGER.id)!;
    user.role = 'editor';
    try {
      expect(await desk(MANAGER).d.handlers['manage.rights']({ locationId: NY })).toMatchObject({
        createCategory: false,
        createService: false,
        editService: true,
        retireService: false,
        servicePhoto: false,
        readOnlyReason: null,
      });
      const auth = { Authorization: `Bearer ${DEMO_PARTNER_TOKEN}, User ${MANAGER.userToken}` };
      const sid = demo.dataset.locations.find((l) => l.company.id === NY)!.services[0]!.id;
      const status = async (method: string, path: string) =>
        (
          await fetch(`${demo.url}${path}`, {
            method,
            headers: { ...auth, 'Content-Type': 'application/json' },
            body: method === 'DELETE' ? null : '{}',
          })
        ).status;
      expect(await status('POST', `/service_categories/${NY}`)).toBe(403);
      expect(await status('DELETE', `/services/${NY}/${sid}`)).toBe(403);
      expect(await status('PUT', `/company/${NY}`)).toBe(403);
    } finally {
      delete user.role;
    }
  });

  it('the demo’s rights follow the description: the manager may, the receptionist may not', async () => {
    expect(await desk(MANAGER).d.handlers['manage.rights']({ locationId: NY })).toMatchObject({
      createCategory: true,
      createService: true,
      readOnlyReason: null,
    });
    expect(await desk(DESK).d.handlers['manage.rights']({ locationId: NY })).toMatchObject({
      createCategory: false,
      createService: false,
      readOnlyReason: 'no-rights',
    });
  });

  it('a manager creates a category and a service with two performers’ durations; the lists show them', async () => {
    const { t, d } = desk(MANAGER);
    const cat = await d.handlers['manage.createCategory']({ locationId: NY, title: 'Brow studio', staffIds: [] });
    expect(cat.state).toBe('sent');
    const staff = demo.dataset.locations.find((l) => l.company.id === NY)!.staff.slice(0, 2);
    const svc = await d.handlers['manage.createService']({
      locationId: NY,
      title: 'Brow lamination',
      pendingCategoryId: cat.id,
      priceMin: 45,
      priceMax: 55,
      durationMin: 60,
      staff: [
        { staffId: staff[0]!.id, durationMin: 45 },
        { staffId: staff[1]!.id, durationMin: 75 },
      ],
      bookableOnline: true,
      breakMin: 0,
      comment: '',
    });
    expect(svc).toMatchObject({ state: 'sent', categoryId: cat.remoteId });
    const api = await t.ctx.altegio();
    const listed = (await api.services(NY)).find((s) => s.id === svc.remoteId)!;
    expect(listed.staff).toEqual([
      { staffId: staff[0]!.id, seanceLengthSec: 2700, price: null },
      { staffId: staff[1]!.id, seanceLengthSec: 4500, price: null },
    ]);
  });

  it('a lost answer (the demo stored it, the connection dropped) is found by api_id: one service, not two', async () => {
    const { t, d } = desk(MANAGER);
    const cats = demo.dataset.locations.find((l) => l.company.id === NY)!.categories;
    const before = posts(/\/services\/\d+$/);
    demo.faults.set({ mode: 'dropAfterAccept', match: /\/services\/\d+$/, times: 1 });
    const item = await d.handlers['manage.createService']({
      locationId: NY,
      title: 'Lost answer',
      categoryId: cats[0]!.id,
      priceMin: 10,
      priceMax: 10,
      durationMin: 30,
      staff: [],
      bookableOnline: false,
      breakMin: null,
      comment: '',
    });
    expect(item.state).toBe('pending');
    t.clock.advance(60_000);
    await d.flush();
    expect((await d.handlers['manage.list']({ locationId: NY })).find((i) => i.id === item.id)!.state).toBe('sent');
    expect(posts(/\/services\/\d+$/) - before).toBe(1);
    const services = demo.dataset.locations.find((l) => l.company.id === NY)!.services;
    expect(services.filter((s) => s.title === 'Lost answer')).toHaveLength(1);
  });

  it('the receptionist’s write is refused with 403 by the demo and kept as "needs a manager"', async () => {
    // Rights not checked on this desk yet (offline since sign-in): Altegio decides.
    const { d } = desk(DESK);
    const item = await d.handlers['manage.createCategory']({ locationId: NY, title: 'Mia’s idea', staffIds: [] });
    expect(item).toMatchObject({ state: 'needs-manager', queuedBy: DESK.name });
  });

  it('a manager edits a service’s price and one performer’s duration: the demo’s lists show it, the rest is kept', async () => {
    const { t, d } = desk(MANAGER);
    const s = demo.dataset.locations.find((l) => l.company.id === NY)!.services.find((x) => x.staff.length >= 2)!;
    s.technicalBreak = 900;
    s.apiId = 'ext-7';
    const { weight, apiId } = s;
    const { fields: base } = await d.handlers['manage.openService']({ locationId: NY, serviceId: s.id });
    const who = base.staff[1]!.staffId;
    const mine = {
      ...base,
      priceMin: base.priceMin + 5,
      priceMax: base.priceMax + 5,
      staff: base.staff.map((m) => (m.staffId === who ? { ...m, durationMin: 90 } : m)),
    };
    const item = await d.handlers['manage.updateService']({ locationId: NY, serviceId: s.id, base, mine });
    expect(item.lastError).toBeNull();
    expect(item.state).toBe('sent');
    const api = await t.ctx.altegio();
    const listed = (await api.services(NY)).find((x) => x.id === s.id)!;
    expect(listed).toMatchObject({ priceMin: mine.priceMin, priceMax: mine.priceMax, weight });
    expect(listed.staff?.find((m) => m.staffId === who)?.seanceLengthSec).toBe(5400);
    expect(listed.staff).toHaveLength(base.staff.length);
    expect(s).toMatchObject({ technicalBreak: 900, apiId });
  });

  it('a change on the demo to the same field since the form opened is held as a conflict, not overwritten', async () => {
    const { d } = desk(MANAGER);
    const s = demo.dataset.locations.find((l) => l.company.id === NY)!.services[0]!;
    const { fields: base } = await d.handlers['manage.openService']({ locationId: NY, serviceId: s.id });
    s.priceMax = base.priceMax + 100; // someone else, on Altegio
    const item = await d.handlers['manage.updateService']({
      locationId: NY,
      serviceId: s.id,
      base,
      mine: { ...base, priceMax: base.priceMax + 1 },
    });
    expect(item).toMatchObject({ state: 'conflict', edit: { conflicts: ['priceMax'] } });
    expect(s.priceMax).toBe(base.priceMax + 100);
    const sent = await d.handlers['manage.resolveConflict']({ id: item.id, choice: 'mine' });
    expect(sent).toMatchObject({ state: 'sent' });
    expect(s.priceMax).toBe(base.priceMax + 1);
  });

  it('a removal whose answer was lost is confirmed by a 404: DELETE sent once, gone from the lists', async () => {
    const { t, d } = desk(MANAGER);
    const loc = demo.dataset.locations.find((l) => l.company.id === NY)!;
    const s = loc.services.at(-1)!;
    demo.faults.set({ mode: 'dropAfterAccept', match: /\/services\/\d+\/\d+$/, times: 1 });
    const item = await d.handlers['manage.retireService']({ locationId: NY, serviceId: s.id, title: s.title });
    expect(item.state).toBe('pending');
    expect(loc.services.some((x) => x.id === s.id)).toBe(false);
    t.clock.advance(60_000);
    await d.flush();
    expect((await d.handlers['manage.list']({ locationId: NY })).find((i) => i.id === item.id)!.state).toBe('sent');
    const deletes = demo.received.requests.filter(
      (r) => r.method === 'DELETE' && r.path.endsWith(`/services/${NY}/${s.id}`),
    );
    expect(deletes).toHaveLength(1);
    const api = await t.ctx.altegio();
    expect((await api.services(NY)).some((x) => x.id === s.id)).toBe(false);
  });

  it('the receptionist’s edit is refused with 403 by the demo and kept as "needs a manager"', async () => {
    const { d } = desk(DESK);
    const s = demo.dataset.locations.find((l) => l.company.id === NY)!.services[0]!;
    const { fields: base } = await d.handlers['manage.openService']({ locationId: NY, serviceId: s.id });
    const item = await d.handlers['manage.updateService']({
      locationId: NY,
      serviceId: s.id,
      base,
      mine: { ...base, comment: 'Mia’s idea' },
    });
    expect(item).toMatchObject({ state: 'needs-manager', queuedBy: DESK.name });
  });

  it('never serves DELETE /company/{id}', async () => {
    const res = await fetch(`${demo.url}/company/${NY}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${DEMO_PARTNER_TOKEN}, User ${MANAGER.userToken}`, Accept: 'application/json' },
    });
    expect(res.status).toBe(405);
    expect(demo.dataset.locations.some((l) => l.company.id === NY)).toBe(true);
  });
});
