import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { mapAltegioError } from '../../../src/main/altegio';
import {
  authUserSchema,
  companiesSchema,
  companySchema,
  envelopeSchema,
  licenseSchema,
  serviceCategoriesSchema,
  serviceSchema,
  servicesSchema,
  staffSchema,
  tipsSettingsSchema,
  uploadedImageSchema,
  validatePhoneSchema,
  zReportSchema,
} from '../../../src/main/altegio/schemas';

/** Copies of /work/shared/fixtures/altegio (documented and live bodies; see SOURCES.md there). */
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', `${name}.json`), 'utf8'));

function data<S extends z.ZodType>(schema: S, name: string): z.output<S> {
  const envelope = envelopeSchema.parse(fixture(name));
  expect(envelope.success).toBe(true);
  return schema.parse(envelope.data);
}

describe('documented Altegio bodies parse into the app types', () => {
  it('auth', () => {
    expect(data(authUserSchema, 'auth')).toEqual({
      id: 123456,
      userToken: 'wec23fh8cDfFV4432fc352456',
      name: 'James Smith',
      avatar: 'https://assets.alteg.io/general/0/01/123456789098765_12345678909876.png',
      phone: '+13155550175',
      email: 'j.smith@example.com',
    });
  });

  it('companies_my: default logo → null, empty email/schedule → null, phones kept', () => {
    const [first, second] = data(companiesSchema, 'companies_my');
    expect(first).toMatchObject({
      id: 1050,
      title: 'La Visage',
      timezoneName: 'America/New_York',
      currencyShortTitle: '$',
      logo: null,
      schedule: null,
    });
    expect(second).toMatchObject({ id: 37532, email: null, phones: ['12125357710', '12125357711'] });
  });

  it('company (no currency on the single object, main_group object)', () => {
    expect(data(companySchema, 'company')).toMatchObject({
      id: 37532,
      title: 'James Smith LLC',
      city: 'New York',
      site: 'james-smith-company.com',
      timezoneName: 'America/New_York',
      currencyShortTitle: null,
      phones: [],
    });
  });

  it('services list without staff links → staff null', () => {
    const list = data(servicesSchema, 'services');
    expect(list).toHaveLength(2);
    expect(list[1]).toEqual({
      id: 83169,
      categoryId: 83167,
      title: "Men's haircut",
      priceMin: 1300,
      priceMax: 1300,
      durationSec: 3600,
      weight: 6,
      active: true,
      comment: null,
      // null in the body: the location's default break, known (kept for the offline edit form).
      technicalBreakSec: null,
      staff: null,
    });
  });

  it('single service with per-member durations', () => {
    expect(data(serviceSchema, 'service').staff).toEqual([
      { staffId: 5905, seanceLengthSec: 2700, price: null },
      { staffId: 5907, seanceLengthSec: 3600, price: null },
    ]);
  });

  it('service_categories (meta with total_count)', () => {
    expect(data(serviceCategoriesSchema, 'service_categories')).toEqual([
      { id: 345, title: 'Haircuts for men', weight: 10, staffIds: [5006, 8901, 26514, 26516, 26519, 26520] },
      { id: 3456, title: 'Haircuts for women', weight: 9, staffIds: [5006, 8901] },
    ]);
  });

  it('staff: no-master avatars → null, position [] → null, image_group [] → null', () => {
    const [john, denis] = data(staffSchema, 'staff');
    expect(john).toMatchObject({
      id: 2940951,
      avatar: null,
      avatarBig: null,
      position: { id: 1, title: 'Senior Stylist' },
      imageGroupId: null,
      weight: 100,
    });
    expect(denis).toMatchObject({
      id: 34006,
      position: null,
      avatar: 'https://app.alteg.io/uploads/masters/sm/20151116091208_4369.jpg',
      fired: false,
      hidden: false,
      deleted: false,
    });
  });

  it('staff_member: numbers as strings, image_group object', () => {
    expect(data(staffSchema, 'staff_member')).toEqual([
      {
        id: 17969,
        name: 'Basil',
        specialization: 'the hairdresser',
        position: { id: 1, title: 'Administrator' },
        avatar: 'https://app.alteg.io/uploads/masters/sm/20151018220924_4963.jpg',
        avatarBig: 'https://app.alteg.io/uploads/masters/norm/20151018220924_4963.jpg',
        imageGroupId: 72250,
        weight: 10,
        fired: false,
        hidden: false,
        deleted: false,
      },
    ]);
  });

  it('license: dd.mm.yyyy → YYYY-MM-DD', () => {
    expect(data(licenseSchema, 'license')).toEqual({
      plan: 'Start',
      active: true,
      startDate: '2025-05-07',
      endDate: '2019-11-08',
      staffLimit: 5,
    });
  });

  it('z_report: z_data keyed by Unix seconds → entries; others is one operation', () => {
    const r = data(zReportSchema, 'z_report');
    expect(r.currency).toBe('USD');
    expect(r.stats['goods_paid']).toBe(12452.18);
    expect(r.accounts).toContainEqual({ title: 'Cash', amount: 54321.13 });
    expect(r.totals).toEqual({ accounts: 2657.13, discount: 1241.875 });
    expect(r.entries).toHaveLength(1);
    const [entry] = r.entries;
    expect(entry).toMatchObject({
      timestamp: 1481101200,
      clientId: 11223344,
      clientName: 'John Smith',
      clientEmail: null,
    });
    const master = entry!.masters[0]!;
    expect(master.services[0]!.transactions[0]).toEqual({
      accountsAmount: 0,
      loyaltyAmount: 700,
      paymentType: 'Card: Gold Card',
    });
    expect(master.goods[0]).toMatchObject({ title: 'Spray For Hair', discount: 2.25, resultCost: 12.75 });
    expect(master.others).toMatchObject({ title: 'Other operations', resultCost: 347 });
  });

  it('z_report_empty: z_data [] → no entries; currency symbol kept', () => {
    const r = data(zReportSchema, 'z_report_empty');
    expect(r.entries).toEqual([]);
    expect(r.currency).toBe('₸');
    expect(r.discounts).toEqual([]);
  });

  it('images_upload: the "image_group " key with a trailing space', () => {
    expect(data(uploadedImageSchema, 'images_upload')).toEqual({
      imageGroupId: 72256,
      bound: false,
      images: {
        basic: {
          path: 'https://app.alteg.io/uploads/setting_service_image/c/cf/cf01a5585348731_20170328195919.jpeg',
          width: 373,
          height: 280,
        },
      },
    });
  });

  it('images_delete: data null, meta with a message', () => {
    expect(envelopeSchema.parse(fixture('images_delete'))).toEqual({
      success: true,
      data: null,
      meta: { message: 'Accepted' },
    });
  });

  it('validate_phone and tips_settings', () => {
    expect(data(validatePhoneSchema, 'validate_phone')).toBe(true);
    expect(data(tipsSettingsSchema, 'tips_settings')).toEqual([
      expect.objectContaining({ id: 1, staffId: 742418, isEnabled: true, statusTitle: 'pending account' }),
      expect.objectContaining({ id: 152763, staffId: 743018, isEnabled: true, statusTitle: 'everything is set' }),
    ]);
  });

  it('rejects a body where an id the app depends on has the wrong type', () => {
    const bad = structuredClone(fixture('staff')) as { data: { id: unknown }[] };
    bad.data[0]!.id = { id: 1 };
    expect(staffSchema.safeParse(bad.data).success).toBe(false);
  });
});

