/**
 * The salon thesaurus: what receptionists and clients type → what menus call it, in the five desk
 * languages (and French, the demo's Paris menu). Versioned data: bump THESAURUS_VERSION with every
 * change; test/main/catalog/thesaurus.test.ts checks each entry finds its `example` and brings in
 * nothing its `means` would not.
 *
 * Written from public salon glossaries and menus (trade-name owners' own product pages for brands;
 * UK/US, Spain/Latin-America and Portugal/Brazil salon price lists for regional words), and reviewed line by
 * line: a line widens every search that contains its words, so a doubtful line stays out.
 *
 * `words` are what is typed (phrases allowed); `means` are phrases a service title or category may
 * hold. A service found through a line ranks after every service whose own title or category
 * holds the typed words. `same` lines work both ways.
 */
export const THESAURUS_VERSION = '2026-12-07.1';

export type ThesaurusKind = 'brand' | 'regional' | 'everyday' | 'spelling' | 'category' | 'language';
export type ThesaurusLang = 'en' | 'ru' | 'uk' | 'es' | 'pt' | 'fr' | 'any';

export interface ThesaurusEntry {
  kind: ThesaurusKind;
  lang: ThesaurusLang;
  words: readonly string[];
  means: readonly string[];
  /** A service title this line must find (the test builds a menu of every line's example). */
  example: string;
  same?: true;
}

const GEL_POLISH = [
  'gel manicure',
  'gel polish',
  'gel nails',
  'гель-лак',
  'гельлак',
  'гель лак',
  'гель-лаком',
  'semipermanente',
  'esmalte permanente',
  'semi-permanent',
  'vernis permanent',
  'esmaltação em gel',
  'esmalte em gel',
  'verniz gel',
  'manicure com gel',
];

const LASH_LIFT = [
  'lash lift',
  'lash lifting',
  'ламинирование ресниц',
  'ламінування вій',
  'lifting de pestañas',
  'rehaussement de cils',
  'lifting de cílios',
];

const KERATIN = [
  'keratin',
  'кератиновое выпрямление',
  'кератинове випрямлення',
  'alisado de keratina',
  'escova progressiva',
  'lissage brésilien',
  'alisamento',
];

const FACIAL = [
  'facial',
  'уход за лицом',
  'чистка лица',
  'догляд за обличчям',
  'limpieza facial',
  'limpeza de pele',
  'soin visage',
];

