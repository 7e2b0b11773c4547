import { describe, expect, it } from 'vitest';
import { CatalogIndex, type IndexDoc } from '../../../src/main/store/catalog/search/engine';
import { boundedDistance, typoBudget } from '../../../src/main/store/catalog/search/edit-distance';
import { fold } from '../../../src/main/store/catalog/search/fold';

/** A small menu in the five desk languages, in catalogue order (position = catalogue weight). */
const MENU: IndexDoc[] = [
  { title: 'Buzz cut', category: "Men's haircuts", staff: 'John Smith' },
  { title: "Women's haircut — short hair", category: "Women's haircuts", staff: 'Zoe Adams' },
  { title: 'Balayage', category: 'Coloring', staff: 'Zoe Adams' },
  { title: 'Full color', category: 'Coloring', staff: 'John Smith' },
  { title: 'Nail art (per nail)', category: 'Manicure', staff: 'Mia Brown' },
  { title: 'Стрижка женская', category: 'Стрижки', staff: 'Алёна Ким' },
  { title: 'Маникюр с покрытием гель-лак', category: 'Маникюр', staff: 'Динара Касымова' },
  { title: 'Наращивание ногтей', category: 'Маникюр', staff: 'Динара Касымова' },
  { title: 'Прессотерапия', category: 'Тело', staff: 'Ольга Соколова' },
  { title: 'Ёлочка: укладка', category: 'Укладки', staff: 'Йоханна Ли' },
  { title: 'Манікюр класичний', category: 'Нігті', staff: 'Оксана Шевченко' },
  { title: 'Фарбування волосся', category: 'Фарбування', staff: 'Оксана Шевченко' },
  { title: 'Uñas acrílicas', category: 'Manicura', staff: 'Lucía García' },
  { title: 'Pedicura spa', category: 'Pedicura', staff: 'Lucía García' },
  { title: 'Corte de pelo', category: 'Peluquería', staff: 'Íñigo Núñez' },
  { title: 'Manicure com gel', category: 'Unhas', staff: 'João Silva' },
  { title: 'Coloração de cabelo', category: 'Cabelo', staff: 'João Silva' },
  { title: 'Extensions d’ongles', category: 'Ongles', staff: 'Léa Faure' },
];

const index = new CatalogIndex(MENU);
const titles = (q: string) => index.search(q).docs.map((d) => MENU[d]!.title);
const first = (q: string) => titles(q)[0];

describe('catalogue search engine: what it finds', () => {
  it('exact words and as-you-type prefixes', () => {
    expect(first('balayage')).toBe('Balayage');
    expect(first('bala')).toBe('Balayage');
    expect(first('стриж')).toBe('Стрижка женская');
    expect(first('pedic')).toBe('Pedicura spa');
    expect(first('фарб')).toBe('Фарбування волосся');
  });

  it('several words in any order, across title, category and performer', () => {
    expect(first('haircut women')).toBe("Women's haircut — short hair");
    expect(first('женская стрижка')).toBe('Стрижка женская');
    expect(titles('zoe bala')).toEqual(['Balayage']);
    expect(first('касымова нара')).toBe('Наращивание ногтей'); // "нара" is also inside "Динара"
  });

  it('folds accents and ё, keeps й apart', () => {
    expect(first('unas')).toBe('Uñas acrílicas');
    expect(first('coloracao')).toBe('Coloração de cabelo');
    expect(first('елочка')).toBe('Ёлочка: укладка');
    expect(titles('алена')).toEqual(['Стрижка женская']);
    expect(fold('Йод Ёж')).toBe('йод еж');
  });

  it('substrings inside a word', () => {
    expect(titles('cut')).toContain("Women's haircut — short hair");
    expect(titles('терапия')).toEqual(['Прессотерапия']);
    expect(titles('crílicas')).toEqual(['Uñas acrílicas']);
  });

  it('one typo from five letters, two from nine (swaps count as one)', () => {
    expect(first('balyage')).toBe('Balayage');
    expect(first('blaayage')).toBe('Balayage'); // swap
    expect(first('маникур')).toBe('Маникюр с покрытием гель-лак');
    expect(first('нарощевание')).toBe('Наращивание ногтей');
    expect(first('pedicrua')).toBe('Pedicura spa');
  });

  it('other word forms (Snowball stems) in each language', () => {
    expect(first('стрижку')).toBe('Стрижка женская');
    expect(first('ногти')).toBe('Наращивание ногтей');
    expect(first('nails')).toBe('Nail art (per nail)');
    expect(first('манікюру')).toBe('Манікюр класичний');
    expect(first('cortes')).toBe('Corte de pelo');
    expect(titles('ongle')).toContain('Extensions d’ongles');
  });

  it('a query typed on the wrong keyboard layout', () => {
    expect(first('vfybr.h')).toBe('Маникюр с покрытием гель-лак'); // маникюр on the US layout
    expect(first('u;as')).toBe('Uñas acrílicas'); // uñas: ñ is where the US layout has ;
    expect(first('ифдфнфпу')).toBe('Balayage'); // balayage on the Russian layout
  });

  it('a missing apostrophe', () => {
    expect(first('womens haircut')).toBe("Women's haircut — short hair");
    expect(titles('dongles')).toEqual(['Extensions d’ongles']);
  });

  it('reviewed synonyms and spellings', () => {
    expect(titles('colour')).toContain('Full color');
    expect(first('шеллак')).toBe('Маникюр с покрытием гель-лак');
    expect(titles('pedicure')).toContain('Pedicura spa');
    expect(titles('unhas')).toContain('Manicure com gel');
  });

  it('filters by what the caller accepts', () => {
    const coloring = index.search('color', (d) => MENU[d]!.category === 'Coloring').docs.map((d) => MENU[d]!.title);
    expect(coloring).toEqual(['Full color', 'Balayage']);
  });
});

