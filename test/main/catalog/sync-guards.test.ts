import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAltegioClient, RateLimiter } from '../../../src/main/altegio';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer, type FaultMode } from '../../support/demo';
import { createCatalogDomain, type CatalogDomain } from '../../../src/main/services/catalog';
import { makeTestContext, type TestContext } from '../../support/context';

/** What a 2xx answer without data, an unknown id or a full disk may do to the cache: nothing. */

const ANNA = DEMO_USERS[0]!;
let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

const open: TestContext[] = [];
afterEach(() => {
  demo.faults.clear();
  for (const t of open.splice(0)) t.close();
});

async function syncedDesk(): Promise<{ t: TestContext; catalog: CatalogDomain }> {
  const t = makeTestContext();
  t.setAltegio(
    createAltegioClient({
      baseUrl: demo.url,
      vendor: 'altegio',
      credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: ANNA.userToken }),
      retries: 0,
      limiter: new RateLimiter({ perSecond: 10_000, perMinute: 100_000 }),
    }),
  );
  open.push(t);
  const catalog = createCatalogDomain(t.ctx);
  await catalog.syncAll();
  return { t, catalog };
}

function snapshot(t: TestContext) {
  const count = (table: string) => t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  const media = (() => {
    try {
      return readdirSync(join(t.ctx.paths.media, 'staff'), { recursive: true, withFileTypes: true }).filter((f) => f.isFile())
        .length;
    } catch {
      return 0;
    }
  })();
  return { locations: count('locations'), staff: count('staff'), services: count('services'), media };
}

describe('GET /staff answering 2xx without data', () => {
  it.each<FaultMode>(['dataNull', 'emptyBody', 'noContent'])('%s is UPSTREAM and the team stays', async (mode) => {
    const { t, catalog } = await syncedDesk();
    const before = snapshot(t);
    expect(before.staff).toBeGreaterThan(0);
    const locationId = (await catalog.handlers['catalog.locations'](undefined)).items[0]!.id;
    demo.faults.set({ mode, match: /\/staff\/\d+$/ });
    const [state] = await catalog.handlers['sync.run']({ locationId });
    expect(state).toMatchObject({ lastError: { code: 'UPSTREAM' } });
    expect(snapshot(t)).toEqual(before);
  });
});

describe('a well-formed empty list that would empty a cached location', () => {
  it.each([
    ['team', /\/staff\/\d+$/],
    ['services', /\/company\/\d+\/services(\?|$)/],
    ['categories', /\/service_categories/],
  ])('%s: UPSTREAM with a sentence, the catalogue kept', async (_what, match) => {
    const { t, catalog } = await syncedDesk();
    const before = snapshot(t);
    const locationId = (await catalog.handlers['catalog.locations'](undefined)).items[0]!.id;
    demo.faults.set({ mode: 'emptyList', match });
    const [state] = await catalog.handlers['sync.run']({ locationId });
    expect(state?.lastError).toMatchObject({ code: 'UPSTREAM', message: expect.stringMatching(/ask your manager/) });
    expect(snapshot(t)).toEqual(before);
  });
});

describe('GET /companies answering an empty list', () => {
  it('keeps every cached location and asks a person to confirm removal', async () => {
    const { t, catalog } = await syncedDesk();
    const before = snapshot(t);
    demo.faults.set({ mode: 'emptyList', match: '/companies' });
    await catalog.handlers['sync.run'](undefined);
    expect(snapshot(t)).toEqual(before);
    const status = await catalog.handlers['sync.status'](undefined);
    expect(status.missingLocations).toHaveLength(before.locations as number);
    expect(t.events.some((e) => e.name === 'catalog-removal-pending')).toBe(true);

    const { removed } = await catalog.handlers['sync.confirmRemoval'](undefined);
    expect(removed).toHaveLength(before.locations as number);
    expect(snapshot(t)).toMatchObject({ locations: 0, staff: 0, services: 0, media: 0 });
    expect((await catalog.handlers['sync.status'](undefined)).missingLocations).toEqual([]);
  });

  it('data:null is UPSTREAM, nothing removed', async () => {
    const { t, catalog } = await syncedDesk();
    const before = snapshot(t);
    demo.faults.set({ mode: 'dataNull', match: '/companies' });
    await expect(catalog.handlers['sync.run'](undefined)).rejects.toMatchObject({ code: 'UPSTREAM' });
    expect(snapshot(t)).toEqual(before);
  });
});

describe('sync.run with a location the desk has never seen', () => {
  it('is NOT_FOUND and leaves no row for sync.status or the timer', async () => {
    const { catalog } = await syncedDesk();
    const rows = (await catalog.handlers['sync.status'](undefined)).locations.length;
    await expect(catalog.handlers['sync.run']({ locationId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const after = await catalog.handlers['sync.status'](undefined);
    expect(after.locations).toHaveLength(rows);
    expect(after.locations.some((s) => s.locationId === 999_999)).toBe(false);
    expect(catalog.sync.dueLocations()).not.toContain(999_999);
  });
});

describe('a full disk during sync', () => {
  it('is STORAGE with a sentence, not INTERNAL', async () => {
    const { catalog } = await syncedDesk();
    const locationId = (await catalog.handlers['catalog.locations'](undefined)).items[0]!.id;
    // What better-sqlite3 throws on a full disk (the real one, on a tmpfs, is in test/reliability).
    catalog.repo.writer.replace = () => {
      throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    };
    const err = await Promise.resolve(catalog.handlers['sync.run']({ locationId })).catch((e: unknown) => e);
    const state = Array.isArray(err) ? err[0] : null;
    const error = state ? state.lastError : err;
    expect(error).toMatchObject({ code: 'STORAGE', message: expect.stringMatching(/disk is full/) });
  });
});
