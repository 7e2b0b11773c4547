import { fold } from './fold';

/**
 * Reviewed synonyms and spellings, per language. Each line is a group: typing any word of it also
 * finds the others (ranked as a word form, below exact and prefix matches). Single words only;
 * a hyphenated menu word is matched through its joined form ("гель-лак" is indexed as "гельлак").
 * Cross-language lines cover a receptionist typing the word of her own language in a menu written
 * in another (`pedicure` in a Spanish menu, `манікюр` in a Russian one).
 * Keep lines short and certain: every group widens results.
 */
export const SYNONYMS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  en: [
    ['color', 'colour', 'coloring', 'colouring', 'dye', 'tint'],
    ['gray', 'grey'],
    ['nails', 'manicure', 'pedicure'],
    ['shellac', 'gel'],
    ['wax', 'waxing', 'depilation', 'epilation'],
    ['lashes', 'eyelashes', 'lash'],
    ['brows', 'eyebrows', 'brow'],
    ['blowdry', 'blowout'],
    ['facial', 'face'],
  ],
  ru: [
    ['шеллак', 'гельлак', 'гель'],
    ['окраска', 'окрашивание', 'покраска'],
    ['эпиляция', 'депиляция', 'воск'],
    ['шугаринг', 'сахар'],
    ['ногти', 'маникюр', 'педикюр'],
    ['мелирование', 'мелир'],
    ['чистка', 'очищение'],
  ],
  uk: [
    ['манікюр', 'маникюр'],
    ['фарбування', 'окрашивание', 'окрашування'],
    ['нігті', 'ногти'],
    ['брови', 'брів'],
    ['вії', 'ресницы'],
    ['масаж', 'массаж'],
    ['депіляція', 'депиляция'],
    ['зачіска', 'прическа'],
  ],
  es: [
    ['uñas', 'manicura', 'pedicura'],
    ['pedicure', 'pedicura'],
    ['manicure', 'manicura'],
    ['pelo', 'cabello'],
    ['tinte', 'coloracion', 'color'],
    ['depilacion', 'cera'],
    ['cejas', 'ceja'],
    ['pestañas', 'pestaña'],
  ],
  pt: [
    ['unhas', 'manicure', 'pedicure', 'manicura', 'pedicura'],
    ['cabelo', 'pelo'],
    ['coloracao', 'tintura', 'coloracion'],
    ['depilacao', 'cera', 'depilacion'],
    ['sobrancelhas', 'cejas'],
    ['cilios', 'pestañas'],
    ['massagem', 'masaje', 'massage'],
  ],
};

/** Folded word → the other words of its groups (folded). */
export const SYNONYM_MAP: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, Set<string>>();
  for (const groups of Object.values(SYNONYMS)) {
    for (const group of groups) {
      const words = group.map(fold);
      for (const w of words) {
        const set = m.get(w) ?? new Set<string>();
        for (const o of words) if (o !== w) set.add(o);
        m.set(w, set);
      }
    }
  }
  return new Map([...m].map(([k, v]) => [k, [...v]]));
})();
