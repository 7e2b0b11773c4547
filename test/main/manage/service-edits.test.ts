import { describe, expect, it } from 'vitest';
import { createCatalogDomain } from '../../../src/main/services/catalog';
import type { ServiceFields } from '../../../src/shared/domain/service-edit';
import { AppError, isAppError } from '../../../src/shared/errors';
import type { FakeAltegio } from '../../support/fake-altegio';
import { ALL_RIGHTS, salonWithRights, useFakeManageDesk } from '../../support/manage-desk';
import { NY } from '../../support/sample-salon';

const HAIRCUT = 83169;
const offline = () => new AppError('OFFLINE', 'Altegio cannot be reached.');

describe('manager mode: editing and removing a service (issue 22)', () => {
  const desk = useFakeManageDesk();
  const { audit } = desk;
  const open = desk.open;
  function salon(): FakeAltegio {
    const fake = salonWithRights(ALL_RIGHTS);
    // What the desk neither shows nor edits: it must survive the edit.
    fake.extras.set(HAIRCUT, { technical_break_duration: 600, discount: 10, api_id: 'ext-42' });
    return fake;
  }
  const withStaff = (f: ServiceFields, id: number, min: number): ServiceFields => ({
    ...f,
    staff: f.staff.map((m) => (m.staffId === id ? { ...m, durationMin: min } : m)),
  });
  /** Someone changes the service on Altegio (another desk, the web app) after the form was opened. */
  async function changeOnAltegio(fake: FakeAltegio, over: (f: ServiceFields) => ServiceFields): Promise<void> {
    const copy = await fake.serviceCopy(NY, HAIRCUT);
    const s = over({ ...(await openForm()).fields });
    await fake.updateService(NY, HAIRCUT, {
      title: s.title,
      category_id: s.categoryId,
      price_min: s.priceMin,
      price_max: s.priceMax,
      duration: s.durationMin * 60,
      technical_break_duration: copy['technical_break_duration'] as number,
      comment: s.comment,
      active: s.bookableOnline ? 1 : 0,
      staff: s.staff.map((m) => ({ id: m.staffId, seance_length: m.durationMin * 60 })),
    });
    fake.updates.length = 0;
  }
  /** The catalogue synced while Altegio answered, then the single-service read fails: the form opens offline. */
  async function syncThenOffline(fake: FakeAltegio): Promise<() => void> {
    const catalog = createCatalogDomain(desk.t.ctx, {});
    await catalog.syncAll();
    catalog.close?.();
    return fake.failOn('serviceCopy', offline());
  }
  /** Altegio's service list gives this break for the haircut (services_list_response). */
  const listBreak = (fake: FakeAltegio, sec: number | null) => {
    fake.data.locations.find((l) => l.company.id === NY)!.services.find((x) => x.id === HAIRCUT)!.technicalBreakSec =
      sec;
  };
  const openForm = () => desk.domain.handlers['manage.openService']({ locationId: NY, serviceId: HAIRCUT });

  it('sends Altegio’s copy with only the changed fields altered: untouched fields and the whole staff array go back', async () => {
    const fake = salon();
    const d = open(fake);
    await d.handlers['manage.rights']({ locationId: NY });
    const { fields: base, source } = await openForm();
    expect(source).toBe('altegio');
    expect(base).toMatchObject({
      priceMin: 40,
      breakMin: 10,
      staff: [
        { staffId: 2940951, durationMin: 60 },
        { staffId: 34006, durationMin: 45 },
      ],
    });
    const mine = withStaff({ ...base, priceMin: 35 }, 34006, 60);
    const item = await d.handlers['manage.updateService']({ locationId: NY, serviceId: HAIRCUT, base, mine });
    expect(item).toMatchObject({ kind: 'update-service', state: 'sent', targetId: HAIRCUT });
    expect(fake.updates).toEqual([
      {
        locationId: NY,
        serviceId: HAIRCUT,
        body: {
          title: "Men's haircut",
          category_id: 83167,
          price_min: 35,
          price_max: 40,
          duration: 3600,
          technical_break_duration: 600,
          discount: 10,
          comment: '',
          weight: 6,
          active: 1,
          api_id: 'ext-42',
          staff: [
            { id: 2940951, seance_length: 3600 },
            { id: 34006, seance_length: 3600 },
          ],
        },
      },
    ]);
    expect(audit.at(-1)).toEqual({
      detail: `service edit “Men's haircut” · location 1050 · sent (priceMin: 40 → 35; team member 34006: 45 → 60)`,
      who: expect.any(String),
    });
  });

  it('a change on Altegio to another field since the form opened is kept, not a conflict', async () => {
    const fake = salon();
    const d = open(fake);
    const { fields: base } = await openForm();
    await changeOnAltegio(fake, (f) => ({ ...f, comment: 'Wash included', priceMax: 55 }));
    const item = await d.handlers['manage.updateService']({
      locationId: NY,
      serviceId: HAIRCUT,
      base,
      mine: { ...base, priceMin: 35 },
    });
    expect(item.state).toBe('sent');
    expect(fake.updates[0]!.body).toMatchObject({ price_min: 35, price_max: 55, comment: 'Wash included' });
  });

  it('the same field changed on Altegio holds the edit as a conflict; "send mine" re-bases and sends it', async () => {
    const fake = salon();
    const d = open(fake);
    const { fields: base } = await openForm();
    await changeOnAltegio(fake, (f) => withStaff({ ...f, priceMin: 42, comment: 'Wash included' }, 34006, 30));
    const mine = withStaff({ ...base, priceMin: 35 }, 34006, 60);
    const held = await d.handlers['manage.updateService']({ locationId: NY, serviceId: HAIRCUT, base, mine });
    expect(held.state).toBe('conflict');
    expect(fake.updates).toEqual([]); // never overwritten silently
    expect(held.edit).toMatchObject({
      conflicts: ['priceMin', 'staff:34006'],
      theirs: { priceMin: 42, comment: 'Wash included' },
    });
    expect(audit.at(-1)!.detail).toContain('held: changed on Altegio too (priceMin, staff:34006)');

    const sent = await d.handlers['manage.resolveConflict']({ id: held.id, choice: 'mine' });
    expect(sent).toMatchObject({ state: 'sent' });
    expect(fake.updates).toHaveLength(1);
    expect(fake.updates[0]!.body).toMatchObject({
      price_min: 35,
      comment: 'Wash included',
      staff: [
        { id: 2940951, seance_length: 3600 },
        { id: 34006, seance_length: 3600 },
      ],
    });
  });

  it('"keep Altegio’s" drops the held edit, on the audit list, and sends nothing', async () => {
    const fake = salon();
    const d = open(fake);
    const { fields: base } = await openForm();
    await changeOnAltegio(fake, (f) => ({ ...f, priceMin: 42 }));
    const held = await d.handlers['manage.updateService']({
      locationId: NY,
      serviceId: HAIRCUT,
      base,
      mine: { ...base, priceMin: 35 },
    });
    expect(held.state).toBe('conflict');
    expect(await d.handlers['manage.resolveConflict']({ id: held.id, choice: 'theirs' })).toBeNull();
    expect(await d.handlers['manage.list']({ locationId: NY })).toEqual([]);
    expect(fake.updates).toEqual([]);
    expect(audit.at(-1)!.detail).toMatch(/· dropped: Altegio’s copy kept by /);
    // A second click finds nothing waiting.
    const again = await Promise.resolve()
      .then(() => d.handlers['manage.resolveConflict']({ id: held.id, choice: 'mine' }))
      .catch((e: unknown) => e);
    expect(isAppError(again) && again.code).toBe('NOT_FOUND');
  });

  it('an edit whose answer was lost is confirmed by the fresh read, never sent twice', async () => {
    const fake = salon();
    const d = open(fake);
    const { fields: base } = await openForm();
    fake.lostAnswers = 1;
    const item = await d.handlers['manage.updateService']({
      locationId: NY,
      serviceId: HAIRCUT,
      base,
      mine: { ...base, priceMin: 35 },
    });
    expect(item.state).toBe('pending');
    desk.t.clock.advance(60_000);
    await d.flush();
    expect(fake.count('updateService')).toBe(1);
    expect((await d.handlers['manage.list']({ locationId: NY }))[0]).toMatchObject({ state: 'sent' });
  });

  it('parallel flushes send a queued edit once', async () => {
    const fake = salon();
    const d = open(fake);
    const { fields: base } = await openForm();
    const off = fake.failOn('serviceCopy', offline());
    await d.handlers['manage.updateService']({
      locationId: NY,
      serviceId: HAIRCUT,
      base,
      mine: { ...base, priceMin: 35 },
    });
    off();
    desk.t.clock.advance(60_000);
    await Promise.all([d.flush(), d.flush(), d.flush()]);
    expect(fake.count('updateService')).toBe(1);
  });

  it('a removal whose answer was lost is done when Altegio then says 404, sent once', async () => {
    const fake = salon();
    const d = open(fake);
    fake.lostAnswers = 1;
    const item = await d.handlers['manage.retireService']({
      locationId: NY,
      serviceId: HAIRCUT,
      title: "Men's haircut",
    });
    expect(item).toMatchObject({ kind: 'retire-service', state: 'pending', targetId: HAIRCUT });
    desk.t.clock.advance(60_000);
    await Promise.all([d.flush(), d.flush()]);
    expect(fake.count('deleteService')).toBe(1);
    expect((await d.handlers['manage.list']({ locationId: NY }))[0]).toMatchObject({ state: 'sent' });
    expect(audit.map((a) => a.detail)).toContain(`service removal “Men's haircut” · location 1050 · sent`);
  });

  it('a removal the desk died sending is looked up after the restart, not sent again', async () => {
    const fake = salon();
    let d = open(fake);
    const off = fake.failOn('deleteService', offline());
    await d.handlers['manage.retireService']({ locationId: NY, serviceId: HAIRCUT, title: "Men's haircut" });
    off();
    // Sent by a later attempt that Altegio carried out, then the desk was killed before the answer.
    const l = fake.data.locations.find((x) => x.company.id === NY)!;
    l.services = l.services.filter((s) => s.id !== HAIRCUT);
    desk.t.db.prepare(`UPDATE outbox_catalog SET state = 'sending', unconfirmed = 0`).run();
    d.close?.();
    const dir = desk.t.dir;
    desk.t.close({ keep: true });
    d = open(fake, { dir });
    desk.t.clock.advance(60_000);
    await d.flush();
    expect(fake.count('deleteService')).toBe(1); // only the first, failed attempt
    expect(fake.deleted).toEqual([]);
    expect((await d.handlers['manage.list']({ locationId: NY }))[0]).toMatchObject({ state: 'sent' });
  });

  it('a 403 keeps an edit and a removal, each marked "needs a manager"', async () => {
    const fake = salon();
    const d = open(fake);
    const { fields: base } = await openForm();
    fake.failOn('updateService', new AppError('FORBIDDEN', 'Not enough rights'));
    fake.failOn('deleteService', new AppError('FORBIDDEN', 'Not enough rights'));
    const edit = await d.handlers['manage.updateService']({
      locationId: NY,
      serviceId: HAIRCUT,
      base,
      mine: { ...base, priceMin: 35 },
    });
    const removal = await d.handlers['manage.retireService']({ locationId: NY, serviceId: 83171, title: 'Beard' });
    expect([edit.state, removal.state]).toEqual(['needs-manager', 'needs-manager']);
    expect(await d.handlers['manage.list']({ locationId: NY })).toHaveLength(2);
  });

  it('an edit that changes nothing, or breaks a rule on a changed field, is refused before it is queued', async () => {
    const fake = salon();
    const d = open(fake);
    const { fields: base } = await openForm();
    const refuse = (mine: ServiceFields) =>
      Promise.resolve()
        .then(() => d.handlers['manage.updateService']({ locationId: NY, serviceId: HAIRCUT, base, mine }))
        .catch((e: unknown) => e);
    const same = await refuse(base);
    expect(isAppError(same) && same.code).toBe('INVALID_INPUT');
    const e = await refuse({ ...withStaff(base, 34006, 50), priceMax: 10 });
    expect(isAppError(e) && e.details?.['issues']).toEqual([
      { field: 'priceMax', rule: 'maxBelowMin' },
      { field: 'memberDuration', rule: 'memberStep', staffId: 34006 },
    ]);
    expect(await d.handlers['manage.list']({ locationId: NY })).toEqual([]);
  });

  it('a flush that finds nothing to send does not stop the later ones', async () => {
    const fake = salon();
    const d = open(fake);
    // Signed in with nothing queued: this run ends without awaiting anything.
    await d.flush();
    const { fields: base } = await openForm();
    const off = fake.failOn('serviceCopy', offline());
    await d.handlers['manage.updateService']({
      locationId: NY,
      serviceId: HAIRCUT,
      base,
      mine: { ...base, priceMin: 35 },
    });
    off();
    desk.t.clock.advance(60_000);
    await d.flush();
    expect(fake.count('updateService')).toBe(1);
  });

  it('offline, the form opens on the catalogue’s copy (said so); the edit queues and is checked when sent', async () => {
    const fake = salon();
    const d = open(fake);
    const off = await syncThenOffline(fake);
    const opened = await openForm();
    expect(opened).toEqual({
      source: 'cache',
      // This list answer did not carry the break: the form keeps it as Altegio has it.
      breakKnown: false,
      fields: {
        title: "Men's haircut",
        categoryId: 83167,
        priceMin: 40,
        priceMax: 40,
        durationMin: 60,
        // The catalogue keeps no order of performers; each is compared on their own, so none is needed.
        staff: [
          { staffId: 34006, durationMin: 45 },
          { staffId: 2940951, durationMin: 60 },
        ],
        bookableOnline: true,
        breakMin: null, // unknown here: the form cannot change it offline
        comment: '',
      },
    });
    const item = await d.handlers['manage.updateService']({
      locationId: NY,
      serviceId: HAIRCUT,
      base: opened.fields,
      mine: { ...opened.fields, priceMax: 50 },
    });
    expect(item).toMatchObject({ state: 'pending', edit: { fields: ['priceMax'] } });
    off();
    desk.t.clock.advance(60_000);
    await d.flush();
    // The break Altegio has (10 min) is kept: the form never changed it.
    expect(fake.updates[0]!.body).toMatchObject({ price_max: 50, technical_break_duration: 600 });
  });

  it('offline, a break the catalogue kept from Altegio’s list can be changed; the PUT carries it, the rest kept', async () => {
    const fake = salon();
    listBreak(fake, 600);
    const d = open(fake);
    const off = await syncThenOffline(fake);
    const opened = await openForm();
    expect(opened).toMatchObject({ source: 'cache', breakKnown: true, fields: { breakMin: 10 } });
    const item = await d.handlers['manage.updateService']({
      locationId: NY,
      serviceId: HAIRCUT,
      base: opened.fields,
      mine: { ...opened.fields, breakMin: 15 },
    });
    expect(item).toMatchObject({ state: 'pending', edit: { fields: ['break'] } });
    off();
    desk.t.clock.advance(60_000);
    await d.flush();
    expect(fake.updates).toHaveLength(1);
    expect(fake.updates[0]!.body).toMatchObject({ technical_break_duration: 900, discount: 10, api_id: 'ext-42' });
  });

  it('a location’s default break (null on Altegio’s list) is known too, and reads as the default', async () => {
    const fake = salon();
    listBreak(fake, null);
    open(fake);
    await syncThenOffline(fake);
    expect(await openForm()).toMatchObject({ source: 'cache', breakKnown: true, fields: { breakMin: null } });
  });
});
