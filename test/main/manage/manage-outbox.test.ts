import { describe, expect, it } from 'vitest';
import type { NewServiceInput } from '../../../src/shared/domain/manage';
import { AppError, isAppError } from '../../../src/shared/errors';
import { ALL_RIGHTS, NO_RIGHTS, salonWithRights, useFakeManageDesk } from '../../support/manage-desk';
import { NY } from '../../support/sample-salon';

const service = (over: Partial<NewServiceInput> = {}): NewServiceInput => ({
  locationId: NY,
  title: 'Gloss treatment',
  categoryId: 83167,
  priceMin: 40,
  priceMax: 60,
  durationMin: 60,
  staff: [
    { staffId: 2940951, durationMin: 45 },
    { staffId: 34006, durationMin: 60 },
  ],
  bookableOnline: true,
  breakMin: 10,
  comment: 'Bring a towel',
  ...over,
});

describe('manager mode: catalogue changes through the outbox (issue 22)', () => {
  const desk = useFakeManageDesk();
  const { audit } = desk;
  const open = desk.open;
  const salon = salonWithRights;

  it('sends the exact body the description defines (durations and the break in seconds, api_id)', async () => {
    const fake = salon();
    const d = open(fake);
    await d.handlers['manage.rights']({ locationId: NY });
    const item = await d.handlers['manage.createService'](service());
    expect(item).toMatchObject({ state: 'sent', title: 'Gloss treatment', remoteId: expect.any(Number) });
    expect(fake.created).toHaveLength(1);
    expect(fake.created[0]!.body).toEqual({
      title: 'Gloss treatment',
      category_id: 83167,
      price_min: 40,
      price_max: 60,
      duration: 3600,
      technical_break_duration: 600,
      comment: 'Bring a towel',
      active: 1,
      api_id: expect.stringMatching(/^fd-[0-9a-f-]{36}$/),
      staff: [
        { id: 2940951, seance_length: 2700 },
        { id: 34006, seance_length: 3600 },
      ],
    });
  });

  it('refuses a form with problems before anything is queued or sent, naming each problem', async () => {
    const fake = salon();
    const d = open(fake);
    const e = await Promise.resolve()
      .then(() =>
        d.handlers['manage.createService'](
          service({ title: ' ', priceMax: 10, breakMin: 7, staff: [{ staffId: 34006, durationMin: 50 }] }),
        ),
      )
      .catch((x: unknown) => x);
    expect(isAppError(e) && e.code).toBe('INVALID_INPUT');
    expect((e as AppError).details?.['issues']).toEqual([
      { field: 'title', rule: 'required' },
      { field: 'priceMax', rule: 'maxBelowMin' },
      { field: 'memberDuration', rule: 'memberStep', staffId: 34006 },
      { field: 'break', rule: 'breakStep' },
    ]);
    expect(fake.created).toHaveLength(0);
    expect(await d.handlers['manage.list']({ locationId: NY })).toEqual([]);
  });

  it('a lost answer is looked up by api_id, never created twice', async () => {
    const fake = salon();
    const d = open(fake);
    fake.lostAnswers = 1;
    const item = await d.handlers['manage.createCategory']({ locationId: NY, title: 'Brows', staffIds: [34006] });
    expect(item.state).toBe('pending'); // "not yet sent": Altegio's answer never came
    expect(fake.created).toHaveLength(1);

    desk.t.clock.advance(60_000);
    await d.flush();
    expect(fake.created).toHaveLength(1);
    expect(fake.count('categoryRefs')).toBe(1);
    const [after] = await d.handlers['manage.list']({ locationId: NY });
    expect(after).toMatchObject({ state: 'sent', remoteId: fake.data.locations[0]!.categories.at(-1)!.id });
  });

  it('after a crash mid-send the change is confirmed on Altegio, not sent again', async () => {
    const fake = salon();
    let d = open(fake);
    fake.failOn('createService', new AppError('OFFLINE', 'Altegio cannot be reached.'));
    const item = await d.handlers['manage.createService'](service());
    expect(item.state).toBe('pending');
    // The desk died while a later request was out, after Altegio stored it.
    const apiId = desk.t.db.prepare<[], { api_id: string }>('SELECT api_id FROM outbox_catalog').get()!.api_id;
    fake.data.locations[0]!.services.push({ ...fake.data.locations[0]!.services[0]!, id: 777 });
    (fake.data.locations[0]!.apiIds ??= {})[777] = apiId;
    desk.t.db.prepare(`UPDATE outbox_catalog SET state = 'sending', unconfirmed = 0`).run();
    d.close?.();
    const dir = desk.t.dir;
    desk.t.close({ keep: true });

    d = open(fake, { dir });
    desk.t.clock.advance(60_000);
    await d.flush();
    expect(fake.count('createService')).toBe(1); // only the first, failed attempt
    expect((await d.handlers['manage.list']({ locationId: NY }))[0]).toMatchObject({ state: 'sent', remoteId: 777 });
  });

  it('parallel flushes send a queued change once', async () => {
    const fake = salon();
    const d = open(fake);
    const off = fake.failOn('createCategory', new AppError('OFFLINE', 'Altegio cannot be reached.'));
    await d.handlers['manage.createCategory']({ locationId: NY, title: 'Brows', staffIds: [] });
    off();
    desk.t.clock.advance(60_000);
    await Promise.all([d.flush(), d.flush(), d.flush()]);
    expect(fake.created).toHaveLength(1);
  });

  it('a 403 keeps the change, marked "needs a manager", and a manager sends it as their own', async () => {
    const fake = salon(ALL_RIGHTS);
    let d = open(fake, { userId: 2, userName: 'Mia Desk' });
    // Altegio said yes earlier, then the role was changed: the write is refused.
    await d.handlers['manage.rights']({ locationId: NY });
    fake.failOn('createService', new AppError('FORBIDDEN', 'Not enough rights'));
    const item = await d.handlers['manage.createService'](service());
    expect(item).toMatchObject({ state: 'needs-manager', queuedBy: 'Mia Desk' });
    expect(audit.map((a) => a.detail)).toContain(
      'new service “Gloss treatment” · location 1050 · refused: needs a manager',
    );

    // The manager at the same desk.
    d.close?.();
    const dir = desk.t.dir;
    desk.t.close({ keep: true });
    const manager = salon(ALL_RIGHTS);
    d = open(manager, { dir, userId: 3, userName: 'Anna Manager' });
    await d.handlers['manage.rights']({ locationId: NY });
    const sent = await d.handlers['manage.retry']({ id: item.id });
    expect(sent).toMatchObject({ state: 'sent', queuedBy: 'Anna Manager' });
    expect(manager.created).toHaveLength(1);
    expect(audit.at(-2)).toEqual({
      detail: 'new service “Gloss treatment” · location 1050 · sent again by Anna Manager',
      who: 'Anna Manager',
    });
    expect(audit.at(-1)).toEqual({
      detail: 'new service “Gloss treatment” · location 1050 · sent',
      who: 'Anna Manager',
    });
  });

  it('a person whose Altegio rights say no is refused with the sentence, and nothing is queued', async () => {
    const fake = salon(NO_RIGHTS);
    const d = open(fake);
    const rights = await d.handlers['manage.rights']({ locationId: NY });
    expect(rights).toMatchObject({ createCategory: false, createService: false, readOnlyReason: 'no-rights' });
    const e = await Promise.resolve()
      .then(() => d.handlers['manage.createCategory']({ locationId: NY, title: 'Brows', staffIds: [] }))
      .catch((x: unknown) => x);
    expect(isAppError(e) && e.code).toBe('FORBIDDEN');
    expect(fake.created).toHaveLength(0);
    expect(await d.handlers['manage.list']({ locationId: NY })).toEqual([]);
  });

  it('offline, the last rights answer stands; never asked, the screens say "not checked"', async () => {
    const fake = salon(ALL_RIGHTS);
    const d = open(fake);
    const off = fake.failOn('catalogRights', new AppError('OFFLINE', 'Altegio cannot be reached.'));
    expect(await d.handlers['manage.rights']({ locationId: NY })).toMatchObject({ readOnlyReason: 'not-checked' });
    off();
    await d.handlers['manage.rights']({ locationId: NY });
    fake.failOn('catalogRights', new AppError('OFFLINE', 'Altegio cannot be reached.'));
    expect(await d.handlers['manage.rights']({ locationId: NY })).toMatchObject({
      createService: true,
      readOnlyReason: null,
    });
  });

  it('only the owner’s session sends a queued change', async () => {
    const fake = salon();
    let d = open(fake, { userId: 1, userName: 'Anna' });
    const off = fake.failOn('createCategory', new AppError('OFFLINE', 'Altegio cannot be reached.'));
    await d.handlers['manage.createCategory']({ locationId: NY, title: 'Brows', staffIds: [] });
    off();
    d.close?.();
    const dir = desk.t.dir;
    desk.t.close({ keep: true });
    d = open(fake, { dir, userId: 9, userName: 'Léa' });
    desk.t.clock.advance(60_000);
    await d.flush();
    expect(fake.created).toHaveLength(0);
    expect((await d.handlers['manage.list']({ locationId: NY }))[0]).toMatchObject({
      state: 'pending',
      queuedBy: 'Anna',
    });
  });

  it('a service in a category still waiting is sent after it, with the category’s new id', async () => {
    const fake = salon();
    const d = open(fake);
    const off = fake.failOn('createCategory', new AppError('OFFLINE', 'Altegio cannot be reached.'));
    const cat = await d.handlers['manage.createCategory']({ locationId: NY, title: 'Brows', staffIds: [34006] });
    const svc = await d.handlers['manage.createService'](
      service({ categoryId: undefined, pendingCategoryId: cat.id, staff: [{ staffId: 34006, durationMin: 30 }] }),
    );
    expect(svc).toMatchObject({ state: 'pending', pendingCategoryId: cat.id });
    expect(fake.count('createService')).toBe(0);
    off();
    desk.t.clock.advance(60_000);
    await d.flush();
    const [c, s] = await d.handlers['manage.list']({ locationId: NY });
    expect(c!.state).toBe('sent');
    expect(s!.state).toBe('sent');
    expect((fake.created[1]!.body as { category_id: number }).category_id).toBe(c!.remoteId);
  });

  it('a waiting service keeps its new category after a sync has taken the category’s row away', async () => {
    const fake = salon();
    const d = open(fake);
    const cat = await d.handlers['manage.createCategory']({ locationId: NY, title: 'Brows', staffIds: [] });
    expect(cat.state).toBe('sent');
    // Queued while the category was still shown as this desk's, then the network dropped.
    const off = fake.failOn('createService', new AppError('OFFLINE', 'Altegio cannot be reached.'));
    const svc = await d.handlers['manage.createService'](
      service({ categoryId: undefined, pendingCategoryId: cat.id, staff: [] }),
    );
    expect(svc.categoryId).toBe(cat.remoteId);
    desk.t.db.prepare('DELETE FROM outbox_catalog WHERE id = ?').run(cat.id); // what dropSynced does after a sync
    off();
    desk.t.clock.advance(60_000);
    await d.flush();
    expect((await d.handlers['manage.list']({ locationId: NY }))[0]).toMatchObject({ id: svc.id, state: 'sent' });
    expect((fake.created.at(-1)!.body as { category_id: number }).category_id).toBe(cat.remoteId);
  });

  it('a service queued for a category still waiting names its Altegio id once the category is sent', async () => {
    const fake = salon();
    const d = open(fake);
    const offCat = fake.failOn('createCategory', new AppError('OFFLINE', 'Altegio cannot be reached.'));
    const offSvc = fake.failOn('createService', new AppError('OFFLINE', 'Altegio cannot be reached.'));
    const cat = await d.handlers['manage.createCategory']({ locationId: NY, title: 'Brows', staffIds: [] });
    const svc = await d.handlers['manage.createService'](
      service({ categoryId: undefined, pendingCategoryId: cat.id, staff: [] }),
    );
    offCat();
    desk.t.clock.advance(60_000);
    await d.flush();
    const sentCat = (await d.handlers['manage.list']({ locationId: NY })).find((i) => i.id === cat.id)!;
    desk.t.db.prepare('DELETE FROM outbox_catalog WHERE id = ?').run(cat.id);
    offSvc();
    desk.t.clock.advance(10 * 60_000);
    await d.flush();
    const after = (await d.handlers['manage.list']({ locationId: NY })).find((i) => i.id === svc.id)!;
    expect(after).toMatchObject({ state: 'sent', categoryId: sentCat.remoteId, pendingCategoryId: null });
  });

  it('every change is on the audit list with who made it', async () => {
    const fake = salon();
    const d = open(fake, { userName: 'Anna Manager' });
    await d.handlers['manage.createCategory']({ locationId: NY, title: 'Brows', staffIds: [] });
    expect(audit).toEqual([
      { detail: 'new category “Brows” · location 1050 · queued', who: 'Anna Manager' },
      { detail: 'new category “Brows” · location 1050 · sent', who: 'Anna Manager' },
    ]);
  });
});
