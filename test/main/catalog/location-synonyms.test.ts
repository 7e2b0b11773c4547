import { afterEach, describe, expect, it } from 'vitest';
import { createCatalogDomain, type CatalogDomain } from '../../../src/main/services/catalog';
import { contract } from '../../../src/shared/contract';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { ALMATY, NY, sampleSalon } from '../../support/sample-salon';

const open: TestContext[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

async function synced(t = makeTestContext({ altegio: new FakeAltegio(sampleSalon()) })): Promise<{
  t: TestContext;
  catalog: CatalogDomain;
}> {
  open.push(t);
  const catalog = createCatalogDomain(t.ctx);
  await catalog.syncAll();
  return { t, catalog };
}

const titles = async (catalog: CatalogDomain, locationId: number, query: string) =>
  (await catalog.handlers['catalog.search']({ locationId, query, limit: 50, offset: 0 })).items.map((i) => i.title);

describe('a location\'s own synonyms ("X means Y")', () => {
  it('finds what Y finds in that location only, at once, and keeps it across a restart', async () => {
    const { t, catalog } = await synced();
    expect(await titles(catalog, NY, 'ombre')).toEqual([]); // warms the index: the change must reach it
    const saved = await catalog.handlers['catalog.setSynonyms']({
      locationId: NY,
      items: [{ words: 'ombre', means: 'balayage' }],
    });
    expect(saved).toEqual([{ words: 'ombre', means: 'balayage' }]);
    expect(await titles(catalog, NY, 'ombre')).toEqual(['Balayage']);
    expect(await catalog.handlers['catalog.synonyms']({ locationId: ALMATY })).toEqual([]);

    const again = createCatalogDomain(t.ctx);
    expect(await again.handlers['catalog.synonyms']({ locationId: NY })).toEqual(saved);
    expect(await titles(again, NY, 'ombre')).toEqual(['Balayage']);
  });

  it('replaces the list as a whole; an empty list removes them', async () => {
    const { catalog } = await synced();
    await catalog.handlers['catalog.setSynonyms']({ locationId: NY, items: [{ words: 'ombre', means: 'balayage' }] });
    await catalog.handlers['catalog.setSynonyms']({ locationId: NY, items: [] });
    expect(await catalog.handlers['catalog.synonyms']({ locationId: NY })).toEqual([]);
    expect(await titles(catalog, NY, 'ombre')).toEqual([]);
  });

  it('refuses empty, overlong and too many lines before anything is stored', () => {
    const args = contract['catalog.setSynonyms'].args;
    expect(args.safeParse({ locationId: NY, items: [{ words: ' ', means: 'balayage' }] }).success).toBe(false);
    expect(args.safeParse({ locationId: NY, items: [{ words: 'x'.repeat(61), means: 'b' }] }).success).toBe(false);
    const many = Array.from({ length: 201 }, (_, i) => ({ words: `w${i}`, means: 'b' }));
    expect(args.safeParse({ locationId: NY, items: many }).success).toBe(false);
    expect(args.safeParse({ locationId: NY, items: [{ words: 'ombre', means: 'balayage' }] }).success).toBe(true);
  });

  it('parallel saves for two locations both stick', async () => {
    const { catalog } = await synced();
    await Promise.all([
      catalog.handlers['catalog.setSynonyms']({ locationId: NY, items: [{ words: 'ombre', means: 'balayage' }] }),
      catalog.handlers['catalog.setSynonyms']({ locationId: ALMATY, items: [{ words: 'бокс', means: 'стрижка' }] }),
    ]);
    expect(await catalog.handlers['catalog.synonyms']({ locationId: NY })).toHaveLength(1);
    expect(await catalog.handlers['catalog.synonyms']({ locationId: ALMATY })).toHaveLength(1);
  });
});
