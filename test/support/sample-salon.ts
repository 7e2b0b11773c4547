import type { Company, Service, StaffMemberRaw } from '../../src/main/altegio/types';
import type { FakeDataset } from './fake-altegio';

/**
 * A small multilingual salon in two locations, normalised as the Altegio client returns it.
 * Names and ids follow the shared fixtures (La Visage 1050, John Smith 2940951, Denis 34006).
 * The Almaty location reuses service ids on purpose (ids are unique per location only) and its
 * service list lacks staff links, as the documented list example does.
 */

export const NY = 1050;
export const ALMATY = 37532;

function company(over: Partial<Company> & Pick<Company, 'id' | 'title'>): Company {
  return {
    address: null,
    city: null,
    phones: [],
    email: null,
    site: null,
    timezoneName: 'UTC',
    currencyShortTitle: '$',
    schedule: null,
    logo: null,
    ...over,
  };
}

function member(over: Partial<StaffMemberRaw> & Pick<StaffMemberRaw, 'id' | 'name'>): StaffMemberRaw {
  return {
    specialization: null,
    position: null,
    avatar: null,
    avatarBig: null,
    imageGroupId: null,
    weight: 0,
    fired: false,
    hidden: false,
    deleted: false,
    ...over,
  };
}

function service(over: Partial<Service> & Pick<Service, 'id' | 'title' | 'categoryId'>): Service {
  return {
    priceMin: 0,
    priceMax: 0,
    durationSec: 3600,
    weight: 0,
    active: true,
    comment: null,
    staff: [],
    ...over,
  };
}

export const AVATAR_JOHN = 'https://assets.alteg.io/masters/origin/john.jpg';
export const AVATAR_DENIS = 'https://app.alteg.io/uploads/masters/norm/20151116091208_4369.jpg';
export const AVATAR_ZOE = 'https://assets.alteg.io/masters/origin/zoe.jpg';

/** A tiny valid JPEG header is enough: the catalogue only stores bytes. */
export function jpegBytes(tag: number): Uint8Array {
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, tag & 0xff, 0x00, 0xff, 0xd9]);
}

