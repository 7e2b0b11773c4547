/**
 * The sample salon's menu in three languages. Prices are in US dollars and converted per location;
 * durations in minutes. Each location drops a few items so the three menus are not identical.
 */

export type Lang = 'en' | 'ru' | 'fr';
export type Texts = Record<Lang, string>;

export interface MenuItem {
  title: Texts;
  usd: [number, number];
  minutes: number;
}

export interface MenuCategory {
  key: string;
  title: Texts;
  items: MenuItem[];
}

const item = (en: string, ru: string, fr: string, usd: number | [number, number], minutes: number): MenuItem => ({
  title: { en, ru, fr },
  usd: typeof usd === 'number' ? [usd, usd] : usd,
  minutes,
});

export const MENU: MenuCategory[] = [
  {
    key: 'women',
    title: { en: "Women's haircuts", ru: 'Женские стрижки', fr: 'Coupes femme' },
    items: [
      item("Women's haircut — short hair", 'Стрижка женская — короткие волосы', 'Coupe femme — cheveux courts', 65, 45),
      item(
        "Women's haircut — long hair",
        'Стрижка женская — длинные волосы',
        'Coupe femme — cheveux longs',
        [80, 95],
        60,
      ),
      item('Bang trim', 'Стрижка чёлки', 'Coupe de frange', 15, 15),
      item('Haircut & blow-dry', 'Стрижка и укладка феном', 'Coupe & brushing', [90, 110], 75),
      item('Hair ends trim', 'Стрижка кончиков', 'Rafraîchissement des pointes', 40, 30),
    ],
  },
  {
    key: 'men',
    title: { en: "Men's haircuts", ru: 'Мужские стрижки', fr: 'Coupes homme' },
    items: [
      item("Men's haircut", 'Стрижка мужская', 'Coupe homme', 45, 45),
      item('Beard trim', 'Оформление бороды', 'Taille de barbe', 25, 30),
      item('Haircut & beard', 'Стрижка и борода', 'Coupe & barbe', 65, 60),
      item('Buzz cut', 'Стрижка машинкой', 'Coupe à la tondeuse', 30, 30),
      item('Hot towel shave', 'Бритьё с горячим полотенцем', 'Rasage à la serviette chaude', 40, 45),
    ],
  },
  {
    key: 'color',
    title: { en: 'Coloring', ru: 'Окрашивание', fr: 'Coloration' },
    items: [
      item('Root touch-up', 'Окрашивание корней', 'Coloration des racines', 95, 90),
      item('Full color', 'Окрашивание в один тон', 'Coloration complète', [140, 180], 120),
      item('Balayage', 'Балаяж', 'Balayage', [220, 320], 180),
      item('Partial highlights', 'Мелирование частичное', 'Mèches partielles', [150, 170], 120),
      item('Toner & gloss', 'Тонирование', 'Patine & gloss', 60, 45),
      item('Airtouch', 'Аиртач', 'Airtouch', [260, 340], 210),
    ],
  },
  {
    key: 'styling',
    title: { en: 'Styling', ru: 'Укладки', fr: 'Coiffage' },
    items: [
      item('Blow-dry', 'Укладка феном', 'Brushing', 55, 45),
      item('Updo', 'Вечерняя причёска', 'Chignon', [90, 120], 60),
      item('Bridal hair', 'Свадебная причёска', 'Coiffure de mariée', [220, 280], 120),
      item('Curls & waves', 'Локоны', 'Boucles & ondulations', 70, 60),
    ],
  },
  {
    key: 'manicure',
    title: { en: 'Manicure', ru: 'Маникюр', fr: 'Manucure' },
    items: [
      item('Classic manicure', 'Маникюр классический', 'Manucure classique', 35, 45),
      item('Gel manicure', 'Маникюр с покрытием гель-лак', 'Manucure semi-permanent', 55, 75),
      item('Gel removal', 'Снятие гель-лака', 'Dépose semi-permanent', 20, 15),
      item('Nail art (per nail)', 'Дизайн ногтей (1 ноготь)', 'Nail art (par ongle)', [5, 10], 15),
      item('Nail extensions', 'Наращивание ногтей', 'Extensions d’ongles', [90, 120], 150),
    ],
  },
  {
    key: 'pedicure',
    title: { en: 'Pedicure', ru: 'Педикюр', fr: 'Pédicure' },
    items: [
      item('Classic pedicure', 'Педикюр классический', 'Pédicure classique', 55, 60),
      item('Spa pedicure', 'СПА-педикюр', 'Pédicure spa', 75, 75),
      item('Gel pedicure', 'Педикюр с покрытием гель-лак', 'Pédicure semi-permanent', 70, 90),
    ],
  },
  {
    key: 'face',
    title: { en: 'Facials', ru: 'Уход за лицом', fr: 'Soins du visage' },
    items: [
      item('Signature facial', 'Фирменный уход для лица', 'Soin signature du visage', 120, 60),
      item('Hydrating facial', 'Увлажняющий уход', 'Soin hydratant', 140, 75),
      item('Acne treatment', 'Чистка лица', 'Soin anti-imperfections', 110, 60),
      item('Chemical peel', 'Химический пилинг', 'Peeling chimique', [130, 170], 45),
    ],
  },
  {
    key: 'massage',
    title: { en: 'Massage', ru: 'Массаж', fr: 'Massages' },
    items: [
      item('Swedish massage, 60 min', 'Классический массаж, 60 мин', 'Massage suédois, 60 min', 110, 60),
      item('Deep tissue massage', 'Глубокий массаж', 'Massage des tissus profonds', 130, 60),
      item('Hot stone massage', 'Стоун-терапия', 'Massage aux pierres chaudes', 150, 90),
      item('Head & shoulder massage', 'Массаж головы и шеи', 'Massage crânien & épaules', 50, 30),
    ],
  },
  {
    key: 'brows',
    title: { en: 'Brows & lashes', ru: 'Брови и ресницы', fr: 'Sourcils & cils' },
    items: [
      item('Brow shaping', 'Коррекция бровей', 'Restructuration des sourcils', 30, 30),
      item('Brow tint', 'Окрашивание бровей', 'Teinture des sourcils', 25, 30),
      item('Lash lift', 'Ламинирование ресниц', 'Rehaussement de cils', 85, 60),
      item(
        'Classic lash extensions',
        'Наращивание ресниц — классика',
        'Extensions de cils classiques',
        [150, 170],
        120,
      ),
    ],
  },
  {
    key: 'makeup',
    title: { en: 'Makeup', ru: 'Макияж', fr: 'Maquillage' },
    items: [
      item('Day makeup', 'Дневной макияж', 'Maquillage de jour', 75, 45),
      item('Evening makeup', 'Вечерний макияж', 'Maquillage de soirée', 110, 60),
      item('Bridal makeup', 'Свадебный макияж', 'Maquillage de mariée', [200, 240], 90),
    ],
  },
  {
    key: 'wax',
    title: { en: 'Waxing', ru: 'Депиляция', fr: 'Épilation' },
    items: [
      item('Full leg wax', 'Депиляция ног полностью', 'Épilation jambes complètes', 80, 60),
      item('Underarm wax', 'Депиляция подмышек', 'Épilation aisselles', 25, 15),
      item('Bikini wax', 'Депиляция бикини', 'Épilation maillot', 45, 30),
      item('Brazilian wax', 'Глубокое бикини', 'Épilation intégrale', 70, 45),
    ],
  },
  {
    key: 'kids',
    title: { en: 'Kids', ru: 'Детские стрижки', fr: 'Enfants' },
    items: [
      item("Kids' haircut (under 12)", 'Детская стрижка (до 12 лет)', 'Coupe enfant (moins de 12 ans)', 30, 30),
      item('First haircut', 'Первая стрижка', 'Première coupe', 25, 30),
    ],
  },
];

