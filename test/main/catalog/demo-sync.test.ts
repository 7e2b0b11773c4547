import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAltegioClient, RateLimiter } from '../../../src/main/altegio';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { createCatalogDomain, type CatalogDomain } from '../../../src/main/services/catalog';
import { makeTestContext, type TestContext } from '../../support/context';
import { locationChecksum } from './helpers';

/** The catalogue wired as in the app (real client, real SQLite) against the demo server on 127.0.0.1. */

const ANNA = DEMO_USERS[0]!;
let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

const open: TestContext[] = [];
afterEach(async () => {
  demo.faults.clear();
  await demo.restart().catch(() => undefined); // a test may have stopped it
  for (const t of open.splice(0)) t.close();
});

function desk(): { t: TestContext; catalog: CatalogDomain } {
  const t = makeTestContext();
  const api = createAltegioClient({
    baseUrl: demo.url,
    vendor: 'altegio',
    credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: ANNA.userToken }),
    retries: 0,
    timeoutMs: 3_000,
    // The local server needs no pacing.
    limiter: new RateLimiter({ perSecond: 10_000, perMinute: 100_000 }),
    onConnectivity: (online) => t.connectivity.report(online),
  });
  t.setAltegio(api);
  open.push(t);
  return { t, catalog: createCatalogDomain(t.ctx) };
}

async function readAll(catalog: CatalogDomain, locationId: number) {
  const h = catalog.handlers;
  const first = await h['catalog.search']({ locationId, query: '', limit: 50, offset: 0 });
  return {
    locations: await h['catalog.locations'](undefined),
    location: await h['catalog.location']({ id: locationId }),
    first,
    typed: await h['catalog.search']({ locationId, query: first.items[0]!.title.slice(0, 3), limit: 50, offset: 0 }),
    categories: await h['catalog.categories']({ locationId }),
    staff: await h['staff.list']({ locationId }),
    service: await h['catalog.service']({ locationId, id: first.items[0]!.id }),
  };
}

describe('catalogue against the demo server', () => {
  it('syncs every location of the user, with staff photos cached on disk', async () => {
    const { t, catalog } = desk();
    const states = await catalog.syncAll();
    const expected = demo.dataset.locations.map((l) => l.company.id);
    expect(states.map((s) => s.locationId).sort()).toEqual([...expected].sort());
    for (const s of states) {
      expect(s.lastError, `location ${s.locationId}`).toBeNull();
      expect(s.counts.services).toBeGreaterThan(0);
    }
    const loc = demo.dataset.locations[0]!;
    const visibleWithPhoto = loc.staff.filter((m) => !m.hidden && !m.fired && !m.deleted && m.photo).length;
    const staff = (await catalog.handlers['staff.list']({ locationId: loc.company.id })).items;
    expect(staff.filter((m) => m.avatarUrl !== null)).toHaveLength(visibleWithPhoto);
    for (const m of staff.filter((x) => x.avatarUrl)) {
      const rel = catalog.repo.getStaffMember(loc.company.id, m.id)!.avatarMedia!;
      expect(existsSync(join(t.ctx.paths.media, rel))).toBe(true);
    }
  });

  it('answers the same from the cache, with syncedAt, once the server is gone', async () => {
    const { t, catalog } = desk();
    await catalog.syncAll();
    const locationId = demo.dataset.locations[0]!.company.id;
    const online = await readAll(catalog, locationId);
    expect(online.first.syncedAt).toBe(t.clock.now().toISOString());

    await demo.stop();
    t.clock.advance(3_600_000);
    const [state] = await catalog.sync.run({ locationIds: [locationId] });
    expect(state!.lastError?.code).toBe('OFFLINE');
    expect(t.connectivity.online).toBe(false);

    const offline = await readAll(catalog, locationId);
    expect(offline).toEqual(online);
    expect(offline.first.syncedAt).toBe(online.location.syncedAt);
  });

  for (const [step, match] of [
    ['services', /\/company\/\d+\/services/],
    ['staff', /\/staff\/\d+/],
  ] as const) {
    it(`keeps the previous snapshot byte-for-byte when ${step} fail half way, and records the error`, async () => {
      const { t, catalog } = desk();
      await catalog.syncAll();
      const ids = demo.dataset.locations.map((l) => l.company.id);
      const before = ids.map((id) => locationChecksum(t.db, id));
      const firstSync = t.clock.now().toISOString();

      demo.dataset.locations[0]!.services[0]!.title = 'Renamed upstream';
      demo.faults.set({ mode: 'http500', match });
      t.clock.advance(60_000);
      const states = await catalog.syncAll();

      expect(ids.map((id) => locationChecksum(t.db, id))).toEqual(before);
      for (const s of states) {
        expect(s).toMatchObject({ lastSuccessAt: firstSync, lastErrorAt: t.clock.now().toISOString() });
        expect(s.lastError?.code).toBe('UPSTREAM');
        expect(s.lastError?.message.length).toBeGreaterThan(0);
      }

      demo.faults.clear();
      await catalog.syncAll();
      const renamed = await catalog.handlers['catalog.search']({
        locationId: ids[0]!,
        query: 'renamed upstream',
        limit: 5,
        offset: 0,
      });
      expect(renamed.items.map((i) => i.title)).toEqual(['Renamed upstream']);
    });
  }
});