describe('catalogue search engine: ranking', () => {
  it('exact, then prefix, then word form, then substring, then typo', () => {
    const docs: IndexDoc[] = [
      { title: 'Kolor', category: '', staff: '' }, // typo of "color" (five letters: one edit)
      { title: 'Watercolor', category: '', staff: '' }, // substring
      { title: 'Colors', category: '', staff: '' }, // prefix
      { title: 'Color', category: '', staff: '' }, // exact
    ];
    const ix = new CatalogIndex(docs);
    expect(ix.search('color').docs.map((d) => docs[d]!.title)).toEqual(['Color', 'Colors', 'Watercolor', 'Kolor']);
  });

  it('a word form ranks below a prefix and above a substring', () => {
    const docs: IndexDoc[] = [
      { title: 'Перестрижка', category: '', staff: '' }, // substring
      { title: 'Стрижку', category: '', staff: '' }, // word form
      { title: 'Стрижками', category: '', staff: '' }, // prefix
      { title: 'Стрижка', category: '', staff: '' }, // exact
    ];
    const ix = new CatalogIndex(docs);
    expect(ix.search('стрижка').docs.map((d) => docs[d]!.title)).toEqual([
      'Стрижка',
      'Стрижками',
      'Стрижку',
      'Перестрижка',
    ]);
  });

  it('inside a tier, title matches first, then the catalogue’s own order', () => {
    const docs: IndexDoc[] = [
      { title: 'Gel removal', category: 'Manicure', staff: '' },
      { title: 'Classic manicure', category: 'Manicure', staff: '' },
      { title: 'Gel manicure', category: 'Manicure', staff: '' },
    ];
    const ix = new CatalogIndex(docs);
    expect(ix.search('manicure').docs.map((d) => docs[d]!.title)).toEqual([
      'Classic manicure',
      'Gel manicure',
      'Gel removal',
    ]);
  });

  it('a typo match never outranks an exact one, whatever the catalogue order', () => {
    const docs: IndexDoc[] = [
      { title: 'Massage', category: '', staff: '' }, // "masage" is one edit away, and first in the catalogue
      { title: 'Masage', category: '', staff: '' },
    ];
    const ix = new CatalogIndex(docs);
    expect(ix.search('masage').docs.map((d) => docs[d]!.title)).toEqual(['Masage', 'Massage']);
  });
});

describe('catalogue search engine: nothing, and Did you mean', () => {
  it('garbage finds nothing', () => {
    for (const q of ['qzxwv', 'xkcdq', 'zzzzzz', 'ъъъ', 'bvbvbvbv', 'йцщшгх', 'plmoknij']) {
      expect(titles(q), q).toEqual([]);
    }
  });

  it('single letters and short words get no typo tolerance', () => {
    expect(titles('q')).toEqual([]);
    expect(titles('x')).toEqual([]);
    expect(titles('nial')).toEqual([]); // four letters: not one edit from "nail"
    expect(typoBudget(3)).toBe(0);
    expect(typoBudget(5)).toBe(1);
    expect(typoBudget(9)).toBe(2);
  });

  it('offers the closest indexed word when nothing matches', () => {
    expect(index.search('blayge').docs).toEqual([]);
    expect(index.search('blayge').suggestion).toBe('balayage');
    expect(index.search('qzxwv').suggestion).toBeNull();
  });

  it('counts a swap as one edit and knows a prefix in progress', () => {
    expect(boundedDistance('ab', 'ba', 1).whole).toBe(1);
    expect(boundedDistance('balyag', 'balayage', 1).prefix).toBe(1);
    expect(boundedDistance('qqqq', 'balayage', 1).whole).toBe(2);
  });
});
