import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCatalogDomain, type CatalogDomain } from '../../../src/main/services/catalog';
import { AppError } from '../../../src/shared/errors';
import type { SyncProgress } from '../../../src/shared/domain/catalog';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { ALMATY, AVATAR_DENIS, AVATAR_JOHN, jpegBytes, NY, sampleSalon } from '../../support/sample-salon';
import { locationChecksum } from './helpers';

const open: TestContext[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function setup(api = new FakeAltegio(sampleSalon())): { t: TestContext; api: FakeAltegio; catalog: CatalogDomain } {
  const t = makeTestContext({ altegio: api });
  open.push(t);
  return { t, api, catalog: createCatalogDomain(t.ctx) };
}

describe('catalogue sync', () => {
  it('stores every location the user has, with counts and syncedAt', async () => {
    const { t, catalog } = setup();
    const states = await catalog.syncAll();
    const at = t.clock.now().toISOString();
    expect(states.map((s) => [s.locationId, s.lastSuccessAt, s.lastError, s.counts])).toEqual([
      [NY, at, null, { categories: 3, services: 8, staff: 3 }],
      [ALMATY, at, null, { categories: 2, services: 3, staff: 2 }],
    ]);
    expect(catalog.repo.listLocations().map((l) => [l.id, l.currency, l.syncedAt])).toEqual([
      [NY, 'USD', at],
      [ALMATY, '₸', at],
    ]);
    expect(catalog.repo.getStaffMember(NY, 8)).toBeNull(); // deleted members are not kept
    expect(catalog.repo.getStaffMember(NY, 6)).toMatchObject({ name: 'Helen Hidden', hidden: true });
  });

  it('builds links from servicesOfStaff when the service list has none, with the default duration', async () => {
    const { catalog, api } = setup();
    await catalog.syncAll();
    expect(api.count('servicesOfStaff')).toBe(2); // Almaty's two members; NY's list carries links
    const men = catalog.repo.getService(ALMATY, 83169)!;
    expect(men.performers.map((p) => [p.staffId, p.durationSec, p.price])).toEqual([[11, 2700, null]]);
    expect(catalog.repo.getService(ALMATY, 3)!.performers.map((p) => p.name)).toEqual(['Алёна Ким']);
  });

  it('caches visible members’ photos once, and keeps the old copy when a download fails', async () => {
    const { t, api, catalog } = setup();
    await catalog.syncAll();
    const john = catalog.repo.getStaffMember(NY, 2940951)!;
    expect(john.avatarRemote).toBe(AVATAR_JOHN);
    expect(john.avatarMedia).toMatch(/^staff\/1050\/2940951-[0-9a-f]{10}\.jpg$/);
    expect(readFileSync(join(t.ctx.paths.media, john.avatarMedia!))).toEqual(Buffer.from(jpegBytes(1)));
    expect(api.count('download')).toBe(3); // John, Denis, Zoë; not the hidden/fired/deleted ones

    await catalog.syncAll();
    expect(api.count('download')).toBe(3); // unchanged URLs are not fetched again

    // Denis gets a new photo on Altegio, but its download fails: he keeps the old copy.
    const denisBefore = catalog.repo.getStaffMember(NY, 34006)!.avatarMedia;
    expect(catalog.repo.getStaffMember(NY, 34006)!.avatarRemote).toBe(AVATAR_DENIS);
    api.data.locations[0]!.staff[1]!.avatar = 'https://app.alteg.io/uploads/masters/norm/new.jpg';
    await catalog.syncAll();
    expect(catalog.repo.getStaffMember(NY, 34006)).toMatchObject({
      avatarMedia: denisBefore,
      avatarRemote: 'https://app.alteg.io/uploads/masters/norm/new.jpg',
    });
    expect(catalog.repo.syncState.get(NY)!.lastError).toBeNull();

    // The new photo arrives: new file, the old one is removed.
    api.data.images!['https://app.alteg.io/uploads/masters/norm/new.jpg'] = jpegBytes(9);
    await catalog.syncAll();
    const denisAfter = catalog.repo.getStaffMember(NY, 34006)!.avatarMedia!;
    expect(denisAfter).not.toBe(denisBefore);
    expect(existsSync(join(t.ctx.paths.media, denisBefore!))).toBe(false);
    expect(readdirSync(join(t.ctx.paths.media, 'staff', String(NY))).sort()).toHaveLength(3);
  });

  it('keeps the previous snapshot byte-for-byte when a step fails half way, and records the error', async () => {
    const { t, api, catalog } = setup();
    await catalog.syncAll();
    const before = locationChecksum(t.db, NY);
    const almatyBefore = locationChecksum(t.db, ALMATY);
    const firstSync = t.clock.now().toISOString();

    // The data changes upstream, then the staff call fails after categories and services were fetched.
    api.data.locations[0]!.services[0]!.title = 'Renamed haircut';
    api.data.locations[0]!.categories.pop();
    api.failOn('staff', new AppError('UPSTREAM', 'Altegio answered 500.'), NY);
    t.clock.advance(60_000);
    const states = await catalog.syncAll();

    expect(locationChecksum(t.db, NY)).toBe(before);
    expect(states.find((s) => s.locationId === NY)).toMatchObject({
      lastSuccessAt: firstSync,
      lastErrorAt: t.clock.now().toISOString(),
      lastError: { code: 'UPSTREAM', message: 'Altegio answered 500.' },
      counts: { categories: 3, services: 8, staff: 3 },
    });
    // The other location still synced in the same run.
    expect(states.find((s) => s.locationId === ALMATY)).toMatchObject({
      lastSuccessAt: t.clock.now().toISOString(),
      lastError: null,
    });
    expect(locationChecksum(t.db, ALMATY)).not.toBe(almatyBefore); // a new snapshot (new syncedAt)
  });

  it('keeps the previous snapshot when saving itself fails (the transaction rolls back)', async () => {
    const { t, api, catalog } = setup();
    await catalog.syncAll();
    const before = locationChecksum(t.db, NY);
    // A service with a non-numeric price makes the STRICT insert fail mid-transaction.
    api.data.locations[0]!.services.push({
      ...api.data.locations[0]!.services[0]!,
      id: 1,
      priceMin: 'free' as unknown as number,
    });
    const [ny] = await catalog.sync.run({ locationIds: [NY] });
    expect(ny!.lastError?.code).toBe('INTERNAL');
    expect(locationChecksum(t.db, NY)).toBe(before);
  });

  it('treats a licence failure as non-fatal and keeps the previous licence', async () => {
    const { api, catalog } = setup();
    await catalog.syncAll();
    api.failOn('license', new AppError('FORBIDDEN', 'Not enough rights'));
    api.data.locations[0]!.services[0]!.title = 'Renamed haircut';
    const states = await catalog.syncAll();
    expect(states.every((s) => s.lastError === null)).toBe(true);
    expect(catalog.repo.getService(NY, 83169)!.title).toBe('Renamed haircut');
    expect(catalog.repo.getLocation(NY)!.license).toMatchObject({ plan: 'Start', endDate: '2026-03-27' });
  });

  it('stops the run at AUTH_REQUIRED and leaves the remaining locations alone', async () => {
    const { api, catalog } = setup();
    api.failOn('serviceCategories', new AppError('AUTH_REQUIRED', 'Your session has ended. Sign in again.'), NY);
    const states = await catalog.syncAll();
    expect(states.find((s) => s.locationId === NY)!.lastError?.code).toBe('AUTH_REQUIRED');
    expect(api.calls.some((c) => c.args[0] === ALMATY)).toBe(false);
  });

  it('lets a second call join the running one', async () => {
    const { api, catalog } = setup();
    const [a, b] = [catalog.sync.run(), catalog.sync.run({ locationIds: [ALMATY] })];
    expect(catalog.sync.isRunning).toBe(true);
    expect(await a).toBe(await b);
    expect(api.count('myCompanies')).toBe(1);
    expect(api.count('staff')).toBe(2); // one location sync each; the list gave the companies
    expect(catalog.sync.isRunning).toBe(false);
  });

  it('reports progress per location and step, then done', async () => {
    const { t, catalog } = setup();
    await catalog.syncAll();
    const progress = t.events.filter((e) => e.name === 'sync-progress').map((e) => e.payload as SyncProgress);
    expect(progress.filter((p) => p.locationId === NY).map((p) => p.step)).toEqual([
      'company',
      'categories',
      'services',
      'staff',
      'license',
      'photos',
      'save',
      'done',
    ]);
    expect(progress.at(-1)).toEqual({
      locationId: ALMATY,
      locationTitle: 'Салон «Алма»',
      step: 'done',
      done: 2,
      total: 2,
    });
    expect(t.events.filter((e) => e.name === 'catalog-updated')).toHaveLength(2);
  });

  it('forgets locations the user no longer has', async () => {
    const { api, catalog } = setup();
    await catalog.syncAll();
    api.data.locations.pop();
    const states = await catalog.syncAll();
    expect(states.map((s) => s.locationId)).toEqual([NY]);
    expect(catalog.repo.getLocation(ALMATY)).toBeNull();
    expect(catalog.repo.search({ locationId: ALMATY, query: '', limit: 10, offset: 0 }).total).toBe(0);
  });

  it('refreshes in the background only stale locations, only when online, after a failure not at once', async () => {
    const { t, api, catalog } = setup();
    await catalog.syncAll();
    await catalog.sync.tick();
    expect(api.count('staff')).toBe(2); // fresh: nothing to do

    t.clock.advance(31 * 60_000);
    t.connectivity.online = false;
    await catalog.sync.tick();
    expect(api.count('staff')).toBe(2); // offline: wait

    t.connectivity.online = true;
    t.ctx.settings.set('desk.staleAfterMinutes', 60);
    await catalog.sync.tick();
    expect(api.count('staff')).toBe(2); // 31 min is not stale under a 60 min setting

    t.ctx.settings.set('desk.staleAfterMinutes', 30);
    const undo = api.failOn('services', new AppError('UPSTREAM', 'Altegio answered 502.'), ALMATY);
    await catalog.sync.tick();
    expect(api.count('services')).toBe(4); // both tried (Almaty's fails before its team)
    expect(catalog.sync.dueLocations()).toEqual([]); // NY fresh again; Almaty failed a moment ago
    undo();
    t.clock.advance(5 * 60_000);
    expect(catalog.sync.dueLocations()).toEqual([ALMATY]);
    await catalog.sync.tick();
    expect(catalog.repo.syncState.get(ALMATY)).toMatchObject({
      lastError: null,
      lastSuccessAt: t.clock.now().toISOString(),
    });
  });

  it('refreshes a stale location in the background when it is read while signed in and online', async () => {
    const { t, api, catalog } = setup();
    catalog.onSession!(true);
    await catalog.sync.run();
    const read = () => catalog.handlers['catalog.search']({ locationId: ALMATY, query: '', limit: 5, offset: 0 });
    read();
    expect(catalog.sync.isRunning).toBe(false); // fresh

    t.clock.advance(31 * 60_000);
    api.data.locations[1]!.services[0]!.title = 'Стрижка мужская (новая цена)';
    const stale = await read();
    expect(stale.items.map((i) => i.title)).toContain('Стрижка мужская'); // the answer never waits for the network
    expect(catalog.sync.isRunning).toBe(true);
    await catalog.sync.run();
    expect((await read()).items.map((i) => i.title)).toContain('Стрижка мужская (новая цена)');
    expect(api.calls.filter((c) => c.method === 'staff').map((c) => c.args[0])).toEqual([NY, ALMATY, ALMATY]);

    catalog.onSession!(false);
    t.clock.advance(31 * 60_000);
    await read();
    expect(catalog.sync.isRunning).toBe(false); // signed out: reads stay local
  });

  it('asks for the location list again only now and then while the user has none', async () => {
    const { t, api, catalog } = setup(new FakeAltegio({ locations: [] }));
    await catalog.sync.tick();
    await catalog.sync.tick();
    expect(api.count('myCompanies')).toBe(1);
    t.clock.advance(5 * 60_000);
    await catalog.sync.tick();
    expect(api.count('myCompanies')).toBe(2);
  });

  it('starts a full sync at sign-in and stops its timer at sign-out', async () => {
    const { t, api, catalog } = setup();
    catalog.onSession!(true);
    await catalog.sync.run(); // joins the sign-in run
    expect(api.count('myCompanies')).toBe(1);
    expect(catalog.repo.listLocations()).toHaveLength(2);
    catalog.onSession!(false);
    t.setAltegio(null);
    await expect(catalog.sync.run()).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });
});
