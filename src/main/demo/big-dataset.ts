import { picker } from './prng';
import { MENU } from './seed/catalog';
import { portraitColor, photoFor } from './seed/photos';
import type { DemoCategory, DemoDataset, DemoLocation, DemoService, DemoStaffMember } from './types';
import { DEMO_PARTNER_TOKEN, DEMO_USERS } from './users';

type BigLang = 'ru' | 'en' | 'fr' | 'es' | 'de';
const LANGS: BigLang[] = ['ru', 'en', 'fr', 'es', 'de'];

/** Extra base titles so large menus do not repeat a handful of words. */
const EXTRA: Record<BigLang, string[]> = {
  ru: [
    'Стрижка',
    'Балаяж',
    'Шатуш',
    'Кератиновое выпрямление',
    'Ботокс для волос',
    'Плетение кос',
    'Окрашивание бровей хной',
    'Аппаратный маникюр',
    'Японский маникюр',
    'Парафинотерапия',
    'Антицеллюлитный массаж',
    'Лимфодренажный массаж',
    'Шугаринг',
    'Мезотерапия',
  ],
  en: [
    'Haircut',
    'Balayage',
    'Keratin treatment',
    'Scalp detox',
    'Braids',
    'Hair extensions',
    'Paraffin hand treatment',
    'Reflexology',
    'Microdermabrasion',
    'Spray tan',
    'Teeth whitening',
    'Express facial',
    'Sugaring',
  ],
  fr: [
    'Coloration',
    'Épilation',
    'Maquillage de mariée',
    'Lissage brésilien',
    'Soin à la kératine',
    'Ombré hair',
    'Chignon de mariée',
    'Beauté des pieds',
    'Modelage relaxant',
    'Gommage corps',
    'Soin anti-âge',
    'Réflexologie plantaire',
    'Teinture des cils',
  ],
  es: [
    'Corte de pelo',
    'Corte de pelo y peinado',
    'Mechas balayage',
    'Tinte raíz',
    'Alisado de keratina',
    'Manicura semipermanente',
    'Pedicura spa',
    'Depilación con cera',
    'Masaje relajante',
    'Limpieza facial',
    'Maquillaje de novia',
    'Diseño de cejas',
    'Extensiones de pestañas',
  ],
  de: [
    'Damenhaarschnitt',
    'Herrenhaarschnitt',
    'Färben',
    'Strähnchen',
    'Föhnen',
    'Hochsteckfrisur',
    'Maniküre',
    'Pediküre',
    'Gesichtsbehandlung',
    'Ganzkörpermassage',
    'Wimpernverlängerung',
    'Augenbrauen zupfen',
    'Waxing Beine',
  ],
};

const MODIFIERS: Record<BigLang, string[]> = {
  ru: [
    'короткие волосы',
    'средние волосы',
    'длинные волосы',
    'экспресс',
    'премиум',
    'для детей',
    'с укладкой',
    'мастер-стилист',
  ],
  en: ['short hair', 'medium hair', 'long hair', 'express', 'premium', 'kids', 'with styling', 'senior stylist'],
  fr: [
    'cheveux courts',
    'cheveux mi-longs',
    'cheveux longs',
    'express',
    'prestige',
    'enfant',
    'avec brushing',
    'styliste senior',
  ],
  es: ['pelo corto', 'pelo medio', 'pelo largo', 'exprés', 'prémium', 'niños', 'con peinado', 'estilista sénior'],
  de: ['kurze Haare', 'mittellange Haare', 'lange Haare', 'Express', 'Premium', 'Kinder', 'mit Styling', 'Top-Stylist'],
};

const CATEGORY_EXTRA: Record<BigLang, string> = {
  ru: 'Прочие услуги',
  en: 'Other services',
  fr: 'Autres prestations',
  es: 'Otros servicios',
  de: 'Weitere Leistungen',
};

const FIRST: Record<BigLang, string[]> = {
  ru: [
    'Анна',
    'Мария',
    'Екатерина',
    'Ольга',
    'Дмитрий',
    'Алексей',
    'Айгерим',
    'Динара',
    'Ерлан',
    'Жанна',
    'Юлия',
    'Ксения',
  ],
  en: ['Olivia', 'Emma', 'Ava', 'Sophia', 'Liam', 'Noah', 'Mia', 'Ethan', 'Chloe', 'Grace', 'Lucas', 'Zoe'],
  fr: ['Camille', 'Léa', 'Chloé', 'Inès', 'Hugo', 'Lucas', 'Élodie', 'Manon', 'Théo', 'Zoé', 'Anaïs', 'Maëlle'],
  es: [
    'Lucía',
    'Sofía',
    'María',
    'Martina',
    'Hugo',
    'Mateo',
    'Paula',
    'Alejandro',
    'Valeria',
    'Daniela',
    'Íñigo',
    'Begoña',
  ],
  de: ['Anna', 'Lena', 'Sophie', 'Jonas', 'Lukas', 'Mia', 'Hannah', 'Felix', 'Jürgen', 'Björn', 'Käthe', 'Lea'],
};
const LAST: Record<BigLang, string[]> = {
  ru: ['Иванова', 'Смирнова', 'Ким', 'Нурланова', 'Петрова', 'Соколова', 'Волкова', 'Омарова'],
  en: ['Smith', 'Johnson', 'Brown', 'Taylor', 'Miller', 'Davis', 'Wilson', 'Moore'],
  fr: ['Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Rousseau', 'Bernard', 'Faure', 'Mercier'],
  es: ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Fernández', 'Núñez'],
  de: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weiß', 'Groß', 'Köhler', 'Böhm'],
};
const TIMEZONES: Record<BigLang, [string, number, string]> = {
  ru: ['Asia/Almaty', 5, '₸'],
  en: ['America/New_York', -5, '$'],
  fr: ['Europe/Paris', 1, '€'],
  es: ['Europe/Madrid', 1, '€'],
  de: ['Europe/Berlin', 1, '€'],
};
const CITIES: Record<BigLang, string> = { ru: 'Алматы', en: 'New York', fr: 'Paris', es: 'Madrid', de: 'München' };

