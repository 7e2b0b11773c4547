import { afterEach, describe, expect, it } from 'vitest';
import { createCatalogDomain } from '../../../src/main/services/catalog';
import { IDLE_MS, LocationIndexes } from '../../../src/main/store/catalog/search/location-index';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { ALMATY, NY, sampleSalon } from '../../support/sample-salon';

const open: TestContext[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

async function synced(): Promise<TestContext> {
  const t = makeTestContext({ altegio: new FakeAltegio(sampleSalon()) });
  open.push(t);
  await createCatalogDomain(t.ctx).syncAll();
  return t;
}

describe('search indexes are held only for locations in use', () => {
  it('builds nothing until a location is searched, then only that one', async () => {
    const t = await synced();
    const indexes = new LocationIndexes(t.db, undefined, () => t.clock.now().getTime());
    expect(indexes.heldLocations()).toEqual([]);
    indexes.get(NY);
    expect(indexes.heldLocations()).toEqual([NY]);
  });

  it('drops an index nobody searched for the idle time', async () => {
    const t = await synced();
    const indexes = new LocationIndexes(t.db, undefined, () => t.clock.now().getTime());
    indexes.get(NY);
    t.clock.advance(IDLE_MS - 1);
    indexes.get(ALMATY);
    expect(indexes.heldLocations()).toEqual([NY, ALMATY]);
    t.clock.advance(2);
    indexes.get(ALMATY);
    expect(indexes.heldLocations()).toEqual([ALMATY]);
  });

  it('past the size limit, drops the least recently used location first', async () => {
    const t = await synced();
    const nyServices = t.db.prepare('SELECT count(*) AS n FROM services WHERE location_id = ?').get(NY) as {
      n: number;
    };
    const indexes = new LocationIndexes(t.db, undefined, () => t.clock.now().getTime(), nyServices.n);
    indexes.get(NY);
    indexes.get(ALMATY);
    expect(indexes.heldLocations()).toEqual([ALMATY]);
    indexes.get(NY);
    expect(indexes.heldLocations()).toEqual([NY]);
  });
});