describe('documented error bodies map to error codes with Altegio’s message', () => {
  const cases: [string, number, string, string][] = [
    ['error_401', 401, 'AUTH_REQUIRED', 'Authentication needed.'],
    ['error_401_company', 401, 'AUTH_REQUIRED', 'Authentication needed.'],
    ['error_403', 403, 'FORBIDDEN', 'Access denied.'],
    ['error_403_license', 403, 'FORBIDDEN', 'It is necessary to renew the license in the branch with id: 37532'],
    ['error_404', 404, 'NOT_FOUND', 'Team Member with ID 999 was not found in branch 37532.'],
    ['error_404_company', 404, 'NOT_FOUND', 'Not found'],
    ['error_422', 422, 'INVALID_INPUT', 'An error has occurred.'],
    ['error_422_slot_taken', 422, 'INVALID_INPUT', 'Team member Robert Brown (321123) cannot be booked'],
    ['error_429', 429, 'RATE_LIMITED', 'too many requests'],
  ];
  it.each(cases)('%s', (name, status, code, message) => {
    const e = mapAltegioError(status, fixture(name), { endpoint: 'GET /staff/{id}' });
    expect(e.code).toBe(code);
    expect(e.message.toLowerCase()).toContain(message.toLowerCase());
    expect(e.details).toMatchObject({ endpoint: 'GET /staff/{id}', status });
  });

  it('error_404_empty (meta []) still gives a readable sentence', () => {
    const e = mapAltegioError(404, fixture('error_404_empty'), { endpoint: 'GET /staff/{id}' });
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toMatch(/could not find/);
  });

  it('422 errors are flattened whatever their shape', () => {
    const ctx = { endpoint: 'POST /x' };
    const body = (errors: unknown) => ({
      success: false,
      data: null,
      meta: { message: 'An error has occurred.', errors },
    });
    expect(mapAltegioError(422, fixture('error_422'), ctx).details?.['errors']).toEqual([
      'The title field is required.',
    ]);
    expect(mapAltegioError(422, body(['a', 'b']), ctx).details?.['errors']).toEqual(['a', 'b']);
    expect(mapAltegioError(422, body([{ message: 'a' }, { message: 'b' }]), ctx).details?.['errors']).toEqual([
      'a',
      'b',
    ]);
    expect(mapAltegioError(422, body({ title: ['a'], staff: ['b', 'c'] }), ctx).details?.['errors']).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('5xx and HTML bodies → UPSTREAM with the status', () => {
    const e = mapAltegioError(502, undefined, { endpoint: 'GET /companies' });
    expect(e.code).toBe('UPSTREAM');
    expect(e.message).toContain('502');
  });
});
