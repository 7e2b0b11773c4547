import { describe, expect, it } from 'vitest';
import { MENU } from '../../../src/main/demo/seed/catalog';
import { CatalogIndex, type IndexDoc } from '../../../src/main/store/catalog/search/engine';

/** The demo chain's menu in one language, in catalogue order, category titles included. */
function menu(lang: 'en' | 'ru' | 'fr'): IndexDoc[] {
  return MENU.flatMap((c) => c.items.map((i) => ({ title: i.title[lang], category: c.title[lang], staff: '' })));
}

function searcher(docs: IndexDoc[]) {
  const index = new CatalogIndex(docs);
  return (q: string) => index.search(q).docs.map((d) => docs[d]!.title);
}

describe('the top row is the best row (Enter opens it)', () => {
  const fr = searcher(menu('fr'));
  const en = searcher(menu('en'));
  const ru = searcher(menu('ru'));

  it('French menu: "manicure" opens a manucure, not nail art or a pedicure', () => {
    const found = fr('manicure');
    expect(found[0]).toBe('Manucure classique');
    const firstPedicure = found.findIndex((t) => t.startsWith('Pédicure'));
    const lastManicure = found.findLastIndex((t) => t.startsWith('Manucure'));
    expect(firstPedicure === -1 || firstPedicure > lastManicure).toBe(true);
  });

  it('English menu: "hair cut" opens a haircut, not "Buzz cut" (the joined word is the title\'s own)', () => {
    const found = en('hair cut');
    expect(found[0]).toMatch(/haircut/i);
    expect(found.indexOf('Buzz cut')).toBeGreaterThan(found.findLastIndex((t) => /haircut/i.test(t)));
  });

  it('"педикюр" lists every pedicure (its category\'s too) before any manicure', () => {
    const docs = [...menu('ru'), { title: 'Обработка стоп', category: 'Педикюр', staff: '' }];
    const found = searcher(docs)('педикюр');
    expect(found.slice(0, 3).every((t) => /педикюр/i.test(t))).toBe(true);
    const firstManicure = found.findIndex((t) => /маникюр/i.test(t));
    expect(firstManicure === -1 || found.indexOf('Обработка стоп') < firstManicure).toBe(true);
  });

  it("a title with the query's own word (even with a typo) outranks a category-only match", () => {
    // "coloring" is the category of "Balayage"; "Full color" is the title's own word form.
    const found = en('coloring');
    expect(found[0]).toBe('Full color');
  });

  it('a category title finds its services after the direct title hits', () => {
    const found = fr('coiffage');
    expect(found).toEqual(expect.arrayContaining(['Brushing', 'Chignon', 'Coiffure de mariée']));
    const found2 = ru('уход за лицом');
    expect(found2).toContain('Чистка лица');
  });

  it("among rows met equally well, the title with the query's words in its order comes first", () => {
    const docs: IndexDoc[] = [
      { title: 'Haircut — kids', category: 'Haircuts', staff: '' },
      { title: "Women's haircut — kids", category: 'Haircuts', staff: '' },
      { title: "Kids' haircut (under 12)", category: 'Kids', staff: '' },
    ];
    expect(searcher(docs)('kids haircut')[0]).toBe("Kids' haircut (under 12)");
    expect(searcher(docs)('haircut kids')[0]).toBe('Haircut — kids');
  });

  it('category titles take part in typos and word forms', () => {
    expect(fr('coifage')).toContain('Brushing'); // typo in the category word
    expect(en('stylings')).toContain('Updo'); // word form of the category "Styling"
  });
});

describe('cross-script matching', () => {
  const en = searcher(menu('en'));
  const ru = searcher(menu('ru'));

  it('a Latin title found by its Cyrillic spelling, Russian and Ukrainian', () => {
    expect(en('балаяж')[0]).toBe('Balayage');
    expect(en('педикюр')[0]).toMatch(/pedicure/i);
    expect(en('педікюр')[0]).toMatch(/pedicure/i); // Ukrainian і
    expect(en('аиртач')[0]).toBe('Airtouch');
    expect(en('гель')[0]).toMatch(/^Gel/); // Ukrainian reading of г is h: both readings are tried
  });

  it('a Cyrillic title found by its Latin spelling, with a typo', () => {
    expect(ru('balayage')[0]).toBe('Балаяж');
    expect(ru('airtouch')[0]).toBe('Аиртач');
    expect(ru('aertouch')[0]).toBe('Аиртач');
  });

  it('ranks below same-script hits', () => {
    const docs: IndexDoc[] = [
      { title: 'Балаяж', category: 'Окрашивание', staff: '' },
      { title: 'Balayage', category: 'Color', staff: '' },
    ];
    expect(searcher(docs)('balayage')).toEqual(['Balayage', 'Балаяж']);
    expect(searcher(docs)('балаяж')).toEqual(['Балаяж', 'Balayage']);
  });

  it('garbage in either script still finds nothing', () => {
    for (const q of ['qzxwv', 'zzzzzz', 'йцщшгх', 'ъъъ', 'bvbvbvbv', 'xkcdq']) {
      expect(en(q), q).toEqual([]);
      expect(ru(q), q).toEqual([]);
    }
  });
});
