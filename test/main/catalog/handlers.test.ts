import { afterEach, describe, expect, it } from 'vitest';
import { createCatalogDomain, type CatalogDomain } from '../../../src/main/services/catalog';
import type { LocationCard } from '../../../src/shared/domain/catalog';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { ALMATY, NY, sampleSalon } from '../../support/sample-salon';

const open: TestContext[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

async function synced(
  opts: Parameters<typeof createCatalogDomain>[1] = {},
): Promise<{ t: TestContext; catalog: CatalogDomain }> {
  const t = makeTestContext({ altegio: new FakeAltegio(sampleSalon()) });
  open.push(t);
  const catalog = createCatalogDomain(t.ctx, opts);
  await catalog.syncAll();
  return { t, catalog };
}

describe('catalogue handlers', () => {
  it('lists locations with the oldest snapshot time', async () => {
    const { t, catalog } = await synced();
    const first = t.clock.now().toISOString();
    t.clock.advance(3_600_000);
    await catalog.sync.run({ locationIds: [ALMATY] });
    const listed = await catalog.handlers['catalog.locations'](undefined);
    expect(listed.syncedAt).toBe(first);
    expect(listed.items).toEqual([
      {
        id: NY,
        title: 'La Visage',
        city: 'New York',
        address: 'New York, 787 Jackson Drive',
        timezoneName: 'America/New_York',
        currency: 'USD',
        syncedAt: first,
      },
      expect.objectContaining({ id: ALMATY, syncedAt: t.clock.now().toISOString() }),
    ]);
  });

  it("computes the licence warning in the location's own calendar", async () => {
    const { t, catalog } = await synced();
    const card = (id: number) => catalog.handlers['catalog.location']({ id }) as LocationCard;
    // 23 March 22:00 in New York, already 24 March in Almaty; NY's licence ends 27 March.
    t.clock.set('2026-03-24T02:00:00Z');
    expect(card(NY)).toMatchObject({
      phones: ['+13155550175'],
      email: 'info@lavisage.com',
      site: 'https://lavisage.example',
      schedule: 'Mon–Sat 9:00–20:00',
      license: { plan: 'Start', active: true, endsOn: '2026-03-27', daysLeft: 4, warning: true },
    });
    t.clock.set('2026-03-10T12:00:00Z');
    expect(card(NY).license).toMatchObject({ daysLeft: 17, warning: false });
    expect(card(ALMATY).license).toMatchObject({ endsOn: '2027-01-01', warning: false });
    expect(() => card(4242)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/not in the offline catalogue/) }),
    );
  });

  it('gives a service with its visible performers, per-member durations and prices', async () => {
    const { t, catalog } = await synced();
    const s = await catalog.handlers['catalog.service']({ locationId: NY, id: 83169 });
    expect(s).toMatchObject({
      title: "Men's haircut",
      categoryTitle: 'Haircuts',
      comment: null,
      staffCount: 2,
      syncedAt: t.clock.now().toISOString(),
    });
    expect(s.performers).toEqual([
      {
        staffId: 2940951,
        name: 'John Smith',
        position: 'Senior Stylist',
        avatarUrl: expect.stringMatching(/^app-media:\/\/media\/staff\/1050\/2940951-/),
        durationSec: 3600,
        durationDisplay: '1 hr',
        price: null,
      },
      {
        staffId: 34006,
        name: 'Denis',
        position: null,
        avatarUrl: expect.stringMatching(/^app-media:/),
        durationSec: 2700,
        durationDisplay: '45 min',
        price: { min: 45, max: 45, display: '$45.00' },
      },
    ]);
    const coloracion = await catalog.handlers['catalog.service']({ locationId: NY, id: 83173 });
    expect(coloracion.performers.map((p) => p.name)).toEqual(['John Smith']); // Helen is hidden
    expect(() => catalog.handlers['catalog.service']({ locationId: NY, id: 1 })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/not in La Visage's catalogue/) }),
    );
  });

  it('lists categories with their service counts', async () => {
    const { catalog } = await synced();
    const c = await catalog.handlers['catalog.categories']({ locationId: NY });
    expect(c.items).toEqual([
      { id: 83167, title: 'Haircuts', serviceCount: 4 },
      { id: 83168, title: 'Coloring', serviceCount: 3 },
      { id: 83170, title: 'Ногти', serviceCount: 1 },
    ]);
  });

  it('lists the team without hidden or fired members, with cached photos and pending photo work', async () => {
    const pending = new Map<number, 'upload' | 'remove'>([[34006, 'upload']]);
    const { catalog } = await synced({ pendingPhotos: (id) => (id === NY ? pending : new Map()) });
    const team = await catalog.handlers['staff.list']({ locationId: NY });
    expect(team.items.map((m) => [m.name, m.serviceCount, m.hasPhoto, m.photoPending])).toEqual([
      ['John Smith', 4, true, null],
      ['Denis', 3, true, 'upload'],
      ['Zoë Müller', 1, true, null],
    ]);
    expect(team.items[0]!.avatarUrl).toMatch(/^app-media:\/\/media\/staff\/1050\/2940951-[0-9a-f]{10}\.jpg$/);
    const almaty = await catalog.handlers['staff.list']({ locationId: ALMATY });
    expect(almaty.items.map((m) => [m.name, m.position, m.hasPhoto, m.avatarUrl])).toEqual([
      ['Айгерим Сулейменова', 'Мастер', false, null],
      ['Алёна Ким', 'Косметолог', false, null],
    ]);
  });

  it('lets the photos feature read and replace a member’s avatar', async () => {
    const { catalog } = await synced();
    expect(catalog.repo.getStaffMember(NY, 2940951)).toMatchObject({
      id: 2940951,
      name: 'John Smith',
      imageGroupId: 7001,
    });
    catalog.repo.setStaffAvatar(NY, 2940951, {
      media: 'staff/1050/2940951-0123456789.jpg',
      remote: 'https://x/new.jpg',
      imageGroupId: 8001,
    });
    expect(catalog.repo.getStaffMember(NY, 2940951)).toMatchObject({
      avatarMedia: 'staff/1050/2940951-0123456789.jpg',
      avatarRemote: 'https://x/new.jpg',
      imageGroupId: 8001,
    });
    catalog.repo.setStaffAvatar(NY, 2940951, { media: null, remote: null, imageGroupId: null });
    const john = (await catalog.handlers['staff.list']({ locationId: NY })).items[0]!;
    expect([john.hasPhoto, john.avatarUrl]).toEqual([false, null]);
    expect(catalog.repo.getStaffMember(NY, 999)).toBeNull();
  });

  it('reads everything from the cache when offline and signed out', async () => {
    const { t, catalog } = await synced();
    const read = async () => ({
      search: await catalog.handlers['catalog.search']({ locationId: NY, query: 'colo', limit: 50, offset: 0 }),
      location: await catalog.handlers['catalog.location']({ id: ALMATY }),
      staff: await catalog.handlers['staff.list']({ locationId: NY }),
      service: await catalog.handlers['catalog.service']({ locationId: ALMATY, id: 83169 }),
    });
    const online = await read();
    t.setAltegio(null);
    t.connectivity.online = false;
    t.clock.advance(2 * 3_600_000);
    const offline = await read();
    expect(offline).toEqual(online);
    expect(offline.search.syncedAt).toBe(online.location.syncedAt);
    // Signed out, the sync status names nobody's locations (issue 21: data follows the signed-in person;
    // the IPC gate refuses the reads above too, see test/main/desk/desk-attacks.test.ts).
    expect(await catalog.handlers['sync.status'](undefined)).toMatchObject({
      online: false,
      running: false,
      locations: [],
    });
  });

  it('runs sync on demand for one location or all', async () => {
    const { t, catalog } = await synced();
    t.clock.advance(60_000);
    const one = await catalog.handlers['sync.run']({ locationId: ALMATY });
    expect(one.map((s) => [s.locationId, s.lastSuccessAt])).toEqual([[ALMATY, t.clock.now().toISOString()]]);
    const all = await catalog.handlers['sync.run'](undefined);
    expect(all.map((s) => s.title)).toEqual(['La Visage', 'Салон «Алма»']);
  });
});
