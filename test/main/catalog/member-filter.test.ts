import { afterEach, describe, expect, it } from 'vitest';
import { createCatalogDomain, type CatalogDomain } from '../../../src/main/services/catalog';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { NY, sampleSalon } from '../../support/sample-salon';

const DENIS = 34006;
const open: TestContext[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

async function synced(withOrphan = false): Promise<CatalogDomain> {
  const salon = sampleSalon();
  if (withOrphan) {
    const ny = salon.locations.find((l) => l.company.id === NY)!;
    const template = ny.services[0]!;
    // A service whose category Altegio does not list (deleted category, or category_id 0).
    ny.services.push({ ...template, id: 99001, title: 'Orphan service', categoryId: 424242 });
    ny.services.push({ ...template, id: 99002, title: 'No category', categoryId: 0 });
  }
  const t = makeTestContext({ altegio: new FakeAltegio(salon) });
  open.push(t);
  const catalog = createCatalogDomain(t.ctx, {});
  await catalog.syncAll();
  return catalog;
}

describe('team-member filter and category counts', () => {
  it("with a member chosen, rows show that member's own price and duration", async () => {
    const catalog = await synced();
    const general = await catalog.handlers['catalog.search']({ locationId: NY, query: 'haircut', limit: 50, offset: 0 });
    const mens = general.items.find((h) => h.title === "Men's haircut")!;
    expect([mens.price.display, mens.durationDisplay]).toEqual(['$40.00', '1 hr']);

    const his = await catalog.handlers['catalog.search']({
      locationId: NY,
      query: 'haircut',
      staffId: DENIS,
      limit: 50,
      offset: 0,
    });
    const mine = his.items.find((h) => h.title === "Men's haircut")!;
    expect([mine.price.display, mine.durationDisplay]).toEqual(['$45.00', '45 min']);
    // A link without its own price keeps the general price but still has the member's duration.
    const list = await catalog.handlers['catalog.search']({
      locationId: NY,
      query: '',
      staffId: DENIS,
      limit: 50,
      offset: 0,
    });
    const womens = list.items.find((h) => h.title === 'Стрижка женская')!;
    expect([womens.price.display, womens.durationDisplay]).toEqual(['$60.00–90.00', '1 hr, 30 min']);
  });

  it('category counts and the "All services" total follow the team filter', async () => {
    const catalog = await synced();
    const all = await catalog.handlers['catalog.categories']({ locationId: NY });
    expect(all.total).toBe(8);
    const his = await catalog.handlers['catalog.categories']({ locationId: NY, staffId: DENIS });
    expect(his.items.map((c) => [c.title, c.serviceCount])).toEqual([
      ['Haircuts', 3],
      ['Coloring', 0],
      ['Ногти', 0],
    ]);
    expect(his.total).toBe(3);
  });

  it('"All services" counts services whose category is unknown or missing', async () => {
    const catalog = await synced(true);
    const c = await catalog.handlers['catalog.categories']({ locationId: NY });
    expect(c.items.reduce((n, x) => n + x.serviceCount, 0)).toBe(8);
    expect(c.total).toBe(10);
    const page = await catalog.handlers['catalog.search']({ locationId: NY, query: '', limit: 50, offset: 0 });
    expect(page.total).toBe(10);
  });
});