export const GOODS: Record<Lang, { title: string; usd: number }[]> = {
  en: [
    { title: 'Argan oil shampoo', usd: 28 },
    { title: 'Repair conditioner', usd: 26 },
    { title: 'Heat protection spray', usd: 22 },
    { title: 'Cuticle oil', usd: 12 },
    { title: 'Hand cream', usd: 15 },
  ],
  ru: [
    { title: 'Шампунь с аргановым маслом', usd: 28 },
    { title: 'Бальзам восстанавливающий', usd: 26 },
    { title: 'Термозащитный спрей', usd: 22 },
    { title: 'Масло для кутикулы', usd: 12 },
    { title: 'Крем для рук', usd: 15 },
  ],
  fr: [
    { title: 'Shampooing à l’huile d’argan', usd: 28 },
    { title: 'Après-shampooing réparateur', usd: 26 },
    { title: 'Spray thermoprotecteur', usd: 22 },
    { title: 'Huile pour cuticules', usd: 12 },
    { title: 'Crème pour les mains', usd: 15 },
  ],
};

export const CLIENTS: Record<Lang, string[]> = {
  en: [
    'Jessica Miller',
    'Ashley Davis',
    'Michael Johnson',
    'Sarah Wilson',
    'Christopher Moore',
    'Amanda Taylor',
    'Brian Anderson',
    'Lauren Thomas',
    'Nicole Jackson',
    'Kevin White',
    'Megan Harris',
    'Rachel Martin',
  ],
  ru: [
    'Анна Иванова',
    'Мария Петрова',
    'Ольга Соколова',
    'Алексей Попов',
    'Динара Касымова',
    'Асель Бекова',
    'Наталья Волкова',
    'Тимур Абдрахманов',
    'Светлана Морозова',
    'Гульнара Исаева',
    'Айдана Серикова',
    'Елена Ким',
  ],
  fr: [
    'Julie Lambert',
    'Sophie Fontaine',
    'Nicolas Mercier',
    'Manon Chevalier',
    'Thomas Garnier',
    'Léa Faure',
    'Céline Roux',
    'Antoine Blanc',
    'Émilie Perrin',
    'Mathilde Morel',
    'Chloé Bonnet',
    'Noémie Girard',
  ],
};

export const OTHER_OPERATION: Texts = { en: 'Other operations', ru: 'Прочие операции', fr: 'Autres opérations' };
