import type { Company, License, Service, ServiceCategory, StaffMemberRaw } from '../../src/main/altegio/types';

/**
 * A big multilingual chain for the catalogue benchmark: many locations, each with hundreds of
 * services named the way salons name them (Russian, English, Spanish, French, German, Kazakh),
 * ids reused across locations as Altegio does. Deterministic (seeded) so runs compare.
 */

export interface BigLocation {
  company: Company;
  categories: ServiceCategory[];
  services: Service[];
  staff: StaffMemberRaw[];
  license: License;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES: [string, string[]][] = [
  [
    'Стрижки',
    [
      'Стрижка женская',
      'Стрижка мужская',
      'Стрижка детская',
      'Стрижка чёлки',
      'Стрижка горячими ножницами',
      'Моделирование бороды',
    ],
  ],
  [
    'Окрашивание',
    ['Окрашивание корней', 'Окрашивание в один тон', 'Мелирование', 'Тонирование', 'Шатуш', 'Омбре', 'Airtouch'],
  ],
  [
    'Haircuts',
    ["Women's haircut", "Men's haircut", "Kid's haircut", 'Fringe trim', 'Beard trim', 'Buzz cut', 'Skin fade'],
  ],
  [
    'Coloring',
    ['Balayage', 'Root touch-up', 'Full colour', 'Highlights', 'Colour rub-out', 'Toner gloss', 'Colour correction'],
  ],
  ['Coloración', ['Coloración completa', 'Mechas balayage', 'Decoloración', 'Baño de color', 'Matización']],
  ['Soins', ['Soin kératine', 'Brushing', 'Coupe femme', 'Coupe homme', 'Mèches', 'Défrisage', 'Lissage brésilien']],
  ['Maniküre', ['Maniküre klassisch', 'Gel-Maniküre', 'Nagelverlängerung', 'Pediküre', 'Fußpflege']],
  [
    'Ногтевой сервис',
    [
      'Маникюр классический',
      'Маникюр аппаратный',
      'Покрытие гель-лак',
      'Педикюр',
      'Снятие покрытия',
      'Наращивание ногтей',
    ],
  ],
  ['Nails', ['Manicure', 'Gel polish', 'Pedicure spa', 'Nail art', 'Acrylic extensions', 'French manicure']],
  [
    'Брови и ресницы',
    ['Ламинирование ресниц', 'Наращивание ресниц', 'Коррекция бровей', 'Окрашивание бровей', 'Ламинирование бровей'],
  ],
  [
    'Brows & lashes',
    ['Brow lamination', 'Lash lift', 'Brow tint', 'Lash extensions classic', 'Lash extensions volume'],
  ],
  ['Косметология', ['Чистка лица', 'Пилинг', 'Мезотерапия', 'Биоревитализация', 'Уход за лицом', 'Дарсонваль']],
  ['Facials', ['Hydrafacial', 'Deep cleansing facial', 'Chemical peel', 'Microneedling', 'LED therapy']],
  ['Массаж', ['Массаж спины', 'Массаж общий', 'Лимфодренажный массаж', 'Антицеллюлитный массаж', 'Массаж лица']],
  ['Masajes', ['Masaje relajante', 'Masaje descontracturante', 'Masaje con piedras calientes', 'Reflexología podal']],
  ['Эпиляция', ['Шугаринг ног', 'Шугаринг бикини', 'Восковая эпиляция', 'Лазерная эпиляция подмышек']],
  ['Waxing', ['Leg wax', 'Bikini wax', 'Brazilian wax', 'Underarm wax', 'Lip wax']],
  ['Шаш күтімі', ['Шаш қию', 'Шаш бояу', 'Сақал күтімі']],
  ['Укладки', ['Укладка феном', 'Вечерняя причёска', 'Локоны', 'Плетение кос', 'Свадебная причёска']],
  ['Styling', ['Blow dry', 'Updo', 'Bridal hair', 'Beach waves', 'Hair extensions']],
];

const VARIANTS = [
  '',
  'короткие волосы',
  'длинные волосы',
  'long hair',
  'short hair',
  'premium',
  'топ-мастер',
  'senior stylist',
  'с уходом',
  'express',
  'pelo largo',
  'cheveux longs',
  'für Kinder',
  '+ укладка',
];

const FIRST = [
  'Анна',
  'Мария',
  'Алёна',
  'Ольга',
  'Айгерим',
  'Динара',
  'Екатерина',
  'Юлия',
  'Sofía',
  'Zoë',
  'Chloé',
  'Jürgen',
  'John',
  'Emily',
  'Lucía',
  'José',
  'Дмитрий',
  'Сергей',
  'Нұрлан',
  'Ерлан',
  'Amélie',
  'Renée',
];
const LAST = [
  'Иванова',
  'Смирнова',
  'Ким',
  'Сулейменова',
  'Петрова',
  'García',
  'Müller',
  'Smith',
  'Dubois',
  'Núñez',
  'Жұмабаев',
  'Орлова',
  'Lefèvre',
  'Brown',
  'Şahin',
];
const POSITIONS = [
  'Парикмахер-стилист',
  'Топ-стилист',
  'Мастер маникюра',
  'Косметолог',
  'Массажист',
  'Senior Stylist',
  'Colorist',
  'Nail technician',
  'Barber',
];
const CITIES: [string, string, string][] = [
  ['Алматы', 'Asia/Almaty', '₸'],
  ['Астана', 'Asia/Almaty', '₸'],
  ['Москва', 'Europe/Moscow', '₽'],
  ['New York', 'America/New_York', '$'],
  ['Madrid', 'Europe/Madrid', '€'],
  ['Paris', 'Europe/Paris', '€'],
  ['London', 'Europe/London', '£'],
  ['Berlin', 'Europe/Berlin', 'EUR'],
];

export interface BigOptions {
  locations: number;
  servicesPerLocation: number;
  staffPerLocation: number;
  seed?: number;
}

export function buildBigCatalog(opts: BigOptions): BigLocation[] {
  const rand = rng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: BigLocation[] = [];
  for (let l = 0; l < opts.locations; l++) {
    const [city, tz, currency] = CITIES[l % CITIES.length]!;
    const locationId = 100_000 + l * 37;
    const staff: StaffMemberRaw[] = Array.from({ length: opts.staffPerLocation }, (_, i) => ({
      id: 1000 + i,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      specialization: pick(POSITIONS),
      position: { id: 1 + (i % POSITIONS.length), title: pick(POSITIONS) },
      avatar: `https://assets.alteg.io/masters/sm/${locationId}-${i}.jpg`,
      avatarBig: `https://assets.alteg.io/masters/origin/${locationId}-${i}.jpg`,
      imageGroupId: null,
      weight: opts.staffPerLocation - i,
      fired: i % 23 === 22,
      hidden: i % 17 === 16,
      deleted: false,
    }));
    const categories: ServiceCategory[] = CATEGORIES.map(([title], i) => ({
      id: 500 + i,
      title,
      weight: CATEGORIES.length - i,
      staffIds: [],
    }));
    const services: Service[] = [];
    for (let s = 0; s < opts.servicesPerLocation; s++) {
      const c = Math.floor(rand() * CATEGORIES.length);
      const base = pick(CATEGORIES[c]![1]);
      const variant = pick(VARIANTS);
      const price = Math.round(5 + rand() * 195) * (currency === '₸' ? 500 : currency === '₽' ? 100 : 1);
      const performers = Array.from(
        { length: 1 + Math.floor(rand() * 5) },
        () => staff[Math.floor(rand() * staff.length)]!.id,
      );
      services.push({
        id: 10_000 + s,
        categoryId: 500 + c,
        title: variant ? `${base} ${variant}` : base,
        priceMin: price,
        priceMax: rand() < 0.4 ? price * 2 : price,
        durationSec: 900 * (1 + Math.floor(rand() * 12)),
        weight: Math.floor(rand() * 20),
        active: rand() > 0.05,
        comment: rand() < 0.1 ? 'Консультация перед процедурой' : null,
        staff: [...new Set(performers)].map((staffId) => ({
          staffId,
          seanceLengthSec: 900 * (1 + Math.floor(rand() * 12)),
          price: rand() < 0.2 ? price + 10 : null,
        })),
      });
    }
    out.push({
      company: {
        id: locationId,
        title: `Beauty ${city} #${l + 1}`,
        address: `${city}, ${l + 1} Main street`,
        city,
        phones: ['+10000000000'],
        email: null,
        site: null,
        timezoneName: tz,
        currencyShortTitle: currency,
        schedule: null,
        logo: null,
      },
      categories,
      services,
      staff,
      license: { plan: 'Business', active: true, startDate: '2025-01-01', endDate: '2027-01-01', staffLimit: 0 },
    });
  }
  return out;
}

/** As-you-type queries: successive prefixes of real words, across locations ("б", "ба", "бал", ...). */
export function typingQueries(data: BigLocation[], count: number, seed = 7): { locationId: number; query: string }[] {
  const rand = rng(seed);
  const out: { locationId: number; query: string }[] = [];
  while (out.length < count) {
    const loc = data[Math.floor(rand() * data.length)]!;
    const source =
      rand() < 0.2
        ? loc.staff[Math.floor(rand() * loc.staff.length)]!.name
        : loc.services[Math.floor(rand() * loc.services.length)]!.title;
    const words = source.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
    const take = words.slice(0, 1 + Math.floor(rand() * Math.min(2, words.length)));
    let typed = '';
    for (const [wi, w] of take.entries()) {
      for (let i = 1; i <= w.length && out.length < count; i++) {
        out.push({ locationId: loc.company.id, query: `${typed}${w.slice(0, i)}`.toLowerCase() });
      }
      typed += `${w} `;
      if (wi === take.length - 1) break;
    }
  }
  return out;
}