function baseTitles(lang: BigLang): { category: number; title: string; minutes: number; usd: [number, number] }[] {
  const out: { category: number; title: string; minutes: number; usd: [number, number] }[] = [];
  if (lang === 'ru' || lang === 'en' || lang === 'fr') {
    MENU.forEach((c, ci) =>
      c.items.forEach((it) => out.push({ category: ci, title: it.title[lang], minutes: it.minutes, usd: it.usd })),
    );
  }
  EXTRA[lang].forEach((title, i) =>
    out.push({ category: MENU.length, title, minutes: 30 + (i % 6) * 15, usd: [30 + i * 7, 40 + i * 9] }),
  );
  return out;
}

/**
 * A large chain for benchmarks: `locations` × `servicesPerLocation` × `staffPerLocation`, with
 * realistic Russian, English, French, Spanish and German titles (Cyrillic and accents included).
 */
export function buildBigDataset(opts: {
  locations: number;
  servicesPerLocation: number;
  staffPerLocation: number;
  seed?: number;
}): DemoDataset {
  const pick = picker(opts.seed ?? 7);
  let categoryId = 200_000;
  let serviceId = 2_000_000;
  let staffId = 500_000;
  let imageGroupId = 800_000;
  const locations: DemoLocation[] = [];
  for (let li = 0; li < opts.locations; li++) {
    const lang = LANGS[li % LANGS.length]!;
    const [timezoneName, timezoneOffset, currency] = TIMEZONES[lang];
    const staff: DemoStaffMember[] = Array.from({ length: opts.staffPerLocation }, (_, i) => {
      const id = ++staffId;
      return {
        id,
        name: `${pick.one(FIRST[lang])} ${pick.one(LAST[lang])}`,
        specialization: pick.one(EXTRA[lang]),
        position: null,
        information: '',
        rating: 5,
        weight: opts.staffPerLocation - i,
        fired: false,
        hidden: false,
        deleted: false,
        color: portraitColor(id),
        photo: i % 2 === 0 ? photoFor(id, ++imageGroupId, pick) : null,
      };
    });
    const bases = baseTitles(lang);
    const categoryTitles = lang === 'es' || lang === 'de' ? [] : MENU.map((c) => c.title[lang]);
    const categories: DemoCategory[] = [...categoryTitles, CATEGORY_EXTRA[lang]].map((title, i) => ({
      id: ++categoryId,
      title,
      weight: 100 - i,
      staffIds: pick.some(staff, Math.min(staff.length, 4)).map((m) => m.id),
    }));
    const services: DemoService[] = [];
    for (let si = 0; si < opts.servicesPerLocation; si++) {
      const base = bases[si % bases.length]!;
      const round = Math.floor(si / bases.length);
      const category = categories[Math.min(base.category, categories.length - 1)]!;
      const rate = lang === 'ru' ? 480 : 1;
      const title =
        round === 0
          ? base.title
          : `${base.title} — ${MODIFIERS[lang][(round - 1) % MODIFIERS[lang].length]}${round > MODIFIERS[lang].length ? ` ${round}` : ''}`;
      const duration = base.minutes * 60;
      services.push({
        id: ++serviceId,
        categoryId: category.id,
        title,
        priceMin: Math.round(base.usd[0] * rate),
        priceMax: Math.round(base.usd[1] * rate),
        duration,
        weight: opts.servicesPerLocation - si,
        active: true,
        comment: '',
        staff: pick
          .some(staff, Math.min(staff.length, pick.int(1, 4)))
          .map((m) => ({ id: m.id, seanceLength: Math.max(900, duration + pick.int(-1, 2) * 900) })),
      });
    }
    const id = 600_000 + li + 1;
    locations.push({
      company: {
        id,
        title: `Front Desk ${CITIES[lang]} #${li + 1}`,
        shortDescr: '',
        country: '',
        city: CITIES[lang],
        address: `${CITIES[lang]}, ${li + 1}`,
        zip: '',
        // NANP 555-0100…0199 are the fictional numbers libphonenumber still accepts as valid.
        phones: [`+1212555${String(100 + (li % 100)).padStart(4, '0')}`],
        email: '',
        site: '',
        timezoneName,
        timezoneOffset,
        currencyShortTitle: currency,
        reportCurrency: currency,
        schedule: '',
        coordinate: { lat: 0, lon: 0 },
      },
      categories,
      services,
      staff,
      license: {
        name: 'Business',
        startDate: '2026-01-01',
        endDate: '2027-01-01',
        active: true,
        staffLimit: 0,
        options: [],
      },
      accounts: ['Cash', 'Card'],
      days: {},
      tips: [],
    });
  }
  return {
    partnerToken: DEMO_PARTNER_TOKEN,
    users: DEMO_USERS.map((u) => ({ ...u, locationIds: undefined })),
    locations,
  };
}