export const SALON_THESAURUS: readonly ThesaurusEntry[] = [
  // Brand and trade names used for the generic treatment
  { kind: 'brand', lang: 'any', words: ['shellac', 'шеллак', 'шелак'], means: GEL_POLISH, example: 'Gel manicure' },
  { kind: 'brand', lang: 'any', words: ['gelish', 'гелиш'], means: GEL_POLISH, example: 'Manicura semipermanente' },
  {
    kind: 'brand',
    lang: 'any',
    words: ['opi gelcolor', 'bio sculpture'],
    means: GEL_POLISH,
    example: 'Маникюр с покрытием гель-лак',
  },
  {
    kind: 'brand',
    lang: 'any',
    words: ['biab', 'биаб'],
    means: [
      'builder gel',
      'gel manicure',
      'gel overlay',
      'укрепление ногтей',
      'укрепление гелем',
      'alongamento em gel',
    ],
    example: 'Builder gel overlay',
  },
  {
    kind: 'brand',
    lang: 'any',
    words: ['gel-x', 'гель икс'],
    means: [
      'nail extensions',
      'наращивание ногтей',
      'нарощування нігтів',
      'alongamento',
      'extensiones de uñas',
      'extensions d’ongles',
    ],
    example: 'Nail extensions',
  },
  { kind: 'brand', lang: 'any', words: ['lvl', 'лвл', 'yumi lashes', 'inlei'], means: LASH_LIFT, example: 'Lash lift' },
  {
    kind: 'brand',
    lang: 'any',
    words: ['brazilian blowout', 'cocochoco'],
    means: KERATIN,
    example: 'Keratin treatment',
  },
  {
    kind: 'brand',
    lang: 'any',
    words: ['hydrafacial', 'гидрафейшал', 'гидрофейшл'],
    means: ['hydrating facial', 'hydrafacial', 'гидропилинг', 'hidrofacial', 'hidrolimpeza', 'facial'],
    example: 'Hydrating facial',
  },
  {
    kind: 'brand',
    lang: 'any',
    words: ['st tropez', 'сент тропез'],
    means: ['spray tan', 'автозагар', 'моментальный загар', 'bronceado', 'bronzeamento', 'autobronzant'],
    example: 'Spray tan',
  },
  {
    kind: 'brand',
    lang: 'any',
    words: ['olaplex', 'олаплекс'],
    means: ['bond repair', 'восстановление волос', 'reconstrução', 'reconstrucción', 'olaplex'],
    example: 'Восстановление волос',
  },
  {
    kind: 'brand',
    lang: 'any',
    words: ['airtouch', 'аиртач', 'эйртач'],
    means: ['airtouch', 'аиртач'],
    example: 'Аиртач',
  },
  {
    kind: 'brand',
    lang: 'any',
    words: ['microblading', 'микроблейдинг', 'мікроблейдинг'],
    means: ['перманентный макияж бровей', 'micropigmentação de sobrancelhas', 'microblading'],
    example: 'Перманентный макияж бровей',
  },

  // Regional words: UK ↔ US English
  { kind: 'regional', lang: 'en', words: ['fringe'], means: ['bang', 'bangs'], example: 'Bang trim', same: true },
  { kind: 'regional', lang: 'en', words: ['colour', 'colours'], means: ['color'], example: 'Full color', same: true },
  { kind: 'regional', lang: 'en', words: ['colouring'], means: ['coloring'], example: 'Coloring', same: true },
  { kind: 'regional', lang: 'en', words: ['grey'], means: ['gray'], example: 'Gray coverage', same: true },
  { kind: 'regional', lang: 'en', words: ['bikini line'], means: ['bikini wax'], example: 'Bikini wax' },
  {
    kind: 'regional',
    lang: 'en',
    words: ['foils', 'foil highlights'],
    means: ['highlights'],
    example: 'Partial highlights',
  },
  {
    kind: 'regional',
    lang: 'en',
    words: ['gel polish', 'gel nails'],
    means: ['gel manicure', 'shellac'],
    example: 'Gel manicure',
  },
  { kind: 'regional', lang: 'en', words: ['blowout'], means: ['blow-dry', 'blowdry'], example: 'Blow-dry', same: true },

  // Regional words: Spain ↔ Latin America
  { kind: 'regional', lang: 'es', words: ['cabello'], means: ['pelo'], example: 'Corte de pelo', same: true },
  {
    kind: 'regional',
    lang: 'es',
    words: ['encerado', 'depilado con cera'],
    means: ['depilación con cera', 'cera'],
    example: 'Depilación con cera',
  },
  {
    kind: 'regional',
    lang: 'es',
    words: ['rayitos', 'luces', 'reflejos'],
    means: ['mechas'],
    example: 'Mechas balayage',
  },
  {
    kind: 'regional',
    lang: 'es',
    words: ['alaciado', 'planchado'],
    means: ['alisado'],
    example: 'Alisado de keratina',
  },
  { kind: 'regional', lang: 'es', words: ['tintura', 'teñido'], means: ['tinte', 'coloración'], example: 'Tinte raíz' },
  {
    kind: 'regional',
    lang: 'es',
    words: ['manicure', 'manicur'],
    means: ['manicura'],
    example: 'Manicura semipermanente',
  },
  { kind: 'regional', lang: 'es', words: ['pedicure', 'pedicur'], means: ['pedicura'], example: 'Pedicura spa' },
  {
    kind: 'regional',
    lang: 'es',
    words: ['permanente de pestañas'],
    means: ['lifting de pestañas'],
    example: 'Lifting de pestañas',
  },

  // Regional words: Portugal ↔ Brazil
  { kind: 'regional', lang: 'pt', words: ['madeixas'], means: ['mechas', 'luzes'], example: 'Mechas californianas' },
  {
    kind: 'regional',
    lang: 'pt',
    words: ['verniz gel', 'verniz gelinho', 'gelinho'],
    means: ['esmaltação em gel', 'esmalte em gel'],
    example: 'Esmaltação em gel',
  },
  {
    kind: 'regional',
    lang: 'pt',
    words: ['pestanas'],
    means: ['cílios'],
    example: 'Extensão de cílios fio a fio',
    same: true,
  },
  { kind: 'regional', lang: 'pt', words: ['manicura'], means: ['manicure', 'mão'], example: 'Mão' },
  { kind: 'regional', lang: 'pt', words: ['pedicura'], means: ['pedicure', 'pé'], example: 'Pé' },
  {
    kind: 'regional',
    lang: 'pt',
    words: ['alisamento'],
    means: ['escova progressiva', 'progressiva'],
    example: 'Escova progressiva',
  },
  { kind: 'regional', lang: 'pt', words: ['brushing'], means: ['escova'], example: 'Escova modelada' },
  {
    kind: 'regional',
    lang: 'pt',
    words: ['unhas de gel'],
    means: ['alongamento em gel'],
    example: 'Alongamento em gel',
  },

  // Everyday words for treatments and kinds of treatment
  {
    kind: 'everyday',
    lang: 'en',
    words: ['nails', 'nail salon'],
    means: ['manicure', 'pedicure'],
    example: 'Classic manicure',
  },
  {
    kind: 'everyday',
    lang: 'en',
    words: ['mani pedi', 'mani-pedi'],
    means: ['manicure', 'pedicure'],
    example: 'Classic pedicure',
  },
  {
    kind: 'everyday',
    lang: 'en',
    words: ['hair removal'],
    means: ['wax', 'waxing', 'sugaring', 'epilation', 'depilation'],
    example: 'Underarm wax',
  },
  {
    kind: 'everyday',
    lang: 'en',
    words: ['hair straightening', 'straightening'],
    means: KERATIN,
    example: 'Keratin treatment',
  },
  { kind: 'everyday', lang: 'en', words: ['skin care', 'skincare'], means: FACIAL, example: 'Express facial' },
  {
    kind: 'everyday',
    lang: 'en',
    words: ['barber', 'barbershop'],
    means: ["men's haircut", 'beard'],
    example: "Men's haircut",
  },
  { kind: 'everyday', lang: 'en', words: ['eyelashes', 'lashes'], means: ['lash'], example: 'Lash lift' },
  { kind: 'everyday', lang: 'en', words: ['eyebrows', 'eyebrow'], means: ['brow'], example: 'Brow tint' },
  {
    kind: 'everyday',
    lang: 'en',
    words: ['waxing', 'depilation', 'epilation'],
    means: ['wax'],
    example: 'Full leg wax',
  },
  { kind: 'everyday', lang: 'en', words: ['dye', 'tint'], means: ['color'], example: 'Full color' },
  {
    kind: 'everyday',
    lang: 'ru',
    words: ['ногти', 'ноготочки', 'ноготки'],
    means: ['маникюр', 'педикюр'],
    example: 'Маникюр классический',
  },
  {
    kind: 'everyday',
    lang: 'ru',
    words: ['покрасить', 'покраска', 'окраска'],
    means: ['окрашивание'],
    example: 'Окрашивание корней',
  },
  { kind: 'everyday', lang: 'ru', words: ['сахарная депиляция', 'сахар'], means: ['шугаринг'], example: 'Шугаринг' },
  { kind: 'everyday', lang: 'ru', words: ['эпиляция', 'воск'], means: ['депиляция'], example: 'Депиляция бикини' },
  { kind: 'everyday', lang: 'ru', words: ['мелир'], means: ['мелирование'], example: 'Мелирование частичное' },
  {
    kind: 'everyday',
    lang: 'ru',
    words: ['подстричься', 'постричься', 'подстричь'],
    means: ['стрижка'],
    example: 'Стрижка мужская',
  },
  { kind: 'everyday', lang: 'ru', words: ['чистка'], means: ['очищение'], example: 'Очищение лица', same: true },
  {
    kind: 'everyday',
    lang: 'uk',
    words: ['нігті', 'нігтики'],
    means: ['манікюр', 'педикюр', 'маникюр'],
    example: 'Манікюр класичний',
  },
  {
    kind: 'everyday',
    lang: 'uk',
    words: ['пофарбувати', 'фарбування'],
    means: ['окрашивание', 'фарбування волосся'],
    example: 'Окрашивание корней',
  },
  {
    kind: 'everyday',
    lang: 'uk',
    words: ['підстригтися', 'підстригти'],
    means: ['стрижка'],
    example: 'Стрижка жіноча',
  },
  { kind: 'everyday', lang: 'es', words: ['uñas', 'manos'], means: ['manicura'], example: 'Manicura semipermanente' },
  { kind: 'everyday', lang: 'es', words: ['pies'], means: ['pedicura'], example: 'Pedicura spa' },
  {
    kind: 'everyday',
    lang: 'es',
    words: ['uñas de gel'],
    means: ['manicura semipermanente', 'uñas de gel'],
    example: 'Manicura semipermanente',
  },
  { kind: 'everyday', lang: 'es', words: ['depilar'], means: ['depilación'], example: 'Depilación con cera' },
  { kind: 'everyday', lang: 'es', words: ['peluquería'], means: ['corte', 'peinado'], example: 'Corte de pelo' },
  { kind: 'everyday', lang: 'pt', words: ['manicure'], means: ['mão'], example: 'Mão' },
  { kind: 'everyday', lang: 'pt', words: ['pedicure'], means: ['pé'], example: 'Pé' },
  { kind: 'everyday', lang: 'pt', words: ['unhas'], means: ['manicure', 'pedicure', 'mão', 'pé'], example: 'Pé e mão' },
  { kind: 'everyday', lang: 'pt', words: ['depilar'], means: ['depilação', 'cera'], example: 'Cera perna inteira' },
  {
    kind: 'everyday',
    lang: 'pt',
    words: ['unha de gel'],
    means: ['alongamento em gel'],
    example: 'Alongamento em gel',
  },
  { kind: 'everyday', lang: 'fr', words: ['ongles'], means: ['manucure', 'pédicure'], example: 'Manucure classique' },
  {
    kind: 'everyday',
    lang: 'fr',
    words: ['vernis permanent'],
    means: ['semi-permanent'],
    example: 'Manucure semi-permanent',
  },

  // The same treatment in another desk language (a Spanish receptionist at a Portuguese menu)
  { kind: 'language', lang: 'uk', words: ['манікюр'], means: ['маникюр'], example: 'Маникюр классический', same: true },
  {
    kind: 'language',
    lang: 'uk',
    words: ['масаж'],
    means: ['массаж'],
    example: 'Классический массаж, 60 мин',
    same: true,
  },
  {
    kind: 'language',
    lang: 'uk',
    words: ['депіляція'],
    means: ['депиляция'],
    example: 'Депиляция подмышек',
    same: true,
  },
  { kind: 'language', lang: 'uk', words: ['зачіска'], means: ['прическа'], example: 'Вечерняя причёска', same: true },
  { kind: 'language', lang: 'uk', words: ['вії'], means: ['ресницы'], example: 'Ламинирование ресниц', same: true },
  { kind: 'language', lang: 'uk', words: ['брови'], means: ['брів'], example: 'Корекція брів', same: true },
  { kind: 'language', lang: 'es', words: ['pelo'], means: ['cabelo'], example: 'Coloração de cabelo' },
  { kind: 'language', lang: 'pt', words: ['massagem'], means: ['masaje', 'massage'], example: 'Masaje relajante' },
  { kind: 'language', lang: 'pt', words: ['sobrancelhas'], means: ['cejas'], example: 'Diseño de cejas' },
  { kind: 'language', lang: 'pt', words: ['cílios'], means: ['pestañas'], example: 'Extensiones de pestañas' },
  { kind: 'language', lang: 'pt', words: ['coloração'], means: ['tinte', 'coloración'], example: 'Tinte raíz' },
  { kind: 'language', lang: 'pt', words: ['depilação'], means: ['depilación'], example: 'Depilación con cera' },
  { kind: 'language', lang: 'en', words: ['manicure'], means: ['manicura', 'manucure'], example: 'Manucure classique' },
  { kind: 'language', lang: 'en', words: ['pedicure'], means: ['pedicura', 'pédicure'], example: 'Pedicura spa' },
  {
    kind: 'language',
    lang: 'en',
    words: ['colour', 'color'],
    means: ['coloration', 'coloración', 'coloração'],
    example: 'Coloration complète',
  },
  {
    kind: 'language',
    lang: 'en',
    words: ['nails'],
    means: ['ongles', 'uñas', 'unhas'],
    example: 'Extensions d’ongles',
  },
];
