import { afterEach, describe, expect, it } from 'vitest';
import type { Company } from '../../../src/main/altegio/types';
import { createCatalogDomain } from '../../../src/main/services/catalog';
import { AppError } from '../../../src/shared/errors';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { ALMATY, NY, sampleSalon } from '../../support/sample-salon';

/**
 * What the description's server showed (issue 19 §2): GET /company/{id} documents no currency and
 * may answer another id; categories may fail on their own. Each test failed before its fix.
 */

/** GET /company/{id} as documented: no currency_short_title (GET /companies has it). */
class DocumentedCompanyAltegio extends FakeAltegio {
  answerId: Record<number, number> = {};
  override company(locationId: number): Promise<Company> {
    return super.company(locationId).then((c) => ({
      ...c,
      currencyShortTitle: null,
      id: this.answerId[locationId] ?? c.id,
    }));
  }
}

const open: TestContext[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function setup() {
  const api = new DocumentedCompanyAltegio(sampleSalon());
  const t = makeTestContext({ altegio: api });
  open.push(t);
  return { t, api, catalog: createCatalogDomain(t.ctx) };
}

describe('the location comes from GET /companies, stored under the id asked for', () => {
  it('a full sync asks no GET /company/{id}, and the currency is the list’s (defect 6, item 21)', async () => {
    const { api, catalog } = setup();
    await catalog.syncAll();
    expect(api.count('company')).toBe(0);
    expect(api.count('myCompanies')).toBe(1);
    expect(catalog.repo.getLocation(NY)!.currency).toBe('USD');
    const hit = await catalog.handlers['catalog.search']({ locationId: ALMATY, query: '', limit: 1, offset: 0 });
    expect(hit.items[0]!.price.display).toMatch(/₸/);
  });

  it('a one-location re-sync reads the currency from the list too', async () => {
    const { api, catalog } = setup();
    await catalog.syncAll();
    await catalog.sync.run({ locationIds: [NY] });
    expect(api.count('company')).toBe(0);
    expect(catalog.repo.getLocation(NY)!.currency).toBe('USD');
  });

  it('GET /company/1050 answering id 37532 is stored under 1050, and the mismatch is noted (defect 4)', async () => {
    const { api, catalog } = setup();
    await catalog.syncAll();
    // Altegio stops listing NY for a moment; the re-sync falls back to GET /company/{id}, which answers another id.
    const [ny] = api.data.locations.splice(0, 1);
    api.data.locations.push({ ...ny!, company: { ...ny!.company } });
    const listed = api.myCompanies.bind(api);
    api.myCompanies = () => listed().then((all) => all.filter((c) => c.id !== NY));
    api.answerId[NY] = 99_999;
    const [state] = await catalog.sync.run({ locationIds: [NY] });
    expect(api.count('company')).toBe(1);
    expect(state).toMatchObject({ locationId: NY, lastError: null });
    expect(catalog.repo.getLocation(99_999)).toBeNull();
    expect(catalog.repo.getLocation(NY)).toMatchObject({ id: NY, currency: 'USD' });
    const cats = await catalog.handlers['catalog.categories']({ locationId: NY });
    expect(cats.notes).toContain('idMismatch');
  });
});

describe('categories that cannot be read do not cost the services (defect 1)', () => {
  it('services are kept under "Other" with a note, and categories are asked for again next sync', async () => {
    const { api, catalog } = setup();
    const stop = api.failOn(
      'serviceCategories',
      new AppError('UPSTREAM', 'Altegio did not take this request.', { status: 405 }),
    );
    const states = await catalog.syncAll();
    expect(states.every((s) => s.lastError === null)).toBe(true);
    const all = await catalog.handlers['catalog.search']({ locationId: NY, query: '', limit: 50, offset: 0 });
    expect(all.total).toBe(8);
    const cats = await catalog.handlers['catalog.categories']({ locationId: NY });
    expect(cats.items).toEqual([{ id: 0, title: '', serviceCount: 8 }]);
    expect(cats.notes).toEqual(['categoriesUnavailable']);

    stop();
    await catalog.syncAll();
    expect(api.count('serviceCategories')).toBe(4);
    const again = await catalog.handlers['catalog.categories']({ locationId: NY });
    expect(again.items.map((c) => c.id)).not.toContain(0);
    expect(again.items).toHaveLength(3);
    expect(again.notes).toEqual([]);
  });

  it('a later failure keeps the categories the desk already has', async () => {
    const { api, catalog } = setup();
    await catalog.syncAll();
    api.failOn('serviceCategories', new AppError('NOT_FOUND', 'Not found.', { status: 404 }));
    await catalog.syncAll();
    const cats = await catalog.handlers['catalog.categories']({ locationId: NY });
    expect(cats.items.map((c) => c.id)).not.toContain(0);
    expect(cats.items).toHaveLength(3);
    expect(cats.notes).toEqual(['categoriesUnavailable']);
  });

  it('a signed-out session still stops the run', async () => {
    const { api, catalog } = setup();
    api.failOn('serviceCategories', new AppError('AUTH_REQUIRED', 'Sign in again.'));
    const states = await catalog.syncAll();
    expect(states[0]!.lastError?.code).toBe('AUTH_REQUIRED');
    expect(catalog.repo.getLocation(NY)).toBeNull();
  });
});

describe('requests a refresh does not need (item 21)', () => {
  it('the licence is read at the first sync and again only after 12 hours, not on every refresh', async () => {
    const { t, api, catalog } = setup();
    await catalog.syncAll();
    expect(api.count('license')).toBe(2);
    t.clock.advance(31 * 60_000);
    await catalog.syncAll();
    t.clock.advance(31 * 60_000);
    await catalog.sync.run({ locationIds: [NY] });
    expect(api.count('license')).toBe(2);
    expect(catalog.repo.getLocation(NY)!.license).not.toBeNull();
    t.clock.advance(12 * 3_600_000);
    await catalog.syncAll();
    expect(api.count('license')).toBe(4);
  });
});

describe('the per-member fallback (item 21)', () => {
  it('asks each member once per 6 hours, not on every 30-minute refresh, and keeps the links', async () => {
    const { t, api, catalog } = setup();
    await catalog.syncAll();
    expect(api.count('servicesOfStaff')).toBe(2); // Almaty's list has no staff links: one request per member
    const before = catalog.repo.getService(ALMATY, 83169)!.performers.map((p) => p.staffId);
    t.clock.advance(31 * 60_000);
    await catalog.syncAll();
    expect(api.count('servicesOfStaff')).toBe(2);
    expect(catalog.repo.getService(ALMATY, 83169)!.performers.map((p) => p.staffId)).toEqual(before);
    t.clock.advance(6 * 3_600_000);
    await catalog.syncAll();
    expect(api.count('servicesOfStaff')).toBe(4);
  });
});
