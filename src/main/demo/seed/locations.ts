import type { DemoCompany } from '../types';
import type { Lang } from './catalog';

export interface TeamMemberSeed {
  name: string;
  specialization: string;
  position: string;
  /** Menu category keys this member performs. */
  skills: string[];
  /** < 1 works faster than the menu time, > 1 slower. */
  pace: number;
  photo: boolean;
  fired?: boolean;
  hidden?: boolean;
}

export interface LocationSeed {
  company: DemoCompany;
  lang: Lang;
  /** Multiply US dollar prices by this, then round to `roundTo`. */
  rate: number;
  roundTo: number;
  /** Menu items left out at this location (by English title). */
  skip: string[];
  accounts: string[];
  phonePrefix: string;
  /** Licence end, in days from "now". */
  licenseDays: number;
  licenseName: string;
  tips: boolean;
  team: TeamMemberSeed[];
}

export const LOCATIONS: LocationSeed[] = [
  {
    company: {
      id: 410001,
      title: 'Front Desk Beauty — SoHo',
      shortDescr: 'Hair, nails and spa',
      country: 'United States',
      city: 'New York',
      address: '112 Spring Street, New York, NY 10012',
      zip: '10012',
      phones: ['+12125550141', '+12125550142'],
      email: 'soho@frontdesk-beauty.example',
      site: 'frontdesk-beauty.example/soho',
      timezoneName: 'America/New_York',
      timezoneOffset: -5,
      currencyShortTitle: '$',
      reportCurrency: 'USD',
      schedule: 'Mon–Fri 9:00–20:00, Sat 10:00–18:00, Sun closed',
      coordinate: { lat: 40.72452, lon: -74.00099 },
    },
    lang: 'en',
    rate: 1,
    roundTo: 5,
    skip: ['First haircut', 'Airtouch'],
    accounts: ['Cash', 'Card'],
    phonePrefix: '+1917555',
    licenseDays: 210,
    licenseName: 'Business',
    tips: true,
    team: [
      {
        name: 'Olivia Bennett',
        specialization: 'Senior stylist',
        position: 'Senior Stylist',
        skills: ['women', 'styling', 'color', 'kids'],
        pace: 0.85,
        photo: true,
      },
      {
        name: 'Marcus Reed',
        specialization: 'Barber',
        position: 'Barber',
        skills: ['men', 'kids'],
        pace: 0.9,
        photo: true,
      },
      {
        name: 'Sofia Alvarez',
        specialization: 'Colorist',
        position: 'Colorist',
        skills: ['color', 'women'],
        pace: 1,
        photo: true,
      },
      {
        name: 'Emily Chen',
        specialization: 'Nail technician',
        position: 'Nail Technician',
        skills: ['manicure', 'pedicure'],
        pace: 1,
        photo: true,
      },
      {
        name: 'Grace Kim',
        specialization: 'Esthetician',
        position: 'Esthetician',
        skills: ['face', 'brows', 'wax', 'makeup'],
        pace: 1,
        photo: true,
      },
      {
        name: 'Daniel Brooks',
        specialization: 'Massage therapist',
        position: 'Massage Therapist',
        skills: ['massage'],
        pace: 1,
        photo: true,
      },
      {
        name: 'Hannah Lee',
        specialization: 'Junior stylist',
        position: 'Junior Stylist',
        skills: ['women', 'styling'],
        pace: 1.25,
        photo: false,
        hidden: true,
      },
      {
        name: 'Tyler Ross',
        specialization: 'Barber',
        position: 'Barber',
        skills: ['men'],
        pace: 1,
        photo: true,
        fired: true,
      },
    ],
  },
  {
    company: {
      id: 410002,
      title: 'Front Desk Beauty — Алматы',
      shortDescr: 'Салон красоты',
      country: 'Казахстан',
      city: 'Алматы',
      address: 'пр. Абая, 52, Алматы 050008',
      zip: '050008',
      phones: ['+77272550173'],
      email: 'almaty@frontdesk-beauty.example',
      site: 'frontdesk-beauty.example/almaty',
      timezoneName: 'Asia/Almaty',
      timezoneOffset: 5,
      currencyShortTitle: '₸',
      reportCurrency: '₸',
      schedule: 'Ежедневно 10:00–21:00',
      coordinate: { lat: 43.23805, lon: 76.90594 },
    },
    lang: 'ru',
    rate: 480,
    roundTo: 500,
    skip: ['Hot towel shave', 'Brazilian wax', 'Hair ends trim'],
    accounts: ['Cash', 'Card', 'Kaspi QR'],
    phonePrefix: '+7701555',
    licenseDays: 95,
    licenseName: 'Стандарт',
    tips: false,
    team: [
      {
        name: 'Айгерим Нурланова',
        specialization: 'Стилист-парикмахер',
        position: 'Топ-стилист',
        skills: ['women', 'styling', 'kids'],
        pace: 0.9,
        photo: true,
      },
      {
        name: 'Дмитрий Ким',
        specialization: 'Барбер',
        position: 'Барбер',
        skills: ['men', 'kids'],
        pace: 1,
        photo: true,
      },
      {
        name: 'Алия Сейтказиева',
        specialization: 'Колорист',
        position: 'Колорист',
        skills: ['color', 'women'],
        pace: 1,
        photo: true,
      },
      {
        name: 'Мадина Ахметова',
        specialization: 'Мастер маникюра',
        position: 'Мастер ногтевого сервиса',
        skills: ['manicure', 'pedicure'],
        pace: 0.9,
        photo: true,
      },
      {
        name: 'Екатерина Смирнова',
        specialization: 'Косметолог',
        position: 'Косметолог',
        skills: ['face', 'wax', 'brows'],
        pace: 1.1,
        photo: true,
      },
      {
        name: 'Ерлан Жумабаев',
        specialization: 'Массажист',
        position: 'Массажист',
        skills: ['massage'],
        pace: 1,
        photo: false,
      },
      {
        name: 'Жанна Омарова',
        specialization: 'Визажист, бровист',
        position: 'Визажист',
        skills: ['makeup', 'brows'],
        pace: 1,
        photo: true,
      },
    ],
  },
  {
    company: {
      id: 410003,
      title: 'Front Desk Beauté — Le Marais',
      shortDescr: 'Salon de coiffure et institut',
      country: 'France',
      city: 'Paris',
      address: '24 rue des Francs-Bourgeois, 75003 Paris',
      zip: '75003',
      phones: ['+33142555018'],
      email: 'marais@frontdesk-beauty.example',
      site: 'frontdesk-beauty.example/paris',
      timezoneName: 'Europe/Paris',
      timezoneOffset: 1,
      currencyShortTitle: '€',
      reportCurrency: 'EUR',
      schedule: 'Mar–Sam 9h30–19h30, Dim–Lun fermé',
      coordinate: { lat: 48.85764, lon: 2.35983 },
    },
    lang: 'fr',
    rate: 0.92,
    roundTo: 1,
    skip: ['Buzz cut', 'Hot stone massage', 'Gel removal'],
    accounts: ['Cash', 'Card'],
    phonePrefix: '+3361255',
    licenseDays: 5,
    licenseName: 'Start',
    tips: true,
    team: [
      {
        name: 'Camille Dubois',
        specialization: 'Coiffeuse',
        position: 'Coiffeuse senior',
        skills: ['women', 'styling', 'kids'],
        pace: 0.9,
        photo: true,
      },
      { name: 'Lucas Martin', specialization: 'Barbier', position: 'Barbier', skills: ['men'], pace: 1, photo: true },
      {
        name: 'Chloé Lefèvre',
        specialization: 'Coloriste',
        position: 'Coloriste',
        skills: ['color', 'women'],
        pace: 1,
        photo: true,
      },
      {
        name: 'Inès Moreau',
        specialization: 'Prothésiste ongulaire',
        position: 'Prothésiste ongulaire',
        skills: ['manicure', 'pedicure'],
        pace: 1,
        photo: true,
      },
      {
        name: 'Élodie Girard',
        specialization: 'Esthéticienne',
        position: 'Esthéticienne',
        skills: ['face', 'wax', 'brows'],
        pace: 1,
        photo: true,
      },
      {
        name: 'Hugo Bernard',
        specialization: 'Masseur-kinésithérapeute',
        position: 'Masseur',
        skills: ['massage'],
        pace: 0.95,
        photo: true,
      },
      {
        name: 'Margaux Rousseau',
        specialization: 'Maquilleuse',
        position: 'Maquilleuse',
        skills: ['makeup'],
        pace: 1,
        photo: false,
      },
    ],
  },
];
