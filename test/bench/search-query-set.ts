/**
 * What receptionists type, labelled by kind, with what they expect to find: a query counts as found
 * when one of the first five results has `expect` in its title (or, for kind "staff", among its
 * performers). Menus are the demo chain's (test/bench/catalog-data.ts, 400 services per location):
 * Russian, English, French and Spanish. Written from the issue's examples and the menus' words,
 * not from the engine's output. Kind "none" must find nothing.
 */
export type QueryKind =
  | 'exact'
  | 'prefix'
  | 'multiword'
  | 'staff'
  | 'accent'
  | 'substring'
  | 'typo'
  | 'form'
  | 'layout'
  | 'apostrophe'
  | 'synonym'
  | 'cross-script'
  | 'category'
  | 'brand'
  | 'regional'
  | 'everyday'
  | 'none';

export type MenuLang = 'ru' | 'en' | 'fr' | 'es' | 'pt';

export interface LabelledQuery {
  lang: MenuLang;
  kind: QueryKind;
  query: string;
  expect: string;
}

const q = (lang: MenuLang, kind: QueryKind, query: string, expect = ''): LabelledQuery => ({
  lang,
  kind,
  query,
  expect,
});

export const QUERY_SET: readonly LabelledQuery[] = [
  // Russian
  q('ru', 'exact', 'балаяж', 'Балаяж'),
  q('ru', 'exact', 'маникюр', 'Маникюр'),
  q('ru', 'exact', 'педикюр', 'Педикюр'),
  q('ru', 'exact', 'шугаринг', 'Шугаринг'),
  q('ru', 'exact', 'мезотерапия', 'Мезотерапия'),
  q('ru', 'prefix', 'стриж', 'Стрижка'),
  q('ru', 'prefix', 'окраш', 'Окрашивание'),
  q('ru', 'prefix', 'депил', 'Депиляция'),
  q('ru', 'prefix', 'ламин', 'Ламинирование'),
  q('ru', 'prefix', 'кератин', 'Кератиновое'),
  q('ru', 'prefix', 'масс', 'массаж'),
  q('ru', 'multiword', 'стрижка мужская', 'Стрижка мужская'),
  q('ru', 'multiword', 'мужская стрижка', 'Стрижка мужская'),
  q('ru', 'multiword', 'маникюр японский', 'Японский маникюр'),
  q('ru', 'multiword', 'окрашивание бровей', 'Окрашивание бровей'),
  q('ru', 'multiword', 'наращивание ресниц', 'Наращивание ресниц'),
  q('ru', 'accent', 'челки', 'Стрижка чёлки'),
  q('ru', 'accent', 'бритье', 'Бритьё'),
  q('ru', 'accent', 'прическа', 'причёска'),
  q('ru', 'substring', 'терапи', 'терапия'),
  q('ru', 'substring', 'терапия', 'терапия'),
  q('ru', 'substring', 'дренаж', 'Лимфодренажный'),
  q('ru', 'substring', 'целлюлит', 'Антицеллюлитный'),
  q('ru', 'exact', 'пилинг', 'пилинг'),
  q('ru', 'typo', 'маникур', 'Маникюр'),
  q('ru', 'typo', 'нарощевание', 'Наращивание'),
  q('ru', 'typo', 'балояж', 'Балаяж'),
  q('ru', 'typo', 'педикур', 'Педикюр'),
  q('ru', 'typo', 'депеляция', 'Депиляция'),
  q('ru', 'typo', 'окрашевание', 'Окрашивание'),
  q('ru', 'typo', 'мелировние', 'Мелирование'),
  q('ru', 'typo', 'шугарнинг', 'Шугаринг'),
  q('ru', 'form', 'стрижку', 'Стрижка'),
  q('ru', 'form', 'ногти', 'ногтей'),
  q('ru', 'form', 'брови', 'бровей'),
  q('ru', 'form', 'ресницы', 'ресниц'),
  q('ru', 'form', 'массажи', 'массаж'),
  q('ru', 'form', 'укладку', 'Укладка'),
  q('ru', 'form', 'бороду', 'бороды'),
  q('ru', 'layout', 'vfybr.h', 'Маникюр'),
  q('ru', 'layout', 'gtlbr.h', 'Педикюр'),
  q('ru', 'layout', 'cnhb;rf', 'Стрижка'),
  q('ru', 'layout', ',fkfz;', 'Балаяж'),
  q('ru', 'layout', 'vfcc', 'массаж'),
  q('ru', 'synonym', 'шеллак', 'гель-лак'),
  q('ru', 'synonym', 'эпиляция', 'Депиляция'),
  q('ru', 'synonym', 'манікюр', 'Маникюр'),
  q('ru', 'synonym', 'фарбування', 'Окрашивание'),

  // English
  q('en', 'exact', 'balayage', 'Balayage'),
  q('en', 'exact', 'haircut', 'haircut'),
  q('en', 'exact', 'pedicure', 'pedicure'),
  q('en', 'exact', 'reflexology', 'Reflexology'),
  q('en', 'exact', 'sugaring', 'Sugaring'),
  q('en', 'prefix', 'bala', 'Balayage'),
  q('en', 'prefix', 'mani', 'manicure'),
  q('en', 'prefix', 'ker', 'Keratin'),
  q('en', 'prefix', 'micro', 'Microdermabrasion'),
  q('en', 'prefix', 'extens', 'extensions'),
  q('en', 'prefix', 'brid', 'Bridal'),
  q('en', 'multiword', 'gel manicure', 'Gel manicure'),
  q('en', 'multiword', 'manicure gel', 'Gel manicure'),
  q('en', 'multiword', 'hot stone', 'Hot stone massage'),
  q('en', 'multiword', 'lash lift', 'Lash lift'),
  q('en', 'multiword', 'full leg wax', 'Full leg wax'),
  q('en', 'multiword', 'deep tissue', 'Deep tissue'),
  q('en', 'substring', 'cut', 'Haircut'),
  q('en', 'substring', 'cure', 'manicure'),
  q('en', 'substring', 'dermabrasion', 'Microdermabrasion'),
  q('en', 'substring', 'ology', 'Reflexology'),
  q('en', 'substring', 'lights', 'highlights'),
  q('en', 'typo', 'balyage', 'Balayage'),
  q('en', 'typo', 'manicrue', 'manicure'),
  q('en', 'typo', 'pedicur', 'pedicure'),
  q('en', 'typo', 'keratine', 'Keratin'),
  q('en', 'typo', 'masage', 'massage'),
  q('en', 'typo', 'extentions', 'extensions'),
  q('en', 'typo', 'higlights', 'highlights'),
  q('en', 'typo', 'reflexolgy', 'Reflexology'),
  q('en', 'typo', 'microdermabrassion', 'Microdermabrasion'),
  q('en', 'form', 'nails', 'Nail'),
  q('en', 'form', 'haircuts', 'haircut'),
  q('en', 'form', 'massages', 'massage'),
  q('en', 'form', 'braid', 'Braids'),
  q('en', 'form', 'facials', 'facial'),
  q('en', 'form', 'waxing', 'wax'),
  q('en', 'form', 'coloring', 'color'),
  q('en', 'apostrophe', 'womens haircut', "Women's haircut"),
  q('en', 'apostrophe', 'mens haircut', "Men's haircut"),
  q('en', 'apostrophe', 'kids haircut', "Kids' haircut"),
  q('en', 'apostrophe', 'women’s', "Women's"),
  q('en', 'synonym', 'colour', 'color'),
  q('en', 'synonym', 'eyebrows', 'Brow'),
  q('en', 'synonym', 'shellac', 'Gel'),
  q('en', 'synonym', 'eyelashes', 'lash'),
  q('en', 'layout', 'ифдфнфпу', 'Balayage'),
  q('en', 'layout', 'ьфтшсгку', 'manicure'),
  q('en', 'staff', 'olivia', 'Olivia'),
  q('en', 'staff', 'smith', 'Smith'),
  q('en', 'multiword', 'blow dry', 'blow-dry'),

  // French
  q('fr', 'exact', 'balayage', 'Balayage'),
  q('fr', 'exact', 'manucure', 'Manucure'),
  q('fr', 'exact', 'coupe', 'Coupe'),
  q('fr', 'exact', 'brushing', 'brushing'),
  q('fr', 'exact', 'chignon', 'Chignon'),
  q('fr', 'prefix', 'manu', 'Manucure'),
  q('fr', 'prefix', 'lissa', 'Lissage'),
  q('fr', 'prefix', 'gomm', 'Gommage'),
  q('fr', 'prefix', 'maqu', 'Maquillage'),
  q('fr', 'prefix', 'rehau', 'Rehaussement'),
  q('fr', 'multiword', 'coupe femme', 'Coupe femme'),
  q('fr', 'multiword', 'femme coupe', 'Coupe femme'),
  q('fr', 'multiword', 'maquillage mariee', 'Maquillage de mariée'),
  q('fr', 'multiword', 'soin visage', 'visage'),
  q('fr', 'accent', 'pedicure', 'Pédicure'),
  q('fr', 'accent', 'epilation', 'Épilation'),
  q('fr', 'accent', 'meches', 'Mèches'),
  q('fr', 'accent', 'epaules', 'épaules'),
  q('fr', 'accent', 'reflexologie', 'Réflexologie'),
  q('fr', 'accent', 'keratine', 'kératine'),
  q('fr', 'substring', 'flexologie', 'Réflexologie'),
  q('fr', 'substring', 'permanent', 'semi-permanent'),
  q('fr', 'substring', 'haussement', 'Rehaussement'),
  q('fr', 'typo', 'manucur', 'Manucure'),
  q('fr', 'typo', 'maquilage', 'Maquillage'),
  q('fr', 'typo', 'balaiage', 'Balayage'),
  q('fr', 'typo', 'epilattion', 'Épilation'),
  q('fr', 'typo', 'chignion', 'Chignon'),
  q('fr', 'typo', 'colorration', 'Coloration'),
  q('fr', 'typo', 'pedicrue', 'Pédicure'),
  q('fr', 'form', 'coupes', 'Coupe'),
  q('fr', 'form', 'ongle', 'ongles'),
  q('fr', 'form', 'sourcil', 'sourcils'),
  q('fr', 'exact', 'massage', 'Massage'),
  q('fr', 'form', 'soins', 'Soin'),
  q('fr', 'form', 'extension', 'Extensions'),
  q('fr', 'apostrophe', 'dongles', 'ongles'),
  q('fr', 'apostrophe', "d'ongles", 'ongles'),
  q('fr', 'layout', 'сщгзу', 'Coupe'),
  q('fr', 'layout', 'ифдфнфпу', 'Balayage'),
  q('fr', 'synonym', 'nails', 'ongle'),
  q('fr', 'synonym', 'colour', 'Coloration'),
  q('fr', 'staff', 'camille', 'Camille'),

  // Spanish
  q('es', 'exact', 'manicura', 'Manicura'),
  q('es', 'prefix', 'alis', 'Alisado'),
  q('es', 'prefix', 'pesta', 'pestañas'),
  q('es', 'accent', 'depilacion', 'Depilación'),
  q('es', 'accent', 'raiz', 'raíz'),
  q('es', 'typo', 'manicrua', 'Manicura'),
  q('es', 'typo', 'keratna', 'keratina'),
  q('es', 'form', 'uñas', 'Manicura'),
  q('es', 'form', 'masajes', 'Masaje'),
  q('es', 'form', 'cortes', 'Corte'),
  q('es', 'layout', 'u;as', 'Manicura'),
  q('es', 'layout', 'pesta;as', 'pestañas'),
  q('es', 'synonym', 'pedicure', 'Pedicura'),
  q('es', 'synonym', 'manicure', 'Manicura'),
  q('es', 'substring', 'permanente', 'semipermanente'),
  q('es', 'multiword', 'corte pelo', 'Corte de pelo'),

  // Must find nothing: random strings and single letters that would match only by a typo.
  q('ru', 'none', 'qzxwv'),
  q('ru', 'none', 'ъъъ'),
  q('ru', 'none', 'zzzzzz'),
  q('ru', 'none', 'йцщшгх'),
  q('en', 'none', 'qwxzkj'),
  q('en', 'none', 'xkcdq'),
  q('en', 'none', 'zzzzzz'),
  q('en', 'none', 'q'),
  q('en', 'none', 'ъ'),
  q('en', 'none', 'bvbvbvbv'),
  q('fr', 'none', 'wqxz'),
  q('fr', 'none', 'plmoknij'),
  q('fr', 'none', 'xyzzy'),
  q('es', 'none', 'jjjkkk'),
  q('es', 'none', 'ffff'),
];
