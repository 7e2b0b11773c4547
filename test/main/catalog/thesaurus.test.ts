import { describe, expect, it } from 'vitest';
import { CatalogIndex, type IndexDoc } from '../../../src/main/store/catalog/search/engine';
import { fold, queryWords } from '../../../src/main/store/catalog/search/fold';
import {
  NO_THESAURUS,
  SALON,
  SALON_THESAURUS,
  THESAURUS_VERSION,
  Thesaurus,
} from '../../../src/main/store/catalog/search/thesaurus';

/**
 * Every thesaurus line against one menu holding every line's example among unrelated services:
 * each typed word must bring its example into the first five, and nothing its lines' `means` (or
 * the word itself, with the thesaurus off) would not find.
 */
const UNRELATED = [
  'Teeth whitening',
  'Ear piercing',
  'Gift card',
  'Отбеливание зубов',
  'Прокол ушей',
  'Подарунковий сертифікат',
  'Blanqueamiento dental',
  'Clareamento dental',
  'Perçage d’oreilles',
];
const titles = [...new Set([...SALON_THESAURUS.map((e) => e.example), ...UNRELATED])];
const docs: IndexDoc[] = titles.map((title) => ({ title, category: '', staff: '' }));
const on = new CatalogIndex(docs);
const off = new CatalogIndex(docs, { thesaurus: NO_THESAURUS });
const names = (ids: number[]) => ids.map((d) => titles[d]!);

/** What the word finds with the thesaurus off, and what each line it sets off (as typed, in another form, with a typo or in the other script) means. */
function explained(word: string): Set<number> {
  const out = new Set(off.search(word).docs);
  const typed = queryWords(word);
  const matching = typed.map((w) => SALON.wordsMatching(w));
  for (const rule of SALON.rules) {
    const len = rule.phrase.length;
    for (let i = 0; i + len <= typed.length; i++) {
      if (!rule.phrase.every((p, t) => matching[i + t]!.has(p))) continue;
      for (const m of rule.means) for (const d of off.search(m.join(' ')).docs) out.add(d);
    }
  }
  return out;
}

describe(`salon thesaurus ${THESAURUS_VERSION}`, () => {
  for (const e of SALON_THESAURUS) {
    for (const word of e.words) {
      it(`${e.kind}/${e.lang}: "${word}" finds "${e.example}" and floods nothing`, () => {
        const found = on.search(word).docs;
        expect(names(found)).toContain(e.example);
        const allowed = explained(word);
        expect(names(found.filter((d) => !allowed.has(d)))).toEqual([]);
        expect(names(found).filter((t) => UNRELATED.includes(t))).toEqual([]);
      });
    }
  }

  it('every line has words, means and an example, and no word is listed twice in one line', () => {
    for (const e of SALON_THESAURUS) {
      expect(e.words.length, e.example).toBeGreaterThan(0);
      expect(e.means.length, e.example).toBeGreaterThan(0);
      expect(new Set(e.words.map(fold)).size, e.example).toBe(e.words.length);
    }
  });

  it("an expansion ranks after the typed word's own title hits", () => {
    const menu: IndexDoc[] = [
      { title: 'Gel manicure', category: 'Nails', staff: '' },
      { title: 'Shellac removal', category: 'Nails', staff: '' },
    ];
    const index = new CatalogIndex(menu);
    expect(index.search('shellac').docs.map((d) => menu[d]!.title)).toEqual(['Shellac removal', 'Gel manicure']);
  });

  it('a location\'s own line ("X means Y") finds what Y finds, for that index only', () => {
    const menu: IndexDoc[] = [
      { title: 'Signature ritual', category: 'Spa', staff: '' },
      { title: 'Classic manicure', category: 'Nails', staff: '' },
    ];
    const own = new Thesaurus(SALON_THESAURUS, [{ words: 'golden hour', means: 'signature ritual' }]);
    expect(new CatalogIndex(menu, { thesaurus: own }).search('golden hour').docs).toEqual([0]);
    expect(new CatalogIndex(menu).search('golden hour').docs).toEqual([]);
  });
});