export function sampleSalon(): FakeDataset {
  return {
    user: {
      id: 123456,
      userToken: 'user-token-sample',
      name: 'James Smith',
      avatar: null,
      phone: '+13155550175',
      email: 'j.smith@example.com',
    },
    images: { [AVATAR_JOHN]: jpegBytes(1), [AVATAR_DENIS]: jpegBytes(2), [AVATAR_ZOE]: jpegBytes(3) },
    locations: [
      {
        company: company({
          id: NY,
          title: 'La Visage',
          city: 'New York',
          address: 'New York, 787 Jackson Drive',
          phones: ['+13155550175'],
          email: 'info@lavisage.com',
          site: 'https://lavisage.example',
          timezoneName: 'America/New_York',
          currencyShortTitle: 'USD',
          schedule: 'Mon–Sat 9:00–20:00',
        }),
        license: { plan: 'Start', active: true, startDate: '2025-05-07', endDate: '2026-03-27', staffLimit: 5 },
        categories: [
          { id: 83167, title: 'Haircuts', weight: 10, staffIds: [2940951, 34006] },
          { id: 83168, title: 'Coloring', weight: 9, staffIds: [2940951] },
          { id: 83170, title: 'Ногти', weight: 5, staffIds: [5] },
        ],
        services: [
          service({
            id: 83169,
            title: "Men's haircut",
            categoryId: 83167,
            priceMin: 40,
            priceMax: 40,
            durationSec: 3600,
            weight: 6,
            staff: [
              { staffId: 2940951, seanceLengthSec: 3600, price: null },
              { staffId: 34006, seanceLengthSec: 2700, price: 45 },
            ],
          }),
          service({
            id: 83171,
            title: 'Стрижка женская',
            categoryId: 83167,
            priceMin: 60,
            priceMax: 90,
            durationSec: 5400,
            weight: 5,
            staff: [{ staffId: 34006, seanceLengthSec: 5400, price: null }],
          }),
          service({
            id: 83172,
            title: 'Balayage',
            categoryId: 83168,
            priceMin: 120,
            priceMax: 250,
            durationSec: 10800,
            weight: 8,
            comment: 'Consultation first',
            staff: [{ staffId: 2940951, seanceLengthSec: 10800, price: null }],
          }),
          service({
            id: 83173,
            title: 'Coloración completa',
            categoryId: 83168,
            priceMin: 90,
            priceMax: 150,
            durationSec: 7200,
            weight: 7,
            staff: [
              { staffId: 2940951, seanceLengthSec: 7200, price: null },
              { staffId: 6, seanceLengthSec: 7200, price: null },
            ],
          }),
          service({
            id: 83174,
            title: 'Colour rub-out',
            categoryId: 83168,
            priceMin: 30,
            priceMax: 30,
            durationSec: 1800,
            weight: 1,
            staff: [{ staffId: 2940951, seanceLengthSec: 1800, price: null }],
          }),
          service({
            id: 83175,
            title: 'Manucure française',
            categoryId: 83170,
            priceMin: 35,
            priceMax: 35,
            durationSec: 3600,
            weight: 3,
            staff: [
              { staffId: 5, seanceLengthSec: 3600, price: null },
              { staffId: 7, seanceLengthSec: 3600, price: null },
            ],
          }),
          service({
            id: 83176,
            title: 'Ёлочка: укладка',
            categoryId: 83167,
            priceMin: 25,
            priceMax: 25,
            durationSec: 2700,
            weight: 2,
            staff: [{ staffId: 34006, seanceLengthSec: 2700, price: null }],
          }),
          service({
            id: 83177,
            title: 'Peinado "Gala" (long hair)',
            categoryId: 83167,
            priceMin: 70,
            priceMax: 70,
            durationSec: 3600,
            weight: 1,
            staff: [],
          }),
        ],
        staff: [
          member({
            id: 2940951,
            name: 'John Smith',
            specialization: 'Hair Stylist',
            position: { id: 1, title: 'Senior Stylist' },
            avatar: 'https://assets.alteg.io/masters/sm/john.jpg',
            avatarBig: AVATAR_JOHN,
            imageGroupId: 7001,
            weight: 100,
          }),
          member({ id: 34006, name: 'Denis', specialization: 'the hairdresser', avatar: AVATAR_DENIS, weight: 9 }),
          member({ id: 5, name: 'Zoë Müller', specialization: 'Nails', avatarBig: AVATAR_ZOE, weight: 5 }),
          member({ id: 6, name: 'Helen Hidden', hidden: true, weight: 4 }),
          member({ id: 7, name: 'Fred Fired', fired: true, weight: 3 }),
          member({ id: 8, name: 'Dora Deleted', deleted: true, weight: 2 }),
        ],
      },
      {
        company: company({
          id: ALMATY,
          title: 'Салон «Алма»',
          city: 'Алматы',
          address: 'пр. Абая, 10',
          phones: ['+77270000000', '+77010000000'],
          timezoneName: 'Asia/Almaty',
          currencyShortTitle: '₸',
        }),
        license: { plan: 'Business', active: true, startDate: '2025-01-01', endDate: '2027-01-01', staffLimit: 0 },
        categories: [
          { id: 1, title: 'Парикмахерские услуги', weight: 2, staffIds: [] },
          { id: 2, title: 'Косметология', weight: 1, staffIds: [] },
        ],
        services: [
          service({
            id: 83169,
            title: 'Стрижка мужская',
            categoryId: 1,
            priceMin: 5000,
            priceMax: 5000,
            durationSec: 2700,
            staff: null,
          }),
          service({
            id: 2,
            title: 'Стрижка детская',
            categoryId: 1,
            priceMin: 3500,
            priceMax: 4000,
            durationSec: 1800,
            staff: null,
          }),
          service({
            id: 3,
            title: 'Чистка лица',
            categoryId: 2,
            priceMin: 12000,
            priceMax: 18000,
            durationSec: 5400,
            staff: null,
          }),
        ],
        servicesOfStaff: { 11: [83169, 2], 12: [3] },
        staff: [
          member({ id: 11, name: 'Айгерим Сулейменова', position: { id: 2, title: 'Мастер' }, weight: 2 }),
          member({ id: 12, name: 'Алёна Ким', position: { id: 3, title: 'Косметолог' }, weight: 1 }),
        ],
      },
    ],
  };
}
