import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogDomain, type CatalogDomain } from '../../../src/main/services/catalog';
import { contract } from '../../../src/shared/contract';
import type { SearchPage } from '../../../src/shared/domain/catalog';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { ALMATY, NY, sampleSalon } from '../../support/sample-salon';

let t: TestContext;
let catalog: CatalogDomain;

beforeAll(async () => {
  t = makeTestContext({ altegio: new FakeAltegio(sampleSalon()) });
  catalog = createCatalogDomain(t.ctx);
  await catalog.syncAll();
});
afterAll(() => t.close());

/** Through the channel's own schema, so defaults (limit 50, offset 0) apply as in the app. */
function search(args: Record<string, unknown>): SearchPage {
  const parsed = contract['catalog.search'].args.parse(args);
  return catalog.handlers['catalog.search'](parsed) as SearchPage;
}
const titles = (p: SearchPage) => p.items.map((i) => i.title);

describe('catalogue search', () => {
  it('matches a Cyrillic prefix, case-insensitively', () => {
    expect(titles(search({ locationId: NY, query: 'стриж' }))).toEqual(['Стрижка женская']);
    expect(titles(search({ locationId: NY, query: 'СТРИЖКА' }))).toEqual(['Стрижка женская']);
  });

  it('treats ё as е in both directions, and keeps й distinct', () => {
    expect(titles(search({ locationId: NY, query: 'елочк' }))).toEqual(['Ёлочка: укладка']);
    expect(titles(search({ locationId: NY, query: 'ёлоч' }))).toEqual(['Ёлочка: укладка']);
    expect(titles(search({ locationId: ALMATY, query: 'Алена' })).length).toBe(1); // staff "Алёна Ким"
  });

  it('matches accented Latin typed without accents, and the other way round', () => {
    // Exact first; "Colour rub-out" and the Coloring category follow as word forms (color/colour).
    expect(titles(search({ locationId: NY, query: 'coloracion' }))[0]).toBe('Coloración completa');
    expect(titles(search({ locationId: NY, query: 'FRANÇ' }))).toEqual(['Manucure française']);
    expect(titles(search({ locationId: NY, query: 'manucure francaise' }))).toEqual(['Manucure française']);
  });

  it('prefix-matches every word of a multi-word query (all words must match)', () => {
    expect(titles(search({ locationId: NY, query: 'colo rub' }))).toEqual(['Colour rub-out']);
    expect(titles(search({ locationId: NY, query: 'balay' }))).toEqual(['Balayage']);
    expect(titles(search({ locationId: NY, query: 'men hair' }))).toEqual(["Men's haircut"]);
  });

  it('finds services by a team member name, ignoring hidden and fired members', () => {
    expect(titles(search({ locationId: NY, query: 'zoe' }))).toEqual(['Manucure française']);
    expect(titles(search({ locationId: NY, query: 'deni' })).sort()).toEqual(
      ["Men's haircut", 'Ёлочка: укладка', 'Стрижка женская'].sort(),
    );
    expect(search({ locationId: NY, query: 'helen' }).total).toBe(0); // hidden
    expect(search({ locationId: NY, query: 'fred' }).total).toBe(0); // fired
  });

  it('ranks title hits above category and staff hits', () => {
    // "color" is in two titles and in the Coloring category of the third.
    const hits = titles(search({ locationId: NY, query: 'colo' }));
    expect(hits.slice(0, 2).sort()).toEqual(['Coloración completa', 'Colour rub-out']);
    expect(hits[2]).toBe('Balayage');
  });

  it('finds by category title and filters by category', () => {
    expect(titles(search({ locationId: NY, query: 'ногт' }))).toEqual(['Manucure française']);
    const coloring = search({ locationId: NY, query: '', categoryId: 83168 });
    expect(titles(coloring)).toEqual(['Balayage', 'Coloración completa', 'Colour rub-out']);
    expect(coloring.total).toBe(3);
    expect(titles(search({ locationId: NY, query: 'c', categoryId: 83168 })).sort()).toEqual(
      ['Coloración completa', 'Colour rub-out', 'Balayage'].sort(),
    );
  });

  it('filters by team member', () => {
    expect(titles(search({ locationId: NY, query: '', staffId: 34006 }))).toEqual([
      "Men's haircut",
      'Стрижка женская',
      'Ёлочка: укладка',
    ]);
    expect(titles(search({ locationId: NY, query: 'стри', staffId: 2940951 }))).toEqual([]);
    expect(titles(search({ locationId: NY, query: 'hair', staffId: 2940951, categoryId: 83167 }))).toEqual([
      "Men's haircut",
    ]);
  });

  it('returns an empty page with total 0 when nothing matches', () => {
    const p = search({ locationId: NY, query: 'xylophone' });
    expect(p).toMatchObject({ items: [], total: 0 });
    expect(p.syncedAt).toBe(t.clock.now().toISOString());
  });

  it('never throws on search-syntax characters in the query', () => {
    const nasty = [
      '"',
      '""',
      'bal"ay',
      '*',
      'col*',
      '-',
      '-balayage',
      '(',
      ')',
      '(colo',
      'a OR b',
      'NOT',
      'AND',
      'NEAR(a b)',
      'title:balay',
      '^bal',
      '{title}: x',
      "'; DROP TABLE services; --",
      '\u0301',
      '💇‍♀️',
      '   ',
      '+',
      'a*b*c',
    ];
    for (const query of nasty) expect(() => search({ locationId: NY, query }), query).not.toThrow();
    expect(titles(search({ locationId: NY, query: '"balay' }))).toEqual(['Balayage']);
    expect(titles(search({ locationId: NY, query: '(colo) -rub*' }))).toEqual(['Colour rub-out']);
    expect(titles(search({ locationId: NY, query: 'title:balay' }))).toEqual([]); // "title" is a word here, not a column
  });

  it('lists the whole location for an empty query: categories by weight, then service weight, then title', () => {
    const p = search({ locationId: NY, query: '' });
    expect(p.total).toBe(8);
    expect(titles(p)).toEqual([
      "Men's haircut",
      'Стрижка женская',
      'Ёлочка: укладка',
      'Peinado "Gala" (long hair)', // Haircuts (10)
      'Balayage',
      'Coloración completa',
      'Colour rub-out', // Coloring (9)
      'Manucure française', // Ногти (5)
    ]);
    expect(titles(search({ locationId: NY, query: '  ?! ' }))).toEqual(titles(p)); // nothing searchable = no query
  });

  it('pages with limit and offset and keeps the total', () => {
    const all = titles(search({ locationId: NY, query: '' }));
    const page2 = search({ locationId: NY, query: '', limit: 3, offset: 3 });
    expect(titles(page2)).toEqual(all.slice(3, 6));
    expect(page2.total).toBe(8);
    const past = search({ locationId: NY, query: 'c', limit: 5, offset: 50 });
    expect(past.items).toEqual([]);
    expect(past.total).toBe(search({ locationId: NY, query: 'c' }).total);
  });

  it('is scoped to one location although service ids repeat across locations', () => {
    expect(titles(search({ locationId: ALMATY, query: 'стриж' })).sort()).toEqual([
      'Стрижка детская',
      'Стрижка мужская',
    ]);
    expect(titles(search({ locationId: NY, query: 'мужск' }))).toEqual([]);
  });

  it("formats price and duration in the location's currency", () => {
    const [balayage] = search({ locationId: NY, query: 'balayage' }).items;
    expect(balayage).toMatchObject({
      id: 83172,
      locationId: NY,
      categoryId: 83168,
      categoryTitle: 'Coloring',
      durationSec: 10800,
      staffCount: 1,
    });
    expect(balayage!.price).toEqual({ min: 120, max: 250, display: '$120.00–250.00' });
    expect(balayage!.durationDisplay).toBe('3 hr');
    const [kid] = search({ locationId: ALMATY, query: 'детск' }).items;
    // The Almaty location's conventions whatever the desk's language: the same on paper.
    expect(kid!.price.display).toBe('3\u00a0500–4\u00a0000\u00a0₸');
    expect(kid!.durationDisplay).toBe('30 min');
    t.ctx.settings.set('ui.locale', 'ru');
    try {
      const [ru] = search({ locationId: ALMATY, query: 'детск' }).items;
      expect(ru!.durationDisplay).toBe('30 мин');
      expect(ru!.price.display).toBe(kid!.price.display);
    } finally {
      t.ctx.settings.set('ui.locale', undefined);
    }
  });

  it('counts only visible performers', () => {
    const [coloracion] = search({ locationId: NY, query: 'coloracion' }).items;
    expect(coloracion!.staffCount).toBe(1); // Helen is hidden
  });

  it('answers NOT_FOUND for a location that is not cached', () => {
    expect(() => search({ locationId: 999, query: 'a' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
